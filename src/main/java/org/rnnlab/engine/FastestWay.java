package org.rnnlab.engine;

/**
 * Picks the fastest of a few ways of doing the same work by their recent costs ({@link RecentCosts}):
 * every way tried a few times first, and another way tried every {@code exploreEvery} calls, so
 * that a way that has become faster is found again. It leaves the way it keeps only for one that
 * costs less than {@link #MARGIN} times as much: between two ways as fast, noise alone had it change
 * ways at one call in twenty (Recurrence32, whose change of way costs a copy). The ways must give
 * the same results; only their speed may differ. Not thread-safe.
 */
final class FastestWay {
    private static final int WINDOW = 7;
    private static final int FIRST_TRIES = 3;
    static final double MARGIN = 0.9;

    private final RecentCosts costs;
    private final int ways;
    private final int exploreEvery;
    private int calls;
    private int explored;      // the last way tried out of turn
    private int kept;          // the way taken when none is tried out of turn

    FastestWay(int ways, int exploreEvery) {
        costs = new RecentCosts(ways, WINDOW);
        this.ways = ways;
        this.exploreEvery = exploreEvery;
    }

    /** The way to take now. */
    int next() {
        for (int w = 0; w < ways; w++) {
            if (costs.count(w) < FIRST_TRIES) {
                return w;
            }
        }
        int best = kept;
        for (int w = 0; w < ways; w++) {
            if (costs.least(w) < costs.least(best)) {
                best = w;
            }
        }
        if (costs.least(best) < MARGIN * costs.least(kept)) {
            kept = best;
        }
        calls = (calls + 1) % exploreEvery;
        if (calls == 0) {
            explored = (explored + 1) % ways;
            if (explored == kept) {
                explored = (explored + 1) % ways;
            }
            return explored;
        }
        return kept;
    }

    /** What the way taken cost (any unit, the same for every way). */
    void record(int way, double cost) {
        costs.record(way, cost);
    }
}
