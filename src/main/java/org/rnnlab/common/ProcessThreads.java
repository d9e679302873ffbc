package org.rnnlab.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * This process's threads as the kernel lists them (Linux, /proc/self/task), the JVM's own included
 * (the JIT compilers, the garbage collector), which Java's thread API cannot reach.
 */
public final class ProcessThreads {
    private ProcessThreads() {
    }

    /** One thread: its kernel id, its kernel name (15 characters at most) and its /proc folder. */
    public record Task(int tid, String name, Path folder) {
        /** A file of the thread's /proc folder (stat, schedstat...), read whole. */
        public String read(String file) throws IOException {
            return Files.readString(folder.resolve(file));
        }
    }

    /** The process's threads now; empty where there is no /proc. A thread that ends meanwhile is left out. */
    public static List<Task> list() {
        List<Task> tasks = new ArrayList<>();
        try (var folders = Files.list(Path.of("/proc/self/task"))) {
            for (Path folder : (Iterable<Path>) folders::iterator) {
                try {
                    tasks.add(new Task(Integer.parseInt(folder.getFileName().toString()),
                            Files.readString(folder.resolve("comm")).strip(), folder));
                } catch (IOException | RuntimeException ended) {
                    // it ended between the listing and the read
                }
            }
        } catch (IOException | RuntimeException noProc) {
            return List.of();
        }
        return tasks;
    }
}
