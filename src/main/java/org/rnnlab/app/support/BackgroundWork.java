package org.rnnlab.app.support;

import org.rnnlab.app.i18n.I18n;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.CancelledException;

/**
 * Runs the app's long work off the FX thread, one job at a time per lane, and exposes what runs
 * now (message, progress, a cancel action) for the status bar. The FX thread never waits on it.
 */
public final class BackgroundWork implements Background {

    private final ExecutorService executor;
    private final StringProperty message = new SimpleStringProperty(I18n.text("app.work.ready"));
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final Notifier notifier;
    private Task<?> current;
    private Cancellation currentCancel;

    /** @param notifier tells the learner about failures nobody else handles */
    public BackgroundWork(Notifier notifier) {
        this(notifier, new SessionThreads());
    }

    public BackgroundWork(Notifier notifier, SessionThreads threads) {
        this.notifier = notifier;
        this.executor = Executors.newCachedThreadPool(threads.factory("rnnlab-work"));
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(reword));
    }

    /** A new language: the last work's line was worded in the old one, so the idle bar says it is ready, in the new one. */
    private final javafx.beans.InvalidationListener reword = o -> {
        if (!busy.get() && !message.isBound()) {
            message.set(I18n.text("app.work.ready"));
        }
    };

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /**
     * Starts {@code work} on a worker thread. Progress shows in the status bar; on success
     * {@code onSuccess} runs on the FX thread; a failure becomes a readable notice titled
     * {@code title}; a cancel leaves everything as it was.
     */
    @Override
    public <T> Running submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                              Runnable onCancelled) {
        Cancellation cancel = new Cancellation();
        if (executor.isShutdown()) {
            return cancel::cancel; // the window is closing: late requests (a timer, a listener) do nothing
        }
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(title + "...");
                return work.run(new Job((done, total, text) -> {
                    if (total > 0) {
                        updateProgress(done, total);
                    } else {
                        updateProgress(-1, 1);
                    }
                    if (text != null) {
                        updateMessage(text);
                    }
                }, cancel));
            }
        };
        task.setOnSucceeded(e -> {
            finish(task, I18n.text("app.work.done", title));
            if (onSuccess != null) {
                onSuccess.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            if (error instanceof CancelledException) {
                finish(task, I18n.text("app.work.cancelled", title));
                if (onCancelled != null) {
                    onCancelled.run();
                }
                return;
            }
            finish(task, I18n.text("app.work.failed", title));
            if (onFailure != null) {
                onFailure.accept(error);
            } else {
                notifier.failure(title, error);
            }
        });
        task.setOnCancelled(e -> {
            finish(task, I18n.text("app.work.cancelled", title));
            if (onCancelled != null) {
                onCancelled.run();
            }
        });
        current = task;
        currentCancel = cancel;
        message.bind(task.messageProperty());
        progress.bind(task.progressProperty());
        busy.set(true);
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            finish(task, I18n.text("app.work.cancelled", title)); // shut down between the check and here
        }
        return () -> {
            cancel.cancel();
            task.cancel(false);
        };
    }

    /** Asks the running job to stop; it stops at its next check. */
    public void cancelCurrent() {
        if (currentCancel != null) {
            currentCancel.cancel();
        }
    }

    private void finish(Task<?> task, String text) {
        if (task != current) {
            return;
        }
        message.unbind();
        progress.unbind();
        message.set(text);
        progress.set(0);
        busy.set(false);
        current = null;
        currentCancel = null;
    }

    /** Cancels the running job and ends the worker threads, waiting at most {@code millis}. */
    public void shutdown(long millis) {
        cancelCurrent();
        executor.shutdownNow();
        try {
            executor.awaitTermination(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
