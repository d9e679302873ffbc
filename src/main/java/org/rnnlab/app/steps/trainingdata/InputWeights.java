package org.rnnlab.app.steps.trainingdata;

import org.rnnlab.app.i18n.I18n;
import java.util.SplittableRandom;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;

/**
 * Where the Training data step gets a matrix U (H x C) from, to show that U x_t is column x_t of U.
 * Any fixed numbers make the point; the app shows the lesson's own initial U.
 */
public interface InputWeights {
    /** U as {@code hiddenDim} rows of {@code wordDim} values; the same arguments give the same numbers. */
    double[][] matrix(int hiddenDim, int wordDim);

    /** Where the numbers come from, in one line for the learner. */
    String origin();

    /**
     * U exactly as the lesson initialises it ({@code np.random.seed(10)}; numpy's legacy generator,
     * reproduced bit for bit by {@link RnnModel#initialise}). Loads ND4J: call it off the FX thread.
     */
    static InputWeights lesson() {
        return new InputWeights() {
            @Override
            public double[][] matrix(int hiddenDim, int wordDim) {
                return RnnModel.initialise(wordDim, hiddenDim, LessonDefaults.BPTT_TRUNCATE,
                        LessonDefaults.SEED, Precision.FLOAT64).U().toDoubleMatrix();
            }

            @Override
            public String origin() {
                return I18n.text("app.data.origin.lesson");
            }
        };
    }

    /**
     * Uniform in [-1/sqrt(C), +1/sqrt(C)] like the lesson's initialisation, from a seeded Java
     * generator (not numpy's stream: the values differ from the lesson's, the distribution does not).
     */
    static InputWeights seeded(long seed) {
        return new InputWeights() {
            @Override
            public double[][] matrix(int hiddenDim, int wordDim) {
                SplittableRandom rng = new SplittableRandom(seed);
                double bound = 1 / Math.sqrt(wordDim);
                double[][] u = new double[hiddenDim][wordDim];
                for (double[] row : u) {
                    for (int j = 0; j < wordDim; j++) {
                        row[j] = rng.nextDouble(-bound, bound);
                    }
                }
                return u;
            }

            @Override
            public String origin() {
                return I18n.text("app.data.origin.seeded", seed);
            }
        };
    }
}
