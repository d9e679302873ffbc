package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeltaFlowTest {
    private static final Path LESSON_MODEL = Path.of("../shared/data/trained-model-theano.npz");

    /**
     * delta_k is dL_t / da_k, the derivative of output t's loss by the pre-activation a_k = U x_k +
     * W s_(k-1): nudging a_k[i] by +-h and running the forward pass again must give the same norm.
     */
    @Test
    void perLagNormsMatchADirectNumericalDerivative() {
        SplittableRandom r = new SplittableRandom(5);
        ReferenceRnn ref = ReferenceRnnDifferentialTest.random(25, 6, r, 3.0);
        int[] x = {0, 4, 9, 13, 2, 20, 7, 7, 11};
        int[] y = {4, 9, 13, 2, 20, 7, 7, 11, 1};
        for (int t : new int[] {8, 5, 0}) {
            DeltaFlow.Result flow = DeltaFlow.of(ref, x, y, t, 4);
            assertEquals(t + 1, flow.lags().size());
            for (DeltaFlow.Lag lag : flow.lags()) {
                double[] numeric = new double[ref.hiddenDim];
                for (int i = 0; i < ref.hiddenDim; i++) {
                    double h = 1e-5;
                    numeric[i] = (lossWithNudge(ref, x, y, t, lag.step(), i, h) - lossWithNudge(ref, x, y, t, lag.step(), i, -h)) / (2 * h);
                }
                double want = DeltaFlow.norm(numeric);
                assertEquals(want, lag.deltaNorm(), 1e-6 * Math.max(want, 1e-3), "t = " + t + ", lag " + lag.lag());
                assertEquals(lag.lag() > 4, lag.cut());
                assertEquals(t - lag.lag(), lag.step());
                assertEquals(x[lag.step()], lag.word());
            }
            double shares = flow.lags().stream().mapToDouble(DeltaFlow.Lag::shareOfU).sum();
            assertEquals(1.0, shares, 1e-12);
            assertEquals(t <= 4, flow.truncationErrorU() == 0.0, "nothing is cut when t <= 4");
        }
    }

    @Test
    void aClassBasedModelsDeltaIsThatOfItsOwnOutputLayer() {
        // one word: dL/dU's column x_0 is the delta at lag 0, so its norm is the engine's backpropagation's
        long[] counts = new long[60];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.max(1, 1000 / (i + 1));
        }
        RnnModel classBased = RnnModel.initialiseClassBased(60, 8, 4, 3, Precision.FLOAT64, WordClasses.byFrequency(counts, 8));
        RnnModel full = RnnModel.initialise(60, 8, 4, 3, Precision.FLOAT64);
        int[] x = {7};
        int[] y = {42};
        for (RnnModel m : List.of(full, classBased)) {
            double engine = m.bptt(x, y).dU().getColumn(x[0]).norm2Number().doubleValue();
            double flow = DeltaFlow.of(m, x, y, 0, 4).lags().get(0).deltaNorm();
            assertEquals(engine, flow, 1e-12 * engine, m.classes() == null ? "full softmax" : "class-based");
        }
        double asIfFull = DeltaFlow.of(ReferenceRnn.of(classBased), x, y, 0, 4).lags().get(0).deltaNorm();
        assertTrue(Math.abs(asIfFull - classBased.bptt(x, y).dU().getColumn(x[0]).norm2Number().doubleValue()) > 1e-6,
                "a softmax over all of V would have given another delta: " + asIfFull);
    }

    @Test
    void theLargestSingularValueOfADiagonalMatrixIsItsLargestEntry() {
        double[][] w = {{0.5, 0, 0}, {0, -2.5, 0}, {0, 0, 1}};
        assertEquals(2.5, DeltaFlow.largestSingularValue(w), 1e-9);
        double[][] rotation = {{0, -3}, {3, 0}};
        assertEquals(3, DeltaFlow.largestSingularValue(rotation), 1e-9);
    }

    @Test
    void onTheLessonsTrainedModelTheDeltaFallsWithTheLag() {
        assumeTrue(Files.isRegularFile(LESSON_MODEL), "the lesson's model " + LESSON_MODEL + " is absent (a clone without ../shared)");
        RnnModel m = ModelFile.load(LESSON_MODEL).model();
        int[] words = {0, 12, 7, 431, 9, 55, 3, 18, 200, 17, 6, 4, 21, 1};
        int[][] pair = ReferenceRnn.trainingPair(words);
        DeltaFlow.Result flow = DeltaFlow.of(ReferenceRnn.of(m), pair[0], pair[1], 12, 4);
        List<DeltaFlow.Lag> lags = flow.lags();
        for (int lag = 1; lag <= 5; lag++) {
            assertTrue(lags.get(lag).deltaNorm() < lags.get(lag - 1).deltaNorm(), "lag " + lag + ": " + lags);
        }
        assertTrue(lags.get(12).deltaNorm() < lags.get(0).deltaNorm() / 100, lags.toString());
        assertTrue(flow.truncationErrorW() > 0 && flow.truncationErrorW() < 0.2, "" + flow.truncationErrorW());
    }

    /** -ln o_t[y_t] with a_step[i] nudged by h. */
    private static double lossWithNudge(ReferenceRnn ref, int[] x, int[] y, int t, int step, int i, double h) {
        int H = ref.hiddenDim;
        double[] prev = new double[H];
        double[] s = null;
        for (int k = 0; k <= t; k++) {
            s = new double[H];
            for (int a = 0; a < H; a++) {
                double v = ref.U[a][x[k]];
                for (int b = 0; b < H; b++) {
                    v += ref.W[a][b] * prev[b];
                }
                if (k == step && a == i) {
                    v += h;
                }
                s[a] = Math.tanh(v);
            }
            prev = s;
        }
        double[] z = new double[ref.wordDim];
        for (int c = 0; c < ref.wordDim; c++) {
            for (int b = 0; b < H; b++) {
                z[c] += ref.V[c][b] * s[b];
            }
        }
        return -Math.log(ReferenceRnn.softmax(z)[y[t]]);
    }
}
