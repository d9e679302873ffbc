package org.rnnlab.app.charts;

import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.rnnlab.app.support.Theme;

/**
 * Bars on a log scale, one per category, with a label under each: for quantities that span
 * decades (a delta's norm lag by lag). Bars can be greyed out (what truncation cuts). Drawn on a
 * canvas that follows the node's size, the theme and the text size.
 */
public final class LogBars extends Region {
    private final Canvas canvas = new Canvas();
    private final InvalidationListener redraw = o -> requestLayout();
    private double[] values = new double[0];
    private boolean[] greyed = new boolean[0];
    private String[] labels = new String[0];

    public LogBars() {
        getChildren().add(canvas);
        getStyleClass().add("log-bars");
        Theme.darkProperty().addListener(new WeakInvalidationListener(redraw));
        Theme.fontSizeProperty().addListener(new WeakInvalidationListener(redraw));
        setMinHeight(140);
        setPrefHeight(220);
    }

    /** Shows these bars (FX thread); values <= 0 draw no bar. */
    public void set(double[] values, boolean[] greyed, String[] labels) {
        this.values = values.clone();
        this.greyed = greyed.clone();
        this.labels = labels.clone();
        requestLayout();
        draw();
    }

    public double[] values() {
        return values.clone();
    }

    public boolean[] greyed() {
        return greyed.clone();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(Math.max(1, getWidth()));
        canvas.setHeight(Math.max(1, getHeight()));
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        int n = values.length;
        if (n == 0) {
            return;
        }
        double font = Theme.fontSizeProperty().get() * 0.8;
        Color ink = Theme.isDark() ? Color.gray(0.85) : Color.gray(0.2);
        Color grid = Theme.isDark() ? Color.gray(0.35) : Color.gray(0.85);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (v > 0) {
                lo = Math.min(lo, Math.log10(v));
                hi = Math.max(hi, Math.log10(v));
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return;
        }
        int bottom = (int) Math.floor(lo);
        int top = Math.max(bottom + 1, (int) Math.ceil(hi));
        double left = font * 3.2;
        double labelRows = font * 3.2;
        double plotTop = font * 0.8;
        double plotBottom = h - labelRows;
        double plotHeight = Math.max(1, plotBottom - plotTop);
        g.setFont(Font.font(font));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        int step = Math.max(1, (top - bottom + 5) / 6);
        for (int d = bottom; d <= top; d += step) {
            double y = plotBottom - plotHeight * (d - bottom) / (top - bottom);
            g.setStroke(grid);
            g.strokeLine(left, y, w, y);
            g.setFill(ink);
            g.fillText(d == 0 ? "1" : "1e" + d, left - 4, y);
        }
        double slot = (w - left) / n;
        double bar = Math.max(2, Math.min(48, 0.7 * slot));
        Color blue = Color.web(Charts.BLUE);
        Color grey = Color.web(Charts.GREY, 0.45);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < n; i++) {
            double cx = left + slot * (i + 0.5);
            if (values[i] > 0) {
                double y = plotBottom - plotHeight * (Math.log10(values[i]) - bottom) / (top - bottom);
                g.setFill(greyed[i] ? grey : blue);
                g.fillRect(cx - bar / 2, y, bar, plotBottom - y);
            }
            g.setFill(greyed[i] ? Color.web(Charts.GREY) : ink);
            String label = labels[i];
            double room = slot * 1.9;
            if (label.length() * font * 0.55 > room) {
                label = label.substring(0, Math.max(1, (int) (room / (font * 0.55)) - 1)) + "\u2026";
            }
            // every other label one row lower, so that neighbours do not overlap
            g.fillText(label, cx, plotBottom + 3 + (i % 2) * font * 1.2);
        }
    }

    /** "3.2e-2"-style text of a norm, for tables beside the bars. */
    public static String scientific(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }
}
