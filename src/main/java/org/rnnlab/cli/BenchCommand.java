package org.rnnlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.common.UserException;
import org.rnnlab.engine.BlasInfo;
import org.rnnlab.engine.BlasKernel;
import org.rnnlab.engine.CoreRoundTrip;
import org.rnnlab.engine.EngineThreads;
import org.rnnlab.engine.Simd;
import org.rnnlab.engine.NextWordPredictor;
import org.rnnlab.engine.OutputLayerCost;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.engine.SpeedLesson;
import org.rnnlab.engine.WordClasses;
import org.rnnlab.engine.ZipfWords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures the engine: SGD step time, training and loss throughput, prediction latency, and numpy's time for the same step. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the engine's speed on random data: ms per SGD step (float32 and float64), "
                + "sentences per second, loss evaluation, next-word latency, and the numpy reference when python3 is present.")
public final class BenchCommand implements Callable<Integer> {
    /** The lesson's data set: about 80,000 sentences, mean length about 20 words. */
    static final int LESSON_SENTENCES = 79_170;
    static final double MEAN_LENGTH = 20.0;
    static final String SCRIPT = "src/test/python/reference_rnn.py";
    /** Side of the square sgemm that measures the cores' throughput (large enough to reach it). */
    static final int SGEMM_N = 1536;

    @Option(names = "--hidden", description = "hidden units H (default: ${DEFAULT-VALUE})")
    int hidden = LessonDefaults.HIDDEN_DIM;

    @Option(names = "--vocabulary-size", description = "vocabulary size C (default: ${DEFAULT-VALUE})")
    int vocabularySize = LessonDefaults.WORD_DIM;

    @Option(names = "--length", description = "sentence length T of the timed SGD step (default: ${DEFAULT-VALUE}, the lesson's)")
    int length = SpeedLesson.LESSON_T;

    @Option(names = "--quick", description = "fewer repetitions (a rough figure in a few seconds)")
    boolean quick;

    @Override
    public Integer call() throws Exception {
        if (hidden < 1 || vocabularySize < 3 || length < 1) {
            throw new UserException("--hidden and --length must be at least 1 and --vocabulary-size at least 3.");
        }
        int C = vocabularySize;
        int H = hidden;
        int T = length;
        int steps = quick ? 40 : 300;
        int sentences = quick ? 300 : 2000;
        System.out.printf(Locale.ROOT, "rnnlab bench: C = %d, H = %d, T = %d, bpttTruncate = 4; %d cores, load average %s%n",
                C, H, T, Runtime.getRuntime().availableProcessors(), loadAverage());
        EngineThreads.configure(); // this command computes: the engine's threads first
        Simd.awaitReady(60); // and the vector kernels compiled, as a run has them after its first seconds
        RnnModel.initialise(C, H, 4, 10, Precision.FLOAT32); // loads the native libraries
        System.out.printf(Locale.ROOT, "Engine: %s; OpenBLAS threads per call: %d; Java kernels (exp; W s and tanh where not native): %s; the products with V: %s%n",
                RnnModel.engineThreads(), org.nd4j.linalg.factory.Nd4j.factory().blas().getMaxThreads(), Simd.describe(),
                RnnModel.outputProducts());

        String kernel = openBlasKernel();
        SplittableRandom random = new SplittableRandom(2015);
        int[] x = randomWords(random, T, C);
        int[] y = randomWords(random, T, C);
        ClassBench byClass = ClassBench.make(C, H, T, random);
        double[] f32 = stepTimesBesideNumpy(C, H, T, x, y, steps, byClass);
        // the cores' throughput in the same moments as the step: medians of the products made between its rounds
        double[] sgemm = {median(sgemmTimes[0]), median(sgemmTimes[1])};
        System.out.printf(Locale.ROOT, "Machine: sgemm %d x %d float32, in turns with the step: median %.1f GFLOP/s on one thread, "
                        + "%.1f on two (best %.1f, %.1f); OpenBLAS kernel %s%n", SGEMM_N, SGEMM_N, sgemm[0], sgemm[1],
                max(sgemmTimes[0]), max(sgemmTimes[1]), kernel);
        double[] f64 = stepTimes(Precision.FLOAT64, C, H, x, y, steps / 2);
        double flops = BlasInfo.fullStepFlops(C, H, T, 4);
        double gflops = gflops(flops, median(f32));
        double machine = Math.max(sgemm[0], sgemm[1]); // on a busy machine one thread can beat two
        System.out.printf(Locale.ROOT, "SGD step, float32: median %.2f ms, min %.2f ms, median/min %.2f over %d steps "
                        + "(rounds of 10, each after %d ms of untimed steps)%s%n",
                median(f32), min(f32), median(f32) / min(f32), f32.length, WARM_UP_NANOS / 1_000_000,
                target(C, H, T, "(target: median/min <= 1.3)"));
        System.out.printf(Locale.ROOT, "  %.0f MFLOP a step at the median: %.1f GFLOP/s = %.0f%% of the cores' sgemm "
                        + "(%.0f%% of one thread's)%s%n", flops / 1e6, gflops, 100 * gflops / machine, 100 * gflops / sgemm[0],
                target(C, H, T, "(target >= 60%)"));
        System.out.printf(Locale.ROOT, "SGD step, float64: median %.2f ms, min %.2f ms over %d steps%n",
                median(f64), min(f64), f64.length);
        printNumpy(median(f32), min(f32), C, H, T, flops, machine);
        classBasedStep(byClass, C, H, T, median(f32), min(f32));

        // a training pass over sentences of realistic lengths, float32
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        long words = 0;
        for (int i = 0; i < sentences; i++) {
            int n = 4 + random.nextInt(33); // uniform 4..36, mean 20
            xs.add(randomWords(random, n, C));
            ys.add(randomWords(random, n, C));
            words += n;
        }
        RnnModel model = RnnModel.initialise(C, H, 4, 10, Precision.FLOAT32);
        for (int i = 0; i < Math.min(200, sentences); i++) {
            model.sgdStep(xs.get(i), ys.get(i), 1e-4); // warm-up
        }
        double[] passSeconds = new double[quick ? 1 : 3];
        for (int r = 0; r < passSeconds.length; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < sentences; i++) {
                model.sgdStep(xs.get(i), ys.get(i), 1e-4);
            }
            model.settle();
            passSeconds[r] = (System.nanoTime() - t0) / 1e9;
        }
        double best = min(passSeconds);
        double perSecond = sentences / best;
        System.out.printf(Locale.ROOT, "Training pass, float32: %,.0f sentences/s (%d sentences, mean length %.1f, best of %d) "
                        + "-> %,d sentences in %.0f s%s%n",
                perSecond, sentences, (double) words / sentences, passSeconds.length, LESSON_SENTENCES,
                LESSON_SENTENCES / perSecond, target(C, H, 45, "(target <= 120 s)"));

        // loss evaluation, forward only, batched
        model.totalLoss(xs.subList(0, Math.min(200, sentences)), ys.subList(0, Math.min(200, sentences)));
        double[] lossSeconds = new double[quick ? 1 : 3];
        for (int r = 0; r < lossSeconds.length; r++) {
            long t0 = System.nanoTime();
            model.totalLoss(xs, ys);
            lossSeconds[r] = (System.nanoTime() - t0) / 1e9;
        }
        double wordsPerSecond = words / min(lossSeconds);
        System.out.printf(Locale.ROOT, "Loss evaluation, float32: %,.0f words/s -> %,d sentences in %.0f s%n",
                wordsPerSecond, LESSON_SENTENCES, LESSON_SENTENCES * MEAN_LENGTH / wordsPerSecond);

        // next-word prediction latency
        int feeds = quick ? 200 : 1000;
        double[] perWord = predictionTimes(model, random, feeds);
        System.out.printf(Locale.ROOT, "Next-word prediction, float32: median %.3f ms, min %.3f ms per word%s%n",
                median(perWord), min(perWord), target(C, H, T, "(target <= 5 ms)"));
        double[] perWordByClass = predictionTimes(byClass.model(), random, feeds);
        System.out.printf(Locale.ROOT, "Next-word prediction, float32, class-based (the whole distribution): median %.3f ms, "
                + "min %.3f ms per word%n", median(perWordByClass), min(perWordByClass));

        ReferenceBench.print(C, H, T, quick);
        return 0;
    }

    /** Milliseconds a word of incremental prediction: one recurrent step and the whole next-word distribution. */
    private static double[] predictionTimes(RnnModel model, SplittableRandom random, int feeds) {
        NextWordPredictor predictor = new NextWordPredictor(model);
        double[] perWord = new double[feeds];
        for (int i = 0; i < feeds + 100; i++) {
            if (i % 40 == 0) {
                predictor.reset();
            }
            long t0 = System.nanoTime();
            predictor.feed(random.nextInt(model.wordDim()));
            if (i >= 100) {
                perWord[i - 100] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return perWord;
    }

    private static String target(int C, int H, int T, String text) {
        return C == LessonDefaults.WORD_DIM && H == LessonDefaults.HIDDEN_DIM && T == SpeedLesson.LESSON_T ? " " + text : "";
    }

    /**
     * The class-based layer's step, timed in the same rounds as the full one. Its cost depends on
     * the class of each target, so words are drawn from a Zipf law (frequency proportional to 1 /
     * rank, as in text) and the classes are binned from the same law; the full softmax costs the
     * same for any words. Its steps go through {@link #CLASS_SENTENCES} sentences in turn, as
     * training's steps do: on one sentence again and again, the blocks of V its targets' classes own
     * stay in the caches, and the step looked a quarter to a third faster than training's.
     */
    private static final class ClassBench {
        private final RnnModel model;
        private final WordClasses classes;
        private final long[] counts;
        private final int[][] xs;
        private final int[][] ys;
        private int next;

        private ClassBench(RnnModel model, WordClasses classes, long[] counts, int[][] xs, int[][] ys) {
            this.model = model;
            this.classes = classes;
            this.counts = counts;
            this.xs = xs;
            this.ys = ys;
        }

        static ClassBench make(int C, int H, int T, SplittableRandom random) {
            ZipfWords words = ZipfWords.of(C);
            WordClasses classes = words.classes();
            RnnModel model = RnnModel.initialiseClassBased(C, H, 4, 10, Precision.FLOAT32, classes);
            return new ClassBench(model, classes, words.counts(), words.sentences(random, CLASS_SENTENCES, T),
                    words.sentences(random, CLASS_SENTENCES, T));
        }

        /** One SGD step, on the next sentence. */
        void step() {
            model.sgdStep(xs[next], ys[next], 1e-4);
            next = (next + 1) % xs.length;
        }

        RnnModel model() {
            return model;
        }

        WordClasses classes() {
            return classes;
        }

        long[] counts() {
            return counts;
        }
    }

    /** The sentences the class-based steps go through: 256 x 45 targets hit each class about 160 times. */
    static final int CLASS_SENTENCES = 256;

    /** The class-based step's times, from the same rounds as the full step's. */
    private double[] classTimes = new double[0];
    private long classOnTwo;   // of the timed class-based steps: on two threads (the engine's choice, see MeanChoice)
    private long classCounted; // and all those that could use the lane
    /**
     * Class-based steps per full step in a round: about the same wall time for each (a full step is 10-15
     * times longer), as a training run gives its own steps back to back. With ten a round, as many as the
     * full step's, a tenth of them came first after the other model had filled the caches, and the round
     * ended within 2 ms of the machine waking from the round's pause: median 0.145-0.169 ms against
     * 0.122-0.129 ms with a hundred (2-core AMD EPYC VM, in turns).
     */
    static final int CLASS_STEPS_PER_FULL = 10;

    private void classBasedStep(ClassBench b, int C, int H, int T, double fullMedian, double fullMin) {
        double[] ms = classTimes;
        OutputLayerCost full = OutputLayerCost.full(C, H);
        OutputLayerCost byClass = OutputLayerCost.classBased(b.classes(), b.counts(), H);
        System.out.printf(Locale.ROOT, "Output layer per word (forward): full softmax %,.0f multiply-adds, class-based %,.0f "
                + "(%.0fx fewer)%n", full.multiplyAdds(), byClass.multiplyAdds(), full.multiplyAdds() / byClass.multiplyAdds());
        System.out.printf(Locale.ROOT, "SGD step, float32, class-based output (%d classes, %d sentences of Zipf words, in "
                        + "turns with the full step, %d to its one): median %.3f ms, min %.3f ms -> full / class-based = %.1f (median), %.1f (min)%s%n",
                b.classes().count(), CLASS_SENTENCES, CLASS_STEPS_PER_FULL, median(ms), min(ms), fullMedian / median(ms), fullMin / min(ms),
                target(C, H, T, "(target >= 10)"));
        if (classCounted > 0) {
            System.out.printf(Locale.ROOT, "  on two threads in %.0f%% of those steps: the engine measures both ways as it goes and keeps "
                    + "the faster on average%n", 100.0 * classOnTwo / classCounted);
        }
        if (Runtime.getRuntime().availableProcessors() >= 2) {
            coreRoundTrip();
        }
    }

    /** The cores' round trip, which says how far apart the host placed them (see CoreRoundTrip). */
    private static void coreRoundTrip() {
        try {
            Thread.sleep(20); // the engine's second thread stops spinning and leaves its core
            System.out.printf(Locale.ROOT, "  the cores' round trip (a number to the other core and back): median %.2f us; "
                    + "where a shared machine's host places its cores farther apart (0.38-0.49 us against 0.12 on an AMD EPYC VM), "
                    + "the class-based step on two threads took 1.5-2 times as long%n", CoreRoundTrip.medianNanos(100_000) / 1e3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double[] stepTimes(Precision p, int C, int H, int[] x, int[] y, int steps) {
        return stepTimes(RnnModel.initialise(C, H, 4, 10, p), x, y, steps);
    }

    private static double[] stepTimes(RnnModel model, int[] x, int[] y, int steps) {
        for (int i = 0; i < Math.max(20, steps / 3); i++) {
            model.sgdStep(x, y, 1e-4);
        }
        double[] ms = new double[steps];
        for (int i = 0; i < steps; i++) {
            long t0 = System.nanoTime();
            model.sgdStep(x, y, 1e-4);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        settled(model, ms, steps - 1);
        return ms;
    }

    /**
     * Waits for what the last timed step left running (V's update, see RnnModel#settle) and counts
     * the wait in that step's time: a step's time is then the whole of its work, however it overlaps.
     */
    private static void settled(RnnModel model, double[] ms, int last) {
        long t0 = System.nanoTime();
        model.settle();
        ms[last] += (System.nanoTime() - t0) / 1e6;
    }

    /** numpy's step times, in turns with Java's: {default threads, OPENBLAS_NUM_THREADS=1}; null when not run. */
    private final double[][] numpyTimes = new double[2][];
    private static final String[] NUMPY_THREADS = {null, "1"};
    /** GFLOP/s of the square sgemm on {one, two} threads, one of each per round of steps. */
    private final double[][] sgemmTimes = new double[2][];

    /**
     * The float32 step's times, taken in rounds of ten steps in turn with numpy's step (as installed,
     * and on one OpenBLAS thread, which is often faster here), each kept running in its own python
     * process: the three are timed in the same moments of the machine's load.
     */
    private double[] stepTimesBesideNumpy(int C, int H, int T, int[] x, int[] y, int steps, ClassBench byClass)
            throws java.io.IOException, InterruptedException {
        NumpyPartner[] partners = new NumpyPartner[2];
        try {
            for (int k = 0; k < 2; k++) {
                partners[k] = NumpyPartner.start(Path.of(SCRIPT), C, H, T, NUMPY_THREADS[k]);
                if (partners[k] == null) {
                    break;
                }
                numpyVersion = partners[k].version;
                numpyCore = partners[k].core;
            }
            RnnModel model = RnnModel.initialise(C, H, 4, 10, Precision.FLOAT32);
            for (int i = 0; i < Math.max(20, steps / 3); i++) {
                model.sgdStep(x, y, 1e-4);
                byClass.step();
            }
            double[] ms = new double[steps];
            classTimes = new double[steps * CLASS_STEPS_PER_FULL];
            double[][] numpyMs = new double[2][steps];
            int round = 10;
            int rounds = (steps + round - 1) / round;
            BlasInfo.Sgemm sgemm = new BlasInfo.Sgemm(SGEMM_N);
            sgemmTimes[0] = new double[rounds];
            sgemmTimes[1] = new double[rounds];
            for (int done = 0; done < steps; done += round) {
                int n = Math.min(round, steps - done);
                warmUp(() -> model.sgdStep(x, y, 1e-4));
                model.settle();
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    model.sgdStep(x, y, 1e-4);
                    ms[done + i] = (System.nanoTime() - t0) / 1e6;
                }
                settled(model, ms, done + n - 1);
                int first = done * CLASS_STEPS_PER_FULL;
                int m = n * CLASS_STEPS_PER_FULL;
                warmUp(byClass::step);
                byClass.model().settle();
                long[] before = EngineThreads.outputCounts();
                for (int i = 0; i < m; i++) {
                    long t0 = System.nanoTime();
                    byClass.step();
                    classTimes[first + i] = (System.nanoTime() - t0) / 1e6;
                }
                settled(byClass.model(), classTimes, first + m - 1); // its layer's update, as the full step's
                long[] after = EngineThreads.outputCounts();
                classOnTwo += after[0] - before[0];
                classCounted += after[0] + after[1] + after[2] - before[0] - before[1] - before[2];
                sgemmTimes[0][done / round] = sgemm.gflops(1);
                sgemmTimes[1][done / round] = sgemm.gflops(2);
                // the two-thread sgemm leaves OpenBLAS's worker spinning for about 0.1 s (a core's worth: 90-110
                // ms of CPU, measured), which took a core from numpy's two-thread turn that followed: in half
                // of seven runs on an AMD EPYC its median was twice its minimum, numpy / Java up to 4.2
                Thread.sleep(150);
                for (int k = 1; k >= 0; k--) { // one thread first: the default's threads spin on after their turn
                    if (partners[k] != null) {
                        NumpyPartner partner = partners[k];
                        warmUp(() -> partner.steps(1));
                        System.arraycopy(partner.steps(n), 0, numpyMs[k], done, n);
                    }
                }
                // OpenBLAS's idle threads (numpy's, and ours after the two-thread sgemm) busy-wait for about
                // 0.1 s before they sleep: let them, or the next round of steps would share the cores with them
                Thread.sleep(200);
            }
            for (int k = 0; k < 2; k++) {
                numpyTimes[k] = partners[k] == null ? null : numpyMs[k];
            }
            return ms;
        } finally {
            for (NumpyPartner partner : partners) {
                if (partner != null) {
                    partner.close();
                }
            }
        }
    }

    /**
     * Untimed steps before each timed turn, as a training run's steps follow one another. The round's
     * pause lets the cores slow down: after it the float32 step took 1.2 ms for its first 8-10 steps,
     * then 0.66 ms; with no pause, or one of 8-20 ms, every step took 0.66-0.73 ms (2-core AMD EPYC VM
     * with AVX-512, SkylakeX kernel). Each of the three steps gets the same time, whoever's turn it is.
     */
    static final long WARM_UP_NANOS = 20_000_000;

    private interface Step {
        void run() throws java.io.IOException;
    }

    /** GFLOP/s of {@code flops} done in {@code ms} milliseconds. */
    private static double gflops(double flops, double ms) {
        return flops / (ms / 1e3) / 1e9;
    }

    private static void warmUp(Step step) throws java.io.IOException {
        long until = System.nanoTime() + WARM_UP_NANOS;
        do {
            step.run();
        } while (System.nanoTime() < until);
    }

    /**
     * numpy's step against Java's; with each, the share of the cores' sgemm numpy's step reaches and
     * so the most any step of the same arithmetic could lead it by here: where numpy reaches half
     * the machine's sgemm (Haswell's kernel on an AMD EPYC, 2026-12-05), twice its speed cannot be had.
     */
    private void printNumpy(double javaMedian, double javaMin, int C, int H, int T, double flops, double machine) {
        for (int k = 0; k < 2; k++) {
            double[] r = numpyTimes[k];
            if (r == null) {
                continue;
            }
            System.out.printf(Locale.ROOT, "numpy reference step (float32, vectorised, numpy %s, OpenBLAS kernel %s, %s, "
                            + "in turns with Java's): median %.2f ms, min %.2f ms -> numpy / Java = %.2f (median), %.2f (min)%s%n",
                    numpyVersion, numpyCore, NUMPY_THREADS[k] == null ? "default threads" : "OPENBLAS_NUM_THREADS=1",
                    median(r), min(r), median(r) / javaMedian, min(r) / javaMin, target(C, H, T, "(target: median >= 2)"));
            double numpyGflops = gflops(flops, median(r));
            System.out.printf(Locale.ROOT, "  numpy's step at its median: %.1f GFLOP/s = %.0f%% of the cores' sgemm, so no step "
                    + "of the same arithmetic can be more than %.1f times as fast here%n", numpyGflops, 100 * numpyGflops / machine,
                    machine / numpyGflops);
        }
    }

    private String numpyVersion = "?";
    private String numpyCore = "?";

    /**
     * The kernel OpenBLAS runs (asked from the loaded library), and who chose it: the CPU read by
     * OpenBLAS, the user's OPENBLAS_CORETYPE, or {@link BlasKernel} for a CPU newer than OpenBLAS.
     */
    private static String openBlasKernel() {
        String name = BlasKernel.running().orElse("unknown");
        String set = System.getenv("OPENBLAS_CORETYPE");
        if (BlasKernel.chosen().isPresent()) {
            boolean asked = !System.getProperty(BlasKernel.PROPERTY, "auto").equalsIgnoreCase("auto");
            return name + " (OPENBLAS_CORETYPE=" + BlasKernel.chosen().get() + ", set by rnnlab "
                    + (asked ? "as -D" + BlasKernel.PROPERTY + " asked)" : "from the CPU's instruction sets"
                    + BlasKernel.lifted().map(pin -> " over the environment's narrower " + pin
                            + "; -D" + BlasKernel.PROPERTY + "=keep before -jar keeps that").orElse("") + ")");
        }
        if (set == null) {
            return name + " (OpenBLAS's own choice)";
        }
        return name + " (OPENBLAS_CORETYPE=" + set + ", set in the environment)" + BlasKernel.heldBack()
                .map(own -> "; this CPU runs " + own + ": unset OPENBLAS_CORETYPE or add -D" + BlasKernel.PROPERTY + "=" + own
                        + " before -jar to use it")
                .orElse("");
    }

    private static int[] randomWords(SplittableRandom random, int n, int C) {
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = random.nextInt(C);
        }
        return w;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }
}
