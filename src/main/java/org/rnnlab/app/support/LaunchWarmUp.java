package org.rnnlab.app.support;

import org.rnnlab.engine.BlasKernel;

/**
 * What the window's launch can do on the machine's second core while the JavaFX toolkit starts on
 * the first: the JIT directive for the window's code ({@link CompilerDirectives}), choosing the
 * OpenBLAS kernel (JNA, about 0.3 s), the heap options ({@link HeapReturn}) and the formula
 * renderer's first use ({@link Formula#warmUp()}, about 0.5 s). None of it needs the toolkit; the
 * kernel and the heap options were on the launch's path before.
 */
public final class LaunchWarmUp {
    private static volatile Thread running;

    private LaunchWarmUp() {
    }

    /**
     * Waits (at most 10 s) for the work to end, when it was started: the engine's native libraries must
     * not load while it loads AWT's and JNA's (see {@link RendererLibraries}). Not on the FX thread.
     */
    public static void await() throws InterruptedException {
        Thread t = running;
        if (t != null) {
            t.join(10_000);
        }
    }

    /** Starts the work on a daemon thread and returns at once. */
    public static void start() {
        Thread t = new Thread(() -> {
            CompilerDirectives.keepUiAtC1(); // first: before the window's code gets hot
            BlasKernel.choose();
            HeapReturn.apply();
            Formula.warmUp();
        }, "rnnlab-launch-warmup");
        t.setDaemon(true);
        running = t;
        t.start();
    }
}
