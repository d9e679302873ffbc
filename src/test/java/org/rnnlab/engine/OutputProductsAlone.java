package org.rnnlab.engine;

import java.util.Arrays;
import java.util.Random;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A driver, not a test: one thread's share of the full softmax's three products with V, the Java vector
 * kernels alone, at the step's shapes (half of C 8000, H 100, T 45). It prints each product's time and
 * compares V's update (dV) as a pass of its own against dV deferred into the next step's pass over V
 * (each block updated just before its logits, while it is in the core's cache). Its sum of parts is the
 * floor of a step made of these kernels on one of two cores; see the speed log, session 33.
 *
 * <pre>java -XX:UseAVX=2 @src/main/resources/org/rnnlab/vector-jvm-options \
 *     -cp target/test-classes:target/classes:$(cat cp.txt) org.rnnlab.engine.OutputProductsAlone [words] [rounds]</pre>
 */
public final class OutputProductsAlone {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();
    private static final int H = 100;
    /** S's rows padded to whole vectors with zeros, so that dV's last vector adds nothing past H. */
    private static final int HP = (H + L - 1) / L * L;

    private OutputProductsAlone() {
    }

    /**
     * v's words [0, bw) -= lr e s: E word-major (bw x tp), S (T x HP). Tiles of four words by three
     * vectors; the last vector of a row reaches into the next row's first numbers and adds zeros there,
     * which is why v has a vector of slack at its end (a masked vector ran twice as slow on JDK 17).
     * H and HP are arguments: with them constants, C2 unrolled the rows' loop and the tile ran 1.8
     * times slower.
     */
    static void dv(float[] v, int bw, int H, int HP, float[] e, int tp, int T, float[] s, float lr) {
        for (int c = 0; c + 4 <= bw; c += 4) {
            int j = 0;
            for (; j + 3 * L <= H; j += 3 * L) {
                FloatVector a00 = FloatVector.zero(F), a01 = FloatVector.zero(F), a02 = FloatVector.zero(F);
                FloatVector a10 = FloatVector.zero(F), a11 = FloatVector.zero(F), a12 = FloatVector.zero(F);
                FloatVector a20 = FloatVector.zero(F), a21 = FloatVector.zero(F), a22 = FloatVector.zero(F);
                FloatVector a30 = FloatVector.zero(F), a31 = FloatVector.zero(F), a32 = FloatVector.zero(F);
                for (int t = 0; t < T; t++) {
                    FloatVector b0 = FloatVector.fromArray(F, s, t * HP + j);
                    FloatVector b1 = FloatVector.fromArray(F, s, t * HP + j + L);
                    FloatVector b2 = FloatVector.fromArray(F, s, t * HP + j + 2 * L);
                    FloatVector x = FloatVector.broadcast(F, e[c * tp + t]);
                    a00 = b0.fma(x, a00); a01 = b1.fma(x, a01); a02 = b2.fma(x, a02);
                    x = FloatVector.broadcast(F, e[(c + 1) * tp + t]);
                    a10 = b0.fma(x, a10); a11 = b1.fma(x, a11); a12 = b2.fma(x, a12);
                    x = FloatVector.broadcast(F, e[(c + 2) * tp + t]);
                    a20 = b0.fma(x, a20); a21 = b1.fma(x, a21); a22 = b2.fma(x, a22);
                    x = FloatVector.broadcast(F, e[(c + 3) * tp + t]);
                    a30 = b0.fma(x, a30); a31 = b1.fma(x, a31); a32 = b2.fma(x, a32);
                }
                FloatVector g = FloatVector.broadcast(F, -lr); // made here: a 17th register in the loop spilt
                int r0 = c * H + j;
                a00.fma(g, FloatVector.fromArray(F, v, r0)).intoArray(v, r0);
                a01.fma(g, FloatVector.fromArray(F, v, r0 + L)).intoArray(v, r0 + L);
                a02.fma(g, FloatVector.fromArray(F, v, r0 + 2 * L)).intoArray(v, r0 + 2 * L);
                int r1 = (c + 1) * H + j;
                a10.fma(g, FloatVector.fromArray(F, v, r1)).intoArray(v, r1);
                a11.fma(g, FloatVector.fromArray(F, v, r1 + L)).intoArray(v, r1 + L);
                a12.fma(g, FloatVector.fromArray(F, v, r1 + 2 * L)).intoArray(v, r1 + 2 * L);
                int r2 = (c + 2) * H + j;
                a20.fma(g, FloatVector.fromArray(F, v, r2)).intoArray(v, r2);
                a21.fma(g, FloatVector.fromArray(F, v, r2 + L)).intoArray(v, r2 + L);
                a22.fma(g, FloatVector.fromArray(F, v, r2 + 2 * L)).intoArray(v, r2 + 2 * L);
                int r3 = (c + 3) * H + j;
                a30.fma(g, FloatVector.fromArray(F, v, r3)).intoArray(v, r3);
                a31.fma(g, FloatVector.fromArray(F, v, r3 + L)).intoArray(v, r3 + L);
                a32.fma(g, FloatVector.fromArray(F, v, r3 + 2 * L)).intoArray(v, r3 + 2 * L);
            }
            if (j < H) { // the last vector of a row (one at H 100)
                FloatVector a0 = FloatVector.zero(F), a1 = FloatVector.zero(F), a2 = FloatVector.zero(F), a3 = FloatVector.zero(F);
                for (int t = 0; t < T; t++) {
                    FloatVector b = FloatVector.fromArray(F, s, t * HP + j);
                    a0 = b.fma(FloatVector.broadcast(F, e[c * tp + t]), a0);
                    a1 = b.fma(FloatVector.broadcast(F, e[(c + 1) * tp + t]), a1);
                    a2 = b.fma(FloatVector.broadcast(F, e[(c + 2) * tp + t]), a2);
                    a3 = b.fma(FloatVector.broadcast(F, e[(c + 3) * tp + t]), a3);
                }
                FloatVector g = FloatVector.broadcast(F, -lr);
                int r = c * H + j;
                a0.fma(g, FloatVector.fromArray(F, v, r)).intoArray(v, r);
                r += H;
                a1.fma(g, FloatVector.fromArray(F, v, r)).intoArray(v, r);
                r += H;
                a2.fma(g, FloatVector.fromArray(F, v, r)).intoArray(v, r);
                r += H;
                a3.fma(g, FloatVector.fromArray(F, v, r)).intoArray(v, r);
            }
        }
    }

    public static void main(String[] args) {
        int C = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int T = 45, tp = VectorProducts.padded(T), sw = VectorProducts.WORDS_A_SWEEP;
        int nb = (C + sw - 1) / sw;
        Random r = new Random(1);
        float[][] v = new float[nb][], e = new float[nb][], ePrev = new float[nb][];
        int[] bw = new int[nb];
        for (int b = 0; b < nb; b++) {
            bw[b] = Math.min(sw, C - b * sw);
            v[b] = new float[bw[b] * H + L];
            e[b] = new float[bw[b] * tp];
            ePrev[b] = new float[bw[b] * tp];
            for (int i = 0; i < bw[b] * H; i++) v[b][i] = (float) r.nextGaussian() * 0.01f;
            for (int i = 0; i < ePrev[b].length; i++) ePrev[b][i] = r.nextFloat() * 1e-3f;
        }
        float[] sT = new float[H * tp], s = new float[tp * HP], gT = new float[H * tp], z = new float[tp];
        for (int i = 0; i < sT.length; i++) sT[i] = (float) r.nextGaussian();
        for (int t = 0; t < T; t++) for (int j = 0; j < H; j++) s[t * HP + j] = (float) r.nextGaussian();
        double flop = 6.0 * C * H * T;
        for (int round = 0; round < rounds; round++) {
            long[] median = new long[2];
            for (int way = 0; way < 2; way++) { // 0: dV a pass of its own; 1: dV deferred into the pass
                long[] ts = new long[41];
                for (int k = 0; k < ts.length; k++) {
                    long t0 = System.nanoTime();
                    for (int b = 0; b < nb; b++) {
                        if (way == 1) dv(v[b], bw[b], H, HP, ePrev[b], tp, T, s, 1e-6f);
                        VectorProducts.logits(v[b], bw[b], H, sT, tp, e[b]);
                        VectorKernels.expInPlace(e[b], e[b].length, 0f);
                        VectorProducts.addColumnSums(e[b], bw[b], tp, z);
                        VectorProducts.addGradT(v[b], bw[b], H, e[b], tp, gT, b > 0);
                    }
                    if (way == 0) for (int b = 0; b < nb; b++) dv(v[b], bw[b], H, HP, ePrev[b], tp, T, s, 1e-6f);
                    ts[k] = System.nanoTime() - t0;
                }
                Arrays.sort(ts);
                median[way] = ts[ts.length / 2];
            }
            long[] part = new long[4];
            for (int k = 0; k < 20; k++) {
                long t0 = System.nanoTime();
                for (int b = 0; b < nb; b++) dv(v[b], bw[b], H, HP, ePrev[b], tp, T, s, 1e-6f);
                long t1 = System.nanoTime();
                for (int b = 0; b < nb; b++) VectorProducts.logits(v[b], bw[b], H, sT, tp, e[b]);
                long t2 = System.nanoTime();
                for (int b = 0; b < nb; b++) VectorKernels.expInPlace(e[b], e[b].length, 0f);
                long t3 = System.nanoTime();
                for (int b = 0; b < nb; b++) VectorProducts.addGradT(v[b], bw[b], H, e[b], tp, gT, b > 0);
                long t4 = System.nanoTime();
                part[0] += t1 - t0;
                part[1] += t2 - t1;
                part[2] += t3 - t2;
                part[3] += t4 - t3;
            }
            double third = flop / 3;
            System.out.printf("round %d: dV %.0f us (%.0f GFLOP/s), logits %.0f (%.0f), exp %.0f, E V %.0f (%.0f);"
                            + " dV a pass of its own %.0f us, deferred into the pass %.0f (%.3f)%n", round,
                    part[0] / 20e3, third * 20 / part[0], part[1] / 20e3, third * 20 / part[1], part[2] / 20e3,
                    part[3] / 20e3, third * 20 / part[3], median[0] / 1e3, median[1] / 1e3, (double) median[1] / median[0]);
        }
    }
}
