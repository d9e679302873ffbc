package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The engine against src/test/resources/golden/small_rnn.txt, written by the numpy reference
 * (src/test/python/reference_rnn.py, the lesson's own loops) for C = 30, H = 7, seed 10: float64
 * must agree to 1e-9, float32 to 1e-5 (relative to the value's size when above 1).
 */
class GoldenRnnTest {
    static Map<String, double[][]> golden;
    static final int SENTENCES = 6;

    @BeforeAll
    static void read() throws IOException {
        golden = readGolden("/golden/small_rnn.txt");
    }

    static Map<String, double[][]> readGolden(String resource) throws IOException {
        Map<String, double[][]> map = new HashMap<>();
        try (InputStream in = GoldenRnnTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " missing");
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("#") || lines[i].isBlank()) {
                    continue;
                }
                String[] head = lines[i].trim().split(" ");
                int rows = Integer.parseInt(head[1]);
                int cols = Integer.parseInt(head[2]);
                String[] values = lines[++i].trim().split(" ");
                assertEquals(rows * cols, values.length, head[0]);
                double[][] a = new double[rows][cols];
                for (int k = 0; k < values.length; k++) {
                    a[k / cols][k % cols] = Double.parseDouble(values[k]);
                }
                map.put(head[0], a);
            }
        }
        return map;
    }

    static double tolerance(Precision p) {
        return p == Precision.FLOAT64 ? 1e-9 : 1e-5;
    }

    static void assertClose(String what, double expected, double actual, double tol) {
        double scale = Math.max(1.0, Math.abs(expected));
        assertTrue(Math.abs(expected - actual) <= tol * scale,
                what + ": expected " + expected + " but got " + actual + " (tolerance " + tol * scale + ")");
    }

    static void assertClose(String what, double[][] expected, INDArray actual, double tol) {
        assertEquals(expected.length, actual.rows(), what + " rows");
        assertEquals(expected[0].length, actual.columns(), what + " columns");
        double[][] got = actual.castTo(DataType.DOUBLE).toDoubleMatrix();
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertClose(what + "[" + i + "," + j + "]", expected[i][j], got[i][j], tol);
            }
        }
    }

    static int[] ints(String name) {
        double[] row = golden.get(name)[0];
        int[] out = new int[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = (int) row[i];
        }
        return out;
    }

    static RnnModel model(Precision p, int bpttTruncate) {
        INDArray U = Nd4j.createFromArray(golden.get("U0")).castTo(p.dataType());
        INDArray V = Nd4j.createFromArray(golden.get("V0")).castTo(p.dataType());
        INDArray W = Nd4j.createFromArray(golden.get("W0")).castTo(p.dataType());
        return RnnModel.fromArrays(U, V, W, bpttTruncate);
    }

    static List<int[]> xs() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < SENTENCES; i++) {
            out.add(ints("x" + i));
        }
        return out;
    }

    static List<int[]> ys() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < SENTENCES; i++) {
            out.add(ints("y" + i));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void seededInitialisationIsNumpys(Precision p) {
        RnnModel m = RnnModel.initialise(30, 7, 4, 10, p);
        double tol = p == Precision.FLOAT64 ? 0.0 : 1e-7;
        assertClose("U", golden.get("U0"), m.U(), tol);
        assertClose("V", golden.get("V0"), m.V(), tol);
        assertClose("W", golden.get("W0"), m.W(), tol);
        assertEquals(p, m.precision());
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void lossesMatch(Precision p) {
        RnnModel m = model(p, 4);
        double tol = tolerance(p);
        for (int i = 0; i < SENTENCES; i++) {
            assertClose("sentence " + i, golden.get("sentence_loss" + i)[0][0], m.sentenceLoss(ints("x" + i), ints("y" + i)), tol);
        }
        assertClose("total", golden.get("total_loss")[0][0], m.totalLoss(xs(), ys()), tol);
        assertClose("mean", golden.get("mean_loss")[0][0], m.meanLoss(xs(), ys()), tol);
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void forwardAndPredictMatch(Precision p) {
        RnnModel m = model(p, 4);
        Forward f = m.forward(ints("x0"));
        assertClose("o", golden.get("forward0_o"), f.o(), tolerance(p));
        assertClose("s", golden.get("forward0_s"), f.s(), tolerance(p));
        assertArrayEquals(ints("predict2"), m.predict(ints("x2")));
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void gradientsMatchAtEveryTruncation(Precision p) {
        RnnModel m = model(p, 4);
        int[] x = ints("x2");
        int[] y = ints("y2");
        String[] names = {"bptt4", "bptt2", "bptt0", "bptt10", "exact"};
        int[] ks = {4, 2, 0, 10, 1000};
        for (int n = 0; n < names.length; n++) {
            Gradients g = m.bptt(x, y, ks[n]);
            assertClose(names[n] + " dU", golden.get(names[n] + "_dU"), g.dU(), tolerance(p));
            assertClose(names[n] + " dV", golden.get(names[n] + "_dV"), g.dV(), tolerance(p));
            assertClose(names[n] + " dW", golden.get(names[n] + "_dW"), g.dW(), tolerance(p));
        }
        Gradients byDefault = m.bptt(x, y);
        assertClose("default truncation is the model's", golden.get("bptt4_dW"), byDefault.dW(), tolerance(p));
        // bpttTruncate = T - 1 reaches t = 0 from every t: the exact gradient
        assertClose("T-1 is exact", golden.get("exact_dW"), m.bptt(x, y, x.length - 1).dW(), tolerance(p));
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void oneSgdStepMatches(Precision p) {
        RnnModel m = model(p, 4);
        double loss = m.sgdStep(ints("x2"), ints("y2"), 0.05);
        assertClose("loss before the step", golden.get("sentence_loss2")[0][0], loss, tolerance(p));
        assertClose("U", golden.get("sgd1_U"), m.U(), tolerance(p));
        assertClose("V", golden.get("sgd1_V"), m.V(), tolerance(p));
        assertClose("W", golden.get("sgd1_W"), m.W(), tolerance(p));
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void tenStepTrajectoryMatches(Precision p) {
        RnnModel m = model(p, 4);
        double[] losses = golden.get("trajectory_losses")[0];
        for (int step = 0; step < 10; step++) {
            int i = step % SENTENCES;
            assertClose("loss at step " + step, losses[step], m.sgdStep(ints("x" + i), ints("y" + i), 0.05), tolerance(p));
        }
        assertClose("U", golden.get("trajectory_U"), m.U(), tolerance(p));
        assertClose("V", golden.get("trajectory_V"), m.V(), tolerance(p));
        assertClose("W", golden.get("trajectory_W"), m.W(), tolerance(p));
        assertClose("mean loss after", golden.get("trajectory_mean_loss")[0][0], m.meanLoss(xs(), ys()), tolerance(p));
    }
}
