package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vector kernels against plain arithmetic, and a model on them against one on the plain loops.
 * The tests' JVM has the module (pom.xml's vector.flags); without it they are skipped, with the reason.
 */
class VectorKernelsTest {
    @BeforeAll
    static void withTheModule() {
        assumeTrue(ModuleLayer.boot().findModule(Simd.MODULE).isPresent(), "the JVM was started without " + Simd.MODULE);
    }

    @AfterEach
    void backToTheDefault() {
        Recurrence32.forceVector = null;
        Kernel.forceLane = null;
    }

    @Test
    void theTestsRunTheVectorKernels() throws InterruptedException {
        // the module is there, so the engine uses it once C2 has compiled the kernels, which the tests'
        // JVM waits for at the first use (pom.xml: rnnlab.vector.wait): every other engine test runs them
        assertTrue(Simd.on(), Simd.describe());
        assertTrue(Simd.awaitReady(60), "compiled within a minute: " + Simd.describe());
        assertTrue(Simd.ready());
        assertTrue(Simd.describe().startsWith("vector kernels (" + Simd.MODULE + "), " + VectorKernels.LANES + " floats a vector"),
                Simd.describe());
    }

    @Test
    void theWarmUpEndsWithTheKernelsCompiled() {
        // as the engine's daemon thread runs it: true only once its calls ran at compiled speed
        assertTrue(VectorKernels.warmUp());
    }

    @Test
    void addTimesIsWTimesSForAnySizeAndLeavesThePaddingAlone() {
        // sizes below one vector, one pass with its last vectors past the row, whole passes, and several passes
        for (int H : new int[] {1, 5, 16, 17, 100, 128, 129, 300}) {
            int P = VectorKernels.padded(H);
            assertTrue(P >= H && P % VectorKernels.LANES == 0 && P - H < VectorKernels.LANES, "padded " + H + ": " + P);
            SplittableRandom r = new SplittableRandom(H);
            float[] m = new float[H * P + VectorKernels.slack()];
            for (int j = 0; j < H; j++) {
                for (int i = 0; i < H; i++) {
                    m[j * P + i] = (float) r.nextDouble(-1, 1); // W^T, its padding 0
                }
            }
            for (int k = H * P; k < m.length; k++) {
                m[k] = 1e30f; // the slack is read, never used
            }
            int from = 3;
            float[] v = new float[from + H];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) r.nextDouble(-1, 1);
            }
            float[] out = new float[P + VectorKernels.slack()]; // the slack takes the pass's vectors past P, unread
            for (int i = 0; i < H; i++) {
                out[i] = (float) r.nextDouble(-1, 1);
            }
            float[] before = out.clone();
            VectorKernels.addTimes(m, H, P, v, from, out);
            for (int i = 0; i < H; i++) {
                double expected = before[i];
                for (int j = 0; j < H; j++) {
                    expected += (double) m[j * P + i] * v[from + j];
                }
                assertEquals(expected, out[i], 1e-6 * (1 + Math.sqrt(H)), "H " + H + ", row " + i);
            }
            for (int i = H; i < P; i++) {
                assertEquals(0f, out[i], 0f, "H " + H + ": the padding stays 0 at " + i);
            }
        }
    }

    @Test
    void tanhAgreesWithFastTanhAndKeepsItsClampsAndNaN() {
        int P = VectorKernels.padded(1000);
        float[] a = new float[P];
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < P; i++) {
            a[i] = (float) (i % 2 == 0 ? r.nextDouble(-12, 12) : r.nextGaussian() * 1e-3);
        }
        float[] special = {0f, 9f, -9f, 40f, -3e38f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1e-20f};
        System.arraycopy(special, 0, a, 0, special.length);
        float[] expected = a.clone();
        FastTanh.tanhInPlace(expected, 0, P);
        VectorKernels.tanhInPlace(a, P);
        for (int i = 0; i < P; i++) {
            if (Float.isNaN(expected[i])) {
                assertTrue(Float.isNaN(a[i]), "NaN stays NaN at " + i);
                continue;
            }
            // the same operations; a fused multiply-add may round once where the loop rounds twice
            assertEquals(expected[i], a[i], 2 * Math.ulp(expected[i]), "at " + i);
            assertTrue(Math.abs(a[i]) <= 1f, "never beyond 1: " + a[i]);
        }
    }

    @Test
    void expGivesFastExpsNumbersBitForBit() {
        // the same operations in the same order: any difference is a fault, however small
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[] {1, 15, 16, 37, 89, 1000}) {
            float[] a = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = (float) (i % 5 == 0 ? r.nextDouble(-200, 200) : r.nextDouble(-30, 30));
            }
            if (n > 8) {
                a[3] = Float.NaN;
                a[4] = Float.POSITIVE_INFINITY;
                a[5] = Float.NEGATIVE_INFINITY;
            }
            for (float shift : new float[] {0f, 12.5f}) {
                float[] expected = a.clone();
                FastExp.loops(expected, new float[n], 0, n, shift);
                float[] actual = a.clone();
                int done = VectorKernels.expInPlace(actual, n, shift);
                assertEquals(n - n % VectorKernels.LANES, done, "whole vectors only, n " + n);
                FastExp.loops(actual, new float[n], done, n, shift);
                for (int i = 0; i < n; i++) {
                    assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
                            "exp(" + a[i] + " - " + shift + "): " + expected[i] + " against " + actual[i]);
                }
            }
        }
    }

    @Test
    void outerSumsIsDTransposeSRowByRowWhateverTheUnits() {
        // dW = D^T S over steps 1..m: tiles of four rows, rows after them, the padding's columns zero, any m
        for (int H : new int[] {1, 6, 30, 100, 101}) {
            int P = VectorKernels.padded(H);
            for (int m : new int[] {0, 1, 44}) {
                SplittableRandom r = new SplittableRandom(H * 100 + m);
                float[] d = new float[(m + 1) * H];
                float[] sp = new float[Math.max(m, 1) * P];
                for (int k = 0; k < d.length; k++) {
                    d[k] = (float) r.nextDouble(-1, 1);
                }
                for (int k = 0; k < m; k++) {
                    for (int j = 0; j < H; j++) {
                        sp[k * P + j] = (float) r.nextDouble(-1, 1);
                    }
                }
                VectorKernels.OuterSums sums = new VectorKernels.OuterSums(H);
                sums.use(d, sp);
                float[][] whole = new float[H][P];
                sums.rows(m, 0, H, whole);
                float[][] units = new float[H][P];
                for (float[] row : units) {
                    java.util.Arrays.fill(row, Float.NaN); // every number is written
                }
                for (int i0 = 0; i0 < H; i0 += 7) {
                    sums.rows(m, i0, Math.min(H, i0 + 7), units);
                }
                for (int i = 0; i < H; i++) {
                    for (int j = 0; j < P; j++) {
                        double expected = 0;
                        for (int k = 0; k < m && j < H; k++) {
                            expected += (double) d[(k + 1) * H + i] * sp[k * P + j];
                        }
                        String at = "H " + H + ", m " + m + ", dW[" + i + "][" + j + "]";
                        assertEquals(expected, whole[i][j], 1e-5 * (1 + m), at);
                        assertEquals(Float.floatToIntBits(whole[i][j]), Float.floatToIntBits(units[i][j]), at + ": the same sums in units of seven rows");
                    }
                }
            }
        }
    }

    @Test
    void aModelOnTheVectorKernelsAgreesWithOneOnThePlainLoops() {
        // the same sums in another order: float32's rounding apart, the same gradients and steps, both output layers
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        RnnModelLaneTest.sentences(11, 12, xs, ys);
        for (boolean classBased : new boolean[] {false, true}) {
            RnnModelLaneTest.TwoWays two = RnnModelLaneTest.twoWays(classBased, xs, ys, k -> Recurrence32.forceVector = k == 0);
            RnnModel[] models = two.models();
            Gradients[] g = two.g();
            double[] loss = {models[0].totalLoss(xs, ys), models[1].totalLoss(xs, ys)};
            String way = classBased ? "class-based: " : "full softmax: ";
            RnnModelLaneTest.assertNear(g[0].dW(), g[1].dW(), way + "dW");
            RnnModelLaneTest.assertNear(g[0].dU(), g[1].dU(), way + "dU");
            RnnModelLaneTest.assertNear(g[0].dV(), g[1].dV(), way + "dV");
            RnnModelLaneTest.assertNear(models[0].W(), models[1].W(), way + "W");
            RnnModelLaneTest.assertNear(models[0].U(), models[1].U(), way + "U");
            RnnModelLaneTest.assertNear(models[0].V(), models[1].V(), way + "V");
            assertEquals(loss[1], loss[0], 1e-5 * loss[1], way + "loss after the steps");
        }
    }
}
