package org.rnnlab.app.support;

import java.util.function.Consumer;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.ProgressListener;

/**
 * Long work off the FX thread, with progress and cancel in the status bar. The results come back
 * on the FX thread. The app's is {@link BackgroundWork}; tests run the work at once.
 */
public interface Background {

    /** What a job receives: where to report progress and the flag to poll for cancel. */
    record Job(ProgressListener progress, Cancellation cancel) {
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Job job) throws Exception;
    }

    /** A submitted job, to cancel it. */
    interface Running {
        /** Asks the job to stop at its next check; its callbacks are not called after a cancel. */
        void cancel();
    }

    /**
     * Starts {@code work}; {@code onSuccess} gets its result on the FX thread; a failure goes to
     * {@code onFailure} (null: a readable notice titled {@code title}); a cancel calls only
     * {@code onCancelled} (may be null).
     */
    <T> Running submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure,
                       Runnable onCancelled);

    /** As above; a cancel calls nothing. */
    default <T> Running submit(String title, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(title, work, onSuccess, onFailure, null);
    }
}
