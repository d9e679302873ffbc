package org.rnnlab.common;

import java.util.Locale;

/**
 * Says before a large allocation whether it fits, so a command refuses in one line (what it needs,
 * what this Java may use, which option lowers it) instead of running out of memory half way.
 *
 * <p>The estimate is deliberately rough and on the safe side: ND4J keeps its arrays outside the Java
 * heap, but JavaCPP caps them at the heap's maximum by default, so the heap's limit is the one that
 * matters for both.
 */
public final class MemoryBudget {
    /** Exit status of a command that ran out of memory (distinct from bad input's 2 and a stop's 130). */
    public static final int EXIT_OUT_OF_MEMORY = 4;
    /**
     * Copies of the parameters a training run holds: the weights, their gradients, the last good copy
     * that divergence puts back, and the engine's working mirror.
     */
    public static final int TRAINING_COPIES = 4;

    private MemoryBudget() {
    }

    /** The most this Java may still take, in bytes: its limit less what it holds now. */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** The bytes a model of {@code parameters} numbers of {@code bytesPerNumber} takes, times {@code copies}. */
    public static long modelBytes(long parameters, int bytesPerNumber, int copies) {
        return parameters * bytesPerNumber * copies;
    }

    /**
     * Refuses when {@code bytes} does not fit.
     *
     * @param what  what needs it, e.g. "a model with C = 8000 and H = 10000 and its gradients"
     * @param lower how to need less, e.g. "a smaller --hidden"
     */
    public static void require(long bytes, String what, String lower) {
        long free = available();
        if (bytes > free) {
            throw UserException.said("memory.tooLittle", what, size(bytes), size(free),
                    size(Runtime.getRuntime().maxMemory()), lower, String.valueOf(
                    Math.max(2, (long) Math.ceil((bytes + Runtime.getRuntime().maxMemory() - free) * 1.25 / (1L << 30)))));
        }
    }

    /** One line for an {@link OutOfMemoryError} met while running {@code command}. */
    public static String outOfMemory(String command, String lower) {
        return String.format(Locale.ROOT, "%s ran out of memory (this Java's limit is %s); %sgive Java more memory "
                        + "(java -Xmx%dg -jar ...)", command, size(Runtime.getRuntime().maxMemory()),
                lower == null || lower.isEmpty() ? "" : lower + ", or ",
                Math.max(2, 2 * Runtime.getRuntime().maxMemory() / (1L << 30)));
    }

    /** Whether {@code t} is, or was caused by, running out of memory. */
    public static boolean isOutOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** 1.5 GB, 300 MB, 12 kB. */
    public static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%d MB", bytes >> 20);
        }
        return String.format(Locale.ROOT, "%d kB", Math.max(1, bytes >> 10));
    }
}
