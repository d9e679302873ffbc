package org.rnnlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.engine.Gradients;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;

/**
 * The lesson's {@code gradient_check}: for every element of U, V and W (and the class weights X of a
 * class-based output layer; in that order, row-major
 * as numpy's nditer walks them), estimate dL/dtheta as (L(theta + h) - L(theta - h)) / 2h on the
 * total loss of one example and compare it with exact backpropagation (no truncation) by relative
 * error. Runs on a float64 copy, so float32 rounding cannot hide or fake an error and the caller's
 * model is left untouched. Unlike the lesson, which returns at the first failure, every element
 * is checked and reported; each parameter's verdict names its first failing element.
 * {@link #runSample} checks a sample of the elements instead, cheap enough to run while training.
 */
public final class GradientCheck {
    /** The gradient under test: the engine's exact BPTT, or another one (a reference with an injected bug). */
    @FunctionalInterface
    public interface GradientFunction {
        Gradients compute(RnnModel model, int[] x, int[] y);
    }

    private static final GradientFunction EXACT_BPTT = (m, x, y) -> m.bptt(x, y, Integer.MAX_VALUE);

    private final double h;
    private final double threshold;
    private final GradientFunction gradient;

    /** @param h the step of the central difference (lesson: 0.001); @param threshold largest relative error that passes (lesson: 0.01) */
    public GradientCheck(double h, double threshold) {
        this(h, threshold, EXACT_BPTT);
    }

    GradientCheck(double h, double threshold, GradientFunction gradient) {
        if (!(h > 0) || !(threshold > 0)) {
            throw new IllegalArgumentException("h and threshold must be positive");
        }
        this.h = h;
        this.threshold = threshold;
        this.gradient = gradient;
    }

    /**
     * Checks the gradient truncated after {@code bpttTruncate} steps against the exact estimate: it
     * fails on sentences longer than the truncation, which shows what truncation gives up.
     */
    public static GradientCheck truncated(double h, double threshold, int bpttTruncate) {
        return new GradientCheck(h, threshold, (m, x, y) -> m.bptt(x, y, bpttTruncate));
    }

    /** Checks the gradients {@code gradient} computes, e.g. the reference BPTT with an injected bug. */
    public static GradientCheck of(double h, double threshold, GradientFunction gradient) {
        return new GradientCheck(h, threshold, gradient);
    }

    /** The lesson's h = 0.001 and threshold = 0.01. */
    public static GradientCheck lesson() {
        return new GradientCheck(LessonDefaults.GRADCHECK_H, LessonDefaults.GRADCHECK_THRESHOLD);
    }

    public double h() {
        return h;
    }

    public double threshold() {
        return threshold;
    }

    /**
     * Checks U, V and W on example (x, y); throws {@link org.rnnlab.common.CancelledException} when
     * {@code cancel} is set (checked before every element).
     */
    public List<ParameterVerdict> run(RnnModel model, int[] x, int[] y, GradientCheckListener listener,
                                      Cancellation cancel) {
        return onFloat64Copy(model, x, y, (m, g) -> checkAll(m, g, x, y, listener, cancel));
    }

    /**
     * {@code work} on a float64 copy of {@code model} (never nudging the caller's parameters) and its
     * gradient on (x, y); both are freed when it returns, not left to a garbage collection (a live
     * check makes one every few seconds).
     */
    private <T> T onFloat64Copy(RnnModel model, int[] x, int[] y, java.util.function.BiFunction<RnnModel, Gradients, T> work) {
        RnnModel m = model.withPrecision(Precision.FLOAT64); // always a copy
        try {
            Gradients g = gradient.compute(m, x, y);
            try {
                return work.apply(m, g);
            } finally {
                g.release();
            }
        } finally {
            m.release();
        }
    }

    private List<ParameterVerdict> checkAll(RnnModel m, Gradients g, int[] x, int[] y, GradientCheckListener listener,
                                            Cancellation cancel) {
        String[] names = names(m);
        INDArray[] parameters = parameters(m);
        INDArray[] gradients = gradients(g, m);
        List<ParameterVerdict> verdicts = new ArrayList<>(names.length);
        for (int p = 0; p < names.length; p++) {
            INDArray theta = parameters[p];
            INDArray grad = gradients[p];
            int rows = (int) theta.rows();
            int cols = (int) theta.columns();
            listener.onParameterStart(names[p], rows * cols);
            CheckedElement firstFailure = null;
            int checked = 0;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    cancel.throwIfCancelled();
                    CheckedElement e = element(m, x, y, names[p], theta, grad, r, c, h);
                    checked++;
                    if (!e.passed() && firstFailure == null) {
                        firstFailure = e;
                    }
                    listener.onElement(e);
                }
            }
            ParameterVerdict v = new ParameterVerdict(names[p], firstFailure == null, checked, firstFailure);
            verdicts.add(v);
            listener.onParameterDone(v);
        }
        return verdicts;
    }

    /**
     * The lesson's check on a sample of the elements, for a check while training runs: on a float64
     * copy of {@code model}, up to {@code perParameter} distinct elements of each of U, V and W drawn
     * by {@code rng} where the exact gradient is not zero (for U, only the columns of the words of
     * {@code x} can be). Elements whose gradient is so small that float64 rounding of the loss could
     * reach a tenth of the threshold ({@code |dL/dtheta| < 10 ulp(L) / (h threshold)}) are not drawn:
     * they would test the arithmetic, not the gradient. Each parameter's elements are checked in
     * row-major order, so its first failure is the one the lesson's loop would meet first. An element
     * that fails is looked at again with h / 10 and counts as that second look when it passes there:
     * for a gradient near zero the central difference's own error (about h^2 times the loss's third
     * derivative) can reach 1% at h, and falls a hundredfold at h / 10, where a wrong gradient stays
     * wrong. (Seen while training the sample corpus: W's element (2, 2) after 3,090 examples, both
     * gradients 6e-6, relative error 0.0114 at h = 0.001.)
     */
    public List<SampledVerdict> runSample(RnnModel model, int[] x, int[] y, int perParameter, SplittableRandom rng) {
        if (perParameter < 1) {
            throw new IllegalArgumentException("check at least one element per parameter, not " + perParameter);
        }
        return onFloat64Copy(model, x, y, (m, g) -> sample(m, g, x, y, perParameter, rng));
    }

    private List<SampledVerdict> sample(RnnModel m, Gradients g, int[] x, int[] y, int perParameter,
                                        SplittableRandom rng) {
        double floor = 10 * Math.ulp(m.sentenceLoss(x, y)) / (h * threshold);
        int[] columnsOfU = java.util.Arrays.stream(x).distinct().toArray();
        String[] names = names(m);
        INDArray[] parameters = parameters(m);
        INDArray[] gradients = gradients(g, m);
        List<SampledVerdict> verdicts = new ArrayList<>(names.length);
        for (int p = 0; p < names.length; p++) {
            INDArray theta = parameters[p];
            INDArray grad = gradients[p];
            int rows = (int) theta.rows();
            int cols = (int) theta.columns();
            int[] columns = p == 0 ? columnsOfU : null; // null: every column
            long candidates = (long) rows * (columns == null ? cols : columns.length);
            java.util.TreeSet<Long> drawn = new java.util.TreeSet<>(); // row-major keys r * cols + c
            for (int attempt = 0; attempt < 50 * perParameter && drawn.size() < Math.min(perParameter, candidates); attempt++) {
                int r = rng.nextInt(rows);
                int c = columns == null ? rng.nextInt(cols) : columns[rng.nextInt(columns.length)];
                if (Math.abs(grad.getDouble(r, c)) > floor) {
                    drawn.add((long) r * cols + c);
                }
            }
            List<CheckedElement> elements = new ArrayList<>(drawn.size());
            for (long key : drawn) {
                int r = (int) (key / cols);
                int c = (int) (key % cols);
                CheckedElement e = element(m, x, y, names[p], theta, grad, r, c, h);
                if (!e.passed() && Double.isFinite(e.relativeError()) && Math.abs(e.backprop()) > RECHECK * floor) {
                    // the estimate's own error at h (about h^2 times the loss's third derivative) can pass 1%
                    // of a small gradient that is right: 100 times less at h / 10, where a wrong gradient stays wrong
                    CheckedElement again = element(m, x, y, names[p], theta, grad, r, c, h / RECHECK);
                    if (again.passed()) {
                        e = again;
                    }
                }
                elements.add(e);
            }
            verdicts.add(SampledVerdict.of(names[p], elements));
        }
        return verdicts;
    }

    /** U, V, W, and X (the class weights) when the output layer is class-based. */
    private static String[] names(RnnModel m) {
        return m.isClassBased() ? new String[] {"U", "V", "W", "X"} : new String[] {"U", "V", "W"};
    }

    private static INDArray[] parameters(RnnModel m) {
        return m.isClassBased() ? new INDArray[] {m.U(), m.V(), m.W(), m.X()} : new INDArray[] {m.U(), m.V(), m.W()};
    }

    private static INDArray[] gradients(Gradients g, RnnModel m) {
        return m.isClassBased() ? new INDArray[] {g.dU(), g.dV(), g.dW(), g.dX()} : new INDArray[] {g.dU(), g.dV(), g.dW()};
    }

    /** How much smaller the step of the sampled check's second look at a failing element is. */
    static final double RECHECK = 10;

    /** One element: nudge it by +-step on the float64 copy {@code m}, put it back, compare with backpropagation. */
    private CheckedElement element(RnnModel m, int[] x, int[] y, String name, INDArray theta, INDArray grad, int r, int c,
                                   double step) {
        double original = theta.getDouble(r, c);
        theta.putScalar(r, c, original + step);
        double plus = m.sentenceLoss(x, y);
        theta.putScalar(r, c, original - step);
        double minus = m.sentenceLoss(x, y);
        theta.putScalar(r, c, original);
        double estimate = (plus - minus) / (2 * step);
        double backprop = grad.getDouble(r, c);
        double error = relativeError(backprop, estimate);
        // NaN (an infinite loss) fails, unlike numpy's comparison which would let it pass.
        return new CheckedElement(name, r, c, backprop, estimate, error, error <= threshold);
    }

    /** |a - b| / (|a| + |b|); 0 when both are 0 (an element the example never touches). */
    static double relativeError(double a, double b) {
        double scale = Math.abs(a) + Math.abs(b);
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }
}
