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
        /** Every progress text the work reported, in order. */
        public final List<String> progress = new ArrayList<>();
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
                T result = work.run(new Job((done, total, text) -> progress.add(text), cancel));
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

    /** Background work held until the test delivers it, so that a cancel can come first or a newer job overtake it. */
    public static final class HeldBackground implements Background {
        /** One held job; {@link #deliver()} runs it and calls back as the FX thread would. */
        public record Held(String title, Cancellation cancel, Runnable work, Runnable onCancelled) {
            public void deliver() {
                work.run();
            }
        }

        public final List<Held> held = new ArrayList<>();

        @Override
        public <T> Running submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                                  Runnable onCancelled) {
            Cancellation cancel = new Cancellation();
            Runnable deliver = () -> {
                try {
                    onSuccess.accept(work.run(new Job((done, total, text) -> { }, cancel)));
                } catch (CancelledException e) {
                    if (onCancelled != null) {
                        onCancelled.run();
                    }
                } catch (Exception e) {
                    if (onFailure == null) {
                        throw new IllegalStateException(e);
                    }
                    onFailure.accept(e);
                }
            };
            held.add(new Held(title, cancel, deliver, onCancelled));
            return cancel::cancel;
        }

        /** The job submitted last. */
        public Held last() {
            return held.get(held.size() - 1);
        }
    }

    /** Background work that fails at once, as when the engine cannot load or a disk is full. */
    public static final class FailingBackground implements Background {
        private final String message;

        public FailingBackground(String message) {
            this.message = message;
        }

        @Override
        public <T> Running submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                                  Runnable onCancelled) {
            onFailure.accept(new org.rnnlab.common.UserException(message));
            return () -> { };
        }
    }

    /** Answers every query with a failure: how a view-model tells a broken model. */
    public static final class FailingQueries implements QueryLane {
        private final String message;

        public FailingQueries(String message) {
            this.message = message;
        }

        @Override
        public <T> void query(String key, Callable<T> job, Consumer<T> onResult, Consumer<Throwable> onError) {
            onError.accept(new org.rnnlab.common.UserException(message));
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
