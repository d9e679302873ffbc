package org.rnnlab.app.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Carries items from worker threads to the FX thread in batches: at most one delivery per frame,
 * however fast the worker posts. A training run posts one event per SGD step (hundreds per second);
 * the UI sees them as one list per pulse, never one {@code Platform.runLater} per step.
 */
public final class FxBatcher<E> implements Batches<E> {
    private final Queue<E> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Consumer<List<E>> consumer;
    private final AnimationTimer timer;
    private int idleFrames;

    public FxBatcher(Consumer<List<E>> consumer) {
        this.consumer = consumer;
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                drain();
            }
        };
    }

    /** Called from any thread. */
    @Override
    public void post(E item) {
        queue.add(item);
        if (running.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                idleFrames = 0;
                timer.start();
            });
        }
    }

    /** Delivers everything queued so far; FX thread only. Stops the timer after a few idle frames. */
    @Override
    public void drain() {
        List<E> batch = new ArrayList<>();
        for (E e; (e = queue.poll()) != null; ) {
            batch.add(e);
        }
        if (!batch.isEmpty()) {
            idleFrames = 0;
            consumer.accept(batch);
            return;
        }
        if (++idleFrames > 10) {
            timer.stop();
            running.set(false);
            // An item posted between the poll and the flag reset would be stranded: restart.
            if (!queue.isEmpty() && running.compareAndSet(false, true)) {
                idleFrames = 0;
                timer.start();
            }
        }
    }
}
