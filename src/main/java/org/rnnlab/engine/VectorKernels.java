package org.rnnlab.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float32 recurrence's W s and tanh through JDK 17's incubating Vector API, whose vectors C2
 * keeps in registers: only loaded when {@link Simd#on()} (the JVM was started with the module; the
 * launch does it, see {@code org.rnnlab.Relaunch}), never referenced otherwise.
 *
 * <p>Why not the plain loops: C2 (JDK 17) vectorises them with 8 floats a vector on this machine's
 * AVX-512, does not unroll a loop of four rows a pass, and runs its scalar pre- and post-loops at
 * every one of the 25 passes over a row of 100: W s took 430-590 ns. Here all of W s stays in up to
 * eight vector registers for one pass over W^T (its rows padded to whole vectors): 200-230 ns.
 */
final class VectorKernels {
    /** The widest vector the CPU has (16 floats with AVX-512, 8 with AVX2): a constant, as C2 needs. */
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    // exp's 2^k is built in int lanes of the same shape: named here, as a constant for C2 (see expInPlace)
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    static final int LANES = F.length();
    /** Vectors a pass keeps in registers. */
    private static final int PASS = 8 * LANES;

    private VectorKernels() {
    }

    /** A row of H floats padded to whole vectors: the stride of W^T's rows and the length of a state. */
    static int padded(int H) {
        return (H + LANES - 1) / LANES * LANES;
    }

    /** Floats after the last padded row that a pass may read (never uses) when its last vectors pass the row's end. */
    static int slack() {
        return PASS;
    }

    /**
     * out[0..P) += sum over i < n of v[from + i] m[i P .. i P + P): with m = W^T (rows of P floats,
     * then {@link #slack()} more) and v = s, out += W s. A pass takes eight vectors of the rows at
     * once, so the multiply-adds of eight chains run side by side; at H 100 and 16 floats a vector,
     * one pass. out holds P + {@link #slack()} floats: the vectors of a pass past P (sums of the
     * next row's numbers) land there, unread, rather than behind a test C2 would have to predict.
     */
    static void addTimes(float[] m, int n, int P, float[] v, int from, float[] out) {
        for (int b = 0; b < P; b += PASS) {
            FloatVector c0 = FloatVector.zero(F);
            FloatVector c1 = c0;
            FloatVector c2 = c0;
            FloatVector c3 = c0;
            FloatVector c4 = c0;
            FloatVector c5 = c0;
            FloatVector c6 = c0;
            FloatVector c7 = c0;
            for (int i = 0, o = b; i < n; i++, o += P) {
                FloatVector x = FloatVector.broadcast(F, v[from + i]);
                c0 = FloatVector.fromArray(F, m, o).fma(x, c0);
                c1 = FloatVector.fromArray(F, m, o + LANES).fma(x, c1);
                c2 = FloatVector.fromArray(F, m, o + 2 * LANES).fma(x, c2);
                c3 = FloatVector.fromArray(F, m, o + 3 * LANES).fma(x, c3);
                c4 = FloatVector.fromArray(F, m, o + 4 * LANES).fma(x, c4);
                c5 = FloatVector.fromArray(F, m, o + 5 * LANES).fma(x, c5);
                c6 = FloatVector.fromArray(F, m, o + 6 * LANES).fma(x, c6);
                c7 = FloatVector.fromArray(F, m, o + 7 * LANES).fma(x, c7);
            }
            add(out, b, c0);
            add(out, b + LANES, c1);
            add(out, b + 2 * LANES, c2);
            add(out, b + 3 * LANES, c3);
            add(out, b + 4 * LANES, c4);
            add(out, b + 5 * LANES, c5);
            add(out, b + 6 * LANES, c6);
            add(out, b + 7 * LANES, c7);
        }
    }

    /**
     * One word of the recurrence on a = U x_t (in {@code a}, padded, then slack): a += W s_(t-1) when
     * {@code first} is false (s_(t-1) at {@code from} in {@code s}), then a = tanh(a). One call a word,
     * never inlined into its caller (the launch's -XX:CompileCommand, see org.rnnlab.Relaunch).
     */
    static void recurStep(float[] wT, int H, int P, float[] s, int from, boolean first, float[] a) {
        if (!first) {
            addTimes(wT, H, P, s, from, a);
        }
        tanhInPlace(a, P);
    }

    private static void add(float[] out, int at, FloatVector c) {
        FloatVector.fromArray(F, out, at).add(c).intoArray(out, at);
    }

    // FastTanh's coefficients that multiply-add a vector (the API takes two scalars or two vectors)
    private static final FloatVector P0 = FloatVector.broadcast(F, FastTanh.P0);
    private static final FloatVector P1 = FloatVector.broadcast(F, FastTanh.P1);
    private static final FloatVector P2 = FloatVector.broadcast(F, FastTanh.P2);
    private static final FloatVector P3 = FloatVector.broadcast(F, FastTanh.P3);
    private static final FloatVector Q1 = FloatVector.broadcast(F, FastTanh.Q1);
    private static final FloatVector ONE = FloatVector.broadcast(F, 1f);

    /**
     * a[0..P) = tanh(a[0..P)), P a multiple of {@link #LANES}: {@link FastTanh}'s rational form and
     * clamps, the same operations in vectors (47 ns for 112 floats against FastTanh's 103 for 100).
     */
    static void tanhInPlace(float[] a, int P) {
        for (int i = 0; i < P; i += LANES) {
            FloatVector x = FloatVector.fromArray(F, a, i).max(-FastTanh.LIMIT).min(FastTanh.LIMIT);
            FloatVector v = x.mul(FastTanh.INV_LIMIT);
            FloatVector u = v.mul(v);
            FloatVector p = u.fma(FastTanh.P5, FastTanh.P4).fma(u, P3).fma(u, P2).fma(u, P1).fma(u, P0);
            FloatVector q = u.fma(FastTanh.Q3, FastTanh.Q2).fma(u, Q1).fma(u, ONE);
            x.mul(p).div(q).max(-1f).min(1f).intoArray(a, i);
        }
    }

    // FastExp's constants that multiply-add a vector
    private static final FloatVector NEG_LN2_LO = FloatVector.broadcast(F, -FastExp.LN2_LO);
    private static final FloatVector E5 = FloatVector.broadcast(F, FastExp.C5);
    private static final FloatVector E4 = FloatVector.broadcast(F, FastExp.C4);
    private static final FloatVector E3 = FloatVector.broadcast(F, FastExp.C3);
    private static final FloatVector E2 = FloatVector.broadcast(F, FastExp.C2);

    /**
     * a[i] = exp(a[i] - shift) for the whole vectors of a[0..n), {@link FastExp}'s operations in the
     * same order, so the same numbers (the plain loops leave 2^k, from the bits, scalar: 45% of
     * their time); returns how many it did (the rest is FastExp's).
     */
    static int expInPlace(float[] a, int n, float shift) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += LANES) {
            FloatVector x = FloatVector.fromArray(F, a, i).sub(shift).max(FastExp.MIN).min(FastExp.MAX);
            FloatVector m = x.fma(FastExp.LOG2E, FastExp.ROUND); // k + ROUND, whose low mantissa bits hold k
            FloatVector k = m.sub(FastExp.ROUND);
            FloatVector r = k.fma(NEG_LN2_LO, k.mul(-FastExp.LN2_HI).add(x)); // k LN2_HI is exact: no fused form needed
            FloatVector p = r.fma(FastExp.C6, FastExp.C5);
            p = p.fma(r, E4).fma(r, E3).fma(r, E2).fma(r, ONE).fma(r, ONE);
            // the bits as ints and back through the constant species: reinterpretAsInts() looks the int
            // species up at run time, and C2 then sometimes parsed the int operations as calls on an
            // unknown vector class, which made every vector of the loop an object (94 KB a row of 4,001)
            IntVector bits = (IntVector) m.reinterpretShape(I, 0);
            FloatVector twoK = (FloatVector) bits.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretShape(F, 0);
            p.mul(twoK).intoArray(a, i);
        }
        return end;
    }

    /**
     * dW = D^T S by rows, for {@link Recurrence32}'s units: rows[i][j] = sum over k < m of
     * d[(k + 1) H + i] sp[k P + j] for j < P (P: H padded to whole vectors, sp's rows padded alike
     * with zeros), each sum in k's order whichever rows are taken together. Tiles of four rows by
     * three vectors keep twelve sums in registers while the m rows stream by.
     *
     * <p>The arrays are fields, not arguments: passed as arguments, the same tile took 19 us for a
     * class-based step's dW (H 100, m 44) against 10 (AVX2, one thread; the plain loops 20-25).
     */
    static final class OuterSums {
        private float[] d;  // T x H: BPTT's D
        private float[] sp; // T x P: s_t padded
        private final int H;
        private final int P;

        OuterSums(int H) {
            this.H = H;
            this.P = padded(H);
        }

        /** The arrays the next {@link #rows} read (as they grow with the sentences). */
        void use(float[] d, float[] sp) {
            this.d = d;
            this.sp = sp;
        }

        /** Rows i0 <= i < i1 of dW over the steps 1..m into {@code out} (rows of at least P floats). */
        void rows(int m, int i0, int i1, float[][] out) {
            int i = i0;
            for (; i + 4 <= i1; i += 4) {
                int j = 0;
                for (; j + 3 * LANES <= P; j += 3 * LANES) {
                    tile4x3(H + i, m, j, out[i], out[i + 1], out[i + 2], out[i + 3]);
                }
                for (; j < P; j += LANES) {
                    tile4x1(H + i, m, j, out[i], out[i + 1], out[i + 2], out[i + 3]);
                }
            }
            for (; i < i1; i++) { // the rows after the tiles
                for (int j = 0; j < P; j += LANES) {
                    tile1x1(H + i, m, j, out[i]);
                }
            }
        }

        private void tile4x3(int di, int m, int j, float[] r0, float[] r1, float[] r2, float[] r3) {
            FloatVector a00 = FloatVector.zero(F);
            FloatVector a01 = a00;
            FloatVector a02 = a00;
            FloatVector a10 = a00;
            FloatVector a11 = a00;
            FloatVector a12 = a00;
            FloatVector a20 = a00;
            FloatVector a21 = a00;
            FloatVector a22 = a00;
            FloatVector a30 = a00;
            FloatVector a31 = a00;
            FloatVector a32 = a00;
            for (int k = 0, so = j, dk = di; k < m; k++, so += P, dk += H) {
                FloatVector b0 = FloatVector.fromArray(F, sp, so);
                FloatVector b1 = FloatVector.fromArray(F, sp, so + LANES);
                FloatVector b2 = FloatVector.fromArray(F, sp, so + 2 * LANES);
                FloatVector x0 = FloatVector.broadcast(F, d[dk]);
                a00 = b0.fma(x0, a00);
                a01 = b1.fma(x0, a01);
                a02 = b2.fma(x0, a02);
                FloatVector x1 = FloatVector.broadcast(F, d[dk + 1]);
                a10 = b0.fma(x1, a10);
                a11 = b1.fma(x1, a11);
                a12 = b2.fma(x1, a12);
                FloatVector x2 = FloatVector.broadcast(F, d[dk + 2]);
                a20 = b0.fma(x2, a20);
                a21 = b1.fma(x2, a21);
                a22 = b2.fma(x2, a22);
                FloatVector x3 = FloatVector.broadcast(F, d[dk + 3]);
                a30 = b0.fma(x3, a30);
                a31 = b1.fma(x3, a31);
                a32 = b2.fma(x3, a32);
            }
            a00.intoArray(r0, j);
            a01.intoArray(r0, j + LANES);
            a02.intoArray(r0, j + 2 * LANES);
            a10.intoArray(r1, j);
            a11.intoArray(r1, j + LANES);
            a12.intoArray(r1, j + 2 * LANES);
            a20.intoArray(r2, j);
            a21.intoArray(r2, j + LANES);
            a22.intoArray(r2, j + 2 * LANES);
            a30.intoArray(r3, j);
            a31.intoArray(r3, j + LANES);
            a32.intoArray(r3, j + 2 * LANES);
        }

        private void tile4x1(int di, int m, int j, float[] r0, float[] r1, float[] r2, float[] r3) {
            FloatVector a0 = FloatVector.zero(F);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int k = 0, so = j, dk = di; k < m; k++, so += P, dk += H) {
                FloatVector b = FloatVector.fromArray(F, sp, so);
                a0 = b.fma(FloatVector.broadcast(F, d[dk]), a0);
                a1 = b.fma(FloatVector.broadcast(F, d[dk + 1]), a1);
                a2 = b.fma(FloatVector.broadcast(F, d[dk + 2]), a2);
                a3 = b.fma(FloatVector.broadcast(F, d[dk + 3]), a3);
            }
            a0.intoArray(r0, j);
            a1.intoArray(r1, j);
            a2.intoArray(r2, j);
            a3.intoArray(r3, j);
        }

        private void tile1x1(int di, int m, int j, float[] r0) {
            FloatVector a = FloatVector.zero(F);
            for (int k = 0, so = j, dk = di; k < m; k++, so += P, dk += H) {
                a = FloatVector.fromArray(F, sp, so).fma(FloatVector.broadcast(F, d[dk]), a);
            }
            a.intoArray(r0, j);
        }
    }

    /**
     * Calls each kernel on a few numbers until C2 has compiled it (a call then takes tens of
     * nanoseconds against microseconds), at a few calls a millisecond, so that the objects every
     * uncompiled vector is stay a few megabytes a second; returns whether it saw them compiled
     * within a minute. The launch asks C2 to compile them after a twentieth of the usual calls
     * ({@code org.rnnlab.Relaunch}), so they do not wait behind the window's own methods.
     */
    static boolean warmUp() {
        // first on a few numbers, then at the lesson's sizes (H 100; exp over the class-based rows): a
        // compilation that meets a shape it never saw is thrown away (a C2 deoptimisation), and the
        // calls at full size are garbage until it is compiled again; here one call a millisecond
        // (about 0.1 MB each uncompiled), in a training run hundreds of megabytes a second
        Shape[] few = {new Shape(1, PASS, LANES + 3), new Shape(2, PASS - LANES, LANES + 3)};
        Shape[] lesson = {new Shape(100, padded(100), 89), new Shape(100, padded(100), 37),
                new Shape(100, padded(100), 2_000)}; // the full softmax's rows, in pieces of up to 8,192
        long until = System.nanoTime() + 60_000_000_000L;
        return compiled(few, BATCH, 400, until) && compiled(lesson, 1, 10_000, until)
                // VectorProducts run with eight floats a vector or more; compiled, a call takes about 3 us, not, 35 or more
                && (!Simd.wide() || compiled(new Call[] {new Products()}, 1, 10_000, until));
    }

    /**
     * Calls the shapes in batches of {@code calls} until one runs below {@code nanos} a call and
     * allocates nothing (compiled, every vector is in a register; a kernel C2 compiled with some of
     * the Vector API out of line is fast enough yet makes objects); false at {@code until}.
     */
    private static boolean compiled(Call[] shapes, int calls, long nanos, long until) {
        for (int batch = 0; System.nanoTime() < until; batch++) {
            long bytes = KernelWatch.allocatedBytes();
            long t0 = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                shapes[(batch + i) % shapes.length].call();
            }
            long t1 = System.nanoTime();
            bytes = KernelWatch.allocatedBytes() - bytes;
            if (batch > 20 && (t1 - t0) / calls < nanos && bytes < FREE_BYTES) {
                return true;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static final int BATCH = 10;
    /** What a batch may allocate and count as allocating nothing (an uncompiled call: 0.1 MB or more). */
    private static final long FREE_BYTES = 1_024;

    /** One call of kernels at one shape, for the warm-up. */
    private interface Call {
        void call();
    }

    /**
     * {@link VectorProducts} at H 96 to 101 on 12 to 17 words, with three vectors of rows and with
     * two, in turn, so that every branch and loop is seen both ways before C2 compiles them: tiles of
     * two vectors and of one, zero to five words after the tiles of six (the last sweep of a half of
     * 4,000 words has four), zero to five rows of G^T after its tiles, G^T from zero and onto itself.
     * A loop that C2 compiled never having seen it repeat is thrown away when it does (a deoptimisation),
     * and the calls are objects until it is compiled again.
     */
    private static final class Products implements Call {
        private final float[] v = new float[17 * 101];
        private final float[] sT = new float[101 * 3 * LANES];
        private final float[] e = new float[17 * 3 * LANES];
        private final float[] gT = new float[101 * 3 * LANES];
        private final float[] z = new float[3 * LANES];
        private int calls;

        @Override
        public void call() {
            int tp = calls % 2 == 0 ? 3 * LANES : 2 * LANES;
            int bw = 12 + calls % 6;
            int H = 96 + calls / 2 % 6;
            VectorProducts.logits(v, bw, H, sT, tp, e);
            VectorProducts.addColumnSums(e, bw, tp, z);
            VectorProducts.addGradT(v, bw, H, e, tp, gT, calls % 8 < 4);
            calls++;
        }
    }

    /**
     * The kernels' arguments for a recurrence of {@code n} rows of {@code P} floats, exp over
     * {@code e} numbers and a unit of dW's rows (compiled, a call takes 1-2 us at the lesson's
     * sizes, AVX2; not compiled, hundreds of microseconds: each vector an object).
     */
    private static final class Shape implements Call {
        private final int n;
        private final int P;
        private final float[] m;
        private final float[] v;
        private final float[] out;
        private final float[] a;
        private final OuterSums outer;
        private final float[][] dW;

        Shape(int n, int P, int e) {
            this.n = n;
            this.P = P;
            m = new float[n * P + slack()];
            v = new float[n + 1];
            out = new float[P + slack()];
            a = new float[e];
            outer = new OuterSums(n);
            outer.use(new float[(STEPS + 1) * n], new float[STEPS * P]);
            dW = new float[n][P];
        }

        private static final int STEPS = 44;

        private boolean first;

        @Override
        public void call() {
            // as the recurrence calls them, its first word too: a compilation that never saw one was thrown
            // away at the engine's first sentence, and the kernels ran as objects until C2 had them again
            first = !first;
            recurStep(m, n, P, v, 1, first, out);
            expInPlace(a, a.length, 0.5f);
            // a unit of dW's rows (twenty at H 100), with a row after the tiles every other call
            outer.rows(first ? STEPS : 3, 0, Math.min(n, first ? 20 : 21), dW);
        }
    }
}
