package org.rnnlab.engine;

/**
 * One thread or two for a short call (the class-based step, about 0.15 ms), chosen by the mean
 * cost of runs of calls. {@link Kernel.LaneChoice} judges the full step by the least of its recent
 * costs, which suits a call of milliseconds: when another process holds a core, every such call
 * meets it. A call of 0.15 ms mostly does not: most two-thread calls stay fast, and a few wait a
 * whole time slice (milliseconds) for the lane's core. The least then still says two threads while
 * their mean is worse: with one busy process beside it, a class-based epoch ran at 2,048-2,521
 * sentences/s on two threads against 6,210-6,262 on one (AVX2 emulated, 2-core AMD EPYC VM), and
 * at 7,068-7,449 against 6,336-6,580 with the machine to itself. Two threads also lose where the
 * host has put the two vCPUs on cores far apart, which it does for stretches of seconds to minutes
 * (see CorePlacement, among the tests): their threads pass data all through the step.
 *
 * <p>So the way kept runs in runs of {@link #RUN} calls, each judged by its mean cost per row;
 * now and then the other way has a try of {@link #TRY} calls, judged the same way. Two threads are
 * kept at first, and left only for a mean below {@link #LEAVE_TWO} times theirs: on a quiet machine
 * they are only about 12% faster, within the noise of a run's mean, so a symmetric rule left them
 * for a quarter of the calls. One thread is left for a mean below {@link #LEAVE_ONE} times its own.
 * A try that does not beat the way kept doubles the runs before the next, up to
 * {@link #RUNS_AT_MOST}; one that comes close brings the tries back to every run. Both ways give the
 * same numbers; only their speed differs. Not thread-safe.
 */
final class MeanChoice {
    /** Calls in a run of the way kept: long enough to meet a few stalls when stalls come. */
    static final int RUN = 128;
    /** Calls in a try of the other way. */
    static final int TRY = 48;
    static final double LEAVE_TWO = 0.8;
    static final double LEAVE_ONE = 0.95;
    /**
     * Calls not judged at first: the JIT's. Judged from the first call, two threads' first run (18.7
     * us a row against 3-5 later, as an AVX2 machine) sent a bench's steps to one thread for its first
     * 1,300 calls.
     */
    static final int UNJUDGED = 4 * RUN;
    /** Runs of the way kept between two tries, at most. */
    static final int RUNS_AT_MOST = 16;
    /** A call's fixed cost, in rows: cost per row is judged as nanos / (rows + FIXED_ROWS). */
    static final int FIXED_ROWS = 8;
    /**
     * The costliest calls of a run (a 32nd) or try (a 48th) left out of its mean: a garbage
     * collection, the JIT or the trainer's own work lands in one call now and then and had two
     * threads left for one (a run's mean 2-3 times its usual, then a quarter of an epoch's calls on
     * one thread); where another process holds a core, two-thread calls wait for it far more often.
     */
    static final int TRIM_RUN = RUN / 32;
    static final int TRIM_TRY = TRY / 48;

    private boolean keptTwo = true;
    private int unjudged = UNJUDGED; // calls still to pass before the first run
    private boolean trying;      // the calls now are a try of the other way
    private int calls;           // calls recorded in the current run or try
    private long nanos;          // their cost
    private long rows;
    private final long[] topNanos = new long[TRIM_RUN]; // the costliest calls so far, unordered
    private final int[] topRows = new int[TRIM_RUN];
    private int runsLeft = 1;    // runs of the way kept before the next try
    private int runsBetween = 1; // runs between tries now
    private int beatenRuns;      // runs of the way kept in a row beaten by the other's last mean
    private final double[] mean = {Double.NaN, Double.NaN}; // last mean cost per row of each way (1: two threads)

    /** Whether the next call runs on two threads. */
    boolean twoThreads() {
        return trying != keptTwo;
    }

    /** What a call cost, on the way {@link #twoThreads()} gave for it. */
    void record(boolean two, long callNanos, int callRows) {
        if (two != twoThreads()) {
            return; // a call made another way (the lane was busy): not this way's cost
        }
        if (unjudged > 0) {
            unjudged--;
            return;
        }
        calls++;
        nanos += callNanos;
        rows += callRows + FIXED_ROWS;
        int trim = trying ? TRIM_TRY : TRIM_RUN;
        int least = 0;
        for (int i = 1; i < trim; i++) {
            least = topNanos[i] < topNanos[least] ? i : least;
        }
        if (trim > 0 && callNanos > topNanos[least]) {
            topNanos[least] = callNanos;
            topRows[least] = callRows + FIXED_ROWS;
        }
        if (calls < (trying ? TRY : RUN)) {
            return;
        }
        int way = two ? 1 : 0;
        for (int i = 0; i < trim; i++) {
            nanos -= topNanos[i];
            rows -= topRows[i];
        }
        mean[way] = (double) nanos / rows;
        calls = 0;
        nanos = 0;
        rows = 0;
        java.util.Arrays.fill(topNanos, 0);
        java.util.Arrays.fill(topRows, 0);
        boolean wasTry = trying;
        trying = false;
        int other = 1 - way;
        if (Double.isNaN(mean[other])) {
            runsLeft = runsBetween; // the first run: the other way's first try comes next
            trying = --runsLeft <= 0;
            return;
        }
        double leave = keptTwo ? LEAVE_TWO : LEAVE_ONE;
        int kept = keptTwo ? 1 : 0;
        int challenger = 1 - kept;
        boolean beaten = mean[challenger] < leave * mean[kept];
        // a try that wins, or the way kept beaten by the other's last mean in two runs running (one
        // such run can be a disturbance longer than the calls left out)
        if (beaten && (wasTry || ++beatenRuns >= 2)) {
            keptTwo = !keptTwo; // the other way is the faster now: keep it, and check again soon
            runsBetween = 1;
            runsLeft = 1;
            beatenRuns = 0;
            return;
        }
        if (!beaten && !wasTry) {
            beatenRuns = 0;
        }
        if (wasTry) {
            // a try that did not beat the way kept: the next comes later; one close to it, soon
            runsBetween = mean[way] > mean[kept] ? Math.min(2 * runsBetween, RUNS_AT_MOST) : 1;
            runsLeft = runsBetween;
            return;
        }
        trying = --runsLeft <= 0;
    }

    /** The way kept (not the one a try may be taking now): true for two threads. */
    boolean keepsTwo() {
        return keptTwo;
    }

    /** Runs of the way kept between two tries, now (for tests). */
    int runsBetweenTries() {
        return runsBetween;
    }
}
