package org.rnnlab.app.support;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Short computations on the model, off the FX thread, latest request wins: per key only the newest
 * request runs, so a learner typing fast never queues stale work. Results and failures come back on
 * the FX thread. The app's is {@link LatestRequestLane}; tests answer at once.
 */
public interface QueryLane {
    <T> void query(String key, Callable<T> job, Consumer<T> onResult, Consumer<Throwable> onError);
}
