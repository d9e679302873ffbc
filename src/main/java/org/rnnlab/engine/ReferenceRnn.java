package org.rnnlab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The lesson's RNNNumpy in plain Java loops over double arrays, line for line like its numpy
 * (src/test/python/reference_rnn.py): slow and readable. It is the oracle the fast {@link Kernel}
 * is tested against, the code the app shows beside a step (cut between the {@code [code:...]}
 * markers at build time), and the slow side of the speed lesson. {@link Bug} puts one of the
 * classic BPTT mistakes into {@link #bptt} so that the gradient check can be seen catching it.
 */
public final class ReferenceRnn {
    /** Mistakes a first BPTT often has; each one breaks the gradient of some parameters, not all. */
    public enum Bug {
        NONE, TANH_DERIVATIVE_FORGOTTEN, DELTA_FROM_WRONG_STEP, RECURRENCE_DROPPED, SOFTMAX_SIGN_FLIPPED, TRUNCATION_KEPT;

        /** The truncation the TRUNCATION_KEPT bug leaves on: the lesson's 4 would reach back to t = 0 on its 4-word check. */
        public static final int KEPT_TRUNCATION = 1;

        /** The name on the command line, e.g. {@code tanh-derivative-forgotten}. */
        public String cliName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The bug named {@code name} on the command line, or null. */
        public static Bug fromCliName(String name) {
            for (Bug b : values()) {
                if (b.cliName().equals(name)) {
                    return b;
                }
            }
            return null;
        }
    }

    /** Forward's result: o: T x C, s: (T+1) x H with s[T] = s_(-1) = 0 (numpy's s[-1]). */
    public record Forward(double[][] o, double[][] s) {
    }

    /** One parameter's verdict in {@link #gradientCheck}: the first failing element, or passed. */
    public record Check(String parameter, boolean passed, int row, int column, double estimate, double backprop,
                        double relativeError) {
    }

    public final int wordDim;      // C
    public final int hiddenDim;    // H
    public int bpttTruncate;
    public final double[][] U;     // H x C
    public final double[][] V;     // C x H
    public final double[][] W;     // H x H
    public Bug bug = Bug.NONE;

    public ReferenceRnn(double[][] U, double[][] V, double[][] W, int bpttTruncate) {
        this.U = U;
        this.V = V;
        this.W = W;
        this.hiddenDim = U.length;
        this.wordDim = U[0].length;
        this.bpttTruncate = bpttTruncate;
    }

    /**
     * The reference's BPTT of {@code model}'s current parameters with {@code bug} in it, truncated
     * after {@code bpttTruncate} steps, as the engine's {@link Gradients} (float64).
     */
    public static Gradients gradients(RnnModel model, int[] x, int[] y, int bpttTruncate, Bug bug) {
        ReferenceRnn ref = of(model);
        ref.bpttTruncate = bpttTruncate;
        ref.bug = bug;
        double[][][] d = ref.bptt(x, y);
        return new Gradients(Nd4j.create(d[0]), Nd4j.create(d[1]), Nd4j.create(d[2]));
    }

    // [code:init]
    public ReferenceRnn(int wordDim, int hiddenDim, int bpttTruncate, Random random) {
        this(uniform(hiddenDim, wordDim, Math.sqrt(1. / wordDim), random),
                uniform(wordDim, hiddenDim, Math.sqrt(1. / hiddenDim), random),
                uniform(hiddenDim, hiddenDim, Math.sqrt(1. / hiddenDim), random), bpttTruncate);
    }

    static double[][] uniform(int rows, int cols, double bound, Random random) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int c = 0; c < cols; c++) {
                row[c] = -bound + 2 * bound * random.nextDouble();
            }
        }
        return a;
    }
    // [/code:init]

    // [code:trainingdata]
    /** x: the sentence without its last word, y: without its first; y_t is the word after x_t. */
    public static int[][] trainingPair(int[] sentence) {
        int[] x = Arrays.copyOfRange(sentence, 0, sentence.length - 1);
        int[] y = Arrays.copyOfRange(sentence, 1, sentence.length);
        return new int[][] {x, y};
    }
    // [/code:trainingdata]

    /** A float64 copy of {@code model}'s parameters (the model is not touched afterwards). */
    public static ReferenceRnn of(RnnModel model) {
        synchronized (model) { // RnnModel's own lock: no training step halfway through the copy
            return new ReferenceRnn(model.U().toDoubleMatrix(), model.V().toDoubleMatrix(), model.W().toDoubleMatrix(),
                    model.bpttTruncate());
        }
    }

    // [code:forward]
    static double[] softmax(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        double[] xt = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            xt[i] = Math.exp(x[i] - max);
            sum += xt[i];
        }
        for (int i = 0; i < x.length; i++) {
            xt[i] /= sum;
        }
        return xt;
    }

    public Forward forwardPropagation(int[] x) {
        int T = x.length;
        double[][] s = new double[T + 1][hiddenDim];   // s[T] stays 0: s[-1] in numpy
        double[][] o = new double[T][wordDim];
        for (int t = 0; t < T; t++) {
            double[] prev = s[t == 0 ? T : t - 1];
            for (int i = 0; i < hiddenDim; i++) {
                double a = U[i][x[t]];                 // U x_t: column x_t of U
                for (int j = 0; j < hiddenDim; j++) {
                    a += W[i][j] * prev[j];
                }
                s[t][i] = Math.tanh(a);
            }
            double[] z = new double[wordDim];          // V s_t
            for (int c = 0; c < wordDim; c++) {
                for (int j = 0; j < hiddenDim; j++) {
                    z[c] += V[c][j] * s[t][j];
                }
            }
            o[t] = softmax(z);
        }
        return new Forward(o, s);
    }
    // [/code:forward]

    // [code:predict]
    public int[] predict(int[] x) {
        double[][] o = forwardPropagation(x).o();
        int[] best = new int[o.length];
        for (int t = 0; t < o.length; t++) {
            for (int c = 1; c < wordDim; c++) {
                if (o[t][c] > o[t][best[t]]) {
                    best[t] = c;
                }
            }
        }
        return best;
    }
    // [/code:predict]

    // [code:loss]
    public double calculateTotalLoss(List<int[]> x, List<int[]> y) {
        double L = 0;
        for (int i = 0; i < y.size(); i++) {
            double[][] o = forwardPropagation(x.get(i)).o();
            for (int t = 0; t < y.get(i).length; t++) {
                L += -Math.log(o[t][y.get(i)[t]]);     // correct word's probability
            }
        }
        return L;
    }

    public double calculateLoss(List<int[]> x, List<int[]> y) {
        int N = 0;
        for (int[] yi : y) {
            N += yi.length;
        }
        return calculateTotalLoss(x, y) / N;
    }
    // [/code:loss]

    // [code:bptt]
    /** Returns {dLdU, dLdV, dLdW}. */
    public double[][][] bptt(int[] x, int[] y) {
        int T = y.length;
        int H = hiddenDim;
        Forward f = forwardPropagation(x);
        double[][] s = f.s();
        double[][] dLdU = new double[H][wordDim];
        double[][] dLdV = new double[wordDim][H];
        double[][] dLdW = new double[H][H];
        double[][] deltaO = f.o();                     // o_t - onehot(y_t)
        for (int t = 0; t < T; t++) {
            deltaO[t][y[t]] -= 1.0;
            if (bug == Bug.SOFTMAX_SIGN_FLIPPED) {
                for (int c = 0; c < wordDim; c++) {
                    deltaO[t][c] = -deltaO[t][c];
                }
            }
        }
        int truncate = bug == Bug.TRUNCATION_KEPT ? Bug.KEPT_TRUNCATION : bpttTruncate;
        for (int t = T - 1; t >= 0; t--) {
            double[] deltaT = new double[H];           // V^T deltaO_t * (1 - s_t^2)
            for (int i = 0; i < H; i++) {
                for (int c = 0; c < wordDim; c++) {
                    dLdV[c][i] += deltaO[t][c] * s[t][i];
                    deltaT[i] += V[c][i] * deltaO[t][c];
                }
                deltaT[i] *= tanhDerivative(s[t][i]);
            }
            for (int step = t; step >= Math.max(0, t - truncate); step--) {
                double[] prev = s[step == 0 ? T : step - 1];   // s_(step-1)
                for (int i = 0; i < H; i++) {
                    for (int j = 0; j < H; j++) {
                        dLdW[i][j] += deltaT[i] * prev[j];
                    }
                    dLdU[i][x[step]] += deltaT[i];
                }
                double[] next = new double[H];         // (W^T deltaT) * (1 - s_(step-1)^2)
                double[] at = bug == Bug.DELTA_FROM_WRONG_STEP ? s[step] : prev;
                for (int j = 0; j < H; j++) {
                    for (int i = 0; i < H; i++) {
                        next[j] += (bug == Bug.RECURRENCE_DROPPED ? (i == j ? 1 : 0) : W[i][j]) * deltaT[i];
                    }
                    next[j] *= tanhDerivative(at[j]);
                }
                deltaT = next;
            }
        }
        return new double[][][] {dLdU, dLdV, dLdW};
    }

    private double tanhDerivative(double s) {
        return bug == Bug.TANH_DERIVATIVE_FORGOTTEN ? 1.0 : 1 - s * s;
    }
    // [/code:bptt]

    // [code:sgd]
    public void sgdStep(int[] x, int[] y, double learningRate) {
        double[][][] d = bptt(x, y);
        double[][][] params = {U, V, W};
        for (int p = 0; p < 3; p++) {
            for (int r = 0; r < params[p].length; r++) {
                for (int c = 0; c < params[p][r].length; c++) {
                    params[p][r][c] -= learningRate * d[p][r][c];
                }
            }
        }
    }
    // [/code:sgd]

    // [code:gradcheck]
    /** Per parameter U, V, W: passed, or the first element whose relative error exceeds the threshold. */
    public List<Check> gradientCheck(int[] x, int[] y, double h, double errorThreshold) {
        int kept = bpttTruncate;
        bpttTruncate = Integer.MAX_VALUE;              // the check needs the exact gradient
        double[][][] bpttGradients = bptt(x, y);
        bpttTruncate = kept;
        String[] names = {"U", "V", "W"};
        double[][][] params = {U, V, W};
        List<Check> checks = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            Check verdict = new Check(names[p], true, -1, -1, 0, 0, 0);
            search:
            for (int r = 0; r < params[p].length; r++) {
                for (int c = 0; c < params[p][r].length; c++) {
                    double original = params[p][r][c];
                    params[p][r][c] = original + h;
                    double gradplus = calculateTotalLoss(List.of(x), List.of(y));
                    params[p][r][c] = original - h;
                    double gradminus = calculateTotalLoss(List.of(x), List.of(y));
                    params[p][r][c] = original;
                    double estimated = (gradplus - gradminus) / (2 * h);
                    double backprop = bpttGradients[p][r][c];
                    double scale = Math.abs(backprop) + Math.abs(estimated);
                    double relativeError = scale == 0 ? 0 : Math.abs(backprop - estimated) / scale;
                    if (!(relativeError <= errorThreshold)) {
                        verdict = new Check(names[p], false, r, c, estimated, backprop, relativeError);
                        break search;
                    }
                }
            }
            checks.add(verdict);
        }
        return checks;
    }
    // [/code:gradcheck]

    /** The lesson's lines for one verdict: "Gradient check for parameter U passed." or its four ERROR lines. */
    public static String lessonText(Check c) {
        if (c.passed()) {
            return "Gradient check for parameter " + c.parameter() + " passed.";
        }
        return "Gradient Check ERROR: parameter=" + c.parameter() + " ix=(" + c.row() + ", " + c.column() + ")\n"
                + String.format(Locale.ROOT, "Estimated_gradient: %f%nBackpropagation gradient: %f%nRelative Error: %f",
                c.estimate(), c.backprop(), c.relativeError());
    }
}
