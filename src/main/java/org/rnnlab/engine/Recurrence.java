package org.rnnlab.engine;

import org.bytedeco.javacpp.Pointer;

/**
 * The part of {@link Kernel}'s step that runs on the Java heap, in the model's precision: the
 * forward recurrence s_t = tanh(U x_t + W s_(t-1)), the lesson's truncated BPTT from dL/ds_t, and
 * U and W's update. The output layer works on the native side and exchanges S and dS with it
 * through native buffers ({@link #writeStates}, {@link #outputRow}, {@link #readDs}).
 *
 * <p>Two implementations, because Java has no generics over primitive types: {@link Recurrence32}
 * runs float loops for float32 models (twice the vector width of double, and no conversion at the
 * native buffers), {@link Recurrence64} double loops for float64 models (the gradient check's).
 * Both regroup BPTT the same way: D[step] collects every delta that reaches step (so dU[:, x_step]
 * += D[step]) and dW = sum_step outer(D[step], s_(step-1)), which is the lesson's double loop
 * regrouped by step. When every chain reaches t = 0 (bpttTruncate >= T-1) the chains are summed on
 * the way back, D[step] = (ds_step + W^T D[step+1]) * (1 - s_step^2), T products instead of
 * T^2/2. Otherwise the chains go back one lag at a time, all together, one native product with W
 * per lag ({@link #lagProduct}).
 *
 * <p>H x H matrices are arrays of rows: C2 vectorises a loop over rows of separate arrays, indexed
 * alike, but not one over two places of one flat array (it cannot tell they do not overlap).
 */
abstract class Recurrence {
    final Mat Ut; // C x H: U^T, row c = U's column c (U x_t is row x_t)
    final Mat W; // H x H
    final int H; // hiddenDim
    final int C; // wordDim
    private final Pointer wPtr;
    /**
     * Recurrence32's recurrence and BPTT's chains in {@link NativeProducts} (see {@link Kernel#nativeProducts}):
     * OpenBLAS's Haswell kernel had packed W at every lag, and each lag copied its chains through ND4J's buffers.
     */
    final boolean nativeProducts;
    private int capacity; // rows of the buffers below
    // native: the BPTT chains at one lag (row r = the chain now at step r), and those times W
    Mat xBuf;
    Mat yBuf;
    Mat dwBuf; // float32: H x H, dW as a native product makes it (see Recurrence32)
    private Pointer xRow1;
    Pointer xPtr;  // the buffers' first rows, made once a size (a Pointer a call would be an allocation a step)
    Pointer yPtr;
    Pointer dwPtr;

    Recurrence(Mat Ut, Mat W) {
        this.Ut = Ut;
        this.W = W;
        this.H = Ut.cols;
        this.C = Ut.rows;
        this.wPtr = W.at(0);
        this.nativeProducts = Kernel.nativeProducts(Ut.f32);
    }

    /** The implementation in U's precision. */
    static Recurrence of(Mat Ut, Mat W) {
        return Ut.f32 ? new Recurrence32(Ut, W) : new Recurrence64(Ut, W);
    }

    /** The native buffers held now. */
    final java.util.List<org.nd4j.linalg.api.ndarray.INDArray> nativeBuffers() {
        if (xBuf == null) {
            return java.util.List.of();
        }
        return dwBuf == null ? java.util.List.of(xBuf.array, yBuf.array) : java.util.List.of(xBuf.array, yBuf.array, dwBuf.array);
    }

    /** True when a sentence of T words fits the buffers as they are. */
    final boolean fits(int T) {
        return T <= capacity;
    }

    /** Makes room for a sentence of T words. */
    final void ensure(int T) {
        if (T > capacity) {
            int cap = Math.max(T, 64);
            Precision p = Ut.f32 ? Precision.FLOAT32 : Precision.FLOAT64;
            Mat.release(xBuf, yBuf);
            xBuf = Mat.zeros(p, cap, H);
            yBuf = Mat.zeros(p, cap, H);
            if (dwBuf == null && Ut.f32) {
                dwBuf = Mat.zeros(p, H, H); // H x H whatever the sentence: kept when the others grow
                dwPtr = dwBuf.at(0);
            }
            xPtr = xBuf.at(0);
            xRow1 = xBuf.at(H);
            yPtr = yBuf.at(0);
            grow(cap);
            capacity = cap;
        }
    }

    /** Frees the native buffers (grown, or the model released). */
    final void release() {
        Mat.release(xBuf, yBuf, dwBuf);
    }

    /** Java arrays for {@code rows} time steps. */
    abstract void grow(int rows);

    /** Reads W afresh (W and W^T as rows). */
    abstract void loadW();

    /**
     * As {@link #loadW}, for a caller that has {@link #checkW} done later, on another thread beside the
     * recurrence: the copies of W are trusted as they are, as W's update in the step before left
     * them. By default the full {@link #loadW}.
     */
    void loadWToCheck() {
        loadW();
    }

    /**
     * Whether W still equals the copies {@link #loadWToCheck} trusted (true when they were read afresh):
     * false when W was written from outside since (a gradient check's nudge, a test), and the
     * step's numbers must then be made again after {@link #loadW}. Any one thread, while no other
     * writes W.
     */
    boolean checkW() {
        return true;
    }

    /** s_t for t < T into the states; needs {@link #loadW()}. */
    final void recur(int[] x, int T) {
        recur(x, 0, T);
    }

    /** s_t for from <= t < to into the states, after s_(from-1); needs {@link #loadW()}. */
    abstract void recur(int[] x, int from, int to);

    /** States [from, from + n) into rows [at, at + n) of {@code into} (H columns, U's type). */
    abstract void writeStates(int from, int n, Mat into, int at);

    /**
     * The output layer's row r, the state of step t: row r of {@code sBuf} = s_t / Z and
     * ds_t = (g0[r] + g1[r]) / Z - V[y] (the halves' E V, and V's row y starting at {@code vy}).
     */
    abstract void outputRow(int r, int t, double invZ, Mat g0, Mat g1, Mat V, int vy, Mat sBuf);

    /**
     * ds_t for t0 <= t < t1 from those rows of {@code from}; two threads may read disjoint rows at
     * once (a class-based step's groups, each as it ends).
     */
    abstract void readDs(Mat from, int t0, int t1);

    /** The truncated BPTT from ds and s into D and dW. */
    abstract void backward(int T, int bpttTruncate);

    /** U[:, x_t] -= lr D[t] and W -= lr dW, after {@link #backward}. */
    abstract void updateUW(int[] x, int T, double lr);

    /**
     * An SGD step's BPTT and update whose dW and W's update two threads can share:
     * {@link #backwardAndUpdateU} on the caller, then {@link #takeWUnits} on both. By default the
     * whole of {@link #backward} and {@link #updateUW} here, and no units ({@link Recurrence32}
     * overrides them).
     */
    void backwardAndUpdateU(int[] x, int T, int bpttTruncate, double lr) {
        backward(T, bpttTruncate);
        updateUW(x, T, lr);
    }

    /** Closes dW's units until {@link #backwardAndUpdateU} opens them (before the lane is given work). */
    void closeWUnits() {
    }

    /**
     * Takes units of dW's rows (each summed, then its rows of W updated; float32 with the SkylakeX
     * kernel makes dW whole before, and a unit updates W only) until none is left, on any
     * thread; a unit's numbers do not depend on who takes it. With {@code waitForOpen} it first
     * waits a little for {@link #backwardAndUpdateU} to open them; a thread that comes after they
     * are all taken finds none.
     */
    void takeWUnits(boolean waitForOpen) {
    }

    /** dU[:, x_t] += D[t], after {@link #backward}. */
    abstract void addDU(Mat dU, int[] x, int T);

    /** dW into {@code into}, after {@link #backward}. */
    abstract void writeDW(Mat into);

    /** Where W's first element is, for {@link NativeProducts}. */
    final long wAddress() {
        return NativeProducts.address(wPtr, 0);
    }

    /** yBuf's first m rows = xBuf's rows [1, m + 1) times W: every chain one lag further back. */
    final void lagProduct(int m) {
        Mat.gemm(Ut.f32, false, false, m, H, H, 1.0, xRow1, H, wPtr, H, 0.0, yPtr, H);
    }
}
