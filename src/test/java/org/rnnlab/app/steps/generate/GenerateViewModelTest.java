package org.rnnlab.app.steps.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.app.session.ModelStoreFixture;
import org.rnnlab.engine.NextWordPredictor;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.engine.TopK;
import org.rnnlab.text.Tokens;
import org.rnnlab.text.Vocabulary;

class GenerateViewModelTest {
    static final Vocabulary VOCAB = Vocabulary.of(
            List.of(Tokens.START, Tokens.END, "the", "cat", "sat", ".", Tokens.UNKNOWN), new long[] {9, 9, 8, 5, 4, 3, 1});

    /** Records what was fed; the distribution is just the fed word, one-hot. */
    static final class FakeStepper implements IncrementalPrefix.Stepper {
        final List<Integer> fed = new ArrayList<>();
        int resets;

        @Override
        public void reset() {
            resets++;
        }

        @Override
        public double[] feed(int word) {
            fed.add(word);
            double[] p = new double[10];
            p[word] = 1;
            return p;
        }
    }

    @Test
    void aGrowingPrefixFeedsOnlyTheNewWords() {
        FakeStepper s = new FakeStepper();
        IncrementalPrefix prefix = new IncrementalPrefix(s, 0);
        prefix.distribution(new int[] {});
        assertEquals(List.of(0), s.fed, "the empty prefix feeds SENTENCE_START only");
        prefix.distribution(new int[] {3});
        prefix.distribution(new int[] {3, 4});
        double[] p = prefix.distribution(new int[] {3, 4, 5});
        assertEquals(List.of(0, 3, 4, 5), s.fed);
        assertEquals(1.0, p[5], "the distribution after the last word");
        assertEquals(1, s.resets);
    }

    @Test
    void aChangedWordStartsOverFromSentenceStart() {
        FakeStepper s = new FakeStepper();
        IncrementalPrefix prefix = new IncrementalPrefix(s, 0);
        prefix.distribution(new int[] {3, 4});
        prefix.distribution(new int[] {3, 6});
        assertEquals(List.of(0, 3, 4, 0, 3, 6), s.fed);
        prefix.distribution(new int[] {3});
        assertEquals(List.of(0, 3, 4, 0, 3, 6, 0, 3), s.fed, "a deleted word also starts over");
        assertEquals(8, prefix.feeds());
    }

    @Test
    void predictionsMatchFeedingTheWholePrefix() {
        RnnModel model = RnnModel.initialise(VOCAB.size(), 6, 4, 3, Precision.FLOAT64);
        GenerateViewModel vm = new GenerateViewModel(services.store, services.queries, services.notifier);
        vm.predictions(model, VOCAB, "the");
        var p = vm.predictions(model, VOCAB, "the cat");
        NextWordPredictor ref = new NextWordPredictor(model);
        ref.feed(VOCAB.startIndex());
        ref.feed(VOCAB.indexOf("the"));
        double[] expected = ref.feed(VOCAB.indexOf("cat"));
        assertEquals(GenerateViewModel.TOP_K > VOCAB.size() ? VOCAB.size() : GenerateViewModel.TOP_K, p.top().size());
        for (var pr : p.top()) {
            assertEquals(expected[pr.index()], pr.probability(), 1e-12);
        }
        for (int i = 1; i < p.top().size(); i++) {
            assertTrue(p.top().get(i - 1).probability() >= p.top().get(i).probability());
        }
    }

    @Test
    void resetToTheLessonPutsTheFieldsStartingValuesBack() {
        GenerateViewModel vm = viewModel();
        vm.countInput().enter("12");
        vm.minLengthInput().enter("30");
        vm.temperatureInput().enter("2.5");
        vm.seedInput().enter("77");
        vm.minLengthInput().textProperty().set("x"); // typed, not taken
        vm.resetToLesson();
        assertEquals(List.of(5, 7, 1.0, 10L), List.of(vm.countProperty().get(), vm.minLengthProperty().get(),
                vm.temperatureProperty().get(), vm.seedProperty().get()));
        assertEquals("7", vm.minLengthInput().textProperty().get());
        assertEquals("", vm.inputs().problemProperty().get());
    }

    @Test
    void unknownWordsAreShownAsUnknownToken() {
        var tokens = GenerateViewModel.tokens("The zebra", VOCAB);
        assertEquals(2, tokens.size());
        assertFalse(tokens.get(0).unknown());
        assertEquals("the", tokens.get(0).seen());
        assertTrue(tokens.get(1).unknown());
        assertEquals(Tokens.UNKNOWN, tokens.get(1).seen());
        assertEquals("zebra", tokens.get(1).typed());
    }

    @Test
    void clickingAWordAppendsIt() {
        assertEquals("the ", GenerateViewModel.append("", "the"));
        assertEquals("the cat ", GenerateViewModel.append("the  ", "cat"));
    }

    @Test
    void generatesSeededRepeatableSentencesOfTheMinimumLength() {
        RnnModel model = RnnModel.initialise(VOCAB.size(), 6, 4, 3, Precision.FLOAT64);
        var a = GenerateViewModel.generate(model, VOCAB, 3, 4, 1.0, 42);
        var b = GenerateViewModel.generate(model, VOCAB, 3, 4, 1.0, 42);
        assertEquals(3, a.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(a.get(i).words(), b.get(i).words());
            assertArrayEquals(a.get(i).probabilities(), b.get(i).probabilities());
            assertTrue(a.get(i).words().size() >= 4);
            assertFalse(a.get(i).words().contains(Tokens.UNKNOWN), "UNKNOWN_TOKEN is redrawn");
        }
        assertTrue(GenerateViewModel.summary(a, 4).startsWith("UNKNOWN_TOKEN came up"));
    }

    // ---- the view-model with its services (fakes: no window, queries answered at once) ----------

    private final ModelStoreFixture services = new ModelStoreFixture();

    private GenerateViewModel viewModel() {
        return new GenerateViewModel(services.store, services.queries, services.notifier);
    }

    @Test
    void withoutAModelNothingRuns() {
        GenerateViewModel vm = viewModel();
        vm.prefixProperty().set("the");
        vm.generate();
        vm.shown();
        vm.pickWord(2);
        assertTrue(services.queries.keys.isEmpty());
        assertTrue(vm.noModelProperty().get());
        assertNull(vm.predictionsProperty().get());
        assertEquals("the", vm.prefixProperty().get());
    }

    @Test
    void aModelPredictsAfterThePrefixAsTyped() {
        GenerateViewModel vm = viewModel();
        var data = services.corpus(30);
        assertFalse(vm.noModelProperty().get());
        assertEquals(GenerateViewModel.TOP_K, vm.predictionsProperty().get().top().size());
        assertEquals(data.vocabulary().size(), vm.predictionsProperty().get().vocabularySize());
        vm.prefixProperty().set("The people zebra");
        var p = vm.predictionsProperty().get();
        assertEquals(List.of("the", "people", Tokens.UNKNOWN), p.tokens().stream().map(GenerateViewModel.PrefixToken::seen).toList());
        Vocabulary v = services.store.vocabulary();
        NextWordPredictor ref = new NextWordPredictor(services.store.model());
        ref.feed(v.startIndex());
        ref.feed(v.indexOf("the"));
        ref.feed(v.indexOf("people"));
        double[] expected = ref.feed(v.unknownIndex());
        assertEquals(TopK.of(expected, GenerateViewModel.TOP_K)[0], p.top().get(0).index());
        assertEquals(expected[p.top().get(0).index()], p.top().get(0).probability(), 1e-12);
    }

    @Test
    void pickingAWordAppendsItButNotTheSpecialTokens() {
        GenerateViewModel vm = viewModel();
        services.corpus(30);
        Vocabulary v = services.store.vocabulary();
        vm.prefixProperty().set("the");
        vm.pickWord(v.startIndex());
        vm.pickWord(v.endIndex());
        vm.pickWord(v.unknownIndex());
        vm.pickWord(v.size());
        assertEquals("the", vm.prefixProperty().get());
        vm.pickWord(v.indexOf("people"));
        assertEquals("the people ", vm.prefixProperty().get());
        assertEquals(2, vm.predictionsProperty().get().tokens().size(), "the new prefix is predicted at once");
    }

    @Test
    void aRandomModelGetsAHintAndAPeakedOneNone() {
        GenerateViewModel vm = viewModel();
        services.corpus(30);
        assertTrue(vm.hintProperty().get().startsWith("Every word gets about 1/C"), vm.hintProperty().get());
        var peaked = new GenerateViewModel.Predictions(List.of(), List.of(new GenerateViewModel.Prediction(2, "the", 0.5)), 30);
        assertEquals("", GenerateViewModel.hint(peaked));
        assertEquals("", GenerateViewModel.hint(null));
    }

    @Test
    void generationContinuesTheTypedWordsAndANewModelClearsTheOldSentences() {
        GenerateViewModel vm = viewModel();
        services.corpus(30);
        vm.minLengthProperty().set(3);
        vm.prefixProperty().set("the president");
        vm.generate();
        assertFalse(vm.generated().isEmpty());
        for (GenerateViewModel.Generated g : vm.generated()) {
            assertEquals(List.of("the", "president"), g.words().subList(0, 2), "each sentence continues the typed words");
        }
        assertTrue(vm.generationSummaryProperty().get().endsWith("each begins with the 2 typed words."),
                vm.generationSummaryProperty().get());
        vm.continuePrefixProperty().set(false);
        vm.generate();
        assertTrue(vm.generationSummaryProperty().get().endsWith("(a longer one is cut there)."));
        services.newModel(5, 3);
        assertTrue(vm.generated().isEmpty(), "the sentences of the model before are gone");
        assertEquals("", vm.generationSummaryProperty().get());
    }

    @Test
    void generateDrawsTheFieldsCountRepeatably() {
        GenerateViewModel vm = viewModel();
        services.corpus(30);
        vm.countProperty().set(3);
        vm.minLengthProperty().set(3);
        vm.generate();
        assertEquals(3, vm.generated().size());
        assertFalse(vm.generatingProperty().get());
        assertEquals(GenerateViewModel.summary(List.copyOf(vm.generated()), 3) + " Sentences stop at 60 words (a longer one is cut there).",
                vm.generationSummaryProperty().get(), "the length limit is said");
        List<List<String>> first = vm.generated().stream().map(GenerateViewModel.Generated::words).toList();
        vm.generate();
        assertEquals(first, vm.generated().stream().map(GenerateViewModel.Generated::words).toList(), "the same seed, the same draw");
        vm.seedProperty().set(11);
        vm.generate();
        assertNotEquals(first, vm.generated().stream().map(GenerateViewModel.Generated::words).toList());
    }

    @Test
    void theFirstLookGeneratesOnceTheModelComes() {
        GenerateViewModel vm = viewModel();
        vm.shown();
        assertTrue(vm.generated().isEmpty());
        services.corpus(30);
        assertEquals(5, vm.generated().size(), "shown before the model: sentences as soon as it comes");
        services.queries.keys.clear();
        vm.shown();
        services.newModel(7, 3);
        assertTrue(services.queries.keys.contains("generate"), "a new model writes its own sentences: the old ones were the model's before");
        assertEquals(5, vm.generated().size());
        assertTrue(services.queries.keys.contains("predict"), "a new model predicts again");
    }

    @Test
    void outOfRangeFieldsAreRefusedNotClampedAndGenerateWaits() {
        GenerateViewModel vm = viewModel();
        services.corpus(30);
        assertFalse(vm.temperatureInput().enter("5"));
        assertEquals(1.0, vm.temperatureProperty().get(), "5 does not become 3");
        assertEquals("5 is too large (0.1 to 3).", vm.temperatureInput().problemProperty().get());
        assertFalse(vm.minLengthInput().enter("1000"));
        assertEquals(7, vm.minLengthProperty().get(), "1000 does not become 40");
        assertTrue(vm.generateDisabledProperty().get());
        assertEquals("Fix the minimum length first: 1000 is too large (1 to 40).", vm.inputs().problemProperty().get());

        services.queries.keys.clear();
        vm.generate();
        assertFalse(services.queries.keys.contains("generate"), "nothing is drawn with numbers the fields do not show");

        assertTrue(vm.temperatureInput().enter("0.5"));
        assertTrue(vm.minLengthInput().enter("3"));
        assertFalse(vm.generateDisabledProperty().get());
        assertEquals("", vm.inputs().problemProperty().get());
        vm.generate();
        assertEquals(0.5, vm.temperatureProperty().get());
        assertEquals(5, vm.generated().size());
        assertTrue(vm.generated().stream().allMatch(g -> g.words().size() >= 3));
    }

    @Test
    void aSeedIsAWholeNumberFromZero() {
        GenerateViewModel vm = viewModel();
        assertFalse(vm.seedInput().enter("-5"));
        assertFalse(vm.seedInput().enter("99999999999"));
        assertFalse(vm.seedInput().enter(""));
        assertEquals(10, vm.seedProperty().get());
        assertTrue(vm.seedInput().enter("2,147,483,647"));
        assertEquals(Integer.MAX_VALUE, vm.seedProperty().get());
    }
}
