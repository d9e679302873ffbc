package org.rnnlab.app.steps.languagemodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
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
    void hugeRatiosAreWrittenAsPowersOfTen() {
        assertEquals("about 10²⁰ times", LanguageModelViewModel.timesText(20 * Math.log(10)));
        assertEquals("about 10¹⁰⁵ times", LanguageModelViewModel.timesText(105 * Math.log(10)));
        assertEquals("2.5 times", LanguageModelViewModel.timesText(Math.log(2.5)));
        assertEquals("1,250 times", LanguageModelViewModel.timesText(Math.log(1250)));
    }

    @Test
    void typedTextIsLowerCasedAndTokenizedLikeTheCorpus() {
        assertEquals(List.of("he", "did", "n't", "leave", "!"), TypedText.tokens("He didn't leave!"));
        assertEquals(List.of(), TypedText.tokens("   "));
    }
}
