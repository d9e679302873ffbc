package org.rnnlab.app.steps.training;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * For {@link PulseMonitor}'s measured runs: samples, four times a second, the process's resident memory
 * and the Java heap in use, and says how much of the highest resident figure the heap was. (ND4J's arrays
 * are not in JavaCPP's count, which stays at 0, so the rest is native memory of every kind.) With it, the
 * kernel's own high-water mark (VmHWM) up to the report: the most the process held at any moment, between
 * samples too, and before the window closes.
 */
final class MemoryPeaks {
    private static final long PERIOD_MS = 250;
    private static final Path STATUS = Path.of("/proc/self/status");
    private final MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
    private Thread sampler; // the running sampler, or null
    private long peakRss;
    private long heapAtPeak;
    private long peakHeap;

    /** Starts sampling on a daemon thread (again from zero; a sampler still running is stopped first). */
    synchronized void start() {
        halt();
        peakRss = heapAtPeak = peakHeap = 0;
        sampler = new Thread(this::sample, "rnnlab-memory-peaks");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Stops sampling and returns one line of the peaks, in MB. */
    synchronized String stop() {
        halt();
        record();
        return String.format(Locale.ROOT, "peak resident %d MB (heap in use then %d MB); peak heap in use %d MB; high-water mark so far %d MB",
                mb(peakRss), mb(heapAtPeak), mb(peakHeap), mb(statusBytes("VmHWM:")));
    }

    private void halt() {
        if (sampler != null) {
            sampler.interrupt();
            sampler = null;
        }
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            synchronized (this) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // stopped while it waited for the lock: the next run's peaks are not its
                }
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
        peakHeap = Math.max(peakHeap, h);
        if (rss > peakRss) {
            peakRss = rss;
            heapAtPeak = h;
        }
    }

    /** VmRSS of this process (0 where /proc is not there). */
    static long residentBytes() {
        return statusBytes("VmRSS:");
    }

    /** A figure of /proc/self/status given in kB, as bytes (0 where /proc is not there). */
    private static long statusBytes(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field)) {
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
