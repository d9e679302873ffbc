package org.rnnlab.common;

/** Progress of long work, reported from the worker thread. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total, message) -> { };

    /**
     * @param done    units done so far
     * @param total   units in all, or -1 when unknown
     * @param message a short human-readable line, such as "Reading comments: 1,024"
     */
    void progress(long done, long total, String message);
}
