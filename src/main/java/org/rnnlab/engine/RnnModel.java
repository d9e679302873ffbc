package org.rnnlab.engine;

import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.common.UserException;

/**
 * The lesson's Elman network:
 * <pre>
 *   s_t = tanh(U x_t + W s_(t-1)),  s_(-1) = 0
 *   o_t = softmax(V s_t)
 * </pre>
 * with U: H x C, V: C x H, W: H x H (C = wordDim, H = hiddenDim), held as row-major ND4J arrays
 * in float32 or float64, except U: the model holds U^T (C x H, one row per word) and {@link #U()}
 * is its transposed view. A step reads and updates U's columns of the sentence's words; as rows
 * they are 400 contiguous bytes each at H 100, as columns 100 cache lines each. {@link #U()}, {@link #V()}, {@link #W()} are the live parameters: every
 * computation reads them afresh, so changing an element in place (as a gradient check does) is seen
 * by the next call. Calls on one model are serialised (synchronized); see {@link Kernel} for how
 * the arithmetic is arranged.
 */
public final class RnnModel {
    /** numpy accepts seeds up to 2^32-1; commons-math3 seeds MT19937 like numpy only below 2^31. */
    public static final long MAX_SEED = Integer.MAX_VALUE;

    private final INDArray Ut; // C x H, row c = U's column c
    private final INDArray U;  // H x C, a view of Ut
    private final INDArray V; // C x H
    private final INDArray W; // H x H
    private final Mat ut; // Ut as the kernel sees it
    private final Mat v;
    private final Mat w;
    private final Kernel kernel;
    // the vector kernels as objects: back to the loops until they are compiled again
    private final KernelWatch watch = new KernelWatch(
            () -> "a model of H " + hiddenDim() + ", C " + wordDim() + (classOutput() != null ? ", class-based" : ", full softmax"));
    private int bpttTruncate;
    // the class-based output layer (see WordClasses, ClassOutput); all null for the lesson's full softmax
    private final INDArray X; // K x H, class weights
    private final WordClasses classes;
    private final ClassOutput classOutput;

    private RnnModel(INDArray Ut, INDArray V, INDArray W, int bpttTruncate) {
        this(Ut, V, W, null, null, bpttTruncate);
    }

    /** Takes U^T (C x H), V and W plain row-major. */
    private RnnModel(INDArray Ut, INDArray V, INDArray W, INDArray X, WordClasses classes, int bpttTruncate) {
        this.Ut = Ut;
        this.U = Ut.transpose();
        this.V = V;
        this.W = W;
        this.ut = Mat.of(Ut);
        this.v = Mat.of(V);
        this.w = Mat.of(W);
        this.kernel = new Kernel(ut, v, w);
        this.X = X;
        this.classes = classes;
        this.classOutput = X == null ? null : new ClassOutput(v, Mat.of(X), classes);
        setBpttTruncate(bpttTruncate);
    }

    /**
     * A model with the class-based output layer (Mikolov et al., 2011): U, V, W drawn as
     * {@link #initialise} draws them (same seed, same numbers), then the class weights X (K x H)
     * uniform in [-sqrt(1/H), +sqrt(1/H)].
     */
    public static RnnModel initialiseClassBased(int wordDim, int hiddenDim, int bpttTruncate, long seed,
                                                Precision precision, WordClasses classes) {
        checkDims(wordDim, hiddenDim);
        checkSeed(seed);
        if (classes.words() != wordDim) {
            throw UserException.said("params.classes.cover", String.valueOf(classes.words()), String.valueOf(wordDim));
        }
        NumpyUniform rng = new NumpyUniform((int) seed);
        INDArray U = rng.matrix(hiddenDim, wordDim, Math.sqrt(1.0 / wordDim), precision);
        INDArray V = rng.matrix(wordDim, hiddenDim, Math.sqrt(1.0 / hiddenDim), precision);
        INDArray W = rng.matrix(hiddenDim, hiddenDim, Math.sqrt(1.0 / hiddenDim), precision);
        INDArray X = rng.matrix(classes.count(), hiddenDim, Math.sqrt(1.0 / hiddenDim), precision);
        return new RnnModel(transposed(U), V, W, X, classes, bpttTruncate);
    }

    /** As {@link #fromArrays(INDArray, INDArray, INDArray, int)} with a class-based output layer: X is K x H. */
    public static RnnModel fromArrays(INDArray U, INDArray V, INDArray W, INDArray X, WordClasses classes,
                                      int bpttTruncate) {
        RnnModel full = fromArrays(U, V, W, bpttTruncate);
        if (X == null || classes == null) {
            return full;
        }
        if (X.rank() != 2 || X.rows() != classes.count() || X.columns() != full.hiddenDim()
                || classes.words() != full.wordDim()) {
            throw UserException.said("params.classWeights.shape", shape(X), String.valueOf(classes.count()),
                    String.valueOf(classes.words()), String.valueOf(full.hiddenDim()));
        }
        if (X.dataType() != U.dataType()) {
            throw UserException.said("params.classWeights.type", String.valueOf(U.dataType()), String.valueOf(X.dataType()));
        }
        return new RnnModel(full.Ut, full.V, full.W, plain(X), classes, bpttTruncate);
    }

    /** Whether the output layer is class-based (else the lesson's softmax over all C words). */
    public boolean isClassBased() {
        return X != null;
    }

    /** The class weights X (K x H), live, with the last SGD step's update complete (see {@link #V()}); null for the full softmax. */
    public INDArray X() {
        settle();
        return X;
    }

    /** The word classes; null for the full softmax. */
    public WordClasses classes() {
        return classes;
    }

    /**
     * The lesson's initialisation: U, V, W uniform in [-sqrt(1/n), +sqrt(1/n)] with n = C for U and
     * n = H for V and W, drawn in that order, row by row, from numpy's legacy
     * {@code RandomState(seed)}, bit for bit (so seed 10 gives the lesson's exact numbers).
     */
    public static RnnModel initialise(int wordDim, int hiddenDim, int bpttTruncate, long seed, Precision precision) {
        checkDims(wordDim, hiddenDim);
        checkSeed(seed);
        NumpyUniform rng = new NumpyUniform((int) seed);
        INDArray U = rng.matrix(hiddenDim, wordDim, Math.sqrt(1.0 / wordDim), precision);
        INDArray V = rng.matrix(wordDim, hiddenDim, Math.sqrt(1.0 / hiddenDim), precision);
        INDArray W = rng.matrix(hiddenDim, hiddenDim, Math.sqrt(1.0 / hiddenDim), precision);
        return new RnnModel(transposed(U), V, W, bpttTruncate);
    }

    /**
     * A model of U (H x C), V (C x H), W (H x H) of one type, float32 or float64: adopts V and W
     * (copies them when not plain row-major) and copies U into U^T.
     */
    public static RnnModel fromArrays(INDArray U, INDArray V, INDArray W, int bpttTruncate) {
        if (U == null || V == null || W == null) {
            throw UserException.said("params.missing");
        }
        if (U.rank() != 2 || V.rank() != 2 || W.rank() != 2) {
            throw UserException.said("params.notMatrices", shape(U), shape(V), shape(W));
        }
        long h = U.rows();
        long c = U.columns();
        if (V.rows() != c || V.columns() != h || W.rows() != h || W.columns() != h) {
            throw UserException.said("params.shapes", shape(U), shape(V), shape(W));
        }
        checkDims(c, h);
        DataType type = U.dataType();
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw UserException.said("params.type", String.valueOf(type));
        }
        if (V.dataType() != type || W.dataType() != type) {
            throw UserException.said("params.mixedTypes", String.valueOf(type), String.valueOf(V.dataType()),
                    String.valueOf(W.dataType()));
        }
        return new RnnModel(transposed(U), plain(V), plain(W), bpttTruncate);
    }

    /** U^T as a plain row-major copy. */
    private static INDArray transposed(INDArray U) {
        return U.transpose().dup('c');
    }

    private static INDArray plain(INDArray a) {
        return Mat.isPlain(a) ? a : a.dup('c');
    }

    private static void checkSeed(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw UserException.said("params.seedRange", String.valueOf(MAX_SEED), String.valueOf(seed));
        }
    }

    private static void checkBpttTruncate(int k) {
        if (k < 0) {
            throw UserException.said("params.bpttTruncate", String.valueOf(k));
        }
    }

    /** A word index within a vocabulary of {@code C} words, else the sentence saying so (a wrong vocabulary). */
    static void checkWord(int index, int C) {
        if (index < 0 || index >= C) {
            throw UserException.said("words.outside", String.valueOf(index), String.valueOf(C));
        }
    }

    private static void checkDims(long wordDim, long hiddenDim) {
        if (wordDim < 2 || hiddenDim < 1) {
            throw UserException.said("params.tooSmall", String.valueOf(wordDim), String.valueOf(hiddenDim));
        }
        if (!LessonDefaults.withinParameterLimit(wordDim, hiddenDim)) {
            throw UserException.said("params.tooMany", String.valueOf(wordDim), String.valueOf(hiddenDim),
                    String.format(java.util.Locale.ROOT, "%,d", LessonDefaults.MAX_PARAMETERS));
        }
    }

    private static String shape(INDArray a) {
        return java.util.Arrays.toString(a.shape());
    }

    public int wordDim() {
        return ut.rows;
    }

    public int hiddenDim() {
        return ut.cols;
    }

    public synchronized int bpttTruncate() {
        return bpttTruncate;
    }

    public synchronized void setBpttTruncate(int k) {
        checkBpttTruncate(k);
        bpttTruncate = k;
    }

    public Precision precision() {
        return ut.f32 ? Precision.FLOAT32 : Precision.FLOAT64;
    }

    /** A new model holding these parameters converted to {@code p} (a copy even when p is unchanged). */
    public synchronized RnnModel withPrecision(Precision p) {
        kernel.settle();
        DataType t = p.dataType();
        return new RnnModel(converted(Ut, t), converted(V, t), converted(W, t), X == null ? null : converted(X, t),
                classes, bpttTruncate);
    }

    /** A plain row-major copy of {@code a} in type {@code t}, with no second copy left for a garbage collection. */
    private static INDArray converted(INDArray a, DataType t) {
        if (a.dataType() == t) {
            return a.dup('c');
        }
        INDArray cast = a.castTo(t);
        if (Mat.isPlain(cast)) {
            return cast;
        }
        INDArray plain = cast.dup('c');
        release(cast);
        return plain;
    }

    public INDArray U() {
        return U;
    }

    /**
     * Frees this model's native memory now, for a private copy that is done with (a gradient
     * check's float64 copy, made every few seconds while training: its 13 MB at C 8000 otherwise
     * stay until a garbage collection happens to free them, and the app's memory grew by hundreds of
     * megabytes in an epoch). The model must not be used afterwards.
     */
    public synchronized void release() {
        kernel.release();
        if (classOutput != null) {
            classOutput.release();
        }
        release(Ut, V, W, X);
    }

    /** Every native array this model holds now: parameters, and its kernel's and output layer's buffers (for tests). */
    synchronized List<INDArray> nativeBuffers() {
        List<INDArray> all = new java.util.ArrayList<>(kernel.nativeBuffers());
        if (classOutput != null) {
            all.addAll(classOutput.nativeBuffers());
        }
        for (INDArray a : new INDArray[] {Ut, V, W, X}) {
            if (a != null) {
                all.add(a);
            }
        }
        return all;
    }

    static void release(INDArray... arrays) {
        for (INDArray a : arrays) {
            if (a != null && a.closeable()) {
                a.close();
            }
        }
    }

    /**
     * Waits until the last {@link #sgdStep}'s update of V (and X and W, class-based) is complete: the engine may finish it on its
     * second thread after the step returns, overlapping the next step's start. Every method of the
     * model does this itself; a timer of steps calls it to count the whole of the last step.
     */
    public synchronized void settle() {
        kernel.settle();
    }

    /** V, with the last SGD step's update complete (the engine may finish it after the step returns). */
    public INDArray V() {
        settle();
        return V;
    }

    /** W, with the last SGD step's update complete (a class-based step may finish it on the engine's second thread). */
    public INDArray W() {
        settle();
        return W;
    }

    public synchronized RnnModel copy() {
        kernel.settle();
        return new RnnModel(Ut.dup('c'), V.dup('c'), W.dup('c'), X == null ? null : X.dup('c'), classes, bpttTruncate);
    }

    /** Overwrites this model's parameters (not bpttTruncate) with {@code other}'s, converting the type if needed. */
    public void copyFrom(RnnModel other) {
        if (other == this) {
            return;
        }
        if (other.wordDim() != wordDim() || other.hiddenDim() != hiddenDim()) {
            throw new IllegalArgumentException("cannot copy a " + other.hiddenDim() + " x " + other.wordDim()
                    + " model into a " + hiddenDim() + " x " + wordDim() + " model");
        }
        if (other.isClassBased() != isClassBased() || (isClassBased() && !classes.equals(other.classes))) {
            throw new IllegalArgumentException("cannot copy a model with another output layer");
        }
        synchronized (this) {
            synchronized (other) {
                kernel.settle();
                other.kernel.settle();
                Ut.assign(other.Ut);
                V.assign(other.V);
                W.assign(other.W);
                if (X != null) {
                    X.assign(other.X);
                }
            }
        }
    }

    /** o: T x C, the softmax of each step; s: (T+1) x H with row T = s_(-1) = 0. */
    public synchronized Forward forward(int[] x) {
        int T = check(x, null);
        DataType type = U.dataType();
        if (T == 0) {
            return new Forward(Nd4j.create(type, 0, wordDim()), Nd4j.create(type, 1, hiddenDim()));
        }
        int H = hiddenDim();
        Mat s = Mat.zeros(precision(), T + 1, H); // s: (T+1) x H, row T stays 0
        kernel.states(x, s);
        Mat o = Mat.zeros(precision(), T, wordDim());
        if (classOutput != null) {
            classOutput.distributions(s, T, o);
            return new Forward(o.array, s.array);
        }
        Mat.gemm(false, true, T, wordDim(), H, 1.0, s, v, 0.0, o); // leading T rows of s
        Nd4j.exec(new SoftMax(o.array, o.array, 1));
        return new Forward(o.array, s.array);
    }

    /** argmax_c o_t[c] for every t. */
    public synchronized int[] predict(int[] x) {
        int T = check(x, null);
        if (T == 0) {
            return new int[0];
        }
        int H = hiddenDim();
        Mat s = Mat.zeros(precision(), T, H); // s: T x H
        kernel.states(x, s);
        if (classOutput != null) {
            Mat o = Mat.zeros(precision(), T, wordDim());
            classOutput.distributions(s, T, o);
            double[] ot = new double[wordDim()];
            int[] out = new int[T];
            for (int t = 0; t < T; t++) {
                o.read(t * wordDim(), ot, 0, wordDim());
                int best = 0;
                for (int c = 1; c < ot.length; c++) {
                    best = ot[c] > ot[best] ? c : best;
                }
                out[t] = best;
            }
            return out;
        }
        Mat logits = Mat.zeros(precision(), T, wordDim());
        Mat.gemm(false, true, T, wordDim(), H, 1.0, s, v, 0.0, logits); // softmax keeps the argmax
        long[] best = Nd4j.argMax(logits.array, 1).toLongVector();
        int[] out = new int[T];
        for (int t = 0; t < T; t++) {
            out[t] = (int) best[t];
        }
        return out;
    }

    /** Total cross-entropy -sum_t ln o_t[y_t] of one sentence. */
    public synchronized double sentenceLoss(int[] x, int[] y) {
        int T = check(x, y);
        if (T == 0) {
            return 0.0;
        }
        return classOutput != null ? kernel.loss(x, y, classOutput) : kernel.loss(x, y);
    }

    /**
     * Sum of {@link #sentenceLoss} over a data set. The states of many sentences are stacked so
     * that the output layer runs as few large products.
     */
    public synchronized double totalLoss(List<int[]> xs, List<int[]> ys) {
        if (xs.size() != ys.size()) {
            throw new IllegalArgumentException(xs.size() + " inputs but " + ys.size() + " targets");
        }
        for (int n = 0; n < xs.size(); n++) {
            check(xs.get(n), ys.get(n));
        }
        long words = 0;
        for (int[] x : xs) {
            words += x.length;
        }
        watch.begin(true);
        double total = classOutput != null ? kernel.totalLoss(xs, ys, classOutput) : kernel.totalLoss(xs, ys);
        watch.end(words);
        return total;
    }

    /** The lesson's calculate_loss: total loss divided by the number of target words (NaN when there are none). */
    public double meanLoss(List<int[]> xs, List<int[]> ys) {
        long words = 0;
        for (int[] y : ys) {
            words += y.length;
        }
        double total = totalLoss(xs, ys);
        return words == 0 ? Double.NaN : total / words;
    }

    public Gradients bptt(int[] x, int[] y) {
        return bptt(x, y, bpttTruncate());
    }

    /** Gradients of the sentence's total loss, BPTT truncated after {@code bpttTruncate} steps back (the lesson's loop). */
    public synchronized Gradients bptt(int[] x, int[] y, int bpttTruncate) {
        check(x, y);
        checkBpttTruncate(bpttTruncate);
        int H = hiddenDim();
        int C = wordDim();
        Gradients g = new Gradients(Mat.zeros(precision(), H, C).array, Mat.zeros(precision(), C, H).array,
                Mat.zeros(precision(), H, H).array, // dU: H x C, dV: C x H, dW: H x H
                X == null ? null : Mat.zeros(precision(), (int) X.rows(), H).array); // dX: K x H
        if (classOutput != null) {
            kernel.lossAndGradients(x, y, bpttTruncate, g, classOutput);
        } else {
            kernel.lossAndGradients(x, y, bpttTruncate, g);
        }
        return g;
    }

    /**
     * One SGD step on one sentence: BPTT at {@link #bpttTruncate()}, then U -= lr dU, V -= lr dV,
     * W -= lr dW (every gradient from the parameters before the step). Only the columns of U that
     * the sentence uses change. Returns the sentence's total loss before the update.
     */
    public synchronized double sgdStep(int[] x, int[] y, double learningRate) {
        check(x, y);
        watch.begin(false);
        double loss = classOutput != null ? kernel.sgdStep(x, y, bpttTruncate, learningRate, classOutput)
                : kernel.sgdStep(x, y, bpttTruncate, learningRate);
        watch.end(x.length);
        return loss;
    }

    /** How the engine computes, for diagnostics: "two threads" or "one thread" (see {@link EngineThreads}). */
    public static String engineThreads() {
        return EngineThreads.describe();
    }

    /** What makes a float32 full-softmax step's products with V now, for diagnostics (see {@link Kernel#describeProducts}). */
    public static String outputProducts() {
        return Kernel.describeProducts();
    }

    /** 2HC + H^2, plus KH for the class weights of a class-based output layer. */
    public int parameterCount() {
        long classWeights = X == null ? 0 : X.length();
        return (int) (LessonDefaults.parameterCount(wordDim(), hiddenDim()) + classWeights); // within limits: fits an int
    }

    /** The class-based layer's arithmetic, for the next-word distribution of one state (null for the full softmax). */
    ClassOutput classOutput() {
        return classOutput;
    }

    /** U^T: C x H, row c = U's column c. */
    Mat ut() {
        return ut;
    }

    Mat v() {
        settle();
        return v;
    }

    Mat w() {
        return w;
    }

    /** Checks indices (words outside the vocabulary are a user's mismatch of model and data) and returns T. */
    private int check(int[] x, int[] y) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        if (y != null && y.length != x.length) {
            throw new IllegalArgumentException("x has " + x.length + " words but y has " + y.length);
        }
        int C = wordDim();
        for (int i = 0; i < x.length; i++) {
            checkWord(x[i], C);
            if (y != null) {
                checkWord(y[i], C);
            }
        }
        return x.length;
    }

    /** numpy's legacy RandomState(seed).uniform, bit for bit. */
    private static final class NumpyUniform {
        private final MersenneTwister mt;

        NumpyUniform(int seed) {
            mt = new MersenneTwister(seed); // init_genrand(seed), as numpy's legacy seeding of an int
        }

        /** random_sample: 53 bits from two 32-bit draws, ((a >>> 5) * 2^26 + (b >>> 6)) / 2^53. */
        double next() {
            int a = mt.nextInt() >>> 5;
            int b = mt.nextInt() >>> 6;
            return (a * 67108864.0 + b) / 9007199254740992.0;
        }

        INDArray matrix(int rows, int cols, double bound, Precision p) {
            double low = -bound;
            double span = bound - low;
            int n = rows * cols;
            if (p == Precision.FLOAT64) {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = low + span * next();
                }
                return Nd4j.create(d, new long[] {rows, cols}, DataType.DOUBLE);
            }
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = (float) (low + span * next());
            }
            return Nd4j.create(f, new long[] {rows, cols}, DataType.FLOAT);
        }
    }
}
