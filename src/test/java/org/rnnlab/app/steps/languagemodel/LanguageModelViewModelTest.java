package org.rnnlab.app.steps.languagemodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.app.support.Fakes;
import org.rnnlab.app.session.ModelStoreFixture;
import org.rnnlab.app.support.QueryLane;
import org.rnnlab.app.support.TypedText;
import org.rnnlab.engine.NextWordPredictor;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.Tokens;
import org.rnnlab.text.Vocabulary;

class LanguageModelViewModelTest {
    static final Vocabulary VOCAB = Vocabulary.of(
            List.of(Tokens.START, Tokens.END, "the", "cat", "sat", ".", Tokens.UNKNOWN), new long[] {9, 9, 8, 5, 4, 3, 1});

    @Test
    void perplexityIsTheInverseGeometricMeanProbability() {
        // four predictions of 1/8 each: ln P = 4 ln(1/8), perplexity 8
        assertEquals(8.0, LanguageModelViewModel.perplexity(4 * Math.log(1.0 / 8), 4), 1e-9);
        assertTrue(Double.isNaN(LanguageModelViewModel.perplexity(-3, 0)));
    }

    @Test
    void scoresEachWordGivenTheWordsBeforeItThenTheEnd() {
        RnnModel model = RnnModel.initialise(VOCAB.size(), 5, 4, 10, Precision.FLOAT64);
        var score = LanguageModelViewModel.score(model, VOCAB, List.of("the", "dog", "sat"));
        assertEquals(4, score.predictions(), "three words and SENTENCE_END");
        assertEquals(Tokens.END, score.words().get(3).token());
        assertTrue(score.words().get(1).unknown(), "dog is not in the vocabulary");
        assertFalse(score.words().get(0).unknown());

        NextWordPredictor p = new NextWordPredictor(model);
        double[] first = p.feed(VOCAB.startIndex());
        assertEquals(first[VOCAB.indexOf("the")], score.words().get(0).probability(), 1e-12);
        double[] second = p.feed(VOCAB.indexOf("the"));
        assertEquals(second[VOCAB.unknownIndex()], score.words().get(1).probability(), 1e-12, "unknown words score as UNKNOWN_TOKEN");

        double sum = 0;
        for (var w : score.words()) {
            sum += Math.log(w.probability());
        }
        assertEquals(sum, score.logProbability(), 1e-9);
        assertEquals(Math.exp(-sum / 4), score.perplexity(), 1e-9);
    }

    @Test
    void randomWeightsGivePerplexityNearC() {
        RnnModel model = RnnModel.initialise(VOCAB.size(), 5, 4, 10, Precision.FLOAT64);
        var score = LanguageModelViewModel.score(model, VOCAB, List.of("the", "cat", "sat", "."));
        assertEquals(VOCAB.size(), score.perplexity(), 0.5);
    }

    @Test
    void comparisonSaysWhichAndByHowMuch() {
        var a = new LanguageModelViewModel.Score(List.of(), Math.log(0.01), 0, 7);
        var b = new LanguageModelViewModel.Score(List.of(), Math.log(0.001), 0, 7);
        assertEquals("Sentence A is 10 times as likely as sentence B.", LanguageModelViewModel.compare(a, b));
        assertEquals("Sentence B is 10 times as likely as sentence A.", LanguageModelViewModel.compare(b, a));
        assertTrue(LanguageModelViewModel.compare(a, a).contains("equally"));
        assertEquals("", LanguageModelViewModel.compare(a, null));
    }

    @Test
    void sentencesOfDifferentLengthsAreComparedPerWordToo() {
        var word = new LanguageModelViewModel.WordScore("x", false, 0.1);
        // A: 1 prediction at p = 0.01 (P = 0.01); B: 3 predictions at p = 0.1 (P = 0.001, but likelier per word)
        var a = new LanguageModelViewModel.Score(List.of(word), Math.log(0.01), 100, 7);
        var b = new LanguageModelViewModel.Score(List.of(word, word, word), Math.log(0.001), 10, 7);
        String said = LanguageModelViewModel.compare(a, b);
        assertTrue(said.startsWith("Sentence A is 10 times as likely as sentence B."), said);
        assertTrue(said.contains("1 and 3 predictions"), said);
        assertTrue(said.contains("per word, sentence B is the likelier (perplexity 10.0 against 100.0)"), said);
    }

    @Test
    void hugeRatiosAreWrittenAsPowersOfTen() {
        assertEquals("about 10²⁰ times", LanguageModelViewModel.timesText(20 * Math.log(10)));
        assertEquals("about 10¹⁰⁵ times", LanguageModelViewModel.timesText(105 * Math.log(10)));
        assertEquals("2.5 times", LanguageModelViewModel.timesText(Math.log(2.5)));
        assertEquals("1,250 times", LanguageModelViewModel.timesText(Math.log(1250)));
    }

    // ---- the view-model with its services (fakes: no window, queries answered at once) ----------

    private final ModelStoreFixture services = new ModelStoreFixture();

    private LanguageModelViewModel viewModel() {
        return new LanguageModelViewModel(services.store, services.queries, services.notifier);
    }

    @Test
    void withoutAModelNothingIsScored() {
        LanguageModelViewModel vm = viewModel();
        vm.sentenceAProperty().set("the people");
        assertTrue(services.queries.keys.isEmpty());
        assertNull(vm.scoreAProperty().get());
        assertEquals("", vm.summary(LanguageModelViewModel.Which.A).get());
        assertEquals("", vm.comparisonProperty().get());
        assertTrue(vm.modelLine().get().startsWith("Waiting"), vm.modelLine().get());
    }

    @Test
    void aModelScoresBothSentencesAndComparesThem() {
        LanguageModelViewModel vm = viewModel();
        var data = services.corpus(30);
        assertEquals(List.of("languageModelA", "languageModelB"), services.queries.keys, "one query per sentence");
        var a = vm.scoreAProperty().get();
        assertEquals(data.vocabulary().size(), a.vocabularySize());
        assertEquals(TypedText.tokens(LanguageModelViewModel.DEFAULT_A).size() + 1, a.predictions());
        assertTrue(vm.summary(LanguageModelViewModel.Which.A).get().startsWith(String.format(java.util.Locale.ROOT,
                "ln P = %.2f", a.logProbability())), vm.summary(LanguageModelViewModel.Which.A).get());
        assertEquals(LanguageModelViewModel.compare(a, vm.scoreBProperty().get()), vm.comparisonProperty().get());
        assertFalse(vm.comparisonProperty().get().isEmpty());
        assertTrue(vm.modelLine().get().contains("random weights (seed 10)"), vm.modelLine().get());
    }

    @Test
    void editingASentenceScoresOnlyThatOne() {
        LanguageModelViewModel vm = viewModel();
        services.corpus(30);
        var b = vm.scoreBProperty().get();
        services.queries.keys.clear();
        vm.sentenceAProperty().set("The people needs zebras.");
        assertEquals(List.of("languageModelA"), services.queries.keys);
        var a = vm.scoreAProperty().get();
        assertEquals(6, a.predictions(), "four words, the full stop and SENTENCE_END");
        assertEquals(1, a.unknownWords(), "zebras is not in the fixture's vocabulary");
        assertTrue(vm.summary(LanguageModelViewModel.Which.A).get().endsWith("1 word not in the vocabulary (read as UNKNOWN_TOKEN)"));
        assertSame(b, vm.scoreBProperty().get());
    }

    @Test
    void aNewModelScoresAgain() {
        LanguageModelViewModel vm = viewModel();
        services.corpus(30);
        double before = vm.scoreAProperty().get().logProbability();
        services.newModel(7, 3);
        assertNotEquals(before, vm.scoreAProperty().get().logProbability(), "other weights, another probability");
        assertEquals(4, services.queries.keys.size());
    }

    @Test
    void aStepOffScreenScoresTheNewModelOnceWhenShownNotAtEveryModel() {
        LanguageModelViewModel vm = viewModel();
        services.corpus(30);
        vm.hidden();
        services.queries.keys.clear();
        services.newModel(7, 3);
        services.newModel(6, 4); // a training run publishes a snapshot every few seconds
        assertTrue(services.queries.keys.isEmpty(), "nothing is scored off screen: " + services.queries.keys);
        vm.shown();
        assertEquals(List.of("languageModelA", "languageModelB"), services.queries.keys, "once, with the latest model");
        assertEquals(6, services.store.model().hiddenDim());
        services.queries.keys.clear();
        vm.shown();
        assertTrue(services.queries.keys.isEmpty(), "nothing changed: nothing to score");
    }

    @Test
    void aFailedScoreIsANotice() {
        QueryLane failing = new Fakes.FailingQueries("The model is broken.");
        new LanguageModelViewModel(services.store, failing, services.notifier);
        services.corpus(30);
        assertEquals("Language model: The model is broken.", services.notifier.last());
    }

}
