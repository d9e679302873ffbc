package org.rnnlab.engine;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.LessonDefaults;

/**
 * The lesson's speed comparison, run here: the same SGD step on the same sentence with the
 * reference loops ({@link ReferenceRnn}, float64, one thread, as the lesson's numpy loops) and with
 * the fast kernel ({@link RnnModel}, float32), from the same parameters: the largest difference
 * between the parameters after the step, and the median time of each.
 */
public final class SpeedLesson {
    /** The lesson's figures for one SGD step on a 45-word sentence, C = 8000, H = 100 (section 8). */
    public static final double LESSON_NUMPY_MS = 350;
    public static final double LESSON_THEANO_CPU_MS = 70;
    public static final double LESSON_THEANO_GPU_MS = 23;
    /** The length of the sentence the lesson timed its step on. */
    public static final int LESSON_T = 45;

    /** @param largestDifference max |reference - kernel| over U, V and W after the step */
    public record Result(int wordDim, int hiddenDim, int length, double referenceMs, double kernelMs,
                         double largestDifference) {
        public double speedUp() {
            return referenceMs / kernelMs;
        }
    }

    private SpeedLesson() {
    }

    /**
     * Times {@code referenceRuns} reference steps and {@code kernelRuns} kernel steps (after a warm-up
     * each) of a T-word sentence on a C x H model drawn with the lesson's seed 10.
     */
    public static Result run(int C, int H, int T, int referenceRuns, int kernelRuns, Cancellation cancel) {
        RnnModel start = RnnModel.initialise(C, H, 4, 10, Precision.FLOAT32);
        SplittableRandom r = new SplittableRandom(45);
        int[] x = r.ints(T, 0, C).toArray();
        int[] y = r.ints(T, 0, C).toArray();
        double lr = LessonDefaults.LEARNING_RATE;
        // the difference: one step each from the same parameters
        ReferenceRnn ref = ReferenceRnn.of(start);
        RnnModel fast = start.copy();
        ref.sgdStep(x, y, lr);
        fast.sgdStep(x, y, lr);
        double diff = Math.max(Math.max(largest(ref.U, fast.U().toDoubleMatrix()), largest(ref.V, fast.V().toDoubleMatrix())),
                largest(ref.W, fast.W().toDoubleMatrix()));
        double[] refTimes = new double[referenceRuns];
        for (int i = 0; i < referenceRuns; i++) {
            cancel.throwIfCancelled();
            long t0 = System.nanoTime();
            ref.sgdStep(x, y, lr);
            refTimes[i] = (System.nanoTime() - t0) / 1e6;
        }
        for (int i = 0; i < 3; i++) {
            fast.sgdStep(x, y, lr);
        }
        double[] fastTimes = new double[kernelRuns];
        for (int i = 0; i < kernelRuns; i++) {
            cancel.throwIfCancelled();
            long t0 = System.nanoTime();
            fast.sgdStep(x, y, lr);
            fastTimes[i] = (System.nanoTime() - t0) / 1e6;
        }
        return new Result(C, H, T, median(refTimes), median(fastTimes), diff);
    }

    private static double largest(double[][] a, double[][] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                worst = Math.max(worst, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return worst;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
