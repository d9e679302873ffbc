package org.rnnlab.engine;

import java.util.Arrays;

/**
 * The time a number takes to go from one core to the other and back, between two spinning threads:
 * how far apart the host placed the machine's cores. On a shared VM the host sometimes puts the two
 * vCPUs on cores that share a cache and sometimes farther apart, and moves them now and then; the
 * class-based step's two threads pass data to each other all through the step, so it was 150-165 us
 * a step with a round trip of 0.12 us and 255-300 us with 0.38-0.49 us (14 runs of 14, AMD EPYC,
 * AVX2 emulated; src/docs/speed-log.md, session 28). {@code rnnlab bench} prints it beside that step.
 */
public final class CoreRoundTrip {
    private static volatile long ping;
    private static volatile long pong;

    private CoreRoundTrip() {
    }

    /** The median of {@code n} round trips, in nanoseconds (with one core only, the scheduler's switches). */
    public static synchronized long medianNanos(int n) throws InterruptedException {
        ping = 0;
        pong = 0;
        Thread echo = new Thread(() -> {
            long seen = 0;
            while (seen >= 0) {
                long p;
                while ((p = ping) == seen) {
                    Thread.onSpinWait();
                }
                seen = p;
                pong = p;
            }
        }, "rnnlab-round-trip");
        echo.setDaemon(true);
        echo.start();
        long[] ns = new long[n];
        try {
            for (int i = 1; i <= n; i++) {
                long t0 = System.nanoTime();
                ping = i;
                while (pong != i) {
                    Thread.onSpinWait();
                }
                ns[i - 1] = System.nanoTime() - t0;
            }
        } finally {
            ping = -1;
            echo.join();
        }
        Arrays.sort(ns);
        return ns[n / 2];
    }
}
