package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.bytedeco.javacpp.FloatPointer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The native products against sums in double precision, at shapes that reach every tile and tail
 * (words not a multiple of six or of the sweep, H not a multiple of 8, one row), and against the Java
 * vector kernels bit for bit: the same multiply-adds in the same order.
 */
class NativeProductsTest {
    private final Random random = new Random(7);

    @BeforeEach
    void nativeProductsLoaded() {
        assumeTrue(NativeProducts.available(), "the native products are not in this process: " + NativeProducts.status());
    }

    @Test
    void forwardGivesTheLogitsExpTheirSumsAndEV() {
        for (int[] shape : new int[][] {{131, 37, 45}, {60, 100, 48}, {7, 8, 1}, {125, 100, 33}}) {
            int words = shape[0];
            int H = shape[1];
            int n = shape[2];
            int tp = (n + 7) & ~7;
            float[] v = gaussian(words * H, 0.3);
            float[] sT = new float[H * tp];
            for (int j = 0; j < H; j++) {
                for (int t = 0; t < n; t++) {
                    sT[j * tp + t] = (float) random.nextGaussian();
                }
            }
            int[] y = new int[n + 3];
            for (int r = 0; r < y.length; r++) {
                y[r] = 1000 + random.nextInt(words + 20) - 10; // some targets outside the group
            }
            float[] z = new float[tp];
            float[] gT = new float[H * tp];
            double[] zy = new double[n];
            java.util.Arrays.fill(zy, Double.NaN);
            float[] e = new float[words * tp];
            try (FloatPointer vOff = new FloatPointer(v); FloatPointer eOff = new FloatPointer((long) words * tp)) {
                NativeProducts.forward(NativeProducts.address(vOff, 0), words, H, sT, tp, NativeProducts.address(eOff, 0),
                        z, gT, true, false, y, 3, 1000, n, zy);
                eOff.get(e);
            }
            String at = words + " words, H " + H + ", n " + n;
            double[] logits = new double[words * tp];
            for (int c = 0; c < words; c++) {
                for (int t = 0; t < n; t++) {
                    double sum = 0;
                    for (int j = 0; j < H; j++) {
                        sum += (double) v[c * H + j] * sT[j * tp + t];
                    }
                    logits[c * tp + t] = sum;
                    assertEquals(Math.exp(sum), e[c * tp + t], 1e-5 * Math.exp(sum), at + ": E[" + c + "][" + t + "]");
                }
            }
            for (int t = 0; t < n; t++) {
                double sum = 0;
                for (int c = 0; c < words; c++) {
                    sum += Math.exp(logits[c * tp + t]);
                }
                assertEquals(sum, z[t], 1e-5 * sum, at + ": z[" + t + "]");
                int target = y[3 + t] - 1000;
                if (target >= 0 && target < words) {
                    assertEquals(logits[target * tp + t], zy[t], 1e-4, at + ": the target's logit, row " + t);
                } else {
                    assertTrue(Double.isNaN(zy[t]), at + ": row " + t + "'s target is not in the group, its zy untouched");
                }
                for (int j = 0; j < H; j++) {
                    double g = 0;
                    double size = 0; // float32's rounding goes with the terms' size, not their sum's
                    for (int c = 0; c < words; c++) {
                        double term = v[c * H + j] * Math.exp(logits[c * tp + t]);
                        g += term;
                        size += Math.abs(term);
                    }
                    assertEquals(g, gT[j * tp + t], 1e-5 * size + 1e-6, at + ": G^T[" + j + "][" + t + "]");
                }
            }
        }
    }

    @Test
    void forwardIsTheJavaVectorKernelsBitForBit() {
        assumeTrue(Simd.on() && Simd.wide() && Simd.ready(), "the Java vector kernels are not running in this JVM");
        int words = 131;
        int H = 100;
        int n = 45;
        int tp = VectorProducts.padded(n); // 48 with either vector width
        float[] v = gaussian(words * H, 0.3);
        float[] sT = gaussian(H * tp, 1);
        int[] y = new int[n];
        float[] zNative = new float[tp];
        float[] gTNative = new float[H * tp];
        float[] eNative = new float[words * tp];
        try (FloatPointer vOff = new FloatPointer(v); FloatPointer eOff = new FloatPointer((long) words * tp)) {
            NativeProducts.forward(NativeProducts.address(vOff, 0), words, H, sT, tp, NativeProducts.address(eOff, 0),
                    zNative, gTNative, true, false, y, 0, 0, n, new double[n]);
            eOff.get(eNative);
        }
        // the Java kernels, a sweep at a time as Kernel#forwardHalfVector calls them
        float[] z = new float[tp];
        float[] gT = new float[H * tp];
        float[] e = new float[words * tp];
        int sweep = VectorProducts.WORDS_A_SWEEP;
        for (int c0 = 0; c0 < words; c0 += sweep) {
            int sw = Math.min(sweep, words - c0);
            float[] vw = java.util.Arrays.copyOfRange(v, c0 * H, (c0 + sw) * H);
            float[] ew = new float[sw * tp];
            VectorProducts.logits(vw, sw, H, sT, tp, ew);
            FastExp.expInPlace(ew, new float[ew.length], ew.length);
            VectorProducts.addColumnSums(ew, sw, tp, z);
            VectorProducts.addGradT(vw, sw, H, ew, tp, gT, c0 > 0);
            System.arraycopy(ew, 0, e, c0 * tp, ew.length);
        }
        assertArrayEquals(e, eNative, "E");
        assertArrayEquals(z, zNative, "the column sums");
        assertArrayEquals(gT, gTNative, "G^T");
    }

    @Test
    void rowsTimesIsAlphaPTimesSPlusBetaD() {
        // rows, H, n, P's strides (row, column), S's and d's row strides: the full softmax's dV (word-major E'),
        // the class-based dX (dQ^T S: P transposed), a row's V_c^T dr (one row, long sums), a rank-one update
        for (int[] shape : new int[][] {{513, 100, 45, 48, 1, 100, 100}, {89, 100, 20, 1, 89, 100, 100},
                {1, 100, 90, 0, 1, 100, 100}, {1, 37, 1, 0, 1, 40, 37}, {6, 37, 2, 1, 300, 111, 40},
                {9, 24, 20, 20, 1, 24, 24}, {3, 5, 7, 9, 1, 5, 6}}) {
            int rows = shape[0];
            int H = shape[1];
            int n = shape[2];
            int ec = shape[3];
            int et = shape[4];
            int ss = shape[5];
            int ds = shape[6];
            float[] e = gaussian(Math.max(1, (rows - 1) * ec + (n - 1) * et + 1), 1);
            float[] s = gaussian((n - 1) * ss + H, 1);
            for (float beta : new float[] {0f, 1f, 0.5f}) {
                float[] d = gaussian((rows - 1) * ds + H, 1);
                float[] before = d.clone();
                if (beta == 0f) {
                    for (int c = 0; c < rows; c++) {
                        java.util.Arrays.fill(d, c * ds, c * ds + H, Float.NaN); // beta 0: d is not read
                    }
                }
                float alpha = -0.05f;
                try (FloatPointer eOff = new FloatPointer(e); FloatPointer sOff = new FloatPointer(s);
                     FloatPointer dOff = new FloatPointer(d.length + 16L)) {
                    dOff.fill(0x7f); // a guard past the rows: must stay as it was
                    dOff.put(d);
                    NativeProducts.rowsTimes(NativeProducts.address(eOff, 0), rows, ec, et, n, NativeProducts.address(sOff, 0),
                            ss, H, alpha, beta, NativeProducts.address(dOff, 0), ds);
                    dOff.get(d);
                    float[] guard = new float[16];
                    dOff.position(d.length).get(guard);
                    for (float g : guard) {
                        assertEquals(Float.intBitsToFloat(0x7f7f7f7f), g, "nothing written past the rows");
                    }
                }
                String at = java.util.Arrays.toString(shape) + ", beta " + beta;
                for (int c = 0; c < rows; c++) {
                    for (int j = 0; j < H; j++) {
                        double sum = 0;
                        for (int t = 0; t < n; t++) {
                            sum += (double) e[c * ec + t * et] * s[t * ss + j];
                        }
                        double want = alpha * sum + (beta == 0f ? 0 : beta * before[c * ds + j]);
                        assertEquals(want, d[c * ds + j], 1e-5 * (1 + Math.abs(want)), at + ": d[" + c + "][" + j + "]");
                    }
                    for (int j = H; j < ds && c < rows - 1; j++) {
                        assertEquals(before[c * ds + j], d[c * ds + j], 0.0, at + ": between the rows, untouched");
                    }
                }
            }
        }
    }

    @Test
    void dotsAreTheRowsProducts() {
        // rows, cols, H, A's, B's and out's row strides: the class logits (S X^T), a row's word logits (V_c s_t)
        for (int[] shape : new int[][] {{5, 89, 100, 100, 100, 89}, {1, 91, 100, 100, 100, 91}, {7, 4, 37, 40, 39, 9},
                {2, 1, 3, 3, 3, 1}}) {
            int rows = shape[0];
            int cols = shape[1];
            int H = shape[2];
            int as = shape[3];
            int bs = shape[4];
            int os = shape[5];
            float[] a = gaussian((rows - 1) * as + H, 1);
            float[] b = gaussian((cols - 1) * bs + H, 1);
            float[] out = new float[(rows - 1) * os + cols];
            java.util.Arrays.fill(out, Float.NaN);
            try (FloatPointer aOff = new FloatPointer(a); FloatPointer bOff = new FloatPointer(b);
                 FloatPointer outOff = new FloatPointer(out)) {
                NativeProducts.dots(NativeProducts.address(aOff, 0), rows, as, NativeProducts.address(bOff, 0), cols, bs, H,
                        NativeProducts.address(outOff, 0), os);
                outOff.get(out);
            }
            for (int r = 0; r < rows; r++) {
                for (int q = 0; q < cols; q++) {
                    double sum = 0;
                    for (int j = 0; j < H; j++) {
                        sum += (double) a[r * as + j] * b[q * bs + j];
                    }
                    assertEquals(sum, out[r * os + q], 1e-5 * (1 + Math.abs(sum)), java.util.Arrays.toString(shape) + ": out[" + r + "][" + q + "]");
                }
                for (int q = cols; q < os && r < rows - 1; q++) {
                    assertTrue(Float.isNaN(out[r * os + q]), "between the rows, untouched");
                }
            }
        }
    }

    @Test
    void softmaxRowGivesTheExpsTheirSumAndTheGradientAndShiftsARowBeyondExpsRange() {
        for (double offset : new double[] {0, 300, -300}) { // the last two: exp over- and underflows unshifted
            int n = 91;
            float[] logits = gaussian(n, 3);
            for (int i = 0; i < n; i++) {
                logits[i] += (float) offset;
            }
            int target = 17;
            float[] row = logits.clone();
            float[] e = new float[n];
            double sum;
            try (FloatPointer m = new FloatPointer(row)) {
                sum = NativeProducts.softmaxRow(NativeProducts.address(m, 0), n, target, true, e);
                m.get(row);
            }
            double max = Double.NEGATIVE_INFINITY;
            for (float x : logits) {
                max = Math.max(max, x);
            }
            double shift = offset == 0 ? 0 : max; // shifted only where the unshifted sum is not trusted
            double want = 0;
            for (float x : logits) {
                want += Math.exp(x - shift);
            }
            assertEquals(want, sum, 1e-6 * want, "the sum, offset " + offset);
            double loss = Math.log(sum) - Math.log(e[target]);
            assertEquals(Math.log(want) - (logits[target] - shift), loss, 1e-5, "the loss, offset " + offset);
            for (int i = 0; i < n; i++) {
                double p = Math.exp(logits[i] - shift) / want;
                assertEquals(p - (i == target ? 1 : 0), row[i], 1e-6, "the gradient at " + i + ", offset " + offset);
            }
        }
    }

    @Test
    void theRecurrenceIsTheVectorKernelsBitForBit() {
        assumeTrue(Simd.on() && Simd.ready(), "the Java vector kernels are not running in this JVM");
        for (int H : new int[] {100, 37, 120}) { // 120: two passes of vectors
            int C = 50;
            int P = VectorKernels.padded(H);
            float[] ut = gaussian(C * H, 1);
            float[] wT = new float[H * P + VectorKernels.slack()];
            for (int j = 0; j < H; j++) {
                for (int i = 0; i < H; i++) {
                    wT[j * P + i] = (float) (random.nextGaussian() * 0.3);
                }
            }
            int[] x = {3, 17, 49, 0, 3, 3, 22};
            float[] sNative = new float[x.length * H];
            try (FloatPointer utOff = new FloatPointer(ut)) {
                NativeProducts.recur(NativeProducts.address(utOff, 0), x, 0, 3, H, wT, P, sNative);
                NativeProducts.recur(NativeProducts.address(utOff, 0), x, 3, x.length, H, wT, P, sNative); // in two calls
            }
            float[] s = new float[x.length * H];
            float[] a = new float[P + VectorKernels.slack()];
            for (int t = 0; t < x.length; t++) { // as Recurrence32#recur calls the kernel
                java.util.Arrays.fill(a, 0f);
                System.arraycopy(ut, x[t] * H, a, 0, H);
                VectorKernels.recurStep(wT, H, P, s, (t - 1) * H, t == 0, a);
                System.arraycopy(a, 0, s, t * H, H);
            }
            assertArrayEquals(s, sNative, "H " + H);
            assertTrue(Math.abs(sNative[x.length * H - 1]) > 0, "the states are not all zero");
        }
    }

    @Test
    void theChainsAreTheLagProductsLoopBitForBit() {
        for (int[] shape : new int[][] {{45, 100, 4}, {7, 37, 4}, {6, 16, 10}, {1, 8, 4}}) {
            int T = shape[0];
            int H = shape[1];
            int bptt = shape[2];
            float[] w = gaussian(H * H, 0.3);
            float[] dt = new float[T * H];
            for (int k = 0; k < dt.length; k++) {
                dt[k] = (float) random.nextDouble();
            }
            float[] d0 = gaussian(T * H, 1);
            float[] d = d0.clone();
            try (FloatPointer wOff = new FloatPointer(w)) {
                NativeProducts.chains(d, dt, new float[T * H], new float[T * H], NativeProducts.address(wOff, 0), T, H, bptt);
                // Recurrence32's loop: the lag products through buffers, the chains' sums in Java
                float[] want = d0.clone();
                float[] x = d0.clone();
                for (int lag = 1; lag <= bptt && lag < T; lag++) {
                    int m = T - lag;
                    float[] y = new float[m * H];
                    try (FloatPointer xOff = new FloatPointer(x); FloatPointer yOff = new FloatPointer((long) m * H)) {
                        NativeProducts.rowsTimes(NativeProducts.address(xOff, H), m, H, 1, H, NativeProducts.address(wOff, 0), H, H,
                                1f, 0f, NativeProducts.address(yOff, 0), H);
                        yOff.get(y);
                    }
                    for (int k = 0; k < m * H; k++) {
                        float v = y[k] * dt[k];
                        want[k] += v;
                        x[k] = v;
                    }
                }
                assertArrayEquals(want, d, java.util.Arrays.toString(shape));
            }
            if (T > 1) {
                assertTrue(!java.util.Arrays.equals(d0, d), "the chains added something");
            }
        }
    }

    private float[] gaussian(int size, double scale) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) {
            a[i] = (float) (random.nextGaussian() * scale);
        }
        return a;
    }
}
