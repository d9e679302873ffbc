package org.rnnlab.engine;

/**
 * Picks the fastest of a few ways of doing the same work by their recent costs: each way's last
 * WINDOW costs judged by their least (a descheduled thread or a garbage collection only ever makes
 * a sample slower), every way tried a few times first, and another way tried every
 * {@code exploreEvery} calls, so that a way that has become faster is found again. It leaves the
 * way it keeps only for one at least {@link #MARGIN} cheaper: between two ways as fast, noise alone
 * had it change ways at one call in twenty (Recurrence32, whose change of way costs a copy). The
 * ways must give the same results; only their speed may differ. Not thread-safe.
 */
final class FastestWay {
    private static final int WINDOW = 7;
    private static final int FIRST_TRIES = 3;
    static final double MARGIN = 0.9;

    private final double[][] recent;
    private final int[] count; // samples held, up to WINDOW
    private final int[] slot;  // where the next sample goes
    private final int exploreEvery;
    private int calls;
    private int explored;      // the last way tried out of turn
    private int kept;          // the way taken when none is tried out of turn

    FastestWay(int ways, int exploreEvery) {
        recent = new double[ways][WINDOW];
        count = new int[ways];
        slot = new int[ways];
        this.exploreEvery = exploreEvery;
    }

    /** The way to take now. */
    int next() {
        int ways = count.length;
        for (int w = 0; w < ways; w++) {
            if (count[w] < FIRST_TRIES) {
                return w;
            }
        }
        int best = kept;
        for (int w = 0; w < ways; w++) {
            if (least(w) < least(best)) {
                best = w;
            }
        }
        if (least(best) < MARGIN * least(kept)) {
            kept = best;
        }
        best = kept;
        calls = (calls + 1) % exploreEvery;
        if (calls == 0) {
            explored = (explored + 1) % ways;
            if (explored == best) {
                explored = (explored + 1) % ways;
            }
            return explored;
        }
        return best;
    }

    /** What the way taken cost (any unit, the same for every way). */
    void record(int way, double cost) {
        recent[way][slot[way]] = cost;
        slot[way] = (slot[way] + 1) % WINDOW;
        count[way] = Math.min(count[way] + 1, WINDOW);
    }

    private double least(int way) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count[way]; i++) {
            m = Math.min(m, recent[way][i]);
        }
        return m;
    }
}
