package org.rnnlab.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The full softmax's two forward products for a block of words, on the Java heap through JDK 17's
 * incubating Vector API, for CPUs whose OpenBLAS kernel packs its operands at every call (Haswell's
 * and Zen's, the AVX2 machines): only loaded when {@link Simd#on()}, as {@link VectorKernels}.
 *
 * <p>Why: at the step's shapes (a block of words x T 45 x H 100) OpenBLAS 0.3.19's Haswell kernel
 * spends much of each call packing V's block; it ran E V (G) at 58 GFLOP/s and the logits at 77 on
 * one thread of an AMD EPYC whose large sgemm makes 107 (AVX2 only: {@code -XX:UseAVX=2}, Haswell's
 * kernel). Here a tile of sums stays in twelve vector registers while its operands stream from the
 * core's first cache: 85 GFLOP/s for G, 93 for the logits, at a half of 4,000 words in sweeps of 60
 * (rows padded from 45 to 48 counted). The SkylakeX kernel's small-matrix
 * path skips packing and reaches 100-108, so with it these are not used.
 *
 * <p>Layouts (all row-major float arrays): v is a block of bw words of V (bw x H); sT is S^T
 * (H x tp); e is the block's logits word-major (bw x tp: a word's tp logits together); gT is G^T
 * (H x tp). tp is the chunk's rows rounded up to whole vectors; the columns past the chunk's
 * rows are computed and never read. The tiles (six words or rows by two vectors) are sized for
 * AVX2's sixteen vector registers.
 */
final class VectorProducts {
    /**
     * The species {@link VectorKernels} use too: with a second one in the JVM (SPECIES_256 beside
     * AVX-512's preferred 512) C2 no longer knew the vectors' class in these loops, and every vector
     * became an object (35 us a call at the warm-up's shape against 2.6).
     */
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Floats a vector (8 with AVX2, 16 with AVX-512); tp is a multiple of it. */
    static final int LANES = F.length();
    /**
     * Words whose rows of V (24 KB at H 100) and logits (11 KB at 48 rows) stay in the first cache while
     * the tiles go over them: whole tiles of six words. E V alone ran at 97 GFLOP/s in sweeps of 64
     * words against 48 in one sweep of 1,024, whose operands every tile streamed again from L2.
     */
    static final int WORDS_A_SWEEP = 60;

    private VectorProducts() {
    }

    /** n rounded up to whole vectors. */
    static int padded(int n) {
        return (n + LANES - 1) / LANES * LANES;
    }

    /** e = v sT: the logits of bw words (e: bw x tp) from V's block (bw x H) and S^T (H x tp). */
    static void logits(float[] v, int bw, int H, float[] sT, int tp, float[] e) {
        int c = 0;
        for (; c + 6 <= bw; c += 6) {
            int t = 0;
            for (; t + 2 * LANES <= tp; t += 2 * LANES) {
                logits6x16(v, c * H, H, sT, tp, t, e, c * tp + t);
            }
            if (t < tp) {
                logits6x8(v, c * H, H, sT, tp, t, e, c * tp + t);
            }
        }
        for (; c < bw; c++) { // the block's last words, one at a time
            for (int t = 0; t < tp; t += LANES) {
                FloatVector a = FloatVector.zero(F);
                for (int j = 0, vr = c * H; j < H; j++) {
                    a = FloatVector.fromArray(F, sT, j * tp + t).fma(FloatVector.broadcast(F, v[vr + j]), a);
                }
                a.intoArray(e, c * tp + t);
            }
        }
    }

    /** Six words' logits at two vectors of rows: twelve sums in registers over the H products. */
    private static void logits6x16(float[] v, int vr, int H, float[] sT, int tp, int t, float[] e, int at) {
        FloatVector a00 = FloatVector.zero(F);
        FloatVector a01 = FloatVector.zero(F);
        FloatVector a10 = FloatVector.zero(F);
        FloatVector a11 = FloatVector.zero(F);
        FloatVector a20 = FloatVector.zero(F);
        FloatVector a21 = FloatVector.zero(F);
        FloatVector a30 = FloatVector.zero(F);
        FloatVector a31 = FloatVector.zero(F);
        FloatVector a40 = FloatVector.zero(F);
        FloatVector a41 = FloatVector.zero(F);
        FloatVector a50 = FloatVector.zero(F);
        FloatVector a51 = FloatVector.zero(F);
        for (int j = 0; j < H; j++) {
            FloatVector b0 = FloatVector.fromArray(F, sT, j * tp + t);
            FloatVector b1 = FloatVector.fromArray(F, sT, j * tp + t + LANES);
            FloatVector x0 = FloatVector.broadcast(F, v[vr + j]);
            a00 = b0.fma(x0, a00);
            a01 = b1.fma(x0, a01);
            FloatVector x1 = FloatVector.broadcast(F, v[vr + H + j]);
            a10 = b0.fma(x1, a10);
            a11 = b1.fma(x1, a11);
            FloatVector x2 = FloatVector.broadcast(F, v[vr + 2 * H + j]);
            a20 = b0.fma(x2, a20);
            a21 = b1.fma(x2, a21);
            FloatVector x3 = FloatVector.broadcast(F, v[vr + 3 * H + j]);
            a30 = b0.fma(x3, a30);
            a31 = b1.fma(x3, a31);
            FloatVector x4 = FloatVector.broadcast(F, v[vr + 4 * H + j]);
            a40 = b0.fma(x4, a40);
            a41 = b1.fma(x4, a41);
            FloatVector x5 = FloatVector.broadcast(F, v[vr + 5 * H + j]);
            a50 = b0.fma(x5, a50);
            a51 = b1.fma(x5, a51);
        }
        a00.intoArray(e, at);
        a01.intoArray(e, at + LANES);
        a10.intoArray(e, at + tp);
        a11.intoArray(e, at + tp + LANES);
        a20.intoArray(e, at + 2 * tp);
        a21.intoArray(e, at + 2 * tp + LANES);
        a30.intoArray(e, at + 3 * tp);
        a31.intoArray(e, at + 3 * tp + LANES);
        a40.intoArray(e, at + 4 * tp);
        a41.intoArray(e, at + 4 * tp + LANES);
        a50.intoArray(e, at + 5 * tp);
        a51.intoArray(e, at + 5 * tp + LANES);
    }

    /** Six words' logits at the last vector of rows. */
    private static void logits6x8(float[] v, int vr, int H, float[] sT, int tp, int t, float[] e, int at) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = FloatVector.zero(F);
        FloatVector a2 = FloatVector.zero(F);
        FloatVector a3 = FloatVector.zero(F);
        FloatVector a4 = FloatVector.zero(F);
        FloatVector a5 = FloatVector.zero(F);
        for (int j = 0; j < H; j++) {
            FloatVector b = FloatVector.fromArray(F, sT, j * tp + t);
            a0 = b.fma(FloatVector.broadcast(F, v[vr + j]), a0);
            a1 = b.fma(FloatVector.broadcast(F, v[vr + H + j]), a1);
            a2 = b.fma(FloatVector.broadcast(F, v[vr + 2 * H + j]), a2);
            a3 = b.fma(FloatVector.broadcast(F, v[vr + 3 * H + j]), a3);
            a4 = b.fma(FloatVector.broadcast(F, v[vr + 4 * H + j]), a4);
            a5 = b.fma(FloatVector.broadcast(F, v[vr + 5 * H + j]), a5);
        }
        a0.intoArray(e, at);
        a1.intoArray(e, at + tp);
        a2.intoArray(e, at + 2 * tp);
        a3.intoArray(e, at + 3 * tp);
        a4.intoArray(e, at + 4 * tp);
        a5.intoArray(e, at + 5 * tp);
    }

    /** z[t] += sum over the block's words of e[c][t], for t < tp. */
    static void addColumnSums(float[] e, int bw, int tp, float[] z) {
        for (int t = 0; t < tp; t += LANES) {
            FloatVector a = FloatVector.fromArray(F, z, t);
            for (int c = 0, i = t; c < bw; c++, i += tp) {
                a = a.add(FloatVector.fromArray(F, e, i));
            }
            a.intoArray(z, t);
        }
    }

    /**
     * gT = v^T e, or gT += v^T e when {@code add}: G^T (H x tp) gains the words' E V, summed over bw
     * words {@link #WORDS_A_SWEEP} at a time.
     */
    static void addGradT(float[] v, int bw, int H, float[] e, int tp, float[] gT, boolean add) {
        for (int c0 = 0; c0 < bw; c0 += WORDS_A_SWEEP) {
            boolean from = add || c0 > 0; // whether the sums start from gT (else from zero)
            int c1 = Math.min(bw, c0 + WORDS_A_SWEEP);
            int j = 0;
            for (; j + 6 <= H; j += 6) {
                int t = 0;
                for (; t + 2 * LANES <= tp; t += 2 * LANES) {
                    grad6x16(v, H, e, tp, c0, c1, j, t, gT, from);
                }
                if (t < tp) {
                    grad6x8(v, H, e, tp, c0, c1, j, t, gT, from);
                }
            }
            // the last rows of G^T (4 at H 100): four at a time where there are, four chains of
            // multiply-adds side by side (one row at a time, each a single chain waiting on its last
            // step, E V ran at 75 GFLOP/s instead of 91 on one thread at the step's shapes)
            for (; j + 4 <= H; j += 4) {
                for (int t = 0; t < tp; t += LANES) {
                    grad4x8(v, H, e, tp, c0, c1, j, t, gT, from);
                }
            }
            for (; j < H; j++) {
                for (int t = 0; t < tp; t += LANES) {
                    FloatVector a = start(from, gT, j * tp + t);
                    for (int c = c0; c < c1; c++) {
                        a = FloatVector.fromArray(F, e, c * tp + t).fma(FloatVector.broadcast(F, v[c * H + j]), a);
                    }
                    a.intoArray(gT, j * tp + t);
                }
            }
        }
    }

    /** Four rows of G^T at one vector of columns, over words [c0, c1). */
    private static void grad4x8(float[] v, int H, float[] e, int tp, int c0, int c1, int j, int t, float[] gT, boolean from) {
        int at = j * tp + t;
        FloatVector a0 = start(from, gT, at);
        FloatVector a1 = start(from, gT, at + tp);
        FloatVector a2 = start(from, gT, at + 2 * tp);
        FloatVector a3 = start(from, gT, at + 3 * tp);
        for (int c = c0, vr = c0 * H + j, er = c0 * tp + t; c < c1; c++, vr += H, er += tp) {
            FloatVector b = FloatVector.fromArray(F, e, er);
            a0 = b.fma(FloatVector.broadcast(F, v[vr]), a0);
            a1 = b.fma(FloatVector.broadcast(F, v[vr + 1]), a1);
            a2 = b.fma(FloatVector.broadcast(F, v[vr + 2]), a2);
            a3 = b.fma(FloatVector.broadcast(F, v[vr + 3]), a3);
        }
        a0.intoArray(gT, at);
        a1.intoArray(gT, at + tp);
        a2.intoArray(gT, at + 2 * tp);
        a3.intoArray(gT, at + 3 * tp);
    }

    /** gT's vector at {@code at}, or zeros. */
    private static FloatVector start(boolean from, float[] gT, int at) {
        return from ? FloatVector.fromArray(F, gT, at) : FloatVector.zero(F);
    }

    /** Six rows of G^T at two vectors of columns, over words [c0, c1). */
    private static void grad6x16(float[] v, int H, float[] e, int tp, int c0, int c1, int j, int t, float[] gT, boolean from) {
        int at = j * tp + t;
        FloatVector a00 = start(from, gT, at);
        FloatVector a01 = start(from, gT, at + LANES);
        FloatVector a10 = start(from, gT, at + tp);
        FloatVector a11 = start(from, gT, at + tp + LANES);
        FloatVector a20 = start(from, gT, at + 2 * tp);
        FloatVector a21 = start(from, gT, at + 2 * tp + LANES);
        FloatVector a30 = start(from, gT, at + 3 * tp);
        FloatVector a31 = start(from, gT, at + 3 * tp + LANES);
        FloatVector a40 = start(from, gT, at + 4 * tp);
        FloatVector a41 = start(from, gT, at + 4 * tp + LANES);
        FloatVector a50 = start(from, gT, at + 5 * tp);
        FloatVector a51 = start(from, gT, at + 5 * tp + LANES);
        for (int c = c0, vr = c0 * H + j, er = c0 * tp + t; c < c1; c++, vr += H, er += tp) {
            FloatVector b0 = FloatVector.fromArray(F, e, er);
            FloatVector b1 = FloatVector.fromArray(F, e, er + LANES);
            FloatVector x0 = FloatVector.broadcast(F, v[vr]);
            a00 = b0.fma(x0, a00);
            a01 = b1.fma(x0, a01);
            FloatVector x1 = FloatVector.broadcast(F, v[vr + 1]);
            a10 = b0.fma(x1, a10);
            a11 = b1.fma(x1, a11);
            FloatVector x2 = FloatVector.broadcast(F, v[vr + 2]);
            a20 = b0.fma(x2, a20);
            a21 = b1.fma(x2, a21);
            FloatVector x3 = FloatVector.broadcast(F, v[vr + 3]);
            a30 = b0.fma(x3, a30);
            a31 = b1.fma(x3, a31);
            FloatVector x4 = FloatVector.broadcast(F, v[vr + 4]);
            a40 = b0.fma(x4, a40);
            a41 = b1.fma(x4, a41);
            FloatVector x5 = FloatVector.broadcast(F, v[vr + 5]);
            a50 = b0.fma(x5, a50);
            a51 = b1.fma(x5, a51);
        }
        a00.intoArray(gT, at);
        a01.intoArray(gT, at + LANES);
        a10.intoArray(gT, at + tp);
        a11.intoArray(gT, at + tp + LANES);
        a20.intoArray(gT, at + 2 * tp);
        a21.intoArray(gT, at + 2 * tp + LANES);
        a30.intoArray(gT, at + 3 * tp);
        a31.intoArray(gT, at + 3 * tp + LANES);
        a40.intoArray(gT, at + 4 * tp);
        a41.intoArray(gT, at + 4 * tp + LANES);
        a50.intoArray(gT, at + 5 * tp);
        a51.intoArray(gT, at + 5 * tp + LANES);
    }

    /** Six rows of G^T at the last vector of columns, over words [c0, c1). */
    private static void grad6x8(float[] v, int H, float[] e, int tp, int c0, int c1, int j, int t, float[] gT, boolean from) {
        int at = j * tp + t;
        FloatVector a0 = start(from, gT, at);
        FloatVector a1 = start(from, gT, at + tp);
        FloatVector a2 = start(from, gT, at + 2 * tp);
        FloatVector a3 = start(from, gT, at + 3 * tp);
        FloatVector a4 = start(from, gT, at + 4 * tp);
        FloatVector a5 = start(from, gT, at + 5 * tp);
        for (int c = c0, vr = c0 * H + j, er = c0 * tp + t; c < c1; c++, vr += H, er += tp) {
            FloatVector b = FloatVector.fromArray(F, e, er);
            a0 = b.fma(FloatVector.broadcast(F, v[vr]), a0);
            a1 = b.fma(FloatVector.broadcast(F, v[vr + 1]), a1);
            a2 = b.fma(FloatVector.broadcast(F, v[vr + 2]), a2);
            a3 = b.fma(FloatVector.broadcast(F, v[vr + 3]), a3);
            a4 = b.fma(FloatVector.broadcast(F, v[vr + 4]), a4);
            a5 = b.fma(FloatVector.broadcast(F, v[vr + 5]), a5);
        }
        a0.intoArray(gT, at);
        a1.intoArray(gT, at + tp);
        a2.intoArray(gT, at + 2 * tp);
        a3.intoArray(gT, at + 3 * tp);
        a4.intoArray(gT, at + 4 * tp);
        a5.intoArray(gT, at + 5 * tp);
    }
}
