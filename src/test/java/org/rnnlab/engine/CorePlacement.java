package org.rnnlab.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark, not a test: the class-based step on two threads (C 8000, H 100, T 45, 256 Zipf sentences
 * in turn), then the round trip between two threads spinning on the two cores, in the same process.
 * On a shared VM the host may place the two vCPUs on cores that share a cache or on cores farther
 * apart; the class-based step's threads pass data to each other all through the step, so it was
 * 150-165 us a step with a round trip of 0.12 us and 255-300 us with 0.38-0.49 us (14 runs of 14, AMD
 * EPYC, AVX2 emulated). Run it a few times to see which placement a machine gives:
 * <pre>
 * mvn -q -o test-compile
 * java @src/main/resources/org/rnnlab/vector-jvm-options -cp "target/test-classes:target/classes:$(cat cp.txt)" \
 *     org.rnnlab.engine.CorePlacement [steps]
 * </pre>
 * (cp.txt from {@code mvn dependency:build-classpath}, as src/test/python/steps_in_turns.sh makes it).
 */
public final class CorePlacement {
    private CorePlacement() {
    }

    private static volatile long ping;
    private static volatile long pong;

    public static void main(String[] args) throws InterruptedException {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
        EngineThreads.configure();
        Kernel.forceLane = true; // two threads, whatever MeanChoice would say
        ZipfWords words = ZipfWords.of(8000);
        RnnModel model = RnnModel.initialiseClassBased(8000, 100, 4, 10, Precision.FLOAT32, words.classes());
        SplittableRandom random = new SplittableRandom(2015);
        int[][] xs = words.sentences(random, 256, 45);
        int[][] ys = words.sentences(random, 256, 45);
        for (int i = 0; i < 2000; i++) {
            model.sgdStep(xs[i % 256], ys[i % 256], 1e-4);
        }
        long[] ns = new long[steps];
        for (int i = 0; i < steps; i++) {
            long t0 = System.nanoTime();
            model.sgdStep(xs[i % 256], ys[i % 256], 1e-4);
            ns[i] = System.nanoTime() - t0;
        }
        model.release();
        Arrays.sort(ns);
        System.out.printf(Locale.ROOT, "class-based step on two threads: median %.1f us (first decile %.1f)%n",
                ns[steps / 2] / 1e3, ns[steps / 10] / 1e3);
        System.out.printf(Locale.ROOT, "round trip between the two cores: median %.3f us%n", roundTrip(200_000) / 1e3);
    }

    /** Median nanoseconds for a number to go to a second spinning thread and back. */
    private static long roundTrip(int n) throws InterruptedException {
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
        });
        echo.setDaemon(true);
        echo.start();
        long[] ns = new long[n];
        for (int i = 1; i <= n; i++) {
            long t0 = System.nanoTime();
            ping = i;
            while (pong != i) {
                Thread.onSpinWait();
            }
            ns[i - 1] = System.nanoTime() - t0;
        }
        ping = -1;
        echo.join();
        Arrays.sort(ns);
        return ns[n / 2];
    }
}
