package org.rnnlab.app.session;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.rnnlab.app.support.Background;

/**
 * The app's one way in to the engine's native libraries (ND4J, JavaCPP, OpenBLAS). They load once,
 * on the engine's warm-up thread ({@link LessonSession#warmUpEngine()}): after the launch thread's
 * libraries (AWT, JNA: JavaCPP's symbol lookups deadlock glibc's loader against another thread's
 * {@code dlopen}, see {@code RendererLibraries}), after the OpenBLAS kernel is chosen (it reads it
 * once), and with the engine's threads set up first. Work that uses the engine (the model files')
 * goes through {@link #gated}, and so waits for that; before the warm-up starts (tests that build a
 * session without a window) nothing waits.
 */
public final class EngineGate {
    /** Longest wait: a warm-up that hangs must not keep the learner's model from loading for ever. */
    private static final long WAIT_SECONDS = 60;

    private final CountDownLatch open = new CountDownLatch(1);
    private volatile boolean warming;

    /** The warm-up has begun: from now on, gated work waits for {@link #opened()}. Before its thread starts. */
    void warming() {
        warming = true;
    }

    /** The engine is loaded (or failed to): gated work goes on. */
    void opened() {
        open.countDown();
    }

    /** Waits for the warm-up, when one has begun. Never on the FX thread: gated work runs in the background. */
    void await() throws InterruptedException {
        if (warming) {
            open.await(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** {@code work} whose jobs first wait for the engine. */
    Background gated(Background work) {
        return new Background() {
            @Override
            public <T> Running submit(String title, Work<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                    Runnable onCancelled) {
                return work.submit(title, j -> {
                    await();
                    return job.run(j);
                }, onSuccess, onFailure, onCancelled);
            }
        };
    }
}
