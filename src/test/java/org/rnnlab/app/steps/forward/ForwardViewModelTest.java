package org.rnnlab.app.steps.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.Forward;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.Tokens;
import org.rnnlab.text.Vocabulary;

class ForwardViewModelTest {
    static final Vocabulary VOCAB = Vocabulary.of(
            List.of(Tokens.START, Tokens.END, "the", "cat", "sat", "on", "mat", ".", Tokens.UNKNOWN),
            new long[] {9, 9, 8, 5, 4, 3, 3, 2, 1});

    @Test
    void columnsAreTheUnionOfTopWordsAndTrueWordsInOrderOfAppearance() {
        int[][] top = {{5, 2}, {2, 7}, {3, 5}};
        int[] y = {2, 4, 1};
        // row 0: true 2, then 5 (2 again skipped); row 1: true 4, then 7; row 2: true 1, then 3 (5 seen)
        assertEquals(List.of(2, 5, 4, 7, 1, 3), ForwardViewModel.columnUnion(top, y));
    }

    @Test
    void traceAgreesWithTheForwardPass() {
        RnnModel model = RnnModel.initialise(VOCAB.size(), 6, 4, 10, Precision.FLOAT64);
        int[] x = {0, 2, 3, 4};
        int[] y = {2, 3, 4, 1};
        ForwardViewModel.Trace t = ForwardViewModel.trace(model, VOCAB, x, y);
        Forward f = model.forward(x);
        assertEquals(4, t.length());
        assertEquals(List.of(Tokens.START, "the", "cat", "sat"), t.inputs());
        assertEquals(List.of("the", "cat", "sat", Tokens.END), t.targets());
        for (int i = 0; i < 4; i++) {
            assertEquals(f.o().getDouble(i, y[i]), t.pTrue()[i], 1e-12);
            assertArrayEquals(f.s().getRow(i).toDoubleVector(), t.s()[i], 1e-12);
            assertEquals(t.top()[i][0], argmax(f.o().getRow(i).toDoubleVector()));
            assertEquals(-Math.log(t.pTrue()[i]), t.loss(i), 1e-12);
            assertTrue(t.rank()[i] >= 1 && t.rank()[i] <= VOCAB.size());
            int col = t.columns().indexOf(y[i]);
            assertTrue(col >= 0, "every true next word is a column");
            assertEquals(t.pTrue()[i], t.heat()[i][col], 1e-12);
        }
        assertEquals(model.sentenceLoss(x, y) / 4, t.meanLoss(), 1e-9);
    }

    @Test
    void stepsWrapAroundForPlaying() {
        RnnModel model = RnnModel.initialise(VOCAB.size(), 4, 4, 10, Precision.FLOAT64);
        ForwardViewModel vm = new ForwardViewModel();
        vm.traceProperty().set(ForwardViewModel.trace(model, VOCAB, new int[] {0, 2, 3}, new int[] {2, 3, 1}));
        vm.stepForward();
        vm.stepForward();
        assertEquals(2, vm.timeProperty().get());
        vm.stepForward();
        assertEquals(0, vm.timeProperty().get());
        vm.stepBack();
        assertEquals(0, vm.timeProperty().get());
    }

    @Test
    void firstGoodSentenceHasAComfortableLength() {
        int[] lengths = {3, 30, 12, 9};
        assertEquals(2, ForwardViewModel.firstGoodSentence(i -> lengths[i], lengths.length));
        assertEquals(0, ForwardViewModel.firstGoodSentence(i -> 2, 5));
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }
}
