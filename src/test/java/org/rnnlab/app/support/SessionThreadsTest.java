package org.rnnlab.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.rnnlab.common.LowPriority;

class SessionThreadsTest {
    @Test
    void theSessionsThreadsRunBeneathTheWindowsAndWhatTheyStartInherits() throws Exception {
        Integer mine = LowPriority.currentNice();
        assumeTrue(mine != null && mine == 0, "thread priorities are lowered on Linux only, from nice 0 (here: " + mine + ")");
        AtomicReference<Integer> seen = new AtomicReference<>();
        AtomicReference<Integer> child = new AtomicReference<>();
        Thread t = new SessionThreads().daemon("rnnlab-test", () -> {
            seen.set(LowPriority.currentNice());
            Thread inner = new Thread(() -> child.set(LowPriority.currentNice())); // as the engine's lane is made
            inner.start();
            try {
                inner.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        t.join(10_000);
        assertEquals(10, seen.get(), "a session thread asks for nice 10");
        assertEquals(10, child.get(), "threads it starts inherit it");
        assertEquals(0, LowPriority.currentNice(), "the caller keeps its own");
    }

    @Test
    void threadsJavaCannotReachAreLoweredByTheirName() throws Exception {
        Integer mine = LowPriority.currentNice();
        assumeTrue(mine != null && mine == 0, "thread priorities are lowered on Linux only, from nice 0 (here: " + mine + ")");
        java.util.concurrent.CountDownLatch lowered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        AtomicReference<Integer> before = new AtomicReference<>();
        AtomicReference<Integer> after = new AtomicReference<>();
        Thread t = new Thread(() -> { // as the JVM's compiler threads: named, at nice 0, not made by the app
            before.set(LowPriority.currentNice());
            running.countDown();
            try {
                lowered.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            after.set(LowPriority.currentNice());
        }, "rnnlab-by-name-test");
        t.start();
        running.await();
        assertEquals(1, LowPriority.lowerThreadsNamed("rnnlab-by-name")); // the kernel's names have 15 characters at most
        lowered.countDown();
        t.join(10_000);
        assertEquals(0, before.get());
        assertEquals(10, after.get(), "the named thread runs at nice 10 now");
        assertEquals(0, LowPriority.currentNice(), "the caller keeps its own");
    }
}
