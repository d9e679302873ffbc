package org.rnnlab.training;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.engine.Gradients;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;

/**
 * The lesson's {@code gradient_check}: for every element of U, V and W (in that order, row-major
 * as numpy's nditer walks them), estimate dL/dtheta as (L(theta + h) - L(theta - h)) / 2h on the
 * total loss of one example and compare it with exact backpropagation (no truncation) by relative
 * error. Runs on a float64 copy, so float32 rounding cannot hide or fake an error and the caller's
 * model is left untouched. Unlike the lesson, which returns at the first failure, every element
 * is checked and reported; each parameter's verdict names its first failing element.
 */
public final class GradientCheck {
    /** The gradient under test; package-private so that a test can inject a wrong one. */
    @FunctionalInterface
    interface GradientFunction {
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
        RnnModel m = model.withPrecision(Precision.FLOAT64);
        if (m == model) {
            m = model.copy(); // never nudge the caller's parameters
        }
        Gradients g = gradient.compute(m, x, y);
        String[] names = {"U", "V", "W"};
        INDArray[] parameters = {m.U(), m.V(), m.W()};
        INDArray[] gradients = {g.dU(), g.dV(), g.dW()};
        List<ParameterVerdict> verdicts = new ArrayList<>(3);
        for (int p = 0; p < 3; p++) {
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
                    double original = theta.getDouble(r, c);
                    theta.putScalar(r, c, original + h);
                    double plus = m.sentenceLoss(x, y);
                    theta.putScalar(r, c, original - h);
                    double minus = m.sentenceLoss(x, y);
                    theta.putScalar(r, c, original);
                    double estimate = (plus - minus) / (2 * h);
                    double backprop = grad.getDouble(r, c);
                    double error = relativeError(backprop, estimate);
                    // NaN (an infinite loss) fails, unlike numpy's comparison which would let it pass.
                    boolean passed = error <= threshold;
                    CheckedElement e = new CheckedElement(names[p], r, c, backprop, estimate, error, passed);
                    checked++;
                    if (!passed && firstFailure == null) {
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

    /** |a - b| / (|a| + |b|); 0 when both are 0 (an element the example never touches). */
    static double relativeError(double a, double b) {
        double scale = Math.abs(a) + Math.abs(b);
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }
}
