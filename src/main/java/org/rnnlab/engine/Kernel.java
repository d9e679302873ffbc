package org.rnnlab.engine;

import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The arithmetic behind {@link RnnModel}, arranged for speed: every ND4J call costs microseconds, so
 * the forward recurrence of size H (tanh(U x_t + W s)) and BPTT run as plain Java loops on primitive
 * arrays ({@link Recurrence}), and native code gets few, large calls: the three products with V
 * (o = S V^T, dS = dO V, dV = dO^T S) over all T rows at once, one exp, one row sum, and one T x H
 * by H x H product per BPTT lag. Products go straight to OpenBLAS (cblas on the arrays' memory, no ND4J
 * op overhead); Java reads and writes single elements through NIO views. Buffers are kept and
 * grown on demand, never allocated per step; the T x C output block is bounded by processing
 * long inputs in row chunks.
 *
 * <p>Softmax without a separate normalising pass: with E = exp(z), Z_t = sum_c E[t,c],
 * o_t = E_t / Z_t and dO_t = (E_t - Z_t onehot(y_t)) / Z_t, so dS_t = (E V)_t / Z_t - V[y_t] and
 * dV = E'^T (S / Z) with E' = E - Z onehot(y). exp(z) is used unshifted (one pass fewer); a row
 * whose sum leaves the safe range is redone with the max subtracted. float32's exp is
 * {@link FastExp}.
 *
 * <p>The products with V are split between the calling thread and a second one ({@link Lane},
 * when {@link EngineThreads#configure()} made one): for the logits, exp, row sums and E V in groups
 * of blocks of words that either thread takes while any are left ({@link WordGroups}: each group's
 * sums its own, added in order, so the numbers do not depend on who took what), going over V once;
 * for V's gradient in units of rows that either thread takes while any are left. An SGD step's update of V is left
 * running on the second thread while the caller does BPTT and U and W's update (then takes
 * units of the update too) and the next step's recurrence, none of which reads V;
 * {@link #settle()} waits for it before anything does.
 *
 * <p>Entry points, named for what they compute: {@link #states}, {@link #loss}, {@link #totalLoss},
 * {@link #lossAndGradients}, {@link #sgdStep}. They read U, V, W afresh at every call and trust
 * their arguments (word indices inside the vocabulary, x and y of one length): {@link RnnModel}
 * checks them. Not thread-safe: {@link RnnModel} serialises calls.
 */
final class Kernel {
    /** Upper bound of the T x C output block, in bytes (long sentences and loss batches are chunked). */
    static final long MAX_BLOCK_BYTES = 32L << 20;

    private final Mat V; // C x H
    private final Mat W; // H x H
    private final int H; // hiddenDim
    private final int C; // wordDim
    private final Precision precision;
    private final int maxRows; // rows of one output chunk

    private final Recurrence rec; // the recurrence, BPTT and U and W's update, on the Java heap
    private double[] zy = new double[0];     // per row: the target's logit
    private double[] logZ = new double[0];   // per row: log sum_c exp(z)
    private double[] invZ = new double[0];   // per row: 1 / sum of the (possibly shifted) exps
    private double[] zRow = new double[0];   // per row: sum of the (possibly shifted) exps
    private int[] stackedY = new int[0];     // per row: the target, when totalLoss stacks sentences

    // native side, grown on demand up to maxRows rows. The vocabulary is split in two halves,
    // columns [0, c1) and [c1, C), each with its own contiguous logits block and sums; the threads
    // take groups of either half's words (see WordGroups), the caller from half 0's first, the lane
    // from half 1's last, so each mostly keeps to its own half's memory.
    private int rowCapacity;
    private Mat sBuf;  // rows x H: S, then S / Z
    private Mat sT;    // H x rows (row length: the chunk's n): S^T, for the logits product with small products
    private Pointer sTPtr;
    private float[] sHeap = new float[0];   // the chunk's S, then S^T, on the way (see transposeStates)
    private float[] sTHeap = new float[0];
    private final Mat[] o = new Mat[2];   // the chunk's logits, then E, then E' of half h, laid out as wordMajor says
    private final Pointer[] oPtr = new Pointer[2];
    private final Pointer[] gPtr = new Pointer[2];
    private final Mat[] g = new Mat[2];   // rows x H: E'_h V_h
    private final Mat[] z = new Mat[2];   // rows x 1: sum of E_h per row
    private Mat ones;  // C x 1
    private Mat dVacc; // C x H, only for sentences longer than one chunk
    private Pointer dVaccPtr;
    private final INDArray[][] oRows = new INDArray[2][]; // cached views of the chunk's n rows of o[h]
    private final Pointer[][] vBlock = new Pointer[2][];  // V's rows of block b of half h
    private final Pointer[] zPtr = new Pointer[2];
    private Pointer onesPtr;
    /**
     * The FORWARD phase through OpenBLAS in groups of blocks either thread takes (see WordGroups):
     * a half's first group sums into z[h] and g[h], each other group into its own zPart and gPart
     * (null for the first groups), added to its half's after the phase.
     */
    private final WordGroups blockGroups;
    private final Mat[] zPart;
    private final Mat[] gPart;
    private final Pointer[] zPartPtr;
    private final Pointer[] gPartPtr;
    private float[] sumHeap = new float[0];     // a half's sums on the heap while its groups are added
    private float[] partHeap = new float[0];    // a group's
    /**
     * Words per block of the FORWARD phase: a float32 block of V (400 KB at H 100) and its logits
     * stay in the core's cache from the logits to E V (the two threads' halves otherwise compete for
     * the shared cache: 7% faster here); float64 has one block a half, whose exp is ND4J's. With
     * {@link #smallProducts}, smaller blocks (208 words at H 100), V's update in blocks too.
     */
    private final int blockWidth;
    /**
     * Products of at most 100^3 multiply-adds: OpenBLAS 0.3.19's SkylakeX kernel does them in its
     * small-matrix kernels, which skip packing the operands. At H 100 a sentence of up to 48 words
     * and blocks of 208 words stay below that; the step took 1.39-1.43 ms with 128-208 words a
     * block against 1.59-1.64 ms with 224 or 1,024 (the V update in blocks too: 1.41 against
     * 1.52 ms).
     */
    private final boolean smallProducts;
    /**
     * With small products, the logits come from S^T (H x n, made once a chunk) rather than S: in the
     * SkylakeX kernel's small-matrix path the product with S^T (NN word-major, TT row-major) ran at
     * 206-208 GFLOP/s against 135 with S (NT) on one thread of an AMD EPYC with AVX-512, for a
     * block of 208 words at T 45, H 100; G and dV's products were at 200-236 already. The step (C
     * 8000) took 0.68-0.69 ms median against 0.79-0.80 (two models in one process, rounds in turns).
     */
    private final boolean logitsFromST;
    /** null: with small products; true / false: always / never, float32 (tests compare both). */
    static volatile Boolean forceLogitsFromST = null;
    /**
     * How the logits block is laid out: word-major (a word's n logits together, O^T) or row-major
     * (a state's logits together, O). Word-major lets OpenBLAS's Haswell/Zen kernels put the
     * vocabulary on their long side: the logits product ran at 67-69 GFLOP/s against 51-53, the
     * dV product at 75-78 against 70-72 (one thread, T 45, 2-core AMD EPYC VM); at T 20 the
     * logits product went from 39 to 62. The step median fell 6-8% at T 45 and 6-15% at T 20.
     * SkylakeX's small-matrix kernels keep the row-major layout they were measured with.
     */
    private final boolean wordMajor;
    /** null: by the kernel (see wordMajor); true / false: always / never (tests compare both). */
    static volatile Boolean forceWordMajor = null;
    /**
     * With a kernel that packs its operands (Haswell's, Zen's: {@code !smallProducts}), float32 and
     * word-major logits: the FORWARD phase's logits, row sums and E V in {@link VectorProducts} on
     * the Java heap once the vector kernels are ready ({@link Simd#ready()}), for chunks of at most
     * VECTOR_MAX_ROWS rows (a step's sentence; long loss batches stay with OpenBLAS, whose packing
     * their many rows repay). V's update (dV) stays with OpenBLAS, which runs it at 75 GFLOP/s.
     */
    private final boolean vectorProducts;
    /** null: by the kernel (see vectorProducts); true / false: always / never where possible (tests compare both). */
    static volatile Boolean forceVectorProducts = null;
    static final int VECTOR_MAX_ROWS = 128;
    /**
     * Float32, word-major, a kernel that packs its operands (not SkylakeX's small products) and
     * {@link NativeProducts} loaded: the FORWARD phase and V's update in native AVX2 code, on V and E where
     * they lie (no copy through the heap), from the first step (no JIT to wait for), in place of
     * {@link #vectorProducts} and OpenBLAS. The Java tiles were bound by their own instructions at 82-84
     * GFLOP/s a core under AVX2; these run at 93-107 (speed log, session 34).
     */
    private final boolean nativeProducts;
    /** null: by the kernel (see nativeProducts and {@link #nativeProducts(boolean)}); true / false: always / never where possible (tests compare). */
    static volatile Boolean forceNativeProducts = null;

    /**
     * Whether a model of this precision runs its recurrence, BPTT's lag products and the class-based
     * layer's products in {@link NativeProducts}: float32 and the library loaded (unless a test forces
     * either way). With SkylakeX's kernel too: there the class-based step took 0.105-0.111 ms against
     * 0.111-0.116 and the full one 1.228 against 1.244 (two models in turns, AMD EPYC with AVX-512). The
     * full softmax's own products go native only where OpenBLAS's kernel packs its operands (see
     * {@link #nativeProducts}).
     */
    static boolean nativeProducts(boolean f32) {
        Boolean forced = forceNativeProducts;
        return f32 && NativeProducts.available() && (forced == null || forced);
    }
    // with vectorProducts, per thread: V's rows of a sweep, their logits then E (word-major, tp a word) and
    // exp's scratch; per half: G^T (H x tp), the row sums and G (n x H) on their way to the native buffers
    private final float[][] vHeap = new float[2][];
    private final float[][] eHeap = new float[2][];
    private final float[][] eScratch = new float[2][];
    private final float[][] gTHeap = new float[2][];
    private final float[][] zHeap = new float[2][];
    private final float[][] gHeap = new float[2][];
    private WordGroups groups; // the FORWARD phase's work in VectorProducts for either thread (see forwardHalfVector)
    private final boolean fixedHalves = WordGroups.forceFixedHalves;
    private float[] sRows;  // the chunk's S (n x H), read back from sBuf
    private float[] sTPadded; // S^T (H x tp), zeros past the chunk's n rows
    static final boolean SMALL_KERNELS = BlasKernel.running().map("SkylakeX"::equalsIgnoreCase).orElse(false);
    private static final long SMALL_PRODUCT = 1_000_000;
    private static final int SMALL_FOR_T = 48;
    // float32: pieces of o[h] on the Java heap, for FastExp (one pair a thread: the threads run side by side)
    private final float[][] heapE = new float[2][];
    private final float[][] heapScratch = new float[2][];
    private static final int EXP_PIECE = 8192;

    /** null: choose by measurement (see LaneChoice); true / false: always / never (tests compare both). */
    static volatile Boolean forceLane = null;
    private static final long LANE_MIN_PARAMETERS = 200_000; // C * H below this: not worth a handoff
    /**
     * V's gradient is computed in units of rows, each one product of a fixed shape, taken by
     * whichever thread is free (see {@link #claim}): the lane starts on them at once, the caller
     * joins after BPTT and U and W's update. A fixed split cannot suit every machine: the caller's
     * share was best at 5/16 on a Xeon, but BPTT's cost against the products' differs elsewhere, and
     * a thread slowed by another process (the window's, the JIT compiler's) makes the other wait.
     * Units have fixed bounds, so the numbers do not depend on who computed what. Rows a unit:
     * {@link #blockWidth} with small products, else DV_UNIT.
     */
    private static final int DV_UNIT = 512;
    private final int[] unitHalf;  // unit u: rows [unitRow[u], unitRow[u] + unitRows[u]) of half unitHalf[u]
    private final int[] unitRow;
    private final int[] unitRows;
    /** Units not yet taken: [lo, hi) with lo in the high 32 bits. The lane takes from lo (half 1 first), the caller from hi (half 0's end). */
    private final java.util.concurrent.atomic.AtomicLong untaken = new java.util.concurrent.atomic.AtomicLong();
    private final boolean laneWorthIt;
    private final int c1;
    private final boolean f32;
    private Pointer sPtr;

    /**
     * The arguments of the output chunk being computed. The lane reads them too, so they cannot be
     * passed as method arguments to a task made per step; one instance, filled before each fork
     * (the fork's hand-over makes the writes visible to the lane), keeps a step allocation-free.
     */
    private static final class Pass {
        int n;           // rows of the chunk, in sBuf rows [0, n)
        int[] y;         // targets of the chunk: y[from .. from+n)
        int from;        // the chunk's first row in y (and, with gradients, in s and ds)
        int ld;          // word-major: a word's logits apart in o[h] (n, or n padded with vectorProducts)
        boolean vector;  // the FORWARD phase in VectorProducts (see vectorProducts)
        boolean gradients;
        boolean updatesV; // dv is V itself (an SGD step in one chunk): its update may run on after the step
        double alpha;    // with gradients: dv = alpha dV + beta dv
        double beta;
        Pointer dv;      // with gradients: dv's first row

        Pass rows(int n, int[] y, int from) {
            this.n = n;
            this.y = y;
            this.from = from;
            this.ld = n;
            this.vector = false;
            return this;
        }

        Pass lossOnly() {
            gradients = false;
            updatesV = false;
            dv = null;
            return this;
        }

        /** Also dL/ds_t into ds, and dv = alpha dV + beta dv for the C x H array at {@code dv}. */
        Pass withGradients(Pointer dv, double alpha, double beta) {
            gradients = true;
            updatesV = false;
            this.dv = dv;
            this.alpha = alpha;
            this.beta = beta;
            return this;
        }
    }

    private final Pass pass = new Pass();

    /** The two phases of an output chunk, each run on both threads (FORWARD in groups of words, DV in units). */
    private enum Phase { FORWARD, DV }

    private final Runnable laneForward = () -> forwardHalf(1);
    private final Runnable laneDV = () -> productDV(true);

    /**
     * An SGD step's V update, left to run on the lane after the step (see {@link #outputChunk}); the
     * caller takes units of it too after BPTT and U and W's update.
     */
    private final Runnable laneUpdateV = this::updateVOnLane;

    private void updateVOnLane() {
        try {
            productDV(true);
        } catch (RuntimeException | Error e) {
            vFailure = e;
        } finally {
            vDone = true;
        }
    }

    private volatile boolean vDone = true;  // the lane has finished laneUpdateV
    private volatile Throwable vFailure;     // and this went wrong in it
    private final java.util.function.BooleanSupplier vIsDone = () -> this.vDone;

    private final Pointer vPtr;
    private final Pointer[] vHalfPtr = new Pointer[2]; // V's rows of each half

    /** The lane is still writing V's update of the last SGD step; {@link #settle()} waits for it. */
    private boolean pendingV;
    private long deferredNanos; // the step's two-thread time before the wait, for LaneChoice or stepChoice
    private int deferredRows;   // its rows; 0 when not measuring
    private boolean deferredStep; // they are a class-based step's, for stepChoice
    private long lastStepEnded;   // when the last class-based step returned

    /** Ut is U^T (C x H, row c = U's column c: see {@link RnnModel}). */
    Kernel(Mat Ut, Mat V, Mat W) {
        this.V = V;
        this.W = W;
        this.H = Ut.cols;
        this.C = Ut.rows;
        this.precision = Ut.f32 ? Precision.FLOAT32 : Precision.FLOAT64;
        long rowBytes = (long) C * (Ut.f32 ? 4 : 8);
        this.maxRows = (int) Math.max(16, Math.min(4096, MAX_BLOCK_BYTES / rowBytes));
        this.rec = Recurrence.of(Ut, W);
        this.f32 = Ut.f32;
        this.laneWorthIt = (long) C * H >= LANE_MIN_PARAMETERS;
        this.c1 = Math.max(1, (C / 2) & ~15);
        this.vPtr = V.at(0);
        this.vHalfPtr[0] = vPtr;
        this.vHalfPtr[1] = V.at((long) c1 * H);
        this.smallProducts = f32 && SMALL_KERNELS;
        Boolean forcedST = forceLogitsFromST;
        this.logitsFromST = f32 && (forcedST != null ? forcedST : smallProducts);
        this.blockWidth = smallProducts ? smallBlock(H) : f32 ? 1024 : Math.max(c1, C - c1);
        Boolean forcedLayout = forceWordMajor;
        this.wordMajor = forcedLayout != null ? forcedLayout : !smallProducts;
        this.vectorProducts = f32 && wordMajor && vectorProductsFor(smallProducts);
        this.nativeProducts = wordMajor && nativeProducts(f32) && (forceNativeProducts != null || !smallProducts);
        int unit = smallProducts ? blockWidth : DV_UNIT;
        int units = (c1 + unit - 1) / unit + (C - c1 + unit - 1) / unit;
        unitHalf = new int[units];
        unitRow = new int[units];
        unitRows = new int[units];
        int u = 0;
        for (int h = 1; h >= 0; h--) { // half 1 first: the lane starts from this end
            for (int r0 = 0; r0 < width(h); r0 += unit) {
                unitHalf[u] = h;
                unitRow[u] = r0;
                unitRows[u++] = Math.min(unit, width(h) - r0);
            }
        }
        if (f32) {
            for (int h = 0; h < 2; h++) {
                heapE[h] = new float[EXP_PIECE];
                heapScratch[h] = new float[EXP_PIECE];
            }
        }
        for (int h = 0; h < 2; h++) {
            int blocks = (width(h) + blockWidth - 1) / blockWidth;
            vBlock[h] = new Pointer[blocks];
            for (int b = 0; b < blocks; b++) {
                vBlock[h][b] = V.at((long) (first(h) + b * blockWidth) * H);
            }
        }
        this.blockGroups = new WordGroups(new int[] {width(0), width(1)}, blockWidth, H, 0, fixedHalves);
        this.zPart = new Mat[blockGroups.count()];
        this.gPart = new Mat[blockGroups.count()];
        this.zPartPtr = new Pointer[blockGroups.count()];
        this.gPartPtr = new Pointer[blockGroups.count()];
    }

    // ---- entry points

    /**
     * Waits for V's update of the last SGD step, which may still be running on the lane (see
     * {@link #laneUpdateV}). Every entry point calls it before it touches V or the output
     * block; {@link RnnModel} calls it before it hands out or copies V.
     */
    void settle() {
        if (pendingV) {
            pendingV = false;
            long waited = System.nanoTime();
            Lane.await(vIsDone);
            Throwable failed = vFailure;
            if (failed != null) {
                vFailure = null;
                if (failed instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) failed;
            }
            if (deferredRows > 0) {
                long nanos = deferredNanos + System.nanoTime() - waited;
                if (deferredStep) {
                    stepChoice.record(true, nanos, deferredRows);
                } else {
                    choice.record(true, nanos, deferredRows);
                }
                deferredRows = 0;
            }
        }
    }

    /** s_t for t < T = x.length into the first T rows of {@code into} (at least T x H, U's type). */
    void states(int[] x, Mat into) {
        settle();
        int T = x.length;
        prepare(T);
        rec.recur(x, T);
        rec.writeStates(0, T, into, 0);
    }

    /** The sentence's total cross-entropy: sum_t -ln o_t[y_t]. */
    double loss(int[] x, int[] y) {
        settle();
        int T = x.length;
        if (T == 0) {
            return 0.0;
        }
        prepare(T);
        rec.recur(x, T);
        return outputLoss(y, T);
    }

    /**
     * Sum of {@link #loss} over many sentences. Their states are stacked into the output block, so
     * that the output layer runs as few large products (the same rows as one sentence at a time).
     */
    double totalLoss(List<int[]> xs, List<int[]> ys) {
        settle();
        ensureRows(maxRows);
        rec.loadW();
        int fill = 0;
        double total = 0;
        for (int k = 0; k < xs.size(); k++) {
            int[] x = xs.get(k);
            int[] y = ys.get(k);
            int T = x.length;
            rec.ensure(T);
            rec.recur(x, T);
            for (int t = 0; t < T; t++) {
                rec.writeStates(t, 1, sBuf, fill);
                stackedY[fill++] = y[t];
                if (fill == maxRows) {
                    pass.rows(fill, stackedY, 0).lossOnly();
                    total += outputChunk();
                    fill = 0;
                }
            }
        }
        if (fill > 0) {
            pass.rows(fill, stackedY, 0).lossOnly();
            total += outputChunk();
        }
        return total;
    }

    /**
     * The lesson's bptt: returns the loss and puts dU, dV, dW into {@code into}, whose arrays must
     * be zeros of U's, V's and W's shapes and type (plain row-major, as {@link Mat#zeros} makes).
     */
    double lossAndGradients(int[] x, int[] y, int bpttTruncate, Gradients into) {
        settle();
        int T = x.length;
        if (T == 0) {
            return 0.0;
        }
        prepare(T);
        rec.recur(x, T);
        double loss = outputAddingDV(y, T, Mat.of(into.dV()));
        rec.backward(T, bpttTruncate);
        rec.addDU(Mat.of(into.dU()), x, T);
        rec.writeDW(Mat.of(into.dW()));
        return loss;
    }

    /**
     * One SGD step: returns the loss, then U -= lr dU, V -= lr dV, W -= lr dW in place, every
     * gradient taken from the parameters before the step.
     */
    double sgdStep(int[] x, int[] y, int bpttTruncate, double learningRate) {
        int T = x.length;
        if (T == 0) {
            return 0.0;
        }
        prepare(T);
        rec.recur(x, T); // reads U and W only: the last step's V update may still be running
        settle();
        double loss = outputUpdatingV(y, T, learningRate);
        rec.backward(T, bpttTruncate);
        rec.updateUW(x, T, learningRate);
        if (pendingV) {
            productDV(false); // the units of V's update the lane has not taken (see laneUpdateV)
        }
        return loss;
    }

    // ---- another output layer (the class-based one) on the same recurrence and BPTT

    /**
     * An output layer in place of softmax(V s_t). {@link #loss} and {@link #addingGradients} read
     * the states the kernel computed (s: T x H, row t = s_t, through {@link Recurrence#writeStates});
     * {@link #updating} is given the words and runs the recurrence itself (after
     * {@link Recurrence#loadW}), so it can start on early rows before the last state is there. Each
     * returns sum_t -ln o_t[y_t] and, with gradients, gives dL/ds_t (T x H) to
     * {@link Recurrence#readDs}.
     */
    interface Output {
        /**
         * The loss of the sentence x, y; runs the recurrence itself, so that it can start part of
         * its rows on {@code lane} (null: none) before all states are there, and waits for it.
         */
        double loss(Recurrence rec, int[] x, int[] y, Lane lane);

        /** Also adds its weights' gradients into {@code dV} and {@code dX} (zeros of V's and X's shapes). */
        double addingGradients(Recurrence rec, int T, int[] y, Mat dV, Mat dX);

        /**
         * Also stages the update of its weights by -learningRate times their gradients (taken before
         * any update), which {@link #applyUpdate} then makes: the kernel runs it on the lane while
         * the caller does BPTT, which needs no output weights, and {@link #settle()} waits for it.
         * It may give part of its work to {@code lane} (null: none) and waits for it before it returns.
         */
        double updating(Recurrence rec, int[] x, int[] y, double learningRate, Lane lane);

        /**
         * Makes the update the last {@link #updating} staged, or the parts of it no other thread has
         * taken: two threads may call it at once; nothing when none is staged.
         */
        void applyUpdate();
    }

    double loss(int[] x, int[] y, Output out) {
        settle();
        int T = x.length;
        if (T == 0) {
            return 0.0;
        }
        rec.ensure(T); // no output block: the layer keeps its own buffers
        rec.loadW();
        // on two threads, as the step's rows (the loss of a training run's evaluations: a class-based
        // epoch of the sample corpus spent 2.3 of its 4.0 s there on one thread), unless the steps
        // found one thread faster
        Lane lane = layerLane();
        return out.loss(rec, x, y, lane != null && forceLane == null && !stepChoice.keepsTwo() ? null : lane);
    }

    /**
     * Whether a row sum of unshifted exps can be trusted: far from where exp overflowed or
     * underflowed (float32's exp clamps its argument to [-87, 88]), so each probability keeps its
     * precision. False for NaN. Outside, the row is redone with its maximum subtracted.
     */
    static boolean safeSum(double sum, boolean f32) {
        return f32 ? sum >= 1e-20 && sum <= 1e30 : sum >= 1e-280 && sum <= 1e280;
    }

    /** The lane for an output layer's rows (null: the caller alone). */
    private Lane layerLane() {
        return laneWorthIt && !Boolean.FALSE.equals(forceLane) ? EngineThreads.lane() : null;
    }

    double totalLoss(List<int[]> xs, List<int[]> ys, Output out) {
        double total = 0;
        for (int k = 0; k < xs.size(); k++) {
            total += loss(xs.get(k), ys.get(k), out);
        }
        return total;
    }

    /** As {@link #lossAndGradients(int[], int[], int, Gradients)}, the output layer's gradients into dV and dX. */
    double lossAndGradients(int[] x, int[] y, int bpttTruncate, Gradients into, Output out) {
        settle();
        int T = x.length;
        if (T == 0) {
            return 0.0;
        }
        rec.ensure(T); // no output block: the layer keeps its own buffers
        rec.loadW();
        rec.recur(x, T);
        double loss = out.addingGradients(rec, T, y, Mat.of(into.dV()), Mat.of(into.dX()));
        rec.backward(T, bpttTruncate);
        rec.addDU(Mat.of(into.dU()), x, T);
        rec.writeDW(Mat.of(into.dW()));
        return loss;
    }

    double sgdStep(int[] x, int[] y, int bpttTruncate, double learningRate, Output out) {
        settle();
        int T = x.length;
        if (T == 0) {
            return 0.0;
        }
        long started = System.nanoTime();
        rec.ensure(T); // no output block: the layer keeps its own buffers
        rec.loadWToCheck(); // the layer has it checked, on the lane when it has one (Recurrence32)
        rec.closeWUnits();
        Lane lane = layerLane();
        boolean choosing = lane != null && forceLane == null;
        boolean asked = lane != null && (!choosing || stepChoice.twoThreads());
        if (!asked) {
            lane = null; // one thread, as stepChoice says
        }
        // the layer runs the recurrence itself, to start part of its rows on the lane before all
        // states are there (a class-based layer's products are small and many: a third of the step)
        double loss = out.updating(rec, x, y, learningRate, lane);
        // then the layer's update (a class-based layer: 6-7 of its 19 BLAS calls a row, a fifth of
        // the step) beside BPTT and U and W's update on the lane, as the full softmax's V update
        boolean deferred = false;
        if (lane != null) {
            outputToUpdate = out;
            vDone = false; // before the fork: the lane may be done before forkDetached returns
            deferred = lane.forkDetached(laneUpdateOutput);
            if (deferred) {
                pendingV = true;
            } else {
                vDone = true;
            }
        }
        if (laneWorthIt && EngineThreads.lane() != null) {
            EngineThreads.countOutput(asked, deferred);
        }
        if (!deferred) {
            out.applyUpdate();
        }
        // dW and W's update in units, which the lane takes too once it has made the layer's update
        rec.backwardAndUpdateU(x, T, bpttTruncate, learningRate);
        rec.takeWUnits(false);
        if (deferred) {
            // then the parts of the layer's update the lane has not reached: on steps through many
            // sentences its blocks of V come from memory, and the lane took half as long again as
            // BPTT (faster in 10 of 10 runs in turns, by 2.9% at the median, AMD EPYC with AVX-512)
            out.applyUpdate();
        }
        // a step after a pause longer than the lane spins found it asleep, and paid for its waking (a bench
        // between its rounds; never a training run's steps, which come back to back): not the way's cost
        long ended = System.nanoTime();
        boolean afterPause = started - lastStepEnded > Lane.SPIN_NANOS;
        lastStepEnded = ended;
        if (choosing && !afterPause) {
            if (deferred) {
                // judged when the next call has waited for the lane's part too (settle), not before
                deferredNanos = ended - started;
                deferredRows = T;
                deferredStep = true;
            } else if (!asked) {
                stepChoice.record(false, ended - started, T);
            } // else two threads asked for, the lane busy: not two threads' cost
        }
        return loss;
    }

    private Output outputToUpdate; // the layer whose staged update laneUpdateOutput makes
    private final Runnable laneUpdateOutput = this::updateOutputOnLane;

    /** The layer's staged update, then units of dW and W's update if the caller has opened them. */
    private void updateOutputOnLane() {
        try {
            outputToUpdate.applyUpdate();
            rec.takeWUnits(true);
        } catch (RuntimeException | Error e) {
            vFailure = e;
        } finally {
            vDone = true;
        }
    }

    // ---- buffers

    /** Room for a sentence of T words, and W read afresh. */
    private void prepare(int T) {
        if (!rec.fits(T)) {
            settle(); // the recurrence's buffers are about to be freed (ensureRows settles for its own)
        }
        rec.ensure(T);
        ensureRows(Math.min(Math.max(T, 1), maxRows));
        rec.loadW();
    }

    /** The chunk buffers' native memory (nothing computes with them after). */
    private void releaseRows() {
        Mat.release(rowBuffers());
    }

    private Mat[] rowBuffers() {
        return java.util.stream.Stream.of(new Mat[] {sBuf, sT, o[0], o[1], g[0], g[1], z[0], z[1]}, zPart, gPart)
                .flatMap(java.util.Arrays::stream).toArray(Mat[]::new);
    }

    /** The native buffers this kernel holds now (tests check they are freed). */
    java.util.List<INDArray> nativeBuffers() {
        java.util.List<INDArray> all = new java.util.ArrayList<>(rec.nativeBuffers());
        java.util.stream.Stream.concat(java.util.Arrays.stream(rowBuffers()), java.util.stream.Stream.of(ones, dVacc))
                .filter(java.util.Objects::nonNull).forEach(m -> all.add(m.array));
        return all;
    }

    /** Frees every native buffer of this kernel; the kernel is not used afterwards (see RnnModel#release). */
    void release() {
        settle();
        releaseRows();
        Mat.release(ones, dVacc);
        rec.release();
    }

    /** Makes room for an output chunk of {@code rows} rows (at most maxRows) on the native side. */
    private void ensureRows(int rows) {
        if (rows > rowCapacity) {
            int cap = Math.min(maxRows, Math.max(rows, Math.max(64, rowCapacity * 2)));
            settle();
            releaseRows();
            sBuf = Mat.zeros(precision, cap, H);
            sPtr = sBuf.at(0);
            if (logitsFromST) {
                sT = Mat.zeros(precision, H, cap);
                sTPtr = sT.at(0);
                sHeap = new float[cap * H];
                sTHeap = new float[cap * H];
            }
            for (int h = 0; h < 2; h++) {
                o[h] = Mat.zeros(precision, cap, width(h));
                g[h] = Mat.zeros(precision, cap, H);
                oPtr[h] = o[h].at(0);
                gPtr[h] = g[h].at(0);
                z[h] = Mat.zeros(precision, cap, 1);
                zPtr[h] = z[h].at(0);
                oRows[h] = new INDArray[cap + 1];
            }
            for (int grp = 0; grp < blockGroups.count(); grp++) {
                if (!blockGroups.firstOfHalf(grp)) {
                    zPart[grp] = Mat.zeros(precision, cap, 1);
                    gPart[grp] = Mat.zeros(precision, cap, H);
                    zPartPtr[grp] = zPart[grp].at(0);
                    gPartPtr[grp] = gPart[grp].at(0);
                }
            }
            if (ones == null) {
                ones = Mat.zeros(precision, C, 1);
                ones.array.assign(1.0);
                onesPtr = ones.at(0);
            }
            zy = new double[cap];
            logZ = new double[cap];
            invZ = new double[cap];
            zRow = new double[cap];
            stackedY = new int[cap];
            rowCapacity = cap;
        }
    }

    /** What makes a float32 step's products with V now (a sentence of at most VECTOR_MAX_ROWS words). */
    static String describeProducts() {
        if (SMALL_KERNELS) {
            return "OpenBLAS's small-matrix kernels" + (nativeProducts(true)
                    ? "; the recurrence, BPTT's lags and the class-based layer in native AVX2 code (NativeProducts)" : "");
        }
        if (nativeProducts(true)) {
            return "logits, exp, E V and dV in native AVX2 code (NativeProducts), as are the recurrence, BPTT's lags"
                    + " and the class-based layer";
        }
        String why = " (native products: " + NativeProducts.status() + ")";
        if (vectorProductsFor(false) && Simd.ready()) {
            return "logits and E V in Java vectors (VectorProducts), dV OpenBLAS" + why;
        }
        return "OpenBLAS" + why;
    }

    /** Whether a float32 word-major kernel runs VectorProducts (once Simd is ready), given whether OpenBLAS's products are small. */
    private static boolean vectorProductsFor(boolean smallProducts) {
        Boolean forced = forceVectorProducts;
        return Simd.on() && Simd.wide() && (forced != null ? forced : !smallProducts);
    }

    /** Words a block for small products: T x width x H <= 100^3 up to T = 48, a multiple of 16. */
    static int smallBlock(int H) {
        return (int) Math.max(16, Math.min(1024, SMALL_PRODUCT / ((long) SMALL_FOR_T * H) & ~15));
    }

    /** First vocabulary index of half h. */
    private int first(int h) {
        return h == 0 ? 0 : c1;
    }

    /** V's rows of half h. */
    private Pointer vHalf(int h) {
        return vHalfPtr[h];
    }

    /** Number of vocabulary entries in half h. */
    private int width(int h) {
        return h == 0 ? c1 : C - c1;
    }

    /** Where logit (r, c) of the chunk is in o[h] (c counted from the half's first word). */
    private int at(int h, int r, int c) {
        return wordMajor ? c * pass.ld + r : r * width(h) + c;
    }

    /** Where word c's logits begin in o[h]: its column (row-major) or its row (word-major). */
    private long wordOffset(int c) {
        return wordMajor ? (long) c * pass.ld : c;
    }

    /** The row length of o[h] for the chunk. */
    private int ldO(int h) {
        return wordMajor ? pass.ld : width(h);
    }

    // ---- output layer

    /** The loss of all T rows of s, in chunks of at most maxRows. */
    private double outputLoss(int[] y, int T) {
        double loss = 0;
        for (int r0 = 0; r0 < T; r0 += maxRows) {
            int n = Math.min(maxRows, T - r0);
            rec.writeStates(r0, n, sBuf, 0);
            pass.rows(n, y, r0).lossOnly();
            loss += outputChunk();
        }
        return loss;
    }

    /** The loss of all T rows of s; fills {@link #ds} and adds dV into {@code dV}. */
    private double outputAddingDV(int[] y, int T, Mat dV) {
        Pointer dv = dV.at(0);
        double loss = 0;
        for (int r0 = 0; r0 < T; r0 += maxRows) {
            int n = Math.min(maxRows, T - r0);
            rec.writeStates(r0, n, sBuf, 0);
            pass.rows(n, y, r0).withGradients(dv, 1.0, 1.0);
            loss += outputChunk();
        }
        return loss;
    }

    /** The loss of all T rows of s; fills {@link #ds} and sets V -= learningRate dV. */
    private double outputUpdatingV(int[] y, int T, double learningRate) {
        if (T <= maxRows) {
            // one chunk: the dV product writes straight into V (dS was computed from V first)
            rec.writeStates(0, T, sBuf, 0);
            pass.rows(T, y, 0).withGradients(vPtr, -learningRate, 1.0);
            pass.updatesV = true;
            return outputChunk();
        }
        if (dVacc == null) {
            dVacc = Mat.zeros(precision, C, H);
            dVaccPtr = dVacc.at(0);
        }
        double loss = 0;
        for (int r0 = 0; r0 < T; r0 += maxRows) {
            int n = Math.min(maxRows, T - r0);
            rec.writeStates(r0, n, sBuf, 0);
            // the first chunk overwrites dVacc (beta 0), the next ones add to it
            pass.rows(n, y, r0).withGradients(dVaccPtr, 1.0, r0 == 0 ? 0.0 : 1.0);
            loss += outputChunk();
        }
        Mat.axpy(C * H, -learningRate, dVacc, V);
        return loss;
    }

    /**
     * The output layer for the chunk described by {@link #pass}, whose n states the caller has put
     * in sBuf: returns sum of -ln o_t[y_t]. With gradients, also writes dL/ds_t into ds rows
     * [from, from+n) and sets dv = alpha dV + beta dv (dv may be V itself: V is read before it is
     * written). Two phases, each on both threads: FORWARD goes over each vocabulary half once, a
     * block of words at a time (logits, exp, row sums and, with gradients, E V while the block is in
     * the core's cache); DV is the product for V's gradient, in units. An SGD step's DV runs on the
     * lane after the step returns, beside BPTT and U and W's update on the caller, which needs no V
     * and then takes the units left; {@link #settle()} waits for the rest.
     */
    private double outputChunk() {
        int n = pass.n;
        int from = pass.from;
        Lane lane = laneWorthIt ? EngineThreads.lane() : null;
        Boolean forced = forceLane;
        boolean choosing = lane != null && forced == null;
        boolean twoThreads = lane != null && (forced != null ? forced : choice.twoThreads());
        long started = System.nanoTime();
        if ((nativeProducts || vectorProducts && Simd.ready()) && n <= VECTOR_MAX_ROWS && padRows(n) <= rowCapacity) {
            pass.vector = true;
            pass.ld = padRows(n);
            padStatesTransposed(n, pass.ld);
            groups.reset();
        } else {
            if (logitsFromST) {
                transposeStates(n);
            }
            blockGroups.reset();
        }
        boolean asked = twoThreads;
        twoThreads = onBothThreads(lane, twoThreads, Phase.FORWARD); // E_h = exp(S V_h^T), z_h = E_h 1, G_h = E_h V_h
        if (lane != null && pass.gradients) {
            EngineThreads.countOutput(asked, twoThreads);
        }
        if (pass.vector) {
            sumGroups();
        } else {
            sumBlockGroups();
        }
        boolean safe = true;
        for (int r = 0; r < n; r++) {
            double zr = z[0].get(r) + z[1].get(r);
            zRow[r] = zr;
            safe &= safeSum(zr, f32);
        }
        double[] shift = safe ? null : stableExp(n);
        double loss = 0;
        for (int r = 0; r < n; r++) {
            invZ[r] = 1.0 / zRow[r];
            logZ[r] = Math.log(zRow[r]) + (shift == null ? 0.0 : shift[r]);
            loss += logZ[r] - zy[r];
        }
        if (!pass.gradients) {
            if (choosing) {
                choice.record(twoThreads, System.nanoTime() - started, n);
            }
            return loss;
        }
        int[] y = pass.y;
        for (int r = 0; r < n; r++) {
            int target = y[from + r];
            int h = target < c1 ? 0 : 1;
            int idx = at(h, r, target - first(h));
            o[h].set(idx, o[h].get(idx) - zRow[r]);                     // E' = E - Z onehot(y)
            rec.outputRow(r, from + r, invZ[r], g[0], g[1], V, target * H, sBuf); // S / Z and dS = E' V / Z
        }
        untaken.set(unitHalf.length); // every unit of dv, [0, units)
        if (pass.updatesV && twoThreads) {
            vDone = false;
            if (lane.forkDetached(laneUpdateV)) {
                pendingV = true;
                if (choosing) {
                    // judged when the caller has waited for V's update too (settle), not before
                    deferredNanos = System.nanoTime() - started;
                    deferredRows = n;
                    deferredStep = false;
                }
                return loss;
            }
            vDone = true;
        }
        boolean twoAgain = onBothThreads(lane, twoThreads, Phase.DV); // dv_h = alpha E'_h^T (S/Z) + beta dv_h
        if (choosing && twoAgain == twoThreads) {
            choice.record(twoThreads, System.nanoTime() - started, n);
        }
        return loss;
    }

    /**
     * Runs {@code phase} on this thread and the lane, or on this thread alone when not
     * {@code twoThreads} or when the lane is busy; returns whether the lane was used. FORWARD: half
     * 0 here, half 1 on the lane. DV: both take units until none is left.
     */
    private boolean onBothThreads(Lane lane, boolean twoThreads, Phase phase) {
        boolean forked = twoThreads && lane.fork(phase == Phase.FORWARD ? laneForward : laneDV);
        if (phase == Phase.FORWARD) {
            forwardHalf(0);
            if (!forked) {
                forwardHalf(1);
            }
        } else {
            productDV(false);
        }
        if (forked) {
            lane.join();
        }
        return forked;
    }

    /**
     * Whether to use the lane, decided by measurement: two threads win on an idle machine, but
     * when other processes keep a core busy each handoff waits for the slower thread and one
     * thread is faster. Keeps the recent cost per output row of each way (both do the same
     * arithmetic, so results do not depend on the choice) and now and then tries the other way.
     */
    private final LaneChoice choice = new LaneChoice();
    /** The same for the class-based step, by its mean cost (see MeanChoice). */
    private final MeanChoice stepChoice = new MeanChoice();

    static final class LaneChoice {
        private static final int EXPLORE_EVERY = 32;
        /**
         * Tries of the way not taken come at most this many calls apart. Each try of one thread
         * where two are clearly faster costs most of a step: one in 32 took 0.3-4.2% of the mean
         * step (AVX2 emulated, 2-core AMD EPYC VM, in turns with two threads always), which the
         * bench's median never shows but a training run pays. While tries keep losing clearly,
         * the next comes twice as late, up to this; a machine that turns busy is still noticed
         * within about half a second of steps.
         */
        private static final int EXPLORE_AT_MOST_EVERY = 256;
        private static final int WINDOW = 7;
        // the last WINDOW costs of each way, in ns per row, judged by their least: a descheduled
        // thread, a garbage collection or the first calls before the JIT compiled the code only
        // ever make a call slower (two threads took 10 ms a step for a while, against 1.5 after,
        // while the compiler took a core), and a machine that stays busy makes every sample slower;
        // the way not taken is tried every `every` calls, so one good try brings it back
        private final RecentCosts costs = new RecentCosts(2, WINDOW); // way 1: two threads
        private int calls;
        private int every = EXPLORE_EVERY;
        private int trying = -1; // the way the last call tried against the preference, until its cost comes
        private boolean preferredTwo = true;

        boolean twoThreads() {
            if (costs.count(1) < 3 || costs.count(0) < 3) {
                return costs.count(1) <= costs.count(0); // try both a few times first
            }
            boolean preferTwo = costs.least(1) <= 1.1 * costs.least(0); // two threads unless clearly slower
            if (preferTwo != preferredTwo) {
                // The preference turned: the way left was winning until a moment ago, so it is tried again
                // soon, not as rarely as a way that kept losing. A stall of the lane's core (the JIT, another
                // process) spanning a window of two-thread calls had left a bench's steps on one thread for
                // 256 calls, twice as slow: median 2.9 ms against 1.5 (AVX2 emulated, StepsInTurns).
                preferredTwo = preferTwo;
                every = EXPLORE_EVERY;
                calls = 0;
            }
            calls = (calls + 1) % every;
            boolean two = (calls == 0) != preferTwo;
            trying = calls == 0 ? (two ? 1 : 0) : -1;
            return two;
        }

        /** Rows are weighted as n + 16: a call has a fixed cost (packing V) worth about that many rows. */
        void record(boolean two, long nanos, int rows) {
            int way = two ? 1 : 0;
            double cost = nanos / (rows + 16.0);
            if (way == trying) {
                trying = -1;
                // judged once both ways have a full window, so that the JIT's first slow calls do not count
                boolean lost = costs.count(0) == WINDOW && costs.count(1) == WINDOW && cost > 1.25 * costs.least(1 - way);
                every = lost ? Math.min(2 * every, EXPLORE_AT_MOST_EVERY) : EXPLORE_EVERY;
            }
            costs.record(way, cost);
        }

        /** Calls between two tries of the way not taken, now. */
        int tryEvery() {
            return every;
        }
    }

    /**
     * Thread t's share of the FORWARD phase (0 the caller, 1 the lane): the groups it takes
     * ({@link WordGroups}), each a block of words at a time: logits O_b = S V_b^T, the targets'
     * logits, E_b = exp(O_b), the group's z += E_b 1 and, with gradients, its G += E_b V_b.
     */
    private void forwardHalf(int t) {
        if (pass.vector && nativeProducts) {
            forwardHalfNative(t);
            return;
        }
        if (pass.vector) {
            forwardHalfVector(t);
            return;
        }
        int n = pass.n;
        for (int mine = 0, grp; (grp = blockGroups.claim(t, mine)) >= 0; mine++) {
            int h = blockGroups.half(grp);
            boolean first = blockGroups.firstOfHalf(grp);
            Pointer zTo = first ? zPtr[h] : zPartPtr[grp];
            Pointer gTo = first ? gPtr[h] : gPartPtr[grp];
            int from = blockGroups.start(grp);
            int to = blockGroups.end(grp);
            int c0h = first(h);
            int ld = ldO(h);
            for (int c0 = from; c0 < to; c0 += blockWidth) {
                int bw = Math.min(blockWidth, to - c0);
                Pointer vb = vBlock[h][c0 / blockWidth];
                double beta = c0 == from ? 0.0 : 1.0;
                Pointer ob = along(8 + 2 * t + h, oPtr[h], wordOffset(c0));
                if (logitsFromST && wordMajor) {
                    Mat.gemm(f32, false, false, bw, n, H, 1.0, vb, H, sTPtr, n, 0.0, ob, ld);
                } else if (logitsFromST) {
                    Mat.gemm(f32, true, true, n, bw, H, 1.0, sTPtr, n, vb, H, 0.0, ob, ld);
                } else if (wordMajor) {
                    Mat.gemm(f32, false, true, bw, n, H, 1.0, vb, H, sPtr, H, 0.0, ob, ld);
                } else {
                    Mat.gemm(f32, false, true, n, bw, H, 1.0, sPtr, H, vb, H, 0.0, ob, ld);
                }
                for (int r = 0; r < n; r++) {
                    int target = pass.y[pass.from + r] - c0h - c0;
                    if (target >= 0 && target < bw) {
                        zy[r] = o[h].get(at(h, r, c0 + target));
                    }
                }
                expBlock(h, t, n, c0, bw);
                if (wordMajor) {
                    Mat.gemv(f32, true, bw, n, 1.0, ob, ld, onesPtr, beta, zTo);
                } else {
                    Mat.gemv(f32, false, n, bw, 1.0, ob, ld, onesPtr, beta, zTo);
                }
                if (pass.gradients) {
                    Mat.gemm(f32, wordMajor, false, n, H, bw, 1.0, ob, ld, vb, H, beta, gTo, H);
                }
            }
        }
    }

    /**
     * After the FORWARD phase through OpenBLAS: each half's other groups' row sums and G added to its
     * first group's, in z[h] and g[h] (float32 only: float64 has one block, so one group, a half).
     */
    private void sumBlockGroups() {
        int n = pass.n;
        for (int h = 0; h < 2; h++) {
            addParts(h, z[h], zPart, n);
            if (pass.gradients) {
                addParts(h, g[h], gPart, n * H);
            }
        }
    }

    private void addParts(int h, Mat sum, Mat[] parts, int length) {
        boolean read = false;
        for (int grp = 0; grp < blockGroups.count(); grp++) {
            if (blockGroups.half(grp) != h || blockGroups.firstOfHalf(grp)) {
                continue;
            }
            if (!read) {
                if (sumHeap.length < length) {
                    sumHeap = new float[length];
                    partHeap = new float[length];
                }
                sum.readFloats(0, sumHeap, 0, length);
                read = true;
            }
            parts[grp].readFloats(0, partHeap, 0, length);
            WordGroups.add(partHeap, sumHeap, length, false);
        }
        if (read) {
            sum.writeFloats(0, sumHeap, 0, length);
        }
    }

    /** sT = the chunk's n states of sBuf, transposed (H x n): a few microseconds a chunk. */
    private void transposeStates(int n) {
        sBuf.readFloats(0, sHeap, 0, n * H);
        transpose(sHeap, n, H, H, sTHeap, n);
        sT.writeFloats(0, sTHeap, 0, n * H);
    }

    /** dst[c * ldDst + r] = src[r * ldSrc + c] for r < rows, c < cols: a rows x cols block, transposed. */
    private static void transpose(float[] src, int rows, int cols, int ldSrc, float[] dst, int ldDst) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[c * ldDst + r] = src[r * ldSrc + c];
            }
        }
    }

    /** sTPadded = the chunk's n states of sBuf, transposed (H x tp), zeros in columns [n, tp). */
    private void padStatesTransposed(int n, int tp) {
        if (sRows == null) {
            int rows = padRows(VECTOR_MAX_ROWS);
            sRows = new float[rows * H];
            sTPadded = new float[H * rows];
            groups = new WordGroups(new int[] {width(0), width(1)}, VectorProducts.WORDS_A_SWEEP, H, rows, fixedHalves);
            for (int h = 0; h < 2; h++) {
                if (!nativeProducts) { // the native products read V and write E where they lie
                    vHeap[h] = new float[VectorProducts.WORDS_A_SWEEP * H];
                    eHeap[h] = new float[VectorProducts.WORDS_A_SWEEP * rows];
                    eScratch[h] = new float[VectorProducts.WORDS_A_SWEEP * rows];
                }
                gTHeap[h] = new float[H * rows];
                zHeap[h] = new float[rows];
                gHeap[h] = new float[rows * H];
            }
        }
        sBuf.readFloats(0, sRows, 0, n * H);
        transpose(sRows, n, H, H, sTPadded, tp);
        for (int j = 0; j < H; j++) {
            Arrays.fill(sTPadded, j * tp + n, j * tp + tp, 0f);
        }
    }

    /**
     * {@link #forwardHalf} in {@link VectorProducts} for thread t (0 the caller, 1 the lane): the
     * groups of words it takes ({@link WordGroups}), each a sweep of {@link VectorProducts#WORDS_A_SWEEP}
     * words at a time, whose rows of V (copied to the heap) and logits stay in the core's first cache
     * from the logits to E V: the logits, the targets' logits, exp, and the group's row sums and
     * G^T += V_w^T E_w; E_w goes to o[h] (word-major, tp a word) for V's gradient.
     */
    private void forwardHalfVector(int t) {
        int n = pass.n;
        int tp = pass.ld;
        float[] vw = vHeap[t];
        float[] e = eHeap[t];
        for (int mine = 0, grp; (grp = groups.claim(t, mine)) >= 0; mine++) {
            int h = groups.half(grp);
            int c0h = first(h);
            int from = groups.start(grp);
            int to = groups.end(grp);
            float[] zs = groups.z(grp);
            float[] gT = groups.gT(grp);
            Arrays.fill(zs, 0, tp, 0f);
            for (int c0 = from; c0 < to; c0 += VectorProducts.WORDS_A_SWEEP) {
                int sw = Math.min(VectorProducts.WORDS_A_SWEEP, to - c0);
                V.readFloats((c0h + c0) * H, vw, 0, sw * H);
                VectorProducts.logits(vw, sw, H, sTPadded, tp, e);
                for (int r = 0; r < n; r++) {
                    int target = pass.y[pass.from + r] - c0h - c0;
                    if (target >= 0 && target < sw) {
                        zy[r] = e[target * tp + r];
                    }
                }
                FastExp.expInPlace(e, eScratch[t], sw * tp);
                VectorProducts.addColumnSums(e, sw, tp, zs);
                if (pass.gradients) {
                    VectorProducts.addGradT(vw, sw, H, e, tp, gT, c0 > from);
                    o[h].writeFloats(c0 * tp, e, 0, sw * tp);
                }
            }
        }
    }

    /**
     * {@link #forwardHalfVector}'s work in {@link NativeProducts}, a group a call: V's rows read and E
     * written in place in o[h] (word-major, tp a word), the same sums in the same order, so the same numbers.
     */
    private void forwardHalfNative(int t) {
        int tp = pass.ld;
        for (int mine = 0, grp; (grp = groups.claim(t, mine)) >= 0; mine++) {
            int h = groups.half(grp);
            int from = groups.start(grp);
            int firstWord = first(h) + from;
            float[] zs = groups.z(grp);
            Arrays.fill(zs, 0, tp, 0f);
            NativeProducts.forward(NativeProducts.address(vPtr, (long) firstWord * H), groups.end(grp) - from, H,
                    sTPadded, tp, NativeProducts.address(oPtr[h], (long) from * tp), zs, groups.gT(grp),
                    pass.gradients, false, pass.y, pass.from, firstWord, pass.n, zy);
        }
    }

    /** Rows of a chunk padded for the vector products: whole vectors of the Java kernels, or 8 floats (AVX2) for the native ones. */
    private int padRows(int n) {
        return nativeProducts ? (n + 7) & ~7 : VectorProducts.padded(n);
    }

    /** After the FORWARD phase in VectorProducts: each half's row sums and G from its groups, to z[h] and g[h]. */
    private void sumGroups() {
        int n = pass.n;
        int tp = pass.ld;
        for (int h = 0; h < 2; h++) {
            groups.sum(h, H, tp, zHeap[h], gTHeap[h], pass.gradients);
            z[h].writeFloats(0, zHeap[h], 0, n);
            if (pass.gradients) {
                transpose(gTHeap[h], H, n, tp, gHeap[h], H); // G^T's first n columns, as G's n rows
                g[h].writeFloats(0, gHeap[h], 0, n * H);
            }
        }
    }

    /** exp of words [c0, c0+bw) of the chunk's n rows in o[h], by thread t. */
    private void expBlock(int h, int t, int n, int c0, int bw) {
        if (!f32) {
            INDArray view = rowsOf(h, n); // float64: one block, the whole half
            Nd4j.exec(new Exp(view, view));
            return;
        }
        // through the Java heap, where FastExp is vectorised (ND4J's exp is not), a piece at a time
        float[] e = heapE[t];
        if (wordMajor) { // the block is one run of bw * n numbers
            int from = c0 * n;
            int len = bw * n;
            for (int i0 = 0; i0 < len; i0 += e.length) {
                int k = Math.min(e.length, len - i0);
                o[h].readFloats(from + i0, e, 0, k);
                FastExp.expInPlace(e, heapScratch[t], k);
                o[h].writeFloats(from + i0, e, 0, k);
            }
            return;
        }
        int wd = width(h);
        int rowsPerPiece = Math.max(1, e.length / bw);
        for (int r0 = 0; r0 < n; r0 += rowsPerPiece) {
            int rows = Math.min(rowsPerPiece, n - r0);
            for (int r = 0; r < rows; r++) {
                o[h].readFloats((r0 + r) * wd + c0, e, r * bw, bw);
            }
            FastExp.expInPlace(e, heapScratch[t], rows * bw);
            for (int r = 0; r < rows; r++) {
                o[h].writeFloats((r0 + r) * wd + c0, e, r * bw, bw);
            }
        }
    }

    /** G_h = E_h V_h over the whole half (the stable path's redo). */
    private void productG(int h) {
        int wd = width(h);
        Mat.gemm(f32, wordMajor, false, pass.n, H, wd, 1.0, oPtr[h], ldO(h), vHalf(h), H, 0.0, gPtr[h], H);
    }

    /**
     * dv = alpha E'^T (S/Z) + beta dv, a unit of rows at a time (see DV_UNIT), for as long as
     * units are left: the lane takes them from one end, the caller from the other.
     */
    private void productDV(boolean onLane) {
        int who = onLane ? 1 : 0;
        for (int u = claim(onLane); u >= 0; u = claim(onLane)) {
            int h = unitHalf[u];
            int r0 = unitRow[u];
            if (nativeProducts) {
                NativeProducts.rowsTimes(NativeProducts.address(oPtr[h], wordOffset(r0)), unitRows[u], ldO(h), 1, pass.n,
                        NativeProducts.address(sPtr, 0), H, H, (float) pass.alpha, (float) pass.beta,
                        NativeProducts.address(pass.dv, (long) (first(h) + r0) * H), H);
                continue;
            }
            Pointer e = along(4 * who + 2 * h, oPtr[h], wordOffset(r0));
            Pointer dv = along(4 * who + 2 * h + 1, pass.dv, (long) (first(h) + r0) * H);
            Mat.gemm(f32, !wordMajor, false, unitRows[u], H, pass.n, pass.alpha, e, ldO(h), sPtr, H, pass.beta, dv, H);
        }
    }

    /** The next unit of dv nobody has taken, from the low end (the lane) or the high end; -1 when none is left. */
    private int claim(boolean low) {
        while (true) {
            long ends = untaken.get();
            int lo = (int) (ends >>> 32);
            int hi = (int) ends;
            if (lo >= hi) {
                return -1;
            }
            if (untaken.compareAndSet(ends, low ? ends + (1L << 32) : ends - 1)) {
                return low ? lo : hi - 1;
            }
        }
    }

    /** A pointer {@code offset} elements past {@code base}, reusing slot's pointer while the base stays (no allocation a step). */
    private Pointer along(int slot, Pointer base, long offset) {
        Pointer p = alongPtr[slot];
        if (alongBase[slot] != base) {
            p = f32 ? new FloatPointer(base) : new DoublePointer(base);
            alongPtr[slot] = p;
            alongBase[slot] = base;
        }
        return p.position(base.position() + offset);
    }

    // slots: 0-7 E' and dv of a unit of dv (productDV), by thread and half; 8-11 a logits block, by thread and half
    private final Pointer[] alongPtr = new Pointer[12];
    private final Pointer[] alongBase = new Pointer[12];

    /**
     * exp overflowed or underflowed in some row: recompute the logits (sBuf still holds S) and
     * subtract each row's maximum, the textbook stable softmax, and G with gradients. Returns the
     * shifts; sets zRow.
     */
    private double[] stableExp(int n) {
        double[] shift = new double[n];
        Arrays.fill(shift, Double.NEGATIVE_INFINITY);
        pass.vector = false; // everything again through OpenBLAS, in its layout
        pass.ld = n;
        for (int h = 0; h < 2; h++) {
            int wd = width(h);
            if (wordMajor) {
                Mat.gemm(f32, false, true, wd, n, H, 1.0, vHalf(h), H, sPtr, H, 0.0, oPtr[h], n);
            } else {
                Mat.gemm(f32, false, true, n, wd, H, 1.0, sPtr, H, vHalf(h), H, 0.0, oPtr[h], wd);
            }
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < wd; c++) {
                    shift[r] = Math.max(shift[r], o[h].get(at(h, r, c)));
                }
            }
        }
        for (int h = 0; h < 2; h++) {
            int wd = width(h);
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < wd; c++) {
                    int i = at(h, r, c);
                    o[h].set(i, o[h].get(i) - shift[r]);
                }
            }
            INDArray view = rowsOf(h, n);
            Nd4j.exec(new Exp(view, view));
            Mat.gemv(f32, wordMajor, wordMajor ? wd : n, wordMajor ? n : wd, 1.0, oPtr[h], ldO(h), onesPtr, 0.0, zPtr[h]);
            if (pass.gradients) {
                productG(h);
            }
        }
        for (int r = 0; r < n; r++) {
            zRow[r] = z[0].get(r) + z[1].get(r);
        }
        return shift;
    }

    /** The chunk's n rows of logits in o[h] (word-major: its first n * width numbers), as a view for ND4J's exp. */
    private INDArray rowsOf(int h, int n) {
        INDArray v = oRows[h][n];
        if (v == null) {
            v = wordMajor
                    ? o[h].array.reshape(o[h].array.length()).get(NDArrayIndex.interval(0, (long) n * width(h)))
                    : o[h].array.get(NDArrayIndex.interval(0, n), NDArrayIndex.all());
            oRows[h][n] = v;
        }
        return v;
    }
}
