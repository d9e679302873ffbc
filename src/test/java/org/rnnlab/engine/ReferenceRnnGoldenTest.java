package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java loops give the numbers the lesson's numpy loops wrote (src/test/python/reference_rnn.py golden), in float64. */
class ReferenceRnnGoldenTest {
    private static Map<String, double[][]> golden;

    @BeforeAll
    static void read() throws Exception {
        golden = GoldenRnnTest.readGolden("/golden/small_rnn.txt");
    }

    private static ReferenceRnn start() {
        return new ReferenceRnn(copy(golden.get("U0")), copy(golden.get("V0")), copy(golden.get("W0")), 4);
    }

    private static int[] indices(String name) {
        double[] row = golden.get(name)[0];
        int[] out = new int[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = (int) row[i];
        }
        return out;
    }

    @Test
    void lossesForwardAndBpttAtEveryTruncationAreNumpys() {
        ReferenceRnn m = start();
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        for (int i = 0; i < GoldenRnnTest.SENTENCES; i++) {
            xs.add(indices("x" + i));
            ys.add(indices("y" + i));
            assertEquals(golden.get("sentence_loss" + i)[0][0], m.calculateTotalLoss(List.of(xs.get(i)), List.of(ys.get(i))), 1e-12);
        }
        assertEquals(golden.get("mean_loss")[0][0], m.calculateLoss(xs, ys), 1e-12);
        assertClose(golden.get("forward0_s"), m.forwardPropagation(xs.get(0)).s(), "s");
        assertClose(golden.get("forward0_o"), m.forwardPropagation(xs.get(0)).o(), "o");
        for (Object[] k : new Object[][] {{"bptt4", 4}, {"bptt2", 2}, {"bptt0", 0}, {"bptt10", 10}, {"exact", 1000}}) {
            m.bpttTruncate = (Integer) k[1];
            double[][][] g = m.bptt(xs.get(2), ys.get(2));
            assertClose(golden.get(k[0] + "_dU"), g[0], k[0] + " dU");
            assertClose(golden.get(k[0] + "_dV"), g[1], k[0] + " dV");
            assertClose(golden.get(k[0] + "_dW"), g[2], k[0] + " dW");
        }
        m.bpttTruncate = 4;
        m.sgdStep(xs.get(2), ys.get(2), 0.05);
        assertClose(golden.get("sgd1_U"), m.U, "U after a step");
        assertClose(golden.get("sgd1_W"), m.W, "W after a step");
    }

    private static void assertClose(double[][] want, double[][] got, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            for (int j = 0; j < want[i].length; j++) {
                assertEquals(want[i][j], got[i][j], 1e-12 * (1 + Math.abs(want[i][j])), what + " [" + i + ", " + j + "]");
            }
        }
    }

    private static double[][] copy(double[][] a) {
        double[][] b = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i].clone();
        }
        return b;
    }
}
