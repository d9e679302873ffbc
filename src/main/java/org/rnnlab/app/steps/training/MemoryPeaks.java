package org.rnnlab.app.steps.training;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;

/**
 * For {@link PulseMonitor}'s measured runs: samples, four times a second, the process's resident memory,
 * the Java heap in use and the native memory JavaCPP tracks (ND4J's arrays), and says what made up the
 * highest resident figure. A peak with a small heap and a large JavaCPP share is arrays that no collection
 * has freed yet; one with neither is the native libraries' own buffers or the JVM's.
 */
final class MemoryPeaks {
    private static final long PERIOD_MS = 250;
    private static final Path STATUS = Path.of("/proc/self/status");
    private final MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
    private volatile boolean running;
    private long peakRss;
    private long heapAtPeak;
    private long nativeAtPeak;
    private long peakHeap;
    private long peakNative;

    /** Starts sampling on a daemon thread (again from zero). */
    synchronized void start() {
        peakRss = heapAtPeak = nativeAtPeak = peakHeap = peakNative = 0;
        running = true;
        Thread t = new Thread(this::sample, "rnnlab-memory-peaks");
        t.setDaemon(true);
        t.start();
    }

    /** Stops sampling and returns one line of the peaks, in MB. */
    synchronized String stop() {
        running = false;
        record();
        return String.format(Locale.ROOT, "peak resident %d MB (heap %d MB, JavaCPP %d MB then); "
                        + "peak heap in use %d MB, peak JavaCPP %d MB", mb(peakRss), mb(heapAtPeak), mb(nativeAtPeak),
                mb(peakHeap), mb(peakNative));
    }

    private void sample() {
        while (running) {
            synchronized (this) {
                record();
            }
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void record() {
        long rss = residentBytes();
        long h = heap.getHeapMemoryUsage().getUsed();
        long n = Pointer.totalBytes();
        peakHeap = Math.max(peakHeap, h);
        peakNative = Math.max(peakNative, n);
        if (rss > peakRss) {
            peakRss = rss;
            heapAtPeak = h;
            nativeAtPeak = n;
        }
    }

    /** VmRSS of this process (0 where /proc is not there). */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return 0;
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }
}
