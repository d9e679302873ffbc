package org.rnnlab.engine;

import org.nd4j.linalg.factory.Nd4j;

/**
 * How many threads the engine computes with, set up once by the program's entry point
 * ({@code org.rnnlab.Launcher}, the bench, tests that compare one thread with two).
 *
 * <p>{@link #configure()} starts the engine's second thread ({@link Lane}) and sets OpenBLAS and
 * ND4J's OpenMP ops to one thread per call, because the lane is the parallelism (see {@link Lane}). Both are process-wide
 * effects, so they happen only when asked for, never when a class is loaded. Without the call the
 * engine computes on the calling thread alone and leaves OpenBLAS as ND4J set it: slower on two
 * cores, but correct, and the numbers are the same either way (both ways do the same arithmetic).
 * {@code -Drnnlab.engine.threads=1} keeps the engine on one thread even after {@link #configure()}
 * (OpenBLAS and ND4J's OpenMP ops then run on one thread too, without the lane).
 */
public final class EngineThreads {
    /** System property; "1" asks for one thread. */
    public static final String THREADS_PROPERTY = "rnnlab.engine.threads";

    private static volatile Lane lane; // null until configured, and on one core
    private static boolean configured;

    private EngineThreads() {
    }

    /**
     * Sets OpenBLAS and ND4J's OpenMP ops to one thread per call, and starts the lane when there are
     * two cores or more and {@code rnnlab.engine.threads} is not 1. Loads ND4J's native backend (a few hundred ms), whose
     * start-up sets OpenBLAS's thread count and so must come first; if ND4J cannot load, the engine
     * stays on one thread. Idempotent and thread-safe.
     */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        configured = true;
        BlasKernel.choose(); // in case the entry point did not: too late only if ND4J is already loaded
        boolean oneThread = Runtime.getRuntime().availableProcessors() < 2 || "1".equals(System.getProperty(THREADS_PROPERTY));
        try {
            Nd4j.factory().blas().setMaxThreads(1);
            // ND4J's own element-wise ops (the step's exp) on one OpenMP thread too: called from both
            // threads at once, two OpenMP teams of two fight for two cores, and on a busy machine one
            // exp of 45 x 4000 went from 0.2 ms to 7 ms at the median (0.45 ms on one thread)
            Nd4j.getEnvironment().setMaxThreads(1);
            Nd4j.getEnvironment().setMaxMasterThreads(1);
        } catch (LinkageError | RuntimeException e) {
            // ND4J cannot load here: stay on one thread. Commands that need no engine still run, and
            // the ones that do report the failure where they use it.
            return;
        }
        if (oneThread) {
            // one thread means one: OpenBLAS's and OpenMP's own pools too, whose idle threads otherwise
            // spin beside the engine (on a busy machine the step was 3-4x slower than numpy on one thread)
            return;
        }
        lane = new Lane(); // published last: no model uses the lane while BLAS still has its own threads
    }

    /** Whether the engine splits its large products over two threads. */
    public static boolean twoThreads() {
        return lane != null;
    }

    /** For diagnostics: "two threads (...)" or "one thread". */
    public static String describe() {
        return twoThreads() ? "two threads (the products in groups of words either thread takes)" : "one thread";
    }

    // How the output phases of the steps (calls with gradients) went since the process started (all
    // models): on two threads, on one because LaneChoice judged two slower, or on one because another
    // caller had the lane
    private static final java.util.concurrent.atomic.LongAdder OUTPUT_TWO = new java.util.concurrent.atomic.LongAdder();
    private static final java.util.concurrent.atomic.LongAdder OUTPUT_ONE_CHOSEN = new java.util.concurrent.atomic.LongAdder();
    private static final java.util.concurrent.atomic.LongAdder OUTPUT_LANE_BUSY = new java.util.concurrent.atomic.LongAdder();

    /** Counts one output phase of a model that could use the lane: whether it asked for it, and whether it got it. */
    static void countOutput(boolean asked, boolean forked) {
        (forked ? OUTPUT_TWO : asked ? OUTPUT_LANE_BUSY : OUTPUT_ONE_CHOSEN).increment();
    }

    /** The counts so far: output phases on two threads, on one by choice, on one with the lane busy. */
    public static long[] outputCounts() {
        return new long[] {OUTPUT_TWO.sum(), OUTPUT_ONE_CHOSEN.sum(), OUTPUT_LANE_BUSY.sum()};
    }

    /**
     * For diagnostics (the app's pulse monitor, {@code -Drnnlab.engine.report}): the share of the steps'
     * output phases since the process started that ran on two threads, and why the others did not (or
     * that none could use a second thread: on one thread, or before the first step).
     */
    public static String describeUse() {
        long[] counts = outputCounts();
        long two = counts[0];
        long chosen = counts[1];
        long busy = counts[2];
        long all = two + chosen + busy;
        if (all == 0) {
            return "no step's output phase could use a second thread";
        }
        return String.format(java.util.Locale.ROOT,
                "the steps' output phase on two threads in %.1f%% of %,d calls (one thread by choice %.1f%%, the lane busy %.1f%%)",
                100.0 * two / all, all, 100.0 * chosen / all, 100.0 * busy / all);
    }

    /** The shared lane, or null when the engine runs on one thread. */
    static Lane lane() {
        return lane;
    }
}
