package org.rnnlab.text;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.ProgressListener;

/**
 * Benchmark, not a test (src/test/python/bench_prepare.sh runs it): {@link PreparedData#prepare}
 * several times in one JVM, so the last runs show the speed once the JIT has compiled the hot
 * code, which a single {@code rnnlab prepare} on a small file never reaches.
 *
 * <p>Usage: {@code PrepareBench CORPUS [RUNS]}
 */
public final class PrepareBench {
    private PrepareBench() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double mb = Files.size(corpus) / 1e6;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int r = 1; r <= runs; r++) {
            System.gc();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            PreparedData d = PreparedData.prepare(corpus, null, 8000, ProgressListener.NONE, Cancellation.NONE);
            long t1 = System.nanoTime();
            long cpu1 = os.getProcessCpuTime();
            System.out.printf(Locale.ROOT, "run %d: %.1f MB in %.2f s = %.1f MB/s (process CPU %.2f s), %d sentences%n",
                    r, mb, (t1 - t0) / 1e9, mb / ((t1 - t0) / 1e9), (cpu1 - cpu0) / 1e9, d.size());
        }
    }
}
