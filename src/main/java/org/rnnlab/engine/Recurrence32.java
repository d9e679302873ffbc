package org.rnnlab.engine;

import java.util.Arrays;
import org.bytedeco.javacpp.Pointer;

/**
 * {@link Recurrence} in float loops, for float32 models: the arithmetic numpy does in float32,
 * sixteen lanes a vector instruction where double has eight, and whole rows copied to and from
 * the native buffers without conversion.
 */
final class Recurrence32 extends Recurrence {
    private float[] s = new float[0];      // T x H, row t = s_t (s_-1 = 0 is implicit)
    private float[] ds = new float[0];     // T x H, dL/ds_t through the output layer
    private float[] D = new float[0];      // T x H, sum of the BPTT deltas arriving at step t
    private float[] dTanh = new float[0];  // T x H, 1 - s_t^2
    private float[] chain = new float[0];  // T x H, the chains at one lag (xBuf's rows)
    private float[] chain2 = new float[0]; // T x H, with the native chains: the next lag's, taking turns with chain
    private final float[] w;               // H x H, W row-major as read
    private final float[][] wRows;         // W
    private final float[][] wTRows;        // W^T (for W s as axpys over contiguous columns; with vector, until the kernels are ready)
    private final float[][] dW;
    private final float[] a;               // H
    private float[][] sRowsAll = new float[0][];   // s_t, each row an array of its own, for dW
    private float[] sPadded = new float[0];        // with vector: T x P, s_t padded with zeros, for dW's kernel
    private boolean dwVector;                      // this step's dW through VectorKernels.OuterSums
    private VectorKernels.OuterSums outerSums;     // made at its first use (the class needs the vector module)
    private final boolean dwKernel = !Boolean.FALSE.equals(forceDWKernel);
    /** null or true: dW's loops through the vector kernel when the others run; false: never (StepsInTurns compares). */
    static volatile Boolean forceDWKernel = null;
    private final float[] next;            // H
    private final float[] row0;            // H: rows read from the native side
    private final float[] row1;
    private final float[] row2;
    /**
     * With {@link Simd#on()}: W s and tanh through {@link VectorKernels} once they are
     * {@link Simd#ready()}, over W^T flat in rows of {@code P} floats and the state padded alike; the
     * plain loops' W^T (wTRows) is kept only until then. A word is one call (VectorKernels.recurStep).
     * The class-based step (C 8000, H 100, T 45) was 10.8% faster by median (4 of 4 runs of two models
     * in turns, AMD EPYC with AVX-512, 2026-12-05).
     */
    private final boolean vector;
    /** null: with the module; true / false: always / never (tests compare the two). */
    static volatile Boolean forceVector = null;
    private final int P;         // with vector: H padded to whole vectors
    private final float[] wTv;   // with vector: W^T, row j at j P, then VectorKernels.slack() floats
    private final float[] av;    // with vector: a, padded (its numbers past H stay 0: W^T's padding is 0), then slack
    private long utAddress;      // with the native recurrence: where U^T's rows are

    Recurrence32(Mat Ut, Mat W) {
        super(Ut, W);
        w = new float[H * H];
        wRows = new float[H][H];
        Boolean vectorForced = forceVector;
        vector = vectorForced != null ? vectorForced : Simd.on();
        P = vector ? VectorKernels.padded(H) : 0;
        wTv = vector ? new float[H * P + VectorKernels.slack()] : null;
        av = vector ? new float[P + VectorKernels.slack()] : null;
        wTRows = new float[H][H + START[START.length - 1]]; // room for the last start
        dW = new float[H][vector ? P : H]; // the kernel writes whole vectors
        a = new float[H + START[START.length - 1]];
        next = new float[H];
        row0 = new float[H];
        row1 = new float[H];
        row2 = new float[H];
        Boolean forced = forceDWProduct;
        dwProduct = forced != null ? forced : Kernel.SMALL_KERNELS;
        dwFlat = dwProduct ? new float[H * H] : null; // only productDW reads dW back
        Integer rows = forceUnitRows;
        unitRows = rows != null ? rows : dwProduct ? (H + 1) / 2 : SUMMING_UNIT_ROWS;
        units = (H + unitRows - 1) / unitRows;
    }

    @Override
    void grow(int rows) {
        int cap = rows * H;
        s = new float[cap];
        ds = new float[cap];
        D = new float[cap];
        dTanh = new float[cap];
        chain = new float[cap];
        chain2 = nativeProducts ? new float[cap] : chain2;
        sRowsAll = new float[rows][H];
        sPadded = vector ? new float[rows * P] : sPadded;
    }

    @Override
    void loadW() {
        chooseStart();
        wToCheck = false;
        wLoaded = true;
        // unchanged since the rows were made or updated with it (updateWRows): comparing is a
        // third of transposing
        if (sameW()) {
            return;
        }
        for (int i = 0; i < H; i++) {
            System.arraycopy(w, i * H, wRows[i], 0, H);
            writeWTColumn(i, wRows[i]);
        }
    }

    /**
     * The class-based step's check of W (reading W back and comparing it took the caller about 1.5
     * us, 1.9% of the step, before its recurrence could start) goes to the second thread, which has
     * nothing else to do until the first states are there (see ClassOutput's run).
     */
    @Override
    void loadWToCheck() {
        if (!wLoaded) {
            loadW();
            return;
        }
        chooseStart();
        wToCheck = true;
    }

    @Override
    boolean checkW() {
        if (!wToCheck) {
            return true;
        }
        wToCheck = false;
        return sameW();
    }

    private boolean wLoaded;            // loadW has made the rows once
    private volatile boolean wToCheck;  // loadWToCheck trusted the rows: checkW compares them with W

    /** Reads W into w and says whether it equals the rows of W held here. */
    private boolean sameW() {
        W.readFloats(0, w, 0, H * H);
        for (int i = 0; i < H; i++) {
            if (!Arrays.equals(w, i * H, i * H + H, wRows[i], 0, H)) {
                return false;
            }
        }
        return true;
    }

    /** Column i of W^T (row i of W) into the copies W s reads (the plain loops' only until the kernels are ready). */
    private void writeWTColumn(int i, float[] wi) {
        if (vector) {
            for (int j = 0; j < H; j++) {
                wTv[j * P + i] = wi[j];
            }
            if (Simd.ready()) {
                if (!rowsBehind) {
                    rowsBehind = true; // once: the lane's writes reach the caller through the step's join
                }
                return;
            }
        }
        int col = off() + i;
        for (int j = 0; j < H; j++) {
            wTRows[j][col] = wi[j];
        }
    }

    // the kernels' W^T was written and the loops' not: the loops took over after all (Simd.fallBack)
    private boolean rowsBehind;

    /** The loops' W^T from the kernels' (the plain loops run from now on). */
    private void rowsFromKernels() {
        rowsBehind = false;
        int o = off();
        for (int j = 0; j < H; j++) {
            System.arraycopy(wTv, j * P, wTRows[j], o, H);
        }
    }

    @Override
    void recur(int[] x, int from, int to) {
        if (vector && nativeProducts) { // the same numbers as the vector kernels', from the first step
            if (utAddress == 0) {
                utAddress = NativeProducts.address(Ut.at(0), 0);
            }
            NativeProducts.recur(utAddress, x, from, to, H, wTv, P, s);
            return;
        }
        if (vector && Simd.ready()) {
            for (int t = from; t < to; t++) {
                Ut.readFloats(x[t] * H, av, 0, H); // U x_t is column x_t of U, row x_t of Ut
                VectorKernels.recurStep(wTv, H, P, s, (t - 1) * H, t == 0, av); // a = tanh(a + W s_(t-1))
                System.arraycopy(av, 0, s, t * H, H);
            }
            return;
        }
        if (rowsBehind) {
            rowsFromKernels();
        }
        if (from == 0) {
            recurFrom = System.nanoTime();
        }
        for (int t = from; t < to; t++) {
            int o = off();
            Ut.readFloats(x[t] * H, a, o, H); // U x_t is column x_t of U, row x_t of Ut
            if (t > 0) {
                rowsTimes(wTRows, s, (t - 1) * H, a, o); // a += W s_(t-1) = sum_j s_j W[:, j]
            }
            FastTanh.tanhInPlace(a, o, H); // in place: into another array, C2 left the loop scalar (3x slower)
            System.arraycopy(a, o, s, t * H, H);
        }
        if (to == x.length && recurFrom != 0) { // the whole sentence, from its first word: its cost a word
            starts.record(startWay, (System.nanoTime() - recurFrom) / (double) x.length);
            recurFrom = 0;
        }
    }

    @Override
    void writeStates(int from, int n, Mat into, int at) {
        into.writeFloats(at * H, s, from * H, n * H);
    }

    @Override
    void outputRow(int r, int t, double invZ, Mat g0, Mat g1, Mat V, int vy, Mat sBuf) {
        int base = r * H;
        int src = t * H;
        float iz = (float) invZ;
        g0.readFloats(base, row0, 0, H);
        g1.readFloats(base, row1, 0, H);
        V.readFloats(vy, row2, 0, H); // V read here, before its update may write it
        for (int i = 0; i < H; i++) {
            ds[src + i] = (row0[i] + row1[i]) * iz - row2[i]; // E' V / Z = E V / Z - V[y]
            row0[i] = s[src + i] * iz;
        }
        sBuf.writeFloats(base, row0, 0, H);
    }

    @Override
    void readDs(Mat from, int t0, int t1) {
        from.readFloats(t0 * H, ds, t0 * H, (t1 - t0) * H);
    }

    @Override
    void backward(int T, int bpttTruncate) {
        chains(T, bpttTruncate);
        if (dwProduct) {
            productDW(T);
        } else {
            copyStateRows(T);
            accumulateDW(0, H, T);
        }
    }

    /** D: the deltas of every chain that reaches each step (backward without dW). */
    private void chains(int T, int bpttTruncate) {
        Arrays.fill(D, 0, T * H, 0f);
        if (bpttTruncate >= T - 1) {
            for (int step = T - 1; step >= 0; step--) {
                int base = step * H;
                System.arraycopy(ds, base, next, 0, H);
                if (step < T - 1) {
                    rowsTimes(wRows, D, base + H, next, 0); // next += W^T D[step+1]
                }
                for (int j = 0; j < H; j++) {
                    float sj = s[base + j];
                    D[base + j] = next[j] * (1f - sj * sj);
                }
            }
        } else {
            // the chains at one lag as a matrix, one product with W per lag (see Recurrence64)
            float[] dt = dTanh;
            for (int k = 0; k < T * H; k++) {
                float sk = s[k];
                dt[k] = 1f - sk * sk;
                D[k] = ds[k] * dt[k];
            }
            if (nativeProducts) { // the loop below in one call, its chains on the heap
                NativeProducts.chains(D, dt, chain, chain2, wAddress(), T, H, bpttTruncate);
                return;
            }
            xBuf.writeFloats(0, D, 0, T * H);
            for (int lag = 1; lag <= bpttTruncate && lag < T; lag++) {
                int m = T - lag;
                lagProduct(m);
                float[] c = chain;
                yBuf.readFloats(0, c, 0, m * H);
                for (int k = 0; k < m * H; k++) {
                    float v = c[k] * dt[k];
                    D[k] += v;
                    c[k] = v;
                }
                xBuf.writeFloats(0, c, 0, m * H);
            }
        }
    }

    /**
     * Whether dW is one native product ({@link #productDW}) rather than Java loops in units of rows
     * ({@link #accumulateDW}): with the SkylakeX kernel's small products, where a class-based step
     * (C 8000, H 100, T 45) took 0.084-0.093 ms median against 0.092-0.112 with the loops (two models
     * in one process, rounds in turns, AMD EPYC with AVX-512; the full step did not change); with
     * Haswell's, which packs its operands, the loops were faster (0.146-0.150 against 0.157-0.167 ms).
     */
    private final boolean dwProduct;
    /** null: with small products; true / false: always / never (tests compare both). */
    static volatile Boolean forceDWProduct = null;
    private final float[] dwFlat;   // H x H: dW read back from dwBuf, row after row (null with the loops)

    /**
     * dW = sum over steps of outer(D[step], s_(step-1)) as one native product, D's rows [1, T)
     * transposed times s's rows [0, T-1), through the chain buffers (free once the chains are done).
     */
    private void productDW(int T) {
        stageDW(T);
        productDWRows(xPtr, dwPtr, 0, H);
    }

    /**
     * Whether each unit of W's update makes its own rows of dW ({@link #productDWRows}), so that the
     * product is shared by the two threads too, and the caller updates U beside it; else the caller
     * makes dW whole before the units open ({@link #productDW}).
     */
    private final boolean dwInUnits = forceDWInUnits != null ? forceDWInUnits : true;
    /** null: the default; true / false: always / never (StepsInTurns compares them). */
    static volatile Boolean forceDWInUnits = null;
    private int stagedM;               // rows of D and s the units' products read (0: dW is zero)
    private Pointer[] unitD;           // per unit: its columns of D (the rows i0.. of D^T) in xBuf
    private Pointer[] unitDW;          // per unit: its rows of dW in dwBuf
    private Pointer unitsFor;          // the xBuf the pointers above were made for

    /** D's rows [1, T) and s's rows [0, T-1) into the native buffers the units' products read. */
    private void stageDW(int T) {
        int m = T - 1;
        stagedM = Math.max(m, 0);
        if (m < 1) {
            for (float[] row : dW) {
                Arrays.fill(row, 0f);
            }
            return;
        }
        if (unitsFor != xPtr) { // made once a buffer: a Pointer a call would be an allocation a step
            unitD = new Pointer[units];
            unitDW = new Pointer[units];
            for (int u = 0; u < units; u++) {
                unitD[u] = xBuf.at((long) u * unitRows);
                unitDW[u] = dwBuf.at((long) u * unitRows * H);
            }
            unitsFor = xPtr;
        }
        xBuf.writeFloats(0, D, H, m * H);
        yBuf.writeFloats(0, s, 0, m * H);
    }

    /**
     * Rows [i0, i1) of dW = D^T s, after {@link #stageDW}: {@code d} points at D's column i0 in xBuf,
     * {@code dw} at dW's row i0 in dwBuf.
     */
    private void productDWRows(Pointer d, Pointer dw, int i0, int i1) {
        int m = stagedM;
        if (m < 1) {
            return;
        }
        Mat.gemm(true, true, false, i1 - i0, H, m, 1.0, d, H, yPtr, H, 0.0, dw, H);
        dwBuf.readFloats(i0 * H, dwFlat, i0 * H, (i1 - i0) * H);
        for (int i = i0; i < i1; i++) {
            System.arraycopy(dwFlat, i * H, dW[i], 0, H);
        }
    }

    /**
     * s_t into rows of their own: C2 leaves a loop reading four places of one flat array
     * unvectorised (3.5x slower), so accumulateDW's loops read four separate arrays; its kernel reads
     * the rows padded to whole vectors.
     */
    private void copyStateRows(int T) {
        dwVector = dwKernel && vector && Simd.ready();
        if (dwVector) {
            if (outerSums == null) {
                outerSums = new VectorKernels.OuterSums(H);
            }
            outerSums.use(D, sPadded);
        }
        for (int t = 0; t + 1 < T; t++) {
            if (dwVector) {
                System.arraycopy(s, t * H, sPadded, t * P, H);
            } else {
                System.arraycopy(s, t * H, sRowsAll[t], 0, H);
            }
        }
    }

    /**
     * dW[i, :] = sum over steps of D[step, i] s_(step-1) for rows i0 <= i < i1, through
     * {@link VectorKernels.OuterSums} with the vector kernels, else four steps per pass (see
     * rowsTimes); each row summed in the same order whatever the rows taken together.
     */
    private void accumulateDW(int i0, int i1, int T) {
        if (dwVector) {
            outerSums.rows(T - 1, i0, i1, dW);
            return;
        }
        for (int i = i0; i < i1; i++) {
            Arrays.fill(dW[i], 0f);
        }
        int step = 1;
        for (; step + 3 < T; step += 4) {
            int d0 = step * H;
            float[] s0 = sRowsAll[step - 1];
            float[] s1 = sRowsAll[step];
            float[] s2 = sRowsAll[step + 1];
            float[] s3 = sRowsAll[step + 2];
            for (int i = i0; i < i1; i++) {
                float a0 = D[d0 + i];
                float a1 = D[d0 + H + i];
                float a2 = D[d0 + 2 * H + i];
                float a3 = D[d0 + 3 * H + i];
                float[] row = dW[i];
                for (int j = 0; j < H; j++) {
                    row[j] += a0 * s0[j] + a1 * s1[j] + a2 * s2[j] + a3 * s3[j];
                }
            }
        }
        for (; step < T; step++) {
            int db = step * H;
            float[] s0 = sRowsAll[step - 1];
            for (int i = i0; i < i1; i++) {
                float di = D[db + i];
                float[] row = dW[i];
                for (int j = 0; j < H; j++) {
                    row[j] += di * s0[j];
                }
            }
        }
    }

    /**
     * Where W s's arrays start their numbers (wTRows' rows and a), in floats. The loop's speed depends
     * on where its arrays fall in memory, which the JVM decides and may change when it moves them:
     * on an AMD EPYC with AVX-512 the recurrence of a class-based step took 26-28 us at two of these
     * starts and 36-38 us at the other two, which two depending on the model's arrays (six models,
     * each in turn at each start). So the recurrence is timed, and {@link #starts} keeps the fastest.
     */
    private static final int[] START = {0, 2, 4, 6};
    private final FastestWay starts = new FastestWay(START.length, 64);
    private int startWay;    // this step's start: START[startWay]
    private long recurFrom;  // when this step's recurrence began
    /** null: choose by time; else the index in START to keep, read when a model is made (tests compare them). */
    static volatile Integer forceStart = null;
    private final Integer fixedStart = forceStart;

    /** Moves W^T's rows to the start chosen for this step (a copy of H^2 floats, only when it changes). */
    private void chooseStart() {
        if (vector) {
            return; // the plain loops run only until the kernels are ready: at the first start
        }
        int from = off();
        startWay = fixedStart != null ? fixedStart : starts.next();
        int to = off();
        if (to == from) {
            return;
        }
        for (float[] row : wTRows) {
            System.arraycopy(row, from, row, to, H);
        }
    }

    /** Where the numbers start in W^T's rows and in a this step. */
    private int off() {
        return START[startWay];
    }

    /**
     * out[at + j] += sum_i v[from+i] m[i][at + j] for the H rows m[i] and j < H, four rows per pass
     * (see Recurrence64).
     */
    private void rowsTimes(float[][] m, float[] v, int from, float[] out, int at) {
        int i = 0;
        for (; i + 3 < H; i += 4) {
            float a0 = v[from + i];
            float a1 = v[from + i + 1];
            float a2 = v[from + i + 2];
            float a3 = v[from + i + 3];
            float[] m0 = m[i];
            float[] m1 = m[i + 1];
            float[] m2 = m[i + 2];
            float[] m3 = m[i + 3];
            for (int j = at; j < at + H; j++) {
                out[j] += m0[j] * a0 + m1[j] * a1 + m2[j] * a2 + m3[j] * a3;
            }
        }
        for (; i < H; i++) {
            float ai = v[from + i];
            float[] mi = m[i];
            for (int j = at; j < at + H; j++) {
                out[j] += mi[j] * ai;
            }
        }
    }

    @Override
    void updateUW(int[] x, int T, double lr) {
        float rate = (float) lr;
        updateU(x, T, rate);
        updateWRows(0, H, rate);
    }

    /**
     * Rows a unit: twenty where a unit sums its rows of dW (Java loops, worth sharing); two units of
     * half the rows where dW is made before (a unit only updates W): two threads updating neighbouring
     * rows write the same cache lines of W^T, and one unit of all H rows had made the class-based
     * step faster in 28 of 30 comparisons in turns, by 1.4-3.6% at the median, against 20 rows (10%
     * slower with the loops); two halves, one for each thread once BPTT is done, made it faster again
     * than one unit, by 0.9-1.0% at the median (5 and 6 of 6 runs of two models in turns; the full
     * step 1.006-1.008, within the comparison's spread; AMD EPYC with AVX-512). Each half then made
     * its own rows of dW too ({@link #productDWRows}), the caller updating U meanwhile: faster again
     * by 2.1% at the median (0.979, 7 of 8 runs in turns, 2026-12-05).
     */
    private static final int SUMMING_UNIT_ROWS = 20;
    private final int unitRows;
    private final int units;
    /** null: by the way dW is made; else the rows a unit (StepsInTurns compares them). */
    static volatile Integer forceUnitRows = null;
    // dW's units (see takeWUnits; with dwProduct, a unit makes its rows of dW, or they are made before the
    // units open, and updates its rows of W): the next to take (units and above: none), and the step's T and rate
    private final java.util.concurrent.atomic.AtomicInteger nextUnit = new java.util.concurrent.atomic.AtomicInteger(CLOSED);
    private static final int CLOSED = 1 << 30; // far from overflowing, however often a thread finds them closed
    private int unitT;
    private float unitRate;

    @Override
    void backwardAndUpdateU(int[] x, int T, int bpttTruncate, double lr) {
        nextUnit.set(CLOSED); // until D is there (closeWUnits did it already when the lane is to help)
        chains(T, bpttTruncate);
        if (dwProduct && dwInUnits) {
            stageDW(T);
        } else if (dwProduct) {
            productDW(T);
        } else {
            copyStateRows(T);
        }
        unitT = T;
        unitRate = (float) lr;
        nextUnit.set(0); // open: D (or dW), the rows of s and the rate are written before (a volatile write)
        updateU(x, T, unitRate);
    }

    @Override
    void closeWUnits() {
        nextUnit.set(CLOSED);
    }

    /**
     * How long the lane waits for the units to open: its own work (the output layer's update) and
     * the caller's BPTT take about as long, so it often comes a little early; a caller that failed
     * never opens them.
     */
    private static final long OPEN_WAIT_NANOS = 200_000;

    @Override
    void takeWUnits(boolean waitForOpen) {
        if (waitForOpen) {
            long until = System.nanoTime() + OPEN_WAIT_NANOS;
            while (nextUnit.get() >= CLOSED && System.nanoTime() < until) {
                Thread.yield();
            }
        }
        for (int u; (u = nextUnit.getAndIncrement()) < units; ) {
            int i0 = u * unitRows;
            int i1 = Math.min(H, i0 + unitRows);
            if (!dwProduct) {
                accumulateDW(i0, i1, unitT);
            } else if (dwInUnits) {
                productDWRows(unitD[u], unitDW[u], i0, i1);
            }
            updateWRows(i0, i1, unitRate);
        }
    }

    /**
     * W[i, :] -= rate dW[i, :] for rows i0 <= i < i1, in W and in the rows of W and W^T loaded for
     * this step, which then stay W: the next loadW finds them equal and need not transpose W again.
     */
    private void updateWRows(int i0, int i1, float rate) {
        for (int i = i0; i < i1; i++) {
            float[] wi = wRows[i];
            float[] di = dW[i];
            for (int j = 0; j < H; j++) {
                wi[j] -= rate * di[j];
            }
            writeWTColumn(i, wi);
            W.writeFloats(i * H, wi, 0, H);
        }
    }

    /** U[:, x_t] -= rate D[t], one word after another: a word may come twice. */
    private void updateU(int[] x, int T, float rate) {
        for (int t = 0; t < T; t++) {
            int row = x[t] * H;
            int base = t * H;
            Ut.readFloats(row, a, 0, H);
            for (int i = 0; i < H; i++) {
                a[i] -= rate * D[base + i];
            }
            Ut.writeFloats(row, a, 0, H);
        }
    }

    @Override
    void addDU(Mat dU, int[] x, int T) {
        for (int t = 0; t < T; t++) {
            for (int i = 0; i < H; i++) {
                dU.add(i * C + x[t], D[t * H + i]); // dU[:, x_t] += D[t]
            }
        }
    }

    @Override
    void writeDW(Mat into) {
        for (int i = 0; i < H; i++) {
            into.writeFloats(i * H, dW[i], 0, H);
        }
    }
}
