package org.rnnlab.engine;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A second thread for the engine's large products: the caller hands one task to the lane, does
 * its own share, then joins. BLAS runs single-threaded in each (OpenBLAS's own threads split these
 * short, wide products poorly and spin badly when the machine is busy), so the two halves of the
 * vocabulary are worked on side by side. One lane serves the whole process: a caller that finds it
 * busy gets {@code false} from {@link #fork} and does the work itself.
 *
 * <p>Only {@link EngineThreads#configure()} makes the lane: starting a thread and changing
 * OpenBLAS's thread count for the whole process are decisions for the program's entry point, not
 * side effects of loading a class.
 */
final class Lane {
    /**
     * How long each side spins before it parks. A step forks twice, a few hundred microseconds to a
     * few milliseconds apart (the recurrence and BPTT run in between on the caller). Parked, the
     * other thread's core goes idle, and on a virtual machine waking an idle core costs hundreds of
     * microseconds: with 30 us the step's median was 4.8 ms against a minimum of 2.9 ms, with 5 ms
     * 3.8 ms (rnnlab bench, 2-core Xeon VM, numpy's step 4.5 ms in the same runs). While a training
     * runs the spinning fills gaps only; the lane parks 5 ms after the last step.
     *
     * <p>The spin yields ({@link Thread#yield}) rather than pausing ({@code Thread.onSpinWait}): alone
     * on its core it returns at once, but in the app the window's threads and the JIT compiler want
     * a core too, and a lane that held its own made them take the training thread's. The app's
     * training went from 388-397 to 414-417 sentences/s over a whole epoch with the live streams off,
     * and from 329-338 to 357-376 with them on; the bench's step was the same (2-core AMD EPYC VM).
     */
    static final long SPIN_NANOS = 5_000_000;

    private final AtomicBoolean busy = new AtomicBoolean();
    private final Thread worker;
    private volatile Runnable task;
    private volatile boolean finished;
    private volatile Throwable failure;
    private volatile Thread waiter;
    private volatile boolean detached; // the running task frees the lane itself: nobody joins it
    private final java.util.function.BooleanSupplier isFinished = () -> this.finished;

    Lane() {
        worker = new Thread(this::loop, "rnnlab-engine-lane");
        worker.setDaemon(true);
        worker.start();
    }

    /** Starts {@code r} on the lane and returns true, or returns false (without running r) when the lane is taken. */
    boolean fork(Runnable r) {
        return start(r, false);
    }

    /**
     * Starts {@code r} on the lane and returns true, or returns false when the lane is taken. Nobody
     * joins it: the lane frees itself when {@code r} ends, so a caller that never comes back to
     * wait (a model dropped right after a step) cannot keep the lane from every other caller. The
     * caller learns of the end, and of any failure, through {@code r} itself (see {@link #await}).
     */
    boolean forkDetached(Runnable r) {
        return start(r, true);
    }

    private boolean start(Runnable r, boolean detach) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        failure = null;
        finished = false;
        detached = detach;
        waiter = Thread.currentThread();
        task = r;
        LockSupport.unpark(worker);
        return true;
    }

    /** Waits until {@code done} says so: spins as {@link #join} does, then polls every 100 us. */
    static void await(java.util.function.BooleanSupplier done) {
        long until = System.nanoTime() + SPIN_NANOS;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() < until) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(100_000);
            }
        }
    }

    /** Waits for the task of the last successful {@link #fork} and frees the lane; rethrows its failure. Once per fork. */
    void join() {
        // any thread may join (a model's next call can come from another thread than the step
        // that forked): it says who waits, and parks briefly so an unpark sent to the forking
        // thread instead is never waited for
        waiter = Thread.currentThread();
        await(isFinished);
        Throwable f = failure;
        busy.set(false);
        if (f instanceof RuntimeException e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
    }

    private void loop() {
        while (true) {
            Runnable r = task;
            if (r == null) {
                // a step's next task usually follows within a few milliseconds: spin (SPIN_NANOS), then sleep
                long until = System.nanoTime() + SPIN_NANOS;
                while ((r = task) == null && System.nanoTime() < until) {
                    Thread.yield();
                }
                if (r == null) {
                    LockSupport.park(this);
                    continue;
                }
            }
            task = null;
            try {
                r.run();
            } catch (Throwable t) {
                failure = t;
            }
            if (detached) {
                detached = false;
                busy.set(false);
                continue;
            }
            finished = true;
            LockSupport.unpark(waiter);
        }
    }
}
