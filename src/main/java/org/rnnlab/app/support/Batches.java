package org.rnnlab.app.support;

import java.util.List;
import java.util.function.Consumer;

/**
 * A worker's way to the FX thread: items posted from any thread arrive in batches. The app's is
 * {@link FxBatcher} (one batch per frame at most); tests hand each item over at once.
 */
public interface Batches<E> {
    /** Any thread. */
    void post(E item);

    /** FX thread: delivers what is still queued, at once (the last items of a job, before its end is shown). */
    void drain();

    /** Makes the batches of one job, delivering to {@code onBatch}. */
    @FunctionalInterface
    interface Factory<E> {
        Batches<E> to(Consumer<List<E>> onBatch);
    }

    /** Each item handed over at once, on the posting thread (tests). */
    static <E> Batches<E> direct(Consumer<List<E>> onBatch) {
        return new Batches<>() {
            @Override
            public void post(E item) {
                onBatch.accept(List.of(item));
            }

            @Override
            public void drain() {
            }
        };
    }
}
