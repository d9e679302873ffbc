package org.rnnlab.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The full softmax's FORWARD phase shared between the engine's two threads by the work each finds
 * left, not by fixed vocabulary halves, with the same sums whoever does the work.
 *
 * <p>Why: on a shared machine each core's speed moves from one step to the next, and with fixed
 * halves the step waits for the slower one. Emulating an AVX2 machine on a busy host, one half took
 * 20-25% longer than the other in three steps of ten, against 1% on a quiet host. Threads that take
 * work as they go end together.
 *
 * <p>How: each vocabulary half is cut into at most {@link #GROUPS_A_HALF} groups of whole units
 * (VectorProducts' sweeps, or the blocks of OpenBLAS's products). The caller takes groups from the
 * front and the lane from the back, a group at a time, until none is left. Each group keeps its own
 * row sums and G; a half's groups are then added in their order. So the results do not depend on
 * which thread took which group, nor on whether the lane took any. (A float sum depends on its
 * order: with a sum per thread, a step's gradient would change with the machine's load, and a
 * training run with the same seed would not give the same model.)
 *
 * <p>With {@code partialRows} > 0, the groups' sums are kept here, on the heap (VectorProducts);
 * else the kernel keeps them. Not thread-safe but for {@link #claim}: one pass at a time.
 */
final class WordGroups {
    /** At C 8,000, 16 groups of about 250 words: about 70 us of one thread's work each at H 100. */
    static final int GROUPS_A_HALF = 8;
    /** Tests and StepsInTurns: each thread takes only its own half's groups, as before (read by Kernel when made). */
    static volatile boolean forceFixedHalves = false;

    private final int[] half;   // a group's half
    private final int[] start;  // its first word, from its half's first
    private final int[] end;    // past its last word
    private final float[][] z;  // its row sums (partialRows), or null
    private final float[][] gT; // its G^T (H x partialRows), or null
    private final AtomicInteger taken = new AtomicInteger();
    private final boolean fixedHalves;

    /**
     * Groups of whole units of {@code unit} words for halves of {@code widths[0]} and
     * {@code widths[1]} words; with {@code partialRows} > 0, their sums kept here for chunks of up to
     * that many rows, H hidden units. {@code fixedHalves}: see {@link #forceFixedHalves}.
     */
    WordGroups(int[] widths, int unit, int H, int partialRows, boolean fixedHalves) {
        this.fixedHalves = fixedHalves;
        int[] count = new int[2];
        for (int h = 0; h < 2; h++) {
            count[h] = Math.max(1, Math.min(GROUPS_A_HALF, units(widths[h], unit)));
        }
        int all = count[0] + count[1];
        half = new int[all];
        start = new int[all];
        end = new int[all];
        z = partialRows > 0 ? new float[all][partialRows] : null;
        gT = partialRows > 0 ? new float[all][H * partialRows] : null;
        int g = 0;
        for (int h = 0; h < 2; h++) {
            int units = units(widths[h], unit);
            for (int j = 0; j < count[h]; j++, g++) {
                half[g] = h;
                start[g] = (int) Math.min(widths[h], (long) j * units / count[h] * unit);
                end[g] = (int) Math.min(widths[h], (long) (j + 1) * units / count[h] * unit);
            }
        }
    }

    private static int units(int width, int unit) {
        return (width + unit - 1) / unit;
    }

    /** Before a pass: every group is left. */
    void reset() {
        taken.set(0);
    }

    /**
     * The group thread {@code t} works on next, its {@code mine}-th (from 0), or -1 when none is
     * left: thread 0 takes them from the first, thread 1 from the last.
     */
    int claim(int t, int mine) {
        int all = half.length;
        if (fixedHalves) {
            int g = t == 0 ? mine : all - 1 - mine;
            return g >= 0 && g < all && half[g] == t ? g : -1;
        }
        if (taken.getAndIncrement() >= all) {
            return -1;
        }
        return t == 0 ? mine : all - 1 - mine;
    }

    int count() {
        return half.length;
    }

    int half(int g) {
        return half[g];
    }

    /** Whether g is its half's first group. */
    boolean firstOfHalf(int g) {
        return g == 0 || half[g - 1] != half[g];
    }

    int start(int g) {
        return start[g];
    }

    int end(int g) {
        return end[g];
    }

    float[] z(int g) {
        return z[g];
    }

    float[] gT(int g) {
        return gT[g];
    }

    /**
     * Half h's row sums into zs (tp floats) and, with {@code gradients}, its G^T into gTs (H x tp),
     * from the sums kept here: its groups added in their order.
     */
    void sum(int h, int H, int tp, float[] zs, float[] gTs, boolean gradients) {
        for (int g = 0; g < half.length; g++) {
            if (half[g] == h) {
                add(z[g], zs, tp, firstOfHalf(g));
                if (gradients) {
                    add(gT[g], gTs, H * tp, firstOfHalf(g));
                }
            }
        }
    }

    /** to = from (copy) or to += from, over the first {@code length} numbers. */
    static void add(float[] from, float[] to, int length, boolean copy) {
        if (copy) {
            System.arraycopy(from, 0, to, 0, length);
            return;
        }
        for (int i = 0; i < length; i++) {
            to[i] += from[i];
        }
    }
}
