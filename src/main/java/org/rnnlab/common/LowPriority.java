package org.rnnlab.common;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * Runs a compute thread after the window's threads. While training fills both cores, the FX thread
 * and the renderer waited for a core: every redraw took 40-90 ms instead of a few (measured with a
 * pulse monitor at 1280x800). Java's thread priorities do nothing on Linux without root, so the
 * thread asks the kernel itself for a higher nice value: it still gets every core the window leaves
 * idle, and training kept its speed. Linux only; elsewhere nothing changes.
 */
public final class LowPriority {
    /** The nice value asked for: well below the window's 0, as the desktop does for background jobs. */
    static final int NICE = 10;
    private static final int PRIO_PROCESS = 0; // with a thread id, Linux sets that thread's nice value

    private LowPriority() {
    }

    /** Lowers the calling thread's priority; true if the kernel took it. Never fails. */
    public static boolean lowerCurrentThread() {
        if (!Platform.isLinux()) {
            return false;
        }
        try {
            return libc().getFunction("setpriority").invokeInt(new Object[] {PRIO_PROCESS, threadId(), NICE}) == 0;
        } catch (LinkageError | RuntimeException e) {
            return false; // an older C library, or no JNA for this platform: the thread keeps its priority
        }
    }

    /**
     * Lowers the threads of this process whose kernel name starts with one of {@code prefixes} to the
     * same nice value: the JVM's own threads, which Java cannot reach. Returns how many the kernel took.
     */
    public static int lowerThreadsNamed(String... prefixes) {
        if (!Platform.isLinux()) {
            return 0;
        }
        int done = 0;
        try {
            for (ProcessThreads.Task task : ProcessThreads.list()) {
                if (java.util.Arrays.stream(prefixes).anyMatch(task.name()::startsWith)) {
                    done += libc().getFunction("setpriority").invokeInt(new Object[] {PRIO_PROCESS, task.tid(), NICE}) == 0 ? 1 : 0;
                }
            }
        } catch (LinkageError | RuntimeException e) {
            // no C library to call: the threads keep their priority
        }
        return done;
    }

    /** The calling thread's nice value as the kernel sees it (Linux), for tests; null elsewhere. */
    public static Integer currentNice() {
        if (!Platform.isLinux()) {
            return null;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/task/" + threadId() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]); // field 19 of stat; 3 is the first after the name
        } catch (java.io.IOException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    /** The kernel's id of the calling thread (glibc 2.30 and later have gettid). */
    private static int threadId() {
        return libc().getFunction("gettid").invokeInt(new Object[0]);
    }

    private static NativeLibrary libc() {
        return NativeLibrary.getInstance("c");
    }
}
