package org.rnnlab.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the engine's vector kernels ({@link VectorKernels}) run: only when the JVM was started
 * with JDK's incubating vector module ({@code --add-modules jdk.incubator.vector}), which the
 * launch adds for the window and the commands that train (see {@code org.rnnlab.Relaunch}), and
 * only once C2 has compiled them ({@link #ready()}); until then, and without the module, the plain
 * loops run, to the same numbers within float32's rounding. This class never touches the module's
 * classes unless it is there.
 *
 * <p>Why wait for C2: until it compiles them, every vector is an object on the heap (C1 and the
 * interpreter do not keep them in registers). The window's training started at once on the
 * uncompiled kernels made about a gigabyte of garbage in its first second; G1 grew the heap for
 * it and kept it, and the app peaked at 891-938 MB resident against 616 MB on the plain loops.
 */
public final class Simd {
    /** The JDK module the kernels need. */
    public static final String MODULE = "jdk.incubator.vector";
    /** System property: "off" keeps the plain loops even with the module (to compare the two). */
    public static final String PROPERTY = "rnnlab.vector";

    private static final boolean ON = ModuleLayer.boot().findModule(MODULE).isPresent() && !turnedOff()
            && VectorKernels.LANES >= 4;

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CountDownLatch COMPILED = new CountDownLatch(1);
    private static volatile boolean ready;
    private static volatile String fellBack; // why the loops took over from the kernels, or null
    private static volatile String checking; // why the kernels are being checked again (see struck), or null
    private static volatile CountDownLatch rechecked = new CountDownLatch(0); // the last check's end
    private static int rechecks; // guarded by Simd.class

    private Simd() {
    }

    /** Whether {@code -Drnnlab.vector=off} keeps the plain loops. */
    public static boolean turnedOff() {
        return "off".equals(System.getProperty(PROPERTY));
    }

    /** Whether the vector kernels are there to run in this JVM (they run once {@link #ready()}). */
    static boolean on() {
        return ON;
    }

    /** Whether the vectors are eight floats or more (AVX2 and up): what {@link VectorProducts} needs. */
    static boolean wide() {
        return WIDE;
    }

    private static final boolean WIDE = ON && VectorKernels.LANES >= 8;

    /**
     * System property: "true" makes the first use wait until the kernels are ready, so that every
     * number of the process comes from one path (the tests: two computations compared bit for bit
     * must not straddle the switch). Without it, a run waits at its start ({@link #awaitReady}).
     */
    public static final String WAIT_PROPERTY = "rnnlab.vector.wait";
    private static final boolean WAIT_FIRST_USE = Boolean.getBoolean(WAIT_PROPERTY);

    /** Whether the kernels are compiled: the engine calls them from now on. Starts the warm-up at the first call. */
    static boolean ready() {
        if (ready) {
            return true;
        }
        if (!ON) {
            return false;
        }
        if (WAIT_FIRST_USE) {
            try {
                return awaitReady(60);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ready;
            }
        }
        startWarmUp();
        return false;
    }

    /**
     * Starts, once, a daemon thread that calls the kernels on a few numbers until C2 has compiled
     * them, then makes them {@link #ready()} (see VectorKernels#warmUp). Returns at once.
     */
    public static void startWarmUp() {
        if (!ON || !STARTED.compareAndSet(false, true)) {
            return;
        }
        warmUpInBackground("rnnlab-vector-warmup", compiled -> {
            if (compiled) {
                ready = true;
            }
            COMPILED.countDown();
        });
    }

    /** Runs {@link VectorKernels#warmUp} on a daemon thread of low priority and hands its answer to {@code then}. */
    private static void warmUpInBackground(String name, java.util.function.Consumer<Boolean> then) {
        Thread t = new Thread(() -> then.accept(VectorKernels.warmUp()), name);
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /**
     * The loops from now on, for the rest of the process: the kernels ran as objects after all
     * ({@link #struck}, or a test); {@code why} goes into {@link #describe()}.
     */
    static synchronized void fallBack(String why) {
        if (ready) {
            fellBack = why;
            ready = false;
        }
    }

    /** For tests: the kernels again after a {@link #fallBack} (they are compiled as before), and no returns counted. */
    static void undoFallBack() throws InterruptedException {
        rechecked.await(60, TimeUnit.SECONDS);
        synchronized (Simd.class) {
            rechecks = 0;
            if (fellBack != null) {
                fellBack = null;
                ready = true;
            }
        }
    }

    /** Whether the kernels ran as objects and the loops took over ({@link #fallBack}). */
    static boolean fellBack() {
        return fellBack != null;
    }

    /**
     * Starts the warm-up and waits until the kernels are ready or the warm-up gave up, at most
     * {@code seconds} (and for a check after a {@link #struck}, if one runs): a training run's first
     * step (its numbers from one path, the same at every run of the same seed), and the bench, which
     * times the engine as a run has it.
     */
    public static boolean awaitReady(long seconds) throws InterruptedException {
        if (!ON) {
            return false;
        }
        startWarmUp();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        COMPILED.await(seconds, TimeUnit.SECONDS);
        rechecked.await(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        return ready;
    }

    /** Times the kernels may come back after a {@link #struck}; at the next strike the loops stay. */
    static final int RECHECKS = 4;

    /**
     * The watch saw the kernels allocate as objects ({@link KernelWatch}, {@code why}): the loops take
     * over at once, and a daemon thread checks the kernels again as the warm-up does, until C2 has
     * them compiled and allocating nothing; then they run again. A strike can be passing: C2 throws a
     * kernel's code away when it meets a path it never saw (a new shape), and the calls are objects
     * until it has compiled the kernel again, which on two busy cores took longer than the watch's
     * 48 steps once (the test suite, 2026-12-06). After {@link #RECHECKS} returns the loops stay
     * ({@link #fallBack}). With {@link #WAIT_PROPERTY}, {@link #ready()} waits for the check, so the
     * numbers still come from one path.
     */
    static synchronized void struck(String why) {
        if (!ready) {
            return;
        }
        if (rechecks == RECHECKS) {
            fallBack(why + ", after " + RECHECKS + " returns");
            return;
        }
        rechecks++;
        ready = false;
        checking = why;
        CountDownLatch done = new CountDownLatch(1);
        rechecked = done;
        warmUpInBackground("rnnlab-vector-recheck", compiled -> {
            synchronized (Simd.class) {
                checking = null;
                if (fellBack == null) {
                    if (compiled) {
                        ready = true;
                    } else {
                        fellBack = why + ", and they were not compiled again within a minute";
                    }
                }
            }
            done.countDown();
        });
    }

    /** How many times the kernels came back (or are coming back) after a {@link #struck}. */
    static synchronized int rechecks() {
        return rechecks;
    }

    /** For the bench and the logs: what runs exp, and W s and tanh where the recurrence is not native (NativeProducts). */
    public static String describe() {
        if (fellBack != null) {
            return "plain loops: the vector kernels ran as objects (" + fellBack + "), so the loops took over";
        }
        String why = checking;
        if (why != null) {
            return "plain loops while the vector kernels are compiled again: they ran as objects (" + why + ")";
        }
        if (ON) {
            return (ready ? "vector kernels (" : "plain loops until C2 has compiled the vector kernels (") + MODULE + "), "
                    + VectorKernels.LANES + " floats a vector";
        }
        if (turnedOff()) {
            return "plain loops (-D" + PROPERTY + "=off)";
        }
        return "plain loops (the JVM was started without --add-modules " + MODULE + ")";
    }
}
