package org.rnnlab.app.steps.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rnnlab.app.support.Fakes;
import org.rnnlab.app.session.ModelStoreFixture;
import org.rnnlab.app.support.QueryLane;
import org.rnnlab.engine.Forward;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.Tokens;
import org.rnnlab.text.TrainingPair;
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
        assertEquals(List.of(2, 5, 4, 7, 1, 3), ForwardTrace.columnUnion(top, y));
    }

    @Test
    void traceAgreesWithTheForwardPass() {
        RnnModel model = RnnModel.initialise(VOCAB.size(), 6, 4, 10, Precision.FLOAT64);
        int[] x = {0, 2, 3, 4};
        int[] y = {2, 3, 4, 1};
        ForwardTrace t = ForwardTrace.of(model, VOCAB, x, y);
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
    void firstGoodSentenceHasAComfortableLength() {
        int[] lengths = {3, 30, 12, 9};
        assertEquals(2, ForwardViewModel.firstGoodSentence(i -> lengths[i], lengths.length));
        assertEquals(0, ForwardViewModel.firstGoodSentence(i -> 2, 5));
    }

    @Test
    void eachStepMarksTheTrueNextWordOnce() {
        RnnModel model = RnnModel.initialise(VOCAB.size(), 6, 4, 10, Precision.FLOAT64);
        int[] x = {0, 2, 3, 4, 5, 6, 7};
        int[] y = {2, 3, 4, 5, 6, 7, 1};
        ForwardTrace trace = ForwardTrace.of(model, VOCAB, x, y);
        for (int t = 0; t < trace.length(); t++) {
            ForwardViewModel.Step st = ForwardViewModel.step(trace, t);
            assertEquals(1, st.guesses().stream().filter(ForwardViewModel.Guess::truth).count());
            var truth = st.guesses().stream().filter(ForwardViewModel.Guess::truth).findFirst().orElseThrow();
            assertEquals(y[t], truth.index());
            assertEquals(trace.pTrue()[t], truth.probability(), 1e-12);
            boolean inTop = st.guesses().size() == ForwardTrace.TOP_K;
            assertEquals(inTop ? "true next word" : "true next word, rank " + trace.rank()[t], truth.note());
            assertEquals(trace.top()[t][0] == y[t], st.right());
            assertTrue(st.verdict().contains("true next word: \"" + VOCAB.word(y[t]) + "\""), st.verdict());
            assertTrue(st.inputText().startsWith("x_" + t + " = \"" + VOCAB.word(x[t]) + "\""), st.inputText());
        }
    }

    @Test
    void heatmapLabelsNameTheWords() {
        RnnModel model = RnnModel.initialise(VOCAB.size(), 6, 4, 10, Precision.FLOAT64);
        ForwardTrace t = ForwardTrace.of(model, VOCAB, new int[] {0, 2}, new int[] {2, 1});
        assertEquals(List.of("0: " + Tokens.START, "1: the"), t.rowLabels());
        assertEquals(t.columns().stream().map(VOCAB::word).map(w -> w.length() > 14 ? w.substring(0, 13) + "…" : w).toList(),
                t.columnLabels());
        int col = t.columns().indexOf(2);
        assertTrue(t.cellText(0, col, 0.25).endsWith("<- the true next word"), t.cellText(0, col, 0.25));
        assertEquals(Math.floor(Math.log10(1.0 / VOCAB.size())) - 1, t.colourFloor());
    }

    // ---- the view-model with its services (fakes: no window, queries answered at once) ----------

    private final ModelStoreFixture services = new ModelStoreFixture();

    private ForwardViewModel viewModel(long seed) {
        return new ForwardViewModel(services.store, services.queries, services.notifier, new Random(seed));
    }

    private static List<String> inputsOf(PreparedData d, int i) {
        List<String> tokens = d.sentenceTokens(i);
        return tokens.subList(0, tokens.size() - 1);
    }

    @Test
    void withoutACorpusItWaits() {
        ForwardViewModel vm = viewModel(1);
        assertTrue(vm.statusProperty().get().startsWith("Waiting"));
        assertNull(vm.traceProperty().get());
        assertNull(vm.stepProperty().get());
        vm.pickRandom();
        vm.stepForward();
        assertEquals(0, vm.sentenceIndexProperty().get());
        assertTrue(services.queries.keys.isEmpty());
    }

    @Test
    void aCorpusShowsItsFirstComfortableSentence() {
        ForwardViewModel vm = viewModel(1);
        PreparedData d = services.corpus(30);
        int good = ForwardViewModel.firstGoodSentence(i -> d.sentence(i).length - 2, d.size());
        assertEquals(d.size(), vm.sentenceCountProperty().get());
        assertEquals(good, vm.sentenceIndexProperty().get());
        ForwardTrace t = vm.traceProperty().get();
        assertEquals(inputsOf(d, good), t.inputs());
        assertArrayEquals(d.y(good), t.y(), "y is x shifted by one word");
        assertEquals("Model: random weights (seed 10)", vm.statusProperty().get());
        assertEquals(ForwardViewModel.summary(t), vm.summaryProperty().get());
        assertTrue(vm.summaryProperty().get().startsWith("Mean loss over this sentence"));
        assertEquals(0, vm.stepProperty().get().t());
        assertTrue(vm.stepProperty().get().inputText().startsWith("x_0 = \"SENTENCE_START\""));
    }

    @Test
    void pickingASentenceRunsItAndIsClamped() {
        ForwardViewModel vm = viewModel(1);
        PreparedData d = services.corpus(30);
        vm.pickSentence(3);
        assertEquals(inputsOf(d, 3), vm.traceProperty().get().inputs());
        vm.pickSentence(-4);
        assertEquals(0, vm.sentenceIndexProperty().get());
        vm.pickSentence(1_000_000);
        assertEquals(d.size() - 1, vm.sentenceIndexProperty().get());
        assertEquals(inputsOf(d, d.size() - 1), vm.traceProperty().get().inputs());
        vm.pickRandom();
        int expected = new Random(1).nextInt(d.size());
        assertEquals(expected, vm.sentenceIndexProperty().get());
    }

    @Test
    void stepsWrapAroundForPlayingAndAStepByHandPauses() {
        ForwardViewModel vm = viewModel(1);
        services.corpus(30);
        int n = vm.traceProperty().get().length();
        vm.togglePlaying();
        assertTrue(vm.playingProperty().get());
        vm.stepForward();
        vm.stepForward();
        assertEquals(2, vm.timeProperty().get());
        assertEquals(2, vm.stepProperty().get().t());
        assertTrue(vm.playingProperty().get());
        for (int i = 2; i < n; i++) {
            vm.stepForward();
        }
        assertEquals(0, vm.timeProperty().get(), "after the last word, back to the first");
        vm.stepBackByHand();
        assertEquals(0, vm.timeProperty().get());
        assertFalse(vm.playingProperty().get());
        vm.togglePlaying();
        vm.stepForwardByHand();
        assertEquals(1, vm.timeProperty().get());
        assertFalse(vm.playingProperty().get());
    }

    @Test
    void aNewModelRunsTheSentenceAgain() {
        ForwardViewModel vm = viewModel(1);
        services.corpus(30);
        ForwardTrace before = vm.traceProperty().get();
        services.newModel(7, 3);
        ForwardTrace after = vm.traceProperty().get();
        assertEquals(before.inputs(), after.inputs());
        assertEquals(7, after.s()[0].length, "the new model's hidden size");
        assertEquals(services.store.model().forward(after.x()).o().getDouble(0, after.y()[0]), after.pTrue()[0], 1e-12);
    }

    @Test
    void aModelOfAnotherVocabularyReadsTheSentenceWithItsWords() {
        ForwardViewModel vm = viewModel(1);
        PreparedData small = services.corpus(12);
        RnnModel other = RnnModel.initialise(small.vocabulary().size(), 5, 4, 2, Precision.FLOAT64);
        PreparedData d = services.corpus(30);
        services.files.adopt(new LoadedModel(other, small.vocabulary(), null), "a model of another vocabulary");
        assertTrue(vm.statusProperty().get().contains("not this corpus's"), vm.statusProperty().get());
        ForwardTrace t = vm.traceProperty().get();
        assertEquals(small.vocabulary().size(), t.vocabularySize());
        int i = vm.sentenceIndexProperty().get();
        assertArrayEquals(TrainingPair.of(small.vocabulary().encode(d.sentenceTokens(i))).x(), t.x());
    }

    @Test
    void aFailedForwardPassIsANotice() {
        QueryLane failing = new Fakes.FailingQueries("The model is broken.");
        new ForwardViewModel(services.store, failing, services.notifier);
        services.corpus(30);
        assertEquals("Forward pass: The model is broken.", services.notifier.last());
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

    @Test
    void theSentenceFieldCountsFromOneLikeEveryStep() {
        ForwardViewModel vm = viewModel(1);
        assertFalse(vm.sentenceInput().availableProperty().get(), "no corpus: nothing to pick");
        PreparedData d = services.corpus(30);
        int shown = vm.sentenceIndexProperty().get();
        assertEquals(Integer.toString(shown + 1), vm.sentenceInput().textProperty().get());
        assertEquals("1 to " + d.size(), vm.sentenceInput().rangeTextProperty().get());
        assertTrue(vm.sentenceInput().enter("1"));
        assertEquals(0, vm.sentenceIndexProperty().get());
        assertEquals(inputsOf(d, 0), vm.traceProperty().get().inputs(), "sentence 1 is the corpus's first");
        assertFalse(vm.sentenceInput().enter("0"));
        assertFalse(vm.sentenceInput().enter("-5"));
        assertFalse(vm.sentenceInput().enter("99999999999"));
        assertEquals(0, vm.sentenceIndexProperty().get(), "refused, not clamped");
        assertTrue(vm.sentenceInput().enter(Integer.toString(d.size())));
        assertEquals(d.size() - 1, vm.sentenceIndexProperty().get());
    }

    @Test
    void aSaturatedHiddenStateIsExplained() {
        ForwardViewModel vm = new ForwardViewModel(services.store, services.queries, services.notifier);
        services.corpus(30);
        assertFalse(vm.stepProperty().get().stripCaption().contains("saturated"), "random weights: |s| well below 1");
        org.rnnlab.engine.RnnModel big = services.store.model().copy();
        big.U().muli(1000); // every unit driven far into tanh's flat ends
        services.adopt(big, "a model with huge input weights");
        String caption = vm.stepProperty().get().stripCaption();
        assertTrue(caption.contains("tanh is saturated there"), caption);
        assertTrue(caption.contains("little gradient flows back"), caption);
    }
}
