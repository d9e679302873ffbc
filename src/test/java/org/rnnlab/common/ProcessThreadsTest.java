package org.rnnlab.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ProcessThreadsTest {
    @Test
    void listsAThreadByItsKernelNameAndLeavesItOutOnceEnded() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "no /proc here: the list is empty by design");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            running.countDown();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rnnlab-listed-thread"); // the kernel keeps 15 characters of it
        t.start();
        running.await();
        var listed = ProcessThreads.list().stream().filter(task -> task.name().equals("rnnlab-listed-t")).toList();
        assertEquals(1, listed.size(), "listed once, under the kernel's 15-character name");
        assertTrue(listed.get(0).read("stat").startsWith(listed.get(0).tid() + " ("), "its own /proc folder");
        done.countDown();
        t.join(10_000);
        // the kernel's thread outlives Thread.join by a moment (the JVM still tears it down)
        long until = System.nanoTime() + 10_000_000_000L;
        while (ProcessThreads.list().stream().anyMatch(task -> task.name().equals("rnnlab-listed-t")) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertTrue(ProcessThreads.list().stream().noneMatch(task -> task.name().equals("rnnlab-listed-t")), "gone once ended");
    }
}
