package org.rnnlab.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place on stderr, only when stderr is a terminal (even with
 * standard output redirected); otherwise every call does nothing, so logs stay clean.
 * Redraws at most ten times a second, so calling it on every training step costs a clock read.
 */
final class ProgressBar {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintStream err;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long nextDraw;
    private int drawnWidth;

    ProgressBar(PrintStream err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** Enabled only when standard error is a terminal. */
    static ProgressBar forConsole() {
        return new ProgressBar(System.err, Terminal.stderrIsTerminal());
    }

    boolean enabled() {
        return enabled;
    }

    /** Redraws if due: {@code [#####.....]  45%  <status>  ETA 1:23}. */
    void update(long done, long total, String status) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now < nextDraw && done < total) {
            return;
        }
        nextDraw = now + REDRAW_NANOS;
        draw(done, total, status, now);
    }

    /** Shows a status at once (e.g. "computing the loss"), keeping the bar's position. */
    void status(long done, long total, String status) {
        if (enabled) {
            nextDraw = 0;
            update(done, total, status);
        }
    }

    private void draw(long done, long total, String status, long now) {
        double fraction = total <= 0 ? 0 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        StringBuilder line = new StringBuilder(120);
        line.append('[').append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ");
        line.append(String.format(Locale.ROOT, "%3.0f%%  ", fraction * 100)).append(status);
        double elapsed = (now - startNanos) / 1e9;
        if (done > 0 && done < total && elapsed > 2) { // early rates are JIT warm-up
            line.append("  ETA ").append(duration(elapsed / done * (total - done)));
        }
        String text = line.toString();
        int pad = Math.max(0, drawnWidth - text.length());
        err.print("\r" + text + " ".repeat(pad));
        err.flush();
        drawnWidth = text.length();
    }

    /** Erases the bar, so a normal line can be printed; the next update draws it again. */
    void clear() {
        if (enabled && drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
            nextDraw = 0;
        }
    }

    static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
