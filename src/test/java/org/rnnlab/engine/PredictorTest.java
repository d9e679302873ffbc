package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rnnlab.common.UserException;

/** The incremental predictor equals forward propagation's last row after every word. */
class PredictorTest {
    @ParameterizedTest
    @EnumSource(Precision.class)
    void feedEqualsForwardsLastRow(Precision p) {
        RnnModel m = RnnModel.initialise(500, 16, 4, 10, p);
        m.V().muli(5.0); // a peaked distribution, not a flat 1/C
        m.W().muli(3.0);
        int[] x = {0, 17, 230, 17, 499, 3, 88};
        NextWordPredictor predictor = new NextWordPredictor(m);
        double tol = p == Precision.FLOAT64 ? 1e-12 : 1e-6;
        for (int round = 0; round < 2; round++) {
            for (int t = 0; t < x.length; t++) {
                double[] probabilities = predictor.feed(x[t]);
                assertEquals(500, probabilities.length);
                Forward f = m.forward(java.util.Arrays.copyOf(x, t + 1));
                double sum = 0;
                for (int c = 0; c < 500; c++) {
                    assertEquals(f.o().getDouble(t, c), probabilities[c], tol, "word " + t + ", class " + c);
                    sum += probabilities[c];
                }
                assertEquals(1.0, sum, 1e-12);
                assertEquals(f.s().getDouble(t, 5), predictor.state()[5], tol);
            }
            assertEquals(x.length, predictor.length());
            predictor.reset(); // the second round must repeat the first
            assertEquals(0, predictor.length());
        }
    }

    @ParameterizedTest
    @EnumSource(Precision.class)
    void aWordOutsideTheVocabularyIsAUserError(Precision p) {
        NextWordPredictor predictor = new NextWordPredictor(RnnModel.initialise(50, 4, 4, 1, p));
        assertThrows(UserException.class, () -> predictor.feed(50));
        assertThrows(UserException.class, () -> predictor.feed(-1));
    }
}
