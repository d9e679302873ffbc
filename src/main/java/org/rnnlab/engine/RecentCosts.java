package org.rnnlab.engine;

/**
 * The last few costs of each of a few ways of doing the same work, each way judged by the least of
 * them: a descheduled thread, a garbage collection or a call before the JIT compiled the code only
 * ever makes a sample slower. Shared by the engine's timed choices ({@link Kernel.LaneChoice},
 * {@link FastestWay}). Not thread-safe.
 */
final class RecentCosts {
    private final double[][] recent;
    private final int[] count; // samples held, up to the window
    private final int[] slot;  // where the next sample goes

    RecentCosts(int ways, int window) {
        recent = new double[ways][window];
        count = new int[ways];
        slot = new int[ways];
    }

    void record(int way, double cost) {
        recent[way][slot[way]] = cost;
        slot[way] = (slot[way] + 1) % recent[way].length;
        count[way] = Math.min(count[way] + 1, recent[way].length);
    }

    /** Samples held for the way. */
    int count(int way) {
        return count[way];
    }

    /** The least sample held for the way (infinity when none). */
    double least(int way) {
        double m = Double.POSITIVE_INFINITY;
        for (int i = 0; i < count[way]; i++) {
            m = Math.min(m, recent[way][i]);
        }
        return m;
    }
}
