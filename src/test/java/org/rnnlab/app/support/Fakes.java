package org.rnnlab.app.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.CancelledException;

/** Fakes of the app's services for view-model tests: everything runs at once, on the calling thread. */
public final class Fakes {
    private Fakes() {
    }

    /** Keeps every notice, "title: text". */
    public static final class RecordingNotifier implements Notifier {
        public final List<String> messages = new ArrayList<>();

        @Override
        public void warn(String title, String text) {
            messages.add(title + ": " + text);
        }

        @Override
        public void info(String title, String text) {
            messages.add(title + ": " + text);
        }

        public String last() {
            return messages.isEmpty() ? null : messages.get(messages.size() - 1);
        }
    }

    /** Background work done at once; remembers the titles. */
    public static final class DirectBackground implements Background {
        public final List<String> titles = new ArrayList<>();
        private final Notifier notifier;

        public DirectBackground(Notifier notifier) {
            this.notifier = notifier;
        }

        @Override
        public <T> Running submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                                  Runnable onCancelled) {
            titles.add(title);
            Cancellation cancel = new Cancellation();
            try {
                T result = work.run(new Job((done, total, text) -> { }, cancel));
                if (onSuccess != null) {
                    onSuccess.accept(result);
                }
            } catch (CancelledException e) {
                if (onCancelled != null) {
                    onCancelled.run();
                }
            } catch (Exception e) {
                if (onFailure != null) {
                    onFailure.accept(e);
                } else {
                    notifier.failure(title, e);
                }
            }
            return cancel::cancel;
        }
    }

    /** Queries answered at once. */
    public static final class DirectQueries implements QueryLane {
        public final List<String> keys = new ArrayList<>();

        @Override
        public <T> void query(String key, Callable<T> job, Consumer<T> onResult, Consumer<Throwable> onError) {
            keys.add(key);
            T result;
            try {
                result = job.call();
            } catch (Exception e) {
                onError.accept(e);
                return;
            }
            onResult.accept(result);
        }
    }
}
