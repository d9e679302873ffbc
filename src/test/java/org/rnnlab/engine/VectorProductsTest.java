package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The full softmax's forward products in vectors against the same sums in double, at shapes with every kind of tile and tail. */
class VectorProductsTest {
    @BeforeAll
    static void withTheModule() {
        assumeTrue(Simd.on() && Simd.wide(), "the JVM has no " + Simd.MODULE + " or its vectors are narrower than 8 floats");
    }

    // words a block (6-word tiles and a last word alone, sweeps of 64 and a shorter one), H (6-row
    // tiles of G^T and rows alone), and vectors of rows (tiles of two vectors and a last one)
    private static final int[][] SHAPES = {{13, 100, 3}, {12, 100, 6}, {1, 7, 1}, {130, 61, 5}, {64, 6, 2}, {20, 101, 2}, {7, 9, 3}};

    @Test
    void logitsRowSumsAndGradientAgreeWithPlainSums() {
        SplittableRandom r = new SplittableRandom(5);
        for (int[] shape : SHAPES) {
            int bw = shape[0];
            int H = shape[1];
            int tp = shape[2] * VectorProducts.LANES;
            String at = "bw " + bw + ", H " + H + ", tp " + tp + ": ";
            float[] v = random(r, bw * H);
            float[] sT = random(r, H * tp);
            float[] e = new float[bw * tp];
            VectorProducts.logits(v, bw, H, sT, tp, e);
            for (int c = 0; c < bw; c++) {
                for (int t = 0; t < tp; t++) {
                    double sum = 0;
                    for (int j = 0; j < H; j++) {
                        sum += (double) v[c * H + j] * sT[j * tp + t];
                    }
                    assertEquals(sum, e[c * tp + t], 1e-5 * H, at + "logit " + c + ", " + t);
                }
            }
            float[] z = random(r, tp);
            float[] z0 = z.clone();
            VectorProducts.addColumnSums(e, bw, tp, z);
            boolean add = bw % 2 == 0; // onto G^T, or from zero
            float[] gT = random(r, H * tp);
            float[] gT0 = add ? gT.clone() : new float[H * tp];
            VectorProducts.addGradT(v, bw, H, e, tp, gT, add);
            for (int t = 0; t < tp; t++) {
                double sum = z0[t];
                for (int c = 0; c < bw; c++) {
                    sum += e[c * tp + t];
                }
                assertEquals(sum, z[t], 1e-5 * (bw + 1) * H, at + "row sum " + t);
                for (int j = 0; j < H; j++) {
                    double g = gT0[j * tp + t];
                    for (int c = 0; c < bw; c++) {
                        g += (double) v[c * H + j] * e[c * tp + t];
                    }
                    assertEquals(g, gT[j * tp + t], 1e-5 * (bw + 1) * H, at + "G^T " + j + ", " + t);
                }
            }
        }
    }

    private static float[] random(SplittableRandom r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextDouble() * 2 - 1);
        }
        return a;
    }
}
