package org.rnnlab.app.steps.trainingdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnnlab.app.session.Corpus;
import org.rnnlab.app.session.CorpusSession;
import org.rnnlab.app.session.CorpusSessionFixtures;
import org.rnnlab.text.PreparedData;

class TrainingDataViewModelTest {
    private final TrainingDataViewModel model = new TrainingDataViewModel(InputWeights.seeded(10));
    private final Corpus corpus = CorpusSessionFixtures.corpus();

    private PreparedData data(int c) {
        return PreparedData.fromSentences(corpus.sentences(), c);
    }

    @Test
    void yIsXShiftedLeftByOne() {
        PreparedData d = data(10);
        model.preparedProperty().set(d);
        for (int i = 0; i < 6; i++) {
            model.sentenceIndexProperty().set(i);
            TrainingDataViewModel.Pair p = model.pairProperty().get();
            assertArrayEquals(d.x(i), p.x());
            assertArrayEquals(d.y(i), p.y());
            for (int t = 0; t + 1 < p.steps(); t++) {
                assertEquals(p.x()[t + 1], p.y()[t]);
                assertEquals(p.xWord(t + 1), p.yWord(t));
            }
            assertEquals(d.vocabulary().startIndex(), p.x()[0]);
            assertEquals(d.vocabulary().endIndex(), p.y()[p.steps() - 1]);
        }
    }

    @Test
    void startsWithASentenceLikeTheLessonsExample() {
        model.preparedProperty().set(data(40));
        TrainingDataViewModel.Pair p = model.pairProperty().get();
        assertEquals(TrainingDataViewModel.LESSON_EXAMPLE_STEPS, p.steps(), p.words().toString());
        assertEquals(1, model.stepProperty().get(), "the first real word is chosen");
    }

    @Test
    void theOneHotEntryIsTheWordIndexAndPicksThatColumnOfU() {
        model.preparedProperty().set(data(12));
        model.stepProperty().set(2);
        TrainingDataViewModel.Pair p = model.pairProperty().get();
        int k = p.x()[2];
        assertEquals(k, model.hotIndexProperty().get());
        assertEquals(p.xWord(2), model.hotWordProperty().get());
        double[][] u = model.uProperty().get();
        assertEquals(TrainingDataViewModel.LESSON_HIDDEN, u.length);
        assertEquals(12, u[0].length);
        double[] column = model.columnProperty().get();
        double[] product = model.productProperty().get();
        for (int r = 0; r < u.length; r++) {
            assertEquals(u[r][k], column[r]);
            assertEquals(column[r], product[r]);
        }
        assertEquals(0, model.maxDifferenceProperty().get());
        assertEquals(100L * 12, model.multiplyAdds());
        assertEquals(100L * 11, model.wastedMultiplyAdds());
    }

    @Test
    void uIsDrawnLikeTheLessonsInitialisationAndIsRepeatable() {
        InputWeights w = InputWeights.seeded(10);
        double[][] a = w.matrix(5, 400);
        double[][] b = w.matrix(5, 400);
        double bound = 1 / Math.sqrt(400);
        for (int r = 0; r < 5; r++) {
            assertArrayEquals(a[r], b[r]);
            for (double v : a[r]) {
                assertTrue(Math.abs(v) <= bound);
            }
        }
    }

    @Test
    void theLessonsUIsTheEnginesSeededInitialisation() {
        double[][] u = InputWeights.lesson().matrix(3, 50);
        double[][] again = InputWeights.lesson().matrix(3, 50);
        double[][] engine = org.rnnlab.engine.RnnModel.initialise(50, 3, 4, 10, org.rnnlab.engine.Precision.FLOAT64)
                .U().toDoubleMatrix();
        double bound = 1 / Math.sqrt(50);
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(engine[r], u[r]);
            assertArrayEquals(u[r], again[r]);
            for (double v : u[r]) {
                assertTrue(Math.abs(v) <= bound);
            }
        }
    }

    @Test
    void uDrawnLaterFillsTheColumnWhenItArrives() {
        java.util.List<Object[]> pending = new java.util.ArrayList<>();
        model.setUDrawer((h, c, done) -> pending.add(new Object[] {h, c, done}));
        model.preparedProperty().set(data(10));
        assertEquals(1, pending.size());
        assertTrue(model.isDrawingU());
        int k = model.pairProperty().get().x()[1];
        assertEquals(k, model.hotIndexProperty().get(), "the one-hot vector does not wait for U");
        assertEquals(0, model.columnProperty().get().length);
        // C changes before U arrives: the old U is dropped, a new one is asked for.
        model.preparedProperty().set(data(12));
        assertEquals(2, pending.size());
        deliver(pending.get(0));
        assertEquals(0, model.columnProperty().get().length, "a U of the wrong size is ignored");
        deliver(pending.get(1));
        assertEquals(TrainingDataViewModel.LESSON_HIDDEN, model.columnProperty().get().length);
        assertEquals(0, model.maxDifferenceProperty().get());
        assertTrue(!model.isDrawingU());
    }

    @SuppressWarnings("unchecked")
    private static void deliver(Object[] request) {
        int h = (Integer) request[0];
        int c = (Integer) request[1];
        ((java.util.function.Consumer<double[][]>) request[2]).accept(InputWeights.seeded(3).matrix(h, c));
    }

    @Test
    void aNewCKeepsTheSentenceAndResizesTheOneHotVector() {
        model.preparedProperty().set(data(10));
        model.sentenceIndexProperty().set(3);
        model.preparedProperty().set(data(20));
        assertEquals(3, model.sentenceIndexProperty().get());
        assertEquals(20, model.wordDimProperty().get());
        assertEquals(20, model.uProperty().get()[0].length);
    }

    @Test
    void aChosenStepBeyondAShorterSentenceMovesToItsLastStep() {
        model.preparedProperty().set(data(10));
        int longest = 0;
        PreparedData d = model.preparedProperty().get();
        for (int i = 0; i < d.size(); i++) {
            if (d.x(i).length > d.x(longest).length) {
                longest = i;
            }
        }
        model.sentenceIndexProperty().set(longest);
        model.stepProperty().set(d.x(longest).length - 1);
        int shortest = 0;
        for (int i = 0; i < d.size(); i++) {
            if (d.x(i).length < d.x(shortest).length) {
                shortest = i;
            }
        }
        model.sentenceIndexProperty().set(shortest);
        assertEquals(d.x(shortest).length - 1, model.stepProperty().get());
        assertEquals(d.x(shortest)[d.x(shortest).length - 1], model.hotIndexProperty().get());
    }

    @Test
    void noDataMeansNothingChosen() {
        model.preparedProperty().set(null);
        assertEquals(-1, model.hotIndexProperty().get());
        assertEquals(null, model.pairProperty().get());
        assertEquals(0, model.columnProperty().get().length);
        assertEquals(0, model.sentenceCountProperty().get());
    }
}
