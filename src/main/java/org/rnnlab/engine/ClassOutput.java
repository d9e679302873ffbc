package org.rnnlab.engine;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The class-based output layer (see {@link WordClasses}) in place of o_t = softmax(V s_t):
 * <pre>
 *   q_t = softmax(X s_t)                          class probabilities, X: K x H
 *   r_t = softmax(V_c s_t), c = class(y_t)        word probabilities inside the class, V_c: rows of class c
 *   o_t[y_t] = q_t[c] r_t[y_t - start(c)]
 * </pre>
 * With dq_t = q_t - onehot(c) and dr_t = r_t - onehot(y_t): dX = sum_t outer(dq_t, s_t),
 * dV_c += outer(dr_t, s_t), dL/ds_t = X^T dq_t + V_c^T dr_t. A step touches K + |c| rows of output
 * weights instead of C: about 2 sqrt(C). The class products run over a group of rows at once
 * (two gemms a group, see {@link #run}); the word products are one gemv each per row (its class's
 * block of V).
 *
 * <p>Every gradient is taken from the parameters before the step: all reads of V and X come before
 * the first write. Not thread-safe ({@link RnnModel} serialises calls).
 */
final class ClassOutput implements Kernel.Output {
    private final Mat V; // C x H
    private final Mat X; // K x H
    private final WordClasses classes;
    private final int H;
    private final int K;
    private final boolean f32;

    private int capacity;
    private Mat sM;   // T x H: s_t
    private Mat aM;   // T x K: class logits, then dq
    private Mat bM;   // T x maxSize: word logits inside the target's class, then dr
    private Mat dsM;  // T x H
    // per thread (see run): the softmax's row, float64; float32: FastExp's row and scratch
    private final double[][] row = new double[2][];
    private final float[][] rowF = new float[2][];
    private final float[][] scratch = new float[2][];
    // pointers made once (a step makes a few hundred BLAS calls): each class's block of V, each row of the buffers
    private final Pointer[] vBlock;
    private final Pointer xP;
    private Pointer[] sRow = new Pointer[0];
    private Pointer[] aRow = new Pointer[0];
    private Pointer[] bRow = new Pointer[0];
    private Pointer[] dsRow = new Pointer[0];
    /**
     * float32's products and softmaxes in native code ({@link NativeProducts}, see {@link Kernel#nativeProducts}):
     * with OpenBLAS's Haswell kernel each small product packed its operands, and a row's softmaxes went through
     * the Java heap; the step was 8.3 times as fast as the full one once the full one's products were native,
     * against the 10 asked (speed log, session 34).
     */
    private final boolean nativeProducts;

    ClassOutput(Mat V, Mat X, WordClasses classes) {
        this.V = V;
        this.X = X;
        this.classes = classes;
        this.H = V.cols;
        this.K = X.rows;
        this.f32 = V.f32;
        int longest = Math.max(K, classes.maxSize());
        for (int h = 0; h < 2; h++) {
            row[h] = f32 ? null : new double[longest];
            rowF[h] = f32 ? new float[longest] : null;
            scratch[h] = f32 ? new float[longest] : null;
        }
        partClass = new int[K + 1];
        firstRow = new int[K];
        vBlock = new Pointer[K];
        for (int k = 0; k < K; k++) {
            vBlock[k] = V.at((long) classes.start(k) * H);
        }
        xP = X.at(0);
        nativeProducts = Kernel.nativeProducts(f32);
    }

    /** Where a pointer points, for {@link NativeProducts}. */
    private static long at(Pointer p) {
        return NativeProducts.address(p, 0);
    }

    /** The per-sentence buffers held now. */
    java.util.List<org.nd4j.linalg.api.ndarray.INDArray> nativeBuffers() {
        return sM == null ? java.util.List.of() : java.util.List.of(sM.array, aM.array, bM.array, dsM.array);
    }

    /** Frees the per-sentence buffers' native memory (grown, or the model released). */
    void release() {
        Mat.release(sM, aM, bM, dsM);
    }

    private void ensure(int T) {
        if (T <= capacity) {
            return;
        }
        int n = Math.max(T, capacity * 2);
        Precision p = f32 ? Precision.FLOAT32 : Precision.FLOAT64;
        release();
        sM = Mat.zeros(p, n, H);
        aM = Mat.zeros(p, n, K);
        bM = Mat.zeros(p, n, classes.maxSize());
        dsM = Mat.zeros(p, n, H);
        sRow = new Pointer[n];
        aRow = new Pointer[n];
        bRow = new Pointer[n];
        dsRow = new Pointer[n];
        for (int t = 0; t < n; t++) {
            sRow[t] = sM.at((long) t * H);
            aRow[t] = aM.at((long) t * K);
            bRow[t] = bM.at((long) t * classes.maxSize());
            dsRow[t] = dsM.at((long) t * H);
        }
        groupLoss = new double[groups(n)]; // T <= n has no more groups
        nextRow = new int[n];
        capacity = n;
    }

    @Override
    public double loss(Recurrence rec, int[] x, int[] y, Lane lane) {
        return run(rec, x, x.length, y, false, null, null, 0, lane);
    }

    @Override
    public double addingGradients(Recurrence rec, int T, int[] y, Mat dV, Mat dX) {
        return run(rec, null, T, y, true, dV, dX, 1.0, null);
    }

    @Override
    public double updating(Recurrence rec, int[] x, int[] y, double learningRate, Lane lane) {
        int T = x.length;
        double loss = run(rec, x, T, y, true, null, null, 0, lane);
        stage(T, y, V, X, -learningRate);
        return loss;
    }

    /**
     * Takes parts of the staged update until none is left: two threads may call it at once (the
     * kernel's lane, then the caller once its BPTT is done), and each part is made once. A part is
     * dX, or one class's rows (its block of V). On steps through many sentences the blocks come from
     * memory, and V's update took the lane about half as long again as the caller's BPTT.
     */
    @Override
    public void applyUpdate() {
        for (int p; (p = nextPart.getAndIncrement()) < parts; ) {
            makePart(p);
        }
    }

    // the staged update: the rows, -learningRate and where it goes; its parts (0: dX, then each class
    // among the targets, in the order they first come), the rows of each class (a list through nextRow
    // from firstRow), and the next part to take (parts and above: none)
    private double stagedAlpha;
    private Mat stagedDV;
    private Mat stagedDX;
    private int stagedT;
    private int parts;
    private final int[] partClass;
    private final int[] firstRow;
    private int[] nextRow = new int[0];
    private final java.util.concurrent.atomic.AtomicInteger nextPart = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * Returns sum_t -ln o_t[y_t] for the states in {@code rec}; with {@code gradients} also gives
     * it dL/ds_t and, unless {@code dV} is null, adds {@code alpha} dV and {@code alpha} dX into
     * {@code dV} and {@code dX} (which may be V and X). Given the words {@code x}, it runs the
     * recurrence too (else the states are there already).
     *
     * <p>The rows are worked on in groups at fixed places (see {@link #groupStart}), the same
     * products whoever makes them, so the numbers do not depend on it. The {@code lane} (when one is
     * given and free) starts at once, checks W (see {@link Recurrence#checkW}) and takes each group
     * once its states are there, while the caller goes on with the recurrence; then both take the
     * groups left. Where W had been written from outside, all is made again with W read afresh.
     */
    private double run(Recurrence rec, int[] x, int T, int[] y, boolean gradients, Mat dV, Mat dX, double alpha,
            Lane lane) {
        ensure(T);
        parts = 0; // a staged update not applied would read buffers this call overwrites
        int groups = groups(T);
        groupY = y;
        groupRows = T;
        groupGradients = gradients;
        groupFailed = false;
        nextGroup.set(0);
        statesReady = 0;
        groupRec = rec;
        wSame = true;
        boolean forked = false;
        try {
            if (x == null) {
                rec.writeStates(0, T, sM, 0);
                statesReady = T;
            }
            if (lane != null && groups > 1) {
                // at once: the lane checks W (Recurrence#checkW) while the first group's states are
                // made, then takes groups as their states are there (with the check on the caller
                // and the fork after the first group, the step was 1.5% slower by median, 6 of 6 runs
                // of two models in turns, AMD EPYC with AVX-512)
                forked = lane.fork(laneGroups);
            }
            for (int g = 0; g < groups; g++) {
                if (x != null) {
                    int t0 = groupStart(g, T);
                    int t1 = groupStart(g + 1, T);
                    rec.recur(x, t0, t1);
                    rec.writeStates(t0, t1 - t0, sM, t0);
                    statesReady = t1; // a volatile write: the group's states are there before it
                }
            }
            if (!forked) {
                wSame = rec.checkW();
            }
            takeGroups(1);
        } catch (RuntimeException | Error e) {
            groupFailed = true; // the lane must not wait for states that will never come
            throw e;
        } finally {
            if (forked) {
                lane.join(); // even when the caller failed: the lane must be free for the next fork
            }
        }
        if (!wSame && x != null) {
            // W was written from outside since the copies the recurrence used: again, with W read afresh
            rec.loadW();
            return run(rec, x, T, y, gradients, dV, dX, alpha, lane);
        }
        double loss = 0;
        for (int g = 0; g < groups; g++) {
            loss += groupLoss[g]; // in the groups' order, whoever computed them
        }
        if (!gradients) {
            return loss;
        }
        if (dV != null) {
            addWeightGradients(T, y, dV, dX, alpha);
        }
        return loss;
    }

    /**
     * Rows a group with the SkylakeX kernel's small products, whose two products a group take no
     * packing: the lane starts after five states and keeps close behind the recurrence. Against two
     * groups, a class-based step (C 8000, H 100, T 45) was faster in 9 of 10 comparisons, by 7-16% in
     * most (two models in one process taking rounds in turns, AMD EPYC with AVX-512). Haswell's
     * kernel packs its operands at every call, which costs more than it gains (4-28% slower): there
     * the rows are two groups, the first 5/8 for the lane, while the caller computes the rest.
     */
    static final int SMALL_GROUP = 5;
    private final boolean smallGroups = forceSmallGroups != null ? forceSmallGroups : Kernel.SMALL_KERNELS;
    /** null: with small products; true / false: always / never (tests compare both). */
    static volatile Boolean forceSmallGroups = null;

    /**
     * With groups of five, the last TAIL_ROWS rows go in groups of two: the thread that ends its
     * last group first no longer waits for most of a group of five on the other (timelines of the
     * step: 6-8 us). A class-based step was faster in 16 of 20 comparisons, by 1.2-1.9% at the median
     * (two models in one process taking rounds in turns, AMD EPYC with AVX-512, 2026-12-05).
     */
    static final int TAIL_ROWS = 8;
    static final int TAIL_GROUP = 2;
    private final boolean smallTail = forceSmallTail != null ? forceSmallTail : true;
    /** null: with small groups; true / false: always / never (tests and StepsInTurns compare both). */
    static volatile Boolean forceSmallTail = null;

    int groups(int T) {
        if (smallGroups && smallTail) {
            int tail = Math.min(T, TAIL_ROWS);
            return (T - tail + SMALL_GROUP - 1) / SMALL_GROUP + (tail + TAIL_GROUP - 1) / TAIL_GROUP;
        }
        return smallGroups ? (T + SMALL_GROUP - 1) / SMALL_GROUP : T * 5 / 8 > 0 ? 2 : 1;
    }

    /** The first row of group g (g = groups(T): T). */
    int groupStart(int g, int T) {
        if (smallGroups && smallTail) {
            int head = T - Math.min(T, TAIL_ROWS);
            int headGroups = (head + SMALL_GROUP - 1) / SMALL_GROUP;
            return g < headGroups ? g * SMALL_GROUP : Math.min(T, head + (g - headGroups) * TAIL_GROUP);
        }
        if (smallGroups) {
            return Math.min(T, g * SMALL_GROUP);
        }
        return g == 0 ? 0 : g == 1 && groups(T) == 2 ? T * 5 / 8 : T;
    }

    // the groups' arguments (written before the fork, read after the join) and their losses
    private int[] groupY;
    private int groupRows;
    private boolean groupGradients;
    private double[] groupLoss = new double[0];
    private final java.util.concurrent.atomic.AtomicInteger nextGroup = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int statesReady;      // rows whose states are in sM
    private volatile boolean groupFailed;  // the caller failed: no more states will come
    private Recurrence groupRec;           // the recurrence whose W the lane checks (see Recurrence#checkW)
    private volatile boolean wSame;         // W was as its copies said: the rows' numbers stand
    private final Runnable laneGroups = () -> {
        wSame = groupRec.checkW(); // while the first states are made
        takeGroups(0);
    };

    /** Takes groups until none is left, each once its states are there; {@code h}: whose scratch. */
    private void takeGroups(int h) {
        int T = groupRows;
        int groups = groups(T);
        for (int g; (g = nextGroup.getAndIncrement()) < groups; ) {
            int from = groupStart(g, T);
            int to = groupStart(g + 1, T);
            while (statesReady < to) {
                if (groupFailed) {
                    return;
                }
                Thread.onSpinWait();
            }
            groupLoss[g] = rows(h, from, to, groupY, groupGradients);
        }
    }

    /**
     * Rows [from, to) with thread {@code h}'s scratch: their loss and, with {@code gradients}, their
     * dq and dr (in place of the logits) and dL/ds. Reads V and X only. A row's word products run
     * back to back (logits, softmax, dr V_c), so the second reads its class's block of V from the
     * core's cache: with all logits first, a sentence's 30-odd blocks (36 KB each at H 100) had left
     * it, and dL/ds took as long as the loss.
     */
    private double rows(int h, int from, int to, int[] y, boolean gradients) {
        int n = to - from;
        if (n == 0) {
            return 0.0;
        }
        int M = classes.maxSize();
        // class logits: A = S X^T (n x K)
        if (nativeProducts) {
            NativeProducts.dots(at(sRow[from]), n, H, at(xP), K, H, H, at(aRow[from]), K);
        } else {
            Mat.gemm(f32, false, true, n, K, H, 1.0, sRow[from], H, xP, H, 0.0, aRow[from], K);
        }
        double loss = 0;
        for (int t = from; t < to; t++) {
            int c = classes.classOf(y[t]);
            if (nativeProducts) { // the row's two softmaxes and its word products in two calls
                float[] e = rowF[h];
                loss += rowLoss(NativeProducts.softmaxRow(at(aRow[t]), K, c, gradients, e), e[c]);
                int target = y[t] - classes.start(c);
                loss += rowLoss(NativeProducts.wordRow(at(sRow[t]), at(vBlock[c]), classes.size(c), H, at(bRow[t]),
                        at(dsRow[t]), target, gradients, e), e[target]);
                continue;
            }
            loss += softmaxRow(h, aM, t * K, K, c, gradients);
            // word logits inside the row's class, b_t = V_c s_t, then dL/ds_t = dr_t V_c
            gemv(false, classes.size(c), 1.0, vBlock[c], sRow[t], 0.0, bRow[t]);
            loss += softmaxRow(h, bM, t * M, classes.size(c), y[t] - classes.start(c), gradients);
            if (gradients) {
                gemv(true, classes.size(c), 1.0, vBlock[c], bRow[t], 0.0, dsRow[t]);
            }
        }
        if (gradients) {
            // dL/ds += dQ X, from the parameters before any update
            if (nativeProducts) {
                NativeProducts.rowsTimes(at(aRow[from]), n, K, 1, K, at(xP), H, H, 1f, 1f, at(dsRow[from]), H);
            } else {
                Mat.gemm(f32, false, false, n, H, K, 1.0, aRow[from], K, xP, H, 1.0, dsRow[from], H);
            }
            // the group's rows of dL/ds to the recurrence's side now, by whichever thread made them:
            // read whole after both threads were done, they were 1.4% of the step on the caller
            // (faster in 6 of 6 runs of two models in turns, AMD EPYC with AVX-512)
            groupRec.readDs(dsM, from, to);
        }
        return loss;
    }

    /** dX += alpha dQ^T S and dV_c += alpha outer(dr_t, s_t), from the buffers {@link #run} filled. */
    private void addWeightGradients(int T, int[] y, Mat dV, Mat dX, double alpha) {
        stage(T, y, dV, dX, alpha);
        applyUpdate();
    }

    /** Stages the update {@link #addWeightGradients} describes, in parts (see {@link #applyUpdate}). */
    private void stage(int T, int[] y, Mat dV, Mat dX, double alpha) {
        java.util.Arrays.fill(firstRow, -1);
        for (int t = T - 1; t >= 0; t--) { // each class's rows in order
            int c = classes.classOf(y[t]);
            nextRow[t] = firstRow[c];
            firstRow[c] = t;
        }
        int n = 1;
        for (int t = 0; t < T; t++) {
            int c = classes.classOf(y[t]);
            if (firstRow[c] == t) {
                partClass[n++] = c;
            }
        }
        stagedT = T;
        stagedDV = dV;
        stagedDX = dX;
        stagedAlpha = alpha;
        parts = n;
        nextPart.set(0); // a volatile write: the lane, forked after it, sees the parts
    }

    /**
     * Part 0: dX += alpha dQ^T S. Else class c's block: two rows of the class make one product, one
     * pass over the block (a sentence of 45 Zipf words has about 11 targets whose class came before
     * in it: faster in 10 of 10 runs in turns, by 2.4% at the median, AMD EPYC with AVX-512); a row
     * left over makes a rank-one update (a product of depth one was no faster).
     */
    private void makePart(int p) {
        double alpha = stagedAlpha;
        if (p == 0) {
            Mat dX = stagedDX;
            Pointer to = dX == X ? xP : dX.at(0);
            if (nativeProducts) { // dQ^T: its element (k, t) at k + t K
                NativeProducts.rowsTimes(at(aRow[0]), K, 1, K, stagedT, at(sRow[0]), H, H, (float) alpha, 1f, at(to), H);
            } else {
                Mat.gemm(f32, true, false, K, H, stagedT, alpha, aRow[0], K, sRow[0], H, 1.0, to, H);
            }
            return;
        }
        int c = partClass[p];
        Pointer block = stagedDV == V ? vBlock[c] : stagedDV.at((long) classes.start(c) * H);
        int M = classes.maxSize();
        int u = firstRow[c];
        while (u >= 0) {
            int t = nextRow[u];
            if (t < 0 && nativeProducts) {
                NativeProducts.rowsTimes(at(bRow[u]), classes.size(c), 1, 0, 1, at(sRow[u]), H, H, (float) alpha, 1f, at(block), H);
                return;
            }
            if (t < 0) {
                ger(classes.size(c), alpha, bRow[u], sRow[u], block);
                return;
            }
            // rows u and t as 2 x n matrices whose rows lie t - u rows apart: dV_c += alpha dR^T S
            if (nativeProducts) {
                NativeProducts.rowsTimes(at(bRow[u]), classes.size(c), 1, (t - u) * M, 2, at(sRow[u]), (t - u) * H, H,
                        (float) alpha, 1f, at(block), H);
            } else {
                Mat.gemm(f32, true, false, classes.size(c), H, 2, alpha, bRow[u], (t - u) * M, sRow[u], (t - u) * H, 1.0,
                        block, H);
            }
            u = nextRow[t];
        }
    }

    /**
     * Softmax of the n logits at {@code m[from..from+n)}, in place when {@code gradients} (p -
     * onehot(target)); returns -ln p[target]. float64 shifts by the row's maximum; float32 only
     * where the row needs it (see softmaxRowF).
     */
    private double softmaxRow(int h, Mat m, int from, int n, int target, boolean gradients) {
        if (f32) {
            return softmaxRowF(h, m, from, n, target, gradients);
        }
        double[] row = this.row[h];
        double sum = expRow(h, m, from, n);
        double loss = Math.log(sum) - (row[target] == 0 ? Double.NEGATIVE_INFINITY : Math.log(row[target]));
        if (gradients) {
            double inv = 1.0 / sum;
            for (int i = 0; i < n; i++) {
                row[i] *= inv;
            }
            row[target] -= 1.0;
            m.write(from, row, 0, n);
        }
        return loss;
    }

    /** row[0..n) = exp(m[from..from+n) - max), float64; returns their sum. */
    private double expRow(int h, Mat m, int from, int n) {
        double[] row = this.row[h];
        m.read(from, row, 0, n);
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, row[i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            row[i] = Math.exp(row[i] - max);
            sum += row[i];
        }
        return sum;
    }

    /**
     * As {@link #softmaxRow} for float32: exp through {@link FastExp} (Math.exp was half the step's
     * output layer), the sum in float64. Two rows a word, about a tenth of the class-based step's
     * thread time, so each pass counts: the logits are not shifted by their maximum (a pass fewer),
     * as the full softmax's are not (see {@link Kernel#safeSum}): a row whose sum leaves the range
     * that keeps its precision is read again and redone with its maximum taken off inside exp's
     * loop. Without the maximum's pass the class-based step was 4.6-4.8% faster by median (six runs
     * of two models in turns, each way first in three; AMD EPYC with AVX-512). The sum in four
     * running values (with one, each number waits on the one before); the probabilities scaled in
     * the row that is written back.
     */
    private double softmaxRowF(int h, Mat m, int from, int n, int target, boolean gradients) {
        float[] e = this.rowF[h];
        m.readFloats(from, e, 0, n);
        FastExp.expInPlace(e, scratch[h], n);
        double sum = sumOf(e, n);
        if (!Kernel.safeSum(sum, true)) {
            m.readFloats(from, e, 0, n);
            FastExp.expInPlace(e, scratch[h], n, maxOf(e, n));
            sum = sumOf(e, n);
        }
        double et = e[target];
        double loss = rowLoss(sum, et);
        if (gradients) {
            double inv = 1.0 / sum;
            float invF = (float) inv; // in float, a product of one rounding more: 1% faster a step (6 of 6 runs in turns)
            for (int i = 0; i < n; i++) {
                e[i] *= invF;
            }
            e[target] = (float) (et * inv - 1.0);
            m.writeFloats(from, e, 0, n);
        }
        return loss;
    }

    /** -ln p[target] of a softmax row whose exps summed to {@code sum}, the target's being {@code et}. */
    private static double rowLoss(double sum, double et) {
        return Math.log(sum) - (et == 0 ? Double.NEGATIVE_INFINITY : Math.log(et));
    }

    /** The largest of a[0..n), n >= 1 (a NaN may be passed over here; it shows in the sum). */
    static float maxOf(float[] a, int n) {
        float m0 = a[0];
        float m1 = m0;
        float m2 = m0;
        float m3 = m0;
        int i = 0;
        for (; i + 3 < n; i += 4) { // comparisons, not Math.max, whose NaN and -0 rules cost 2x here
            m0 = a[i] > m0 ? a[i] : m0;
            m1 = a[i + 1] > m1 ? a[i + 1] : m1;
            m2 = a[i + 2] > m2 ? a[i + 2] : m2;
            m3 = a[i + 3] > m3 ? a[i + 3] : m3;
        }
        for (; i < n; i++) {
            m0 = a[i] > m0 ? a[i] : m0;
        }
        m0 = m1 > m0 ? m1 : m0;
        m2 = m3 > m2 ? m3 : m2;
        return m2 > m0 ? m2 : m0;
    }

    /** The sum of a[0..n) in float64, in four running sums. */
    static double sumOf(float[] a, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Each of T states' distribution (s: T x H or more rows) into o (T x C), with one product S V^T. */
    void distributions(Mat s, int T, Mat o) {
        int C = V.rows;
        Mat.gemm(false, true, T, C, H, 1.0, s, V, 0.0, o); // leading T rows of s
        double[] z = new double[C];
        double[] st = new double[H];
        for (int t = 0; t < T; t++) {
            o.read(t * C, z, 0, C);
            s.read(t * H, st, 0, H);
            o.write(t * C, fromLogits(z, st), 0, C);
        }
    }

    /**
     * The whole next-word distribution for state s (length H), o[w] = q[class(w)] r_class(w)[w], from
     * z = V s (length C), made in place and returned: each class's softmax times its class's
     * probability. It costs a full V s, as the full softmax does; its callers make it with one BLAS
     * product (with Java loops over V a class-based model predicted a word in 0.61 ms against the full
     * model's 0.10, C 8000, H 100, float32).
     */
    double[] fromLogits(double[] z, double[] s) {
        double[] q = new double[K];
        for (int k = 0; k < K; k++) {
            double sum = 0;
            for (int j = 0; j < H; j++) {
                sum += X.get(k * H + j) * s[j];
            }
            q[k] = sum;
        }
        softmaxInPlace(q, 0, K);
        for (int k = 0; k < K; k++) {
            int from = classes.start(k);
            softmaxInPlace(z, from, classes.size(k));
            for (int w = from; w < from + classes.size(k); w++) {
                z[w] *= q[k];
            }
        }
        return z;
    }

    /** v[from..from+n) = softmax of itself, shifted by its maximum (the predictor's full softmax and DeltaFlow's class-based delta use it too). */
    static void softmaxInPlace(double[] v, int from, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + n; i++) {
            max = Math.max(max, v[i]);
        }
        double sum = 0;
        for (int i = from; i < from + n; i++) {
            v[i] = Math.exp(v[i] - max);
            sum += v[i];
        }
        for (int i = from; i < from + n; i++) {
            v[i] /= sum;
        }
    }

    /** y = alpha op(A) x + beta y for a row-major m x H block A (op = transpose when {@code trans}). */
    private void gemv(boolean trans, int m, double alpha, Pointer a, Pointer x, double beta, Pointer y) {
        Mat.gemv(f32, trans, m, H, alpha, a, H, x, beta, y);
    }

    /** A += alpha outer(x, y) for a row-major m x H block A. */
    private void ger(int m, double alpha, Pointer x, Pointer y, Pointer a) {
        if (f32) {
            openblas_nolapack.cblas_sger(openblas_nolapack.CblasRowMajor, m, H, (float) alpha, (FloatPointer) x, 1,
                    (FloatPointer) y, 1, (FloatPointer) a, H);
        } else {
            openblas_nolapack.cblas_dger(openblas_nolapack.CblasRowMajor, m, H, alpha, (DoublePointer) x, 1,
                    (DoublePointer) y, 1, (DoublePointer) a, H);
        }
    }
}
