package org.rnnlab.app.support;

/**
 * Tells the learner something: what went wrong and what to do, never a stack trace. View-models
 * and sessions receive one in their constructor; the app's is {@link Notices}, tests record.
 */
public interface Notifier {
    void warn(String title, String text);

    void info(String title, String text);

    /** A failure of background work, described for people. */
    default void failure(String title, Throwable error) {
        warn(title, Notices.describe(error));
    }
}
