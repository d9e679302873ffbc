package org.rnnlab.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark, not a test: the class-based step on two threads (C 8000, H 100, T 45, 256 Zipf sentences
 * in turn), then the cores' round trip ({@link CoreRoundTrip}), in the same process. Run it a few times
 * to see which placements a machine gives:
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
        System.out.printf(Locale.ROOT, "round trip between the two cores: median %.3f us%n", CoreRoundTrip.medianNanos(200_000) / 1e3);
    }
}
