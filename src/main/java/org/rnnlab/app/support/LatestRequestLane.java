package org.rnnlab.app.support;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;

/** The app's {@link QueryLane}: one daemon thread; per key a slot holding only the newest request. */
public final class LatestRequestLane implements QueryLane {
    private final ExecutorService thread;
    private final Map<String, AtomicReference<Runnable>> pending = new ConcurrentHashMap<>();

    public LatestRequestLane(SessionThreads threads) {
        thread = Executors.newSingleThreadExecutor(threads.factory("rnnlab-model-queries"));
    }

    @Override
    public <T> void query(String key, Callable<T> job, Consumer<T> onResult, Consumer<Throwable> onError) {
        AtomicReference<Runnable> slot = pending.computeIfAbsent(key, k -> new AtomicReference<>());
        Runnable task = () -> {
            try {
                T result = job.call();
                Platform.runLater(() -> onResult.accept(result));
            } catch (Throwable e) {
                Platform.runLater(() -> onError.accept(e));
            }
        };
        // a slot already queued picks up this newer task when it runs
        if (slot.getAndSet(task) == null && !thread.isShutdown()) {
            thread.execute(() -> {
                Runnable latest = slot.getAndSet(null);
                if (latest != null) {
                    latest.run();
                }
            });
        }
    }

    /** Ends the thread; a query under way finishes within {@code millis} or is abandoned. */
    public void shutdown(long millis) {
        thread.shutdownNow();
        try {
            thread.awaitTermination(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
