package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnnlab.common.UserException;

/** The lesson's generation rule. Indices: 0 = SENTENCE_START, 1 = SENTENCE_END, C-1 = UNKNOWN_TOKEN. */
class GeneratorTest {
    static final int C = 40;
    static final int START = 0;
    static final int END = 1;
    static final int UNKNOWN = C - 1;

    static GenerationOptions options(int min, int max, double temperature) {
        return new GenerationOptions(min, max, temperature, START, END, UNKNOWN);
    }

    @Test
    void neverEmitsUnknownAndCountsTheRedraws() {
        // W = 0 and U = 0 except column START: after START, s = tanh(1) everywhere and V's UNKNOWN row
        // of ones gives UNKNOWN the logit 6 tanh(1) = 4.6 against 0 for the rest (P about 0.7);
        // after any other word s = 0 and every word has probability 1/C
        RnnModel m = RnnModel.initialise(C, 6, 4, 10, Precision.FLOAT64);
        m.U().assign(0.0);
        m.W().assign(0.0);
        m.V().assign(0.0);
        m.U().getColumn(START).assign(1.0);
        m.V().getRow(UNKNOWN).assign(1.0);
        SentenceGenerator generator = new SentenceGenerator(m);
        SplittableRandom rng = new SplittableRandom(1);
        int redraws = 0;
        for (int n = 0; n < 30; n++) {
            GeneratedSentence s = generator.generate(options(1, 60, 1.0), rng);
            for (int w : s.words()) {
                assertNotEquals(UNKNOWN, w);
                assertNotEquals(END, w);
            }
            assertEquals(s.words().length, s.probabilities().length);
            redraws += s.unknownRedraws();
        }
        assertTrue(redraws > 30, "UNKNOWN is likely after START, so it must have been drawn and redrawn: " + redraws);
    }

    @Test
    void respectsMinimumAndMaximumLength() {
        RnnModel m = RnnModel.initialise(C, 6, 4, 10, Precision.FLOAT32);
        SentenceGenerator generator = new SentenceGenerator(m);
        SplittableRandom rng = new SplittableRandom(2);
        boolean retried = false;
        for (int n = 0; n < 20; n++) {
            GeneratedSentence s = generator.generate(options(7, 12, 1.0), rng);
            assertTrue(s.words().length >= 7 && s.words().length <= 12, "length " + s.words().length);
            assertTrue(s.attempts() >= 1);
            retried |= s.attempts() > 1;
        }
        // END has probability about 1/40 per word, so sentences under 7 words happen and are redrawn
        assertTrue(retried);
    }

    @Test
    void aSeededGeneratorRepeatsItselfAndProbabilitiesAreTheModels() {
        RnnModel m = RnnModel.initialise(C, 6, 4, 3, Precision.FLOAT64);
        m.V().muli(8.0);
        SentenceGenerator generator = new SentenceGenerator(m);
        GeneratedSentence a = generator.generate(options(3, 30, 1.0), new SplittableRandom(42));
        GeneratedSentence b = generator.generate(options(3, 30, 1.0), new SplittableRandom(42));
        assertArrayEquals(a.words(), b.words());
        assertArrayEquals(a.probabilities(), b.probabilities());
        // each probability is P(word | the words before it) under the model
        NextWordPredictor predictor = new NextWordPredictor(m);
        double[] p = predictor.feed(START);
        for (int t = 0; t < a.words().length; t++) {
            assertEquals(p[a.words()[t]], a.probabilities()[t], 1e-15);
            p = predictor.feed(a.words()[t]);
        }
    }

    @Test
    void lowTemperaturePicksTheMostLikelyWord() {
        RnnModel m = RnnModel.initialise(C, 6, 4, 5, Precision.FLOAT64);
        m.V().muli(4.0);
        SentenceGenerator generator = new SentenceGenerator(m);
        GeneratedSentence s = generator.generate(options(0, 15, 1e-3), new SplittableRandom(9));
        NextWordPredictor predictor = new NextWordPredictor(m);
        double[] p = predictor.feed(START);
        int checked = 0;
        for (int w : s.words()) {
            int best = -1;
            int second = -1;
            for (int c = 0; c < C; c++) {
                if (c == UNKNOWN) {
                    continue;
                }
                if (best < 0 || p[c] > p[best]) {
                    second = best;
                    best = c;
                } else if (second < 0 || p[c] > p[second]) {
                    second = c;
                }
            }
            if (p[best] > 1.05 * p[second]) { // p^1000 then leaves the runner-up no chance
                assertEquals(best, w);
                checked++;
            }
            p = predictor.feed(w);
        }
        assertTrue(checked > 0, "no step had a clear favourite");
    }

    @Test
    void badOptionsAreUserErrors() {
        SentenceGenerator generator = new SentenceGenerator(RnnModel.initialise(C, 4, 4, 1, Precision.FLOAT32));
        SplittableRandom rng = new SplittableRandom(1);
        assertThrows(UserException.class, () -> generator.generate(options(8, 7, 1.0), rng));
        assertThrows(UserException.class, () -> generator.generate(options(1, 7, 0.0), rng));
        assertThrows(UserException.class, () -> generator.generate(options(1, 7, Double.NaN), rng));
        assertThrows(UserException.class, () -> generator.generate(new GenerationOptions(1, 7, 1.0, 0, 1, C), rng));
    }

    @Test
    void aModelThatEndsAtOnceCannotReachTheMinimum() {
        RnnModel m = RnnModel.initialise(C, 4, 4, 1, Precision.FLOAT64);
        m.U().assign(1.0);
        m.W().assign(0.0);
        m.V().assign(0.0);
        m.V().getRow(END).assign(50.0); // END is certain after every word
        SentenceGenerator generator = new SentenceGenerator(m);
        assertThrows(UserException.class, () -> generator.generate(options(2, 10, 1.0), new SplittableRandom(3)));
        assertEquals(0, generator.generate(options(0, 10, 1.0), new SplittableRandom(3)).words().length);
    }

    @Test
    void aSentenceCanContinueAPrefix() {
        RnnModel m = RnnModel.initialise(20, 6, 4, 10, Precision.FLOAT64);
        GenerationOptions o = new GenerationOptions(4, 12, 1.0, 0, 1, 2);
        int[] prefix = {5, 7, 9};
        GeneratedSentence s = new SentenceGenerator(m).generate(o, new java.util.SplittableRandom(3), prefix);
        assertArrayEquals(prefix, java.util.Arrays.copyOf(s.words(), 3));
        NextWordPredictor p = new NextWordPredictor(m);
        double[] afterStart = p.feed(0);
        assertEquals(afterStart[5], s.probabilities()[0], 1e-12, "a prefix word's probability is the model's");
        double[] after5 = p.feed(5);
        assertEquals(after5[7], s.probabilities()[1], 1e-12);
        assertTrue(s.words().length >= 4 && s.words().length <= 12);
    }

    @Test
    void aVeryLowTemperatureStillWritesWhenUnknownIsTheTopWord() {
        // the model's top word everywhere is UNKNOWN (index 2): at temperature 1e-5 the others' shares
        // underflow to 0, which once read as "every word has probability 0"
        RnnModel m = RnnModel.initialise(12, 4, 4, 10, Precision.FLOAT64);
        m.V().getRow(2).addi(50.0);
        GenerationOptions o = new GenerationOptions(1, 8, 1e-5, 0, 1, 2);
        GeneratedSentence s = new SentenceGenerator(m).generate(o, new SplittableRandom(1));
        for (int w : s.words()) {
            assertNotEquals(2, w, "never UNKNOWN_TOKEN");
        }
        assertTrue(s.unknownRedraws() > 0);
    }
}
