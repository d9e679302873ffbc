package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fast kernel (through {@link RnnModel}) against the lesson's loops ({@link ReferenceRnn}) on
 * random models and sentences, float64, to 1e-9: states, loss, the three gradients at random
 * truncations (both of the kernel's BPTT paths) and an SGD step. Sizes are chosen to take the
 * kernel's other paths too: two threads (C H >= 200,000), output row chunks (T beyond the rows
 * that fit 32 MB at C words) and the stable-softmax redo (row sums of exp beyond 1e280), each with
 * the logits block word-major and row-major.
 */
class ReferenceRnnDifferentialTest {
    private static final double TOLERANCE = 1e-9;

    @BeforeAll
    static void twoThreads() {
        EngineThreads.configure();
    }

    @AfterEach
    void laneBackOn() {
        Kernel.forceLane = null;
        Kernel.forceWordMajor = null;
    }

    @Test
    void smallRandomModelsAgree() {
        SplittableRandom r = new SplittableRandom(2015);
        for (int trial = 0; trial < 40; trial++) {
            int C = 2 + r.nextInt(300);
            int H = 1 + r.nextInt(40);
            int T = 1 + r.nextInt(30);
            ReferenceRnn ref = random(C, H, r, 1.0);
            compare(ref, sentences(C, 1 + r.nextInt(4), T, r), r.nextInt(T + 3), "trial " + trial);
        }
    }

    @Test
    void twoThreadsAndOneAgreeWithTheLoops() {
        SplittableRandom r = new SplittableRandom(7);
        int C = 5003; // odd, so that the two halves differ
        int H = 41;   // C H = 205,123: past the kernel's LANE_MIN_PARAMETERS
        assertTrue((long) C * H >= 200_000);
        ReferenceRnn ref = random(C, H, r, 1.0);
        for (boolean lane : new boolean[] {true, false}) {
            Kernel.forceLane = lane;
            compare(ref, sentences(C, 3, 12, r), 1 + r.nextInt(4), "lane " + lane);
        }
    }

    @Test
    void longSentencesInRowChunksAgree() {
        SplittableRandom r = new SplittableRandom(11);
        int C = 150_001;
        int H = 2;
        int maxRows = (int) Math.max(16, Math.min(4096, Kernel.MAX_BLOCK_BYTES / (C * 8L)));
        int T = 2 * maxRows + 5; // three output chunks
        ReferenceRnn ref = random(C, H, r, 1.0);
        Kernel.forceLane = true;
        compare(ref, sentences(C, 2, T, r), 3, "chunked, truncated");
        Kernel.forceLane = false;
        compare(ref, sentences(C, 1, T, r), T, "chunked, exact");
    }

    @Test
    void overflowingExpTakesTheStableSoftmaxAndAgrees() {
        SplittableRandom r = new SplittableRandom(3);
        int C = 40;
        int H = 4;
        ReferenceRnn ref = random(C, H, r, 1.0);
        for (int c = 0; c < C; c++) {
            for (int i = 0; i < H; i++) {
                ref.U[i][c] = 3 + r.nextDouble();      // s saturates near +1
                ref.V[c][i] = 200 + r.nextDouble();    // logits near 800: exp overflows, their differences do not
            }
        }
        List<int[]> xs = sentences(C, 2, 9, r);
        double[][] s = ref.forwardPropagation(xs.get(0)).s();
        double z = 0;
        for (int i = 0; i < H; i++) {
            z += ref.V[0][i] * s[0][i];
        }
        assertTrue(z > 710, "the logits must overflow exp for this test, but z = " + z);
        compare(ref, xs, 2, "overflow");
        for (int c = 0; c < C; c++) {
            for (int i = 0; i < H; i++) {
                ref.V[c][i] = -ref.V[c][i];            // and underflow
            }
        }
        compare(ref, xs, 8, "underflow");
    }

    /**
     * Loss, states, gradients at {@code truncate} and exact, and one SGD step: kernel against loops,
     * with the logits block laid out each way the kernel can (see Kernel's wordMajor).
     */
    private static void compare(ReferenceRnn ref, List<int[]> sentences, int truncate, String what) {
        for (boolean wordMajor : new boolean[] {true, false}) {
            Kernel.forceWordMajor = wordMajor;
            compareOnce(ref, sentences, truncate, what + (wordMajor ? ", word-major" : ", row-major"));
        }
        Kernel.forceWordMajor = null;
    }

    private static void compareOnce(ReferenceRnn ref, List<int[]> sentences, int truncate, String what) {
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        for (int[] w : sentences) {
            int[][] pair = ReferenceRnn.trainingPair(w);
            xs.add(pair[0]);
            ys.add(pair[1]);
        }
        RnnModel model = toModel(ref, truncate);
        String label = what + " (C = " + ref.wordDim + ", H = " + ref.hiddenDim + ", T = " + xs.get(0).length
                + ", truncate = " + truncate + ")";
        double want = ref.calculateTotalLoss(xs, ys);
        assertClose(want, model.totalLoss(xs, ys), label + ": total loss");
        assertClose(ref.calculateTotalLoss(List.of(xs.get(0)), List.of(ys.get(0))), model.sentenceLoss(xs.get(0), ys.get(0)),
                label + ": sentence loss");
        assertClose(ref.forwardPropagation(xs.get(0)).s(), model.forward(xs.get(0)).s(), label + ": s");
        for (int k : new int[] {truncate, Integer.MAX_VALUE}) {
            ref.bpttTruncate = k;
            double[][][] g = ref.bptt(xs.get(0), ys.get(0));
            Gradients fast = model.bptt(xs.get(0), ys.get(0), k);
            assertClose(g[0], fast.dU(), label + ": dU at " + k);
            assertClose(g[1], fast.dV(), label + ": dV at " + k);
            assertClose(g[2], fast.dW(), label + ": dW at " + k);
        }
        ref.bpttTruncate = truncate;
        ReferenceRnn stepped = copy(ref);
        stepped.sgdStep(xs.get(0), ys.get(0), 0.05);
        model.sgdStep(xs.get(0), ys.get(0), 0.05);
        assertClose(stepped.U, model.U(), label + ": U after a step");
        assertClose(stepped.V, model.V(), label + ": V after a step");
        assertClose(stepped.W, model.W(), label + ": W after a step");
    }

    static ReferenceRnn random(int C, int H, SplittableRandom r, double scale) {
        return new ReferenceRnn(fill(H, C, scale * Math.sqrt(1.0 / C), r), fill(C, H, scale * Math.sqrt(1.0 / H), r),
                fill(H, H, scale * Math.sqrt(1.0 / H), r), 4);
    }

    private static double[][] fill(int rows, int cols, double bound, SplittableRandom r) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int c = 0; c < cols; c++) {
                row[c] = r.nextDouble(-bound, bound);
            }
        }
        return a;
    }

    /** n sentences of T + 1 word indices (so T training pairs each); the first has exactly T pairs. */
    private static List<int[]> sentences(int C, int n, int T, SplittableRandom r) {
        List<int[]> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int length = k == 0 ? T + 1 : 2 + r.nextInt(T);
            out.add(r.ints(length, 0, C).toArray());
        }
        return out;
    }

    static RnnModel toModel(ReferenceRnn ref, int truncate) {
        return RnnModel.fromArrays(Nd4j.create(ref.U), Nd4j.create(ref.V), Nd4j.create(ref.W), truncate);
    }

    private static ReferenceRnn copy(ReferenceRnn m) {
        return new ReferenceRnn(deep(m.U), deep(m.V), deep(m.W), m.bpttTruncate);
    }

    private static double[][] deep(double[][] a) {
        double[][] b = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i].clone();
        }
        return b;
    }

    private static void assertClose(double want, double got, String what) {
        assertEquals(want, got, TOLERANCE * (1 + Math.abs(want)), what);
    }

    private static void assertClose(double[][] want, INDArray got, String what) {
        assertEquals(DataType.DOUBLE, got.dataType(), what);
        double scale = 1;
        double worst = 0;
        for (int i = 0; i < want.length; i++) {
            for (int j = 0; j < want[i].length; j++) {
                scale = Math.max(scale, Math.abs(want[i][j]));
                worst = Math.max(worst, Math.abs(want[i][j] - got.getDouble(i, j)));
            }
        }
        assertTrue(worst <= TOLERANCE * scale, what + ": largest difference " + worst + " (scale " + scale + ")");
    }
}
