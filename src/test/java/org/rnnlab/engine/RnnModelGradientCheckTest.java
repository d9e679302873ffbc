package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Backpropagation against central differences of the total loss, every element, float64, exact BPTT. */
class RnnModelGradientCheckTest {
    @Test
    void exactBpttMatchesNumericalGradients() {
        RnnModel m = RnnModel.initialise(12, 5, 1000, 10, Precision.FLOAT64);
        m.V().muli(3.0); // livelier gradients than the tiny initial ones
        m.W().muli(3.0);
        int[] x = {0, 4, 7, 4, 9, 2, 11};
        int[] y = {4, 7, 4, 9, 2, 11, 1};
        Gradients g = m.bptt(x, y);
        check("U", m, m.U(), g.dU(), x, y);
        check("V", m, m.V(), g.dV(), x, y);
        check("W", m, m.W(), g.dW(), x, y);
    }

    @Test
    void theLessonsCheckPassesOnItsOwnSetting() {
        // TUTORIAL section 6: C = 100, H = 10, x = [0,1,2,3], y = [1,2,3,4], seed 10, h = 0.001, threshold 0.01
        RnnModel m = RnnModel.initialise(100, 10, 1000, 10, Precision.FLOAT64);
        int[] x = {0, 1, 2, 3};
        int[] y = {1, 2, 3, 4};
        Gradients g = m.bptt(x, y);
        INDArray[] params = {m.U(), m.V(), m.W()};
        INDArray[] grads = {g.dU(), g.dV(), g.dW()};
        for (int p = 0; p < 3; p++) {
            INDArray theta = params[p];
            for (int i = 0; i < theta.rows(); i++) {
                for (int j = 0; j < theta.columns(); j++) {
                    double original = theta.getDouble(i, j);
                    theta.putScalar(i, j, original + 1e-3);
                    double plus = m.sentenceLoss(x, y);
                    theta.putScalar(i, j, original - 1e-3);
                    double minus = m.sentenceLoss(x, y);
                    theta.putScalar(i, j, original);
                    double estimate = (plus - minus) / 2e-3;
                    double backprop = grads[p].getDouble(i, j);
                    double denominator = Math.abs(backprop) + Math.abs(estimate);
                    double relative = denominator == 0 ? 0 : Math.abs(backprop - estimate) / denominator;
                    assertTrue(relative < 0.01, "parameter " + p + " [" + i + "," + j + "]: " + backprop + " vs " + estimate);
                }
            }
        }
    }

    private static void check(String name, RnnModel m, INDArray theta, INDArray grad, int[] x, int[] y) {
        double h = 1e-5;
        for (int i = 0; i < theta.rows(); i++) {
            for (int j = 0; j < theta.columns(); j++) {
                double original = theta.getDouble(i, j);
                theta.putScalar(i, j, original + h);
                double plus = m.sentenceLoss(x, y);
                theta.putScalar(i, j, original - h);
                double minus = m.sentenceLoss(x, y);
                theta.putScalar(i, j, original);
                double estimate = (plus - minus) / (2 * h);
                double backprop = grad.getDouble(i, j);
                double error = Math.abs(backprop - estimate);
                assertTrue(error <= 1e-7 + 1e-6 * Math.abs(estimate),
                        name + "[" + i + "," + j + "]: backprop " + backprop + ", estimate " + estimate);
            }
        }
    }
}
