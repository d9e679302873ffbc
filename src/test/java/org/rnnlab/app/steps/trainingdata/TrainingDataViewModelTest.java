package org.rnnlab.app.steps.trainingdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.rnnlab.app.session.Corpus;
import org.rnnlab.app.session.CorpusSessionFixtures;
import org.rnnlab.app.support.Background;
import org.rnnlab.app.support.Fakes;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.text.PreparedData;

/** The Training data step's logic with U drawn by a fake Background: no window, no worker thread. */
class TrainingDataViewModelTest {
    private final SimpleObjectProperty<PreparedData> prepared = new SimpleObjectProperty<>();
    private final Fakes.RecordingNotifier notifier = new Fakes.RecordingNotifier();
    private final Fakes.DirectBackground work = new Fakes.DirectBackground(notifier);
    private final TrainingDataViewModel model = new TrainingDataViewModel(prepared, work, InputWeights.seeded(10),
            InputWeights.seeded(3), new Random(1));
    private final Corpus corpus = CorpusSessionFixtures.corpus();

    /** U that cannot be drawn, as when the engine fails to load. */
    private static final InputWeights BROKEN = new InputWeights() {
        @Override
        public double[][] matrix(int hiddenDim, int wordDim) {
            throw new IllegalStateException("ND4J's native backend did not load");
        }

        @Override
        public String origin() {
            return "the engine's U";
        }
    };

    private PreparedData data(int c) {
        return PreparedData.fromSentences(corpus.sentences(), c);
    }

    @Test
    void yIsXShiftedLeftByOne() {
        PreparedData d = data(10);
        prepared.set(d);
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
        prepared.set(data(40));
        TrainingDataViewModel.Pair p = model.pairProperty().get();
        assertEquals(TrainingDataViewModel.LESSON_EXAMPLE_STEPS, p.steps(), p.words().toString());
        assertEquals(1, model.stepProperty().get(), "the first real word is chosen");
    }

    @Test
    void theOneHotEntryIsTheWordIndexAndPicksThatColumnOfU() {
        prepared.set(data(12));
        model.stepProperty().set(2);
        TrainingDataViewModel.Pair p = model.pairProperty().get();
        int k = p.x()[2];
        assertEquals(k, model.hotIndexProperty().get());
        assertEquals(p.xWord(2), model.hotWordProperty().get());
        double[][] u = model.uProperty().get();
        assertEquals(LessonDefaults.HIDDEN_DIM, u.length);
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
    void uDrawnLaterFillsTheColumnWhenItArrives() throws Exception {
        Fakes.HeldBackground later = new Fakes.HeldBackground();
        TrainingDataViewModel model = new TrainingDataViewModel(prepared, later, InputWeights.seeded(10),
                InputWeights.seeded(3), new Random(1));
        prepared.set(data(10));
        assertEquals(1, later.held.size());
        assertEquals("Training data step: drawing U as the lesson does (100 \u00d7 10)", later.held.get(0).title());
        assertTrue(model.isDrawingU());
        int k = model.pairProperty().get().x()[1];
        assertEquals(k, model.hotIndexProperty().get(), "the one-hot vector does not wait for U");
        assertEquals(0, model.columnProperty().get().length);
        assertEquals(StepText.Verdict.DRAWING, model.textProperty().get().verdictKind());
        // C changes before U arrives: the old U is dropped (and its job cancelled), a new one is asked for.
        prepared.set(data(12));
        assertEquals(2, later.held.size());
        assertTrue(later.held.get(0).cancel().isCancelled());
        later.held.get(0).deliver();
        assertEquals(0, model.columnProperty().get().length, "a U of the wrong size is ignored");
        later.held.get(1).deliver();
        assertEquals(LessonDefaults.HIDDEN_DIM, model.columnProperty().get().length);
        assertEquals(0, model.maxDifferenceProperty().get());
        assertEquals(StepText.Verdict.SAME, model.textProperty().get().verdictKind());
        assertFalse(model.isDrawingU());
    }

    @Test
    void aCancelledDrawingIsAskedForAgainWhenAColumnIsChosen() {
        Fakes.HeldBackground later = new Fakes.HeldBackground();
        TrainingDataViewModel model = new TrainingDataViewModel(prepared, later, InputWeights.seeded(10),
                InputWeights.seeded(3), new Random(1));
        prepared.set(data(10));
        later.held.get(0).onCancelled().run();   // the status bar's cancel
        assertFalse(model.isDrawingU());
        assertEquals(0, model.columnProperty().get().length);
        model.chooseStep(2);
        assertEquals(2, later.held.size());
    }

    @Test
    void whenTheEngineFailsAJavaUStandsInAndTheOriginSaysWhy() {
        TrainingDataViewModel model = new TrainingDataViewModel(prepared, work, BROKEN, InputWeights.seeded(3),
                new Random(1));
        assertTrue(model.originProperty().get().startsWith("the engine's U; H = 100"), model.originProperty().get());
        prepared.set(data(10));
        double[][] u = model.uProperty().get();
        assertArrayEquals(InputWeights.seeded(3).matrix(LessonDefaults.HIDDEN_DIM, 10)[0], u[0]);
        assertTrue(model.originProperty().get().startsWith(InputWeights.seeded(3).origin() + " (the engine could not load:"),
                model.originProperty().get());
        assertEquals(StepText.Verdict.SAME, model.textProperty().get().verdictKind());
        assertTrue(notifier.messages.isEmpty(), "the fallback is said in the origin line, not as a notice");
    }

    @Test
    void theTextSaysWhatTheStepShows() {
        assertEquals("Waiting for the corpus...", model.textProperty().get().title());
        prepared.set(data(20));
        model.chooseStep(2);
        TrainingDataViewModel.Pair p = model.pairProperty().get();
        int k = p.x()[2];
        StepText text = model.textProperty().get();
        assertEquals("Step t = 2: x_t is \u201c" + p.xWord(2) + "\u201d, index " + k, text.title());
        assertEquals("20 numbers, all 0 except entry " + k + ", which is 1", text.oneHotCaption());
        assertEquals("U: 100 \u00d7 20", text.matrixTitle());
        assertTrue(text.verdict().startsWith("All 100 numbers are the same"), text.verdict());
        assertTrue(text.cost().contains("100 \u00d7 20 = 2,000 multiply-adds, and 1,900 of them multiply by 0"), text.cost());
        assertEquals(List.of("Training data step: drawing U as the lesson does (100 \u00d7 20)"), work.titles);
    }

    @Test
    void commandsPickSentencesAndSteps() {
        prepared.set(data(20));
        model.showSentence(5);
        assertEquals(5, model.sentenceIndexProperty().get());
        model.showSentence(10_000);
        assertEquals(5, model.sentenceIndexProperty().get(), "a sentence out of range is ignored");
        int step = model.stepProperty().get();
        model.chooseStep(99);
        assertEquals(step, model.stepProperty().get(), "a step beyond the sentence is ignored");
        model.randomSentence();
        assertNotEquals(5, model.sentenceIndexProperty().get());
        assertTrue(model.pairProperty().get().steps() <= TrainingDataViewModel.RANDOM_MAX_STEPS);
        assertEquals(1, model.stepProperty().get(), "a new sentence starts at its first real word");
    }

    @Test
    void afterDisposeTheCorpusIsNoLongerFollowed() {
        prepared.set(data(10));
        model.dispose();
        prepared.set(data(12));
        assertEquals(10, model.wordDimProperty().get());
    }

    @Test
    void aNewCKeepsTheSentenceAndResizesTheOneHotVector() {
        prepared.set(data(10));
        model.sentenceIndexProperty().set(3);
        prepared.set(data(20));
        assertEquals(3, model.sentenceIndexProperty().get());
        assertEquals(20, model.wordDimProperty().get());
        assertEquals(20, model.uProperty().get()[0].length);
    }

    @Test
    void aChosenStepBeyondAShorterSentenceMovesToItsLastStep() {
        prepared.set(data(10));
        int longest = 0;
        PreparedData d = prepared.get();
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
        prepared.set(null);
        assertEquals(-1, model.hotIndexProperty().get());
        assertEquals(null, model.pairProperty().get());
        assertEquals(0, model.columnProperty().get().length);
        assertEquals(0, model.sentenceCountProperty().get());
    }

    @Test
    void theSentenceFieldCountsFromOneAndRefusesWhatIsNotASentence() {
        prepared.set(data(20));
        int n = prepared.get().size();
        model.showSentence(5);
        assertEquals("6", model.sentenceInput().textProperty().get(), "index 5 is sentence 6 on screen");
        assertTrue(model.sentenceInput().enter("1"));
        assertEquals(0, model.sentenceIndexProperty().get());
        assertFalse(model.sentenceInput().enter("0"));
        assertFalse(model.sentenceInput().enter(Integer.toString(n + 1)));
        assertEquals(0, model.sentenceIndexProperty().get());
        assertEquals((n + 1) + " is too large (1 to " + n + ").", model.sentenceInput().problemProperty().get());
        assertTrue(model.sentenceInput().enter(Integer.toString(n)));
        assertEquals(n - 1, model.sentenceIndexProperty().get(), "the last sentence is number " + n);
    }
}
