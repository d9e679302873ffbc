package org.rnnlab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * How the error of one output flows back in time: for the loss L_t = -ln o_t[y_t] of output t,
 * the lesson's delta at each earlier step k = t - lag,
 * <pre>
 *   delta_t = (V^T (o_t - onehot(y_t))) * (1 - s_t^2)
 *   delta_k = (W^T delta_(k+1)) * (1 - s_k^2)
 * </pre>
 * its norm (the vanishing gradient, seen), and each step's share of dL_t/dW (outer(delta_k,
 * s_(k-1))) and of dL_t/dU (delta_k, into column x_k), with what truncating after
 * {@code bpttTruncate} steps cuts. Computed with {@link ReferenceRnn}'s forward pass, in float64.
 */
public final class DeltaFlow {

    /** One step back: {@code lag} steps before t, at step {@code step} reading word {@code word}. */
    public record Lag(int lag, int step, int word, double deltaNorm, double tanhDerivative, double shareOfW,
                      double shareOfU, boolean cut) {
    }

    /**
     * @param lags              lag 0 (step t) to lag t (step 0)
     * @param truncationErrorW  ||dL_t/dW truncated - exact|| / ||exact|| (0 when nothing is cut)
     * @param truncationErrorU  the same for dL_t/dU
     * @param largestSingularW  W's largest singular value: above 1 deltas can grow, below they shrink
     */
    public record Result(int t, int bpttTruncate, List<Lag> lags, double truncationErrorW, double truncationErrorU,
                         double largestSingularW) {
    }

    private DeltaFlow() {
    }

    /** The flow back from output {@code t} of sentence (x, y) through {@code ref}'s parameters. */
    public static Result of(ReferenceRnn ref, int[] x, int[] y, int t, int bpttTruncate) {
        return of(ref, null, null, x, y, t, bpttTruncate);
    }

    /**
     * As above for {@code model} as it runs: with a class-based output layer, dL_t/ds_t comes from that
     * layer, X^T (q_t - onehot(c)) + V_c^T (r_t - onehot(y_t)) (c = y_t's class), not from a softmax
     * over all of V, which such a model never computes.
     */
    public static Result of(RnnModel model, int[] x, int[] y, int t, int bpttTruncate) {
        WordClasses classes = model.classes();
        return of(ReferenceRnn.of(model), classes == null ? null : model.X().toDoubleMatrix(), classes, x, y, t, bpttTruncate);
    }

    private static Result of(ReferenceRnn ref, double[][] X, WordClasses classes, int[] x, int[] y, int t, int bpttTruncate) {
        if (t < 0 || t >= x.length) {
            throw new IllegalArgumentException("t = " + t + " is outside the sentence's 0.." + (x.length - 1));
        }
        int H = ref.hiddenDim;
        int T = x.length;
        ReferenceRnn.Forward f = ref.forwardPropagation(x);
        double[][] s = f.s();
        double[] delta = classes == null ? fullSoftmaxDs(ref, f.o()[t], y[t]) : classBasedDs(ref, X, classes, s[t], y[t]);
        for (int i = 0; i < H; i++) {
            delta[i] *= 1 - s[t][i] * s[t][i];
        }
        double[] wNorms = new double[t + 1];
        double[] uNorms = new double[t + 1];
        double[] deltaNorms = new double[t + 1];
        double[] tanh = new double[t + 1];
        double[][] dW = new double[H][H];
        double[][] dWcut = new double[H][H];
        double[][] dU = new double[H][ref.wordDim];
        double[][] dUcut = new double[H][ref.wordDim];
        for (int step = t; step >= 0; step--) {
            int lag = t - step;
            double[] prev = s[step == 0 ? T : step - 1]; // s_(step-1), 0 before the first word
            deltaNorms[lag] = norm(delta);
            uNorms[lag] = deltaNorms[lag];
            wNorms[lag] = deltaNorms[lag] * norm(prev); // ||outer(a, b)|| = ||a|| ||b||
            double d = 0;
            for (int i = 0; i < H; i++) {
                d += 1 - s[step][i] * s[step][i];
            }
            tanh[lag] = d / H;
            boolean kept = lag <= bpttTruncate;
            for (int i = 0; i < H; i++) {
                for (int j = 0; j < H; j++) {
                    dW[i][j] += delta[i] * prev[j];
                    if (kept) {
                        dWcut[i][j] += delta[i] * prev[j];
                    }
                }
                dU[i][x[step]] += delta[i];
                if (kept) {
                    dUcut[i][x[step]] += delta[i];
                }
            }
            double[] next = new double[H];
            for (int j = 0; j < H; j++) {
                for (int i = 0; i < H; i++) {
                    next[j] += ref.W[i][j] * delta[i];
                }
                next[j] *= 1 - prev[j] * prev[j];
            }
            delta = next;
        }
        double wSum = sum(wNorms);
        double uSum = sum(uNorms);
        List<Lag> lags = new ArrayList<>(t + 1);
        for (int lag = 0; lag <= t; lag++) {
            lags.add(new Lag(lag, t - lag, x[t - lag], deltaNorms[lag], tanh[lag], wSum == 0 ? 0 : wNorms[lag] / wSum,
                    uSum == 0 ? 0 : uNorms[lag] / uSum, lag > bpttTruncate));
        }
        return new Result(t, bpttTruncate, lags, relative(dWcut, dW), relative(dUcut, dU), largestSingularValue(ref.W));
    }

    /** dL_t/ds_t = V^T (o_t - onehot(y_t)), the lesson's. */
    private static double[] fullSoftmaxDs(ReferenceRnn ref, double[] o, int target) {
        double[] deltaO = o.clone();
        deltaO[target] -= 1.0;
        double[] ds = new double[ref.hiddenDim];
        for (int i = 0; i < ds.length; i++) {
            for (int c = 0; c < ref.wordDim; c++) {
                ds[i] += ref.V[c][i] * deltaO[c];
            }
        }
        return ds;
    }

    /** dL_t/ds_t through the class-based layer: X^T (softmax(X s) - onehot(c)) + V_c^T (softmax(V_c s) - onehot(y)). */
    private static double[] classBasedDs(ReferenceRnn ref, double[][] X, WordClasses classes, double[] st, int target) {
        int c = classes.classOf(target);
        double[] ds = new double[ref.hiddenDim];
        addSoftmaxGradient(X, 0, X.length, c, st, ds);
        addSoftmaxGradient(ref.V, classes.start(c), classes.size(c), target - classes.start(c), st, ds);
        return ds;
    }

    /** ds += M_rows^T (softmax(M_rows s) - onehot(target)) for the {@code n} rows of M from {@code from}. */
    private static void addSoftmaxGradient(double[][] M, int from, int n, int target, double[] st, double[] ds) {
        double[] z = new double[n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < st.length; j++) {
                z[k] += M[from + k][j] * st[j];
            }
        }
        ClassOutput.softmaxInPlace(z, 0, n);
        for (int k = 0; k < n; k++) {
            double d = z[k] - (k == target ? 1 : 0);
            for (int j = 0; j < st.length; j++) {
                ds[j] += M[from + k][j] * d;
            }
        }
    }

    /** sqrt of the largest eigenvalue of W^T W, by power iteration (W is small: H x H). */
    public static double largestSingularValue(double[][] W) {
        int H = W.length;
        double[] v = new double[H];
        java.util.Arrays.fill(v, 1.0 / Math.sqrt(H));
        double sigma = 0;
        for (int iteration = 0; iteration < 500; iteration++) {
            double[] wv = new double[H];
            for (int i = 0; i < H; i++) {
                for (int j = 0; j < H; j++) {
                    wv[i] += W[i][j] * v[j];
                }
            }
            double[] wtwv = new double[H];
            for (int j = 0; j < H; j++) {
                for (int i = 0; i < H; i++) {
                    wtwv[j] += W[i][j] * wv[i];
                }
            }
            double n = norm(wtwv);
            if (n == 0) {
                return 0;
            }
            double next = Math.sqrt(n);
            for (int j = 0; j < H; j++) {
                v[j] = wtwv[j] / n;
            }
            if (Math.abs(next - sigma) <= 1e-13 * next) {
                return next;
            }
            sigma = next;
        }
        return sigma;
    }

    private static double relative(double[][] cut, double[][] exact) {
        double diff = 0;
        double ref = 0;
        for (int i = 0; i < exact.length; i++) {
            for (int j = 0; j < exact[i].length; j++) {
                double e = exact[i][j];
                diff += (cut[i][j] - e) * (cut[i][j] - e);
                ref += e * e;
            }
        }
        return ref == 0 ? 0 : Math.sqrt(diff / ref);
    }

    static double norm(double[] v) {
        double sum = 0;
        for (double a : v) {
            sum += a * a;
        }
        return Math.sqrt(sum);
    }

    private static double sum(double[] v) {
        double sum = 0;
        for (double a : v) {
            sum += a;
        }
        return sum;
    }
}
