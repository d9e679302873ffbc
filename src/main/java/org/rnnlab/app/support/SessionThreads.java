package org.rnnlab.app.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.rnnlab.common.LowPriority;

/**
 * Makes the background threads of one session and remembers them, so the session can say which
 * are still alive after it shut them down (closing the window must end them all).
 */
public final class SessionThreads {
    private final List<Thread> made = new ArrayList<>();

    /** A daemon thread factory whose threads are all called {@code name}. */
    public ThreadFactory factory(String name) {
        return r -> daemon(name, r);
    }

    /** A daemon thread, not started; it runs beneath the window's threads ({@link LowPriority}). */
    public synchronized Thread daemon(String name, Runnable r) {
        Thread t = new Thread(() -> {
            LowPriority.lowerCurrentThread();
            r.run();
        }, name);
        t.setDaemon(true);
        made.removeIf(old -> old.getState() == Thread.State.TERMINATED);
        made.add(t);
        return t;
    }

    /** The threads made here that are still running. */
    public synchronized List<Thread> alive() {
        List<Thread> out = new ArrayList<>();
        for (Thread t : made) {
            if (t.isAlive()) {
                out.add(t);
            }
        }
        return out;
    }
}
