package org.rnnlab.app.steps.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rnnlab.app.session.Corpus;
import org.rnnlab.app.session.CorpusSession;
import org.rnnlab.app.session.CorpusSummary;
import org.rnnlab.app.session.CorpusSessionFixtures;
import org.rnnlab.text.Tokens;

class CorpusViewModelTest {
    private final CorpusViewModel model = new CorpusViewModel();

    @Test
    void takesTheChosenCommentThroughThePipeline() {
        model.corpusProperty().set(Corpus.of("t", List.of("First one.", "He LEFT! Then he came back.")));
        assertEquals(2, model.commentCountProperty().get());
        assertEquals("First one.", model.rawTextProperty().get());
        model.commentIndexProperty().set(1);
        assertEquals("He LEFT! Then he came back.", model.rawTextProperty().get());
        assertEquals("he left! then he came back.", model.lowerTextProperty().get());
        assertEquals(List.of("he left!", "then he came back."), model.sentencesProperty().get());
        List<List<String>> tokens = model.sentenceTokensProperty().get();
        assertEquals(List.of(Tokens.START, "he", "left", "!", Tokens.END), tokens.get(0));
        assertEquals(Tokens.END, tokens.get(1).get(tokens.get(1).size() - 1));
    }

    @Test
    void aNewCorpusStartsAtItsFirstComment() {
        model.corpusProperty().set(CorpusSessionFixtures.corpus());
        model.commentIndexProperty().set(7);
        model.corpusProperty().set(Corpus.of("other", List.of("Only this.")));
        assertEquals(0, model.commentIndexProperty().get());
        assertEquals("Only this.", model.rawTextProperty().get());
    }

    @Test
    void theLessonsExampleSplitsDifferently() {
        model.compareTextProperty().set(CorpusViewModel.LESSON_EXAMPLE);
        List<CorpusViewModel.Token> ws = model.whitespaceTokensProperty().get();
        List<CorpusViewModel.Token> tb = model.treebankTokensProperty().get();
        assertEquals(List.of("he", "left!"), ws.stream().map(CorpusViewModel.Token::text).toList());
        assertEquals(List.of("he", "left", "!"), tb.stream().map(CorpusViewModel.Token::text).toList());
        assertFalse(ws.get(0).different());
        assertTrue(ws.get(1).different());
        assertFalse(tb.get(0).different());
        assertTrue(tb.get(1).different());
        assertTrue(tb.get(2).different());
    }

    @Test
    void comparisonLowerCasesLikeThePipeline() {
        model.compareTextProperty().set("They AREN'T here");
        List<String> tb = model.treebankTokensProperty().get().stream().map(CorpusViewModel.Token::text).toList();
        assertEquals(List.of("they", "are", "n't", "here"), tb);
    }

    @Test
    void differencesFollowALongestCommonSubsequence() {
        boolean[][] d = CorpusViewModel.differences(List.of("a", "b,", "c"), List.of("a", "b", ",", "c"));
        assertArrayEquals(new boolean[] {false, true, false}, d[0]);
        assertArrayEquals(new boolean[] {false, true, true, false}, d[1]);
        boolean[][] same = CorpusViewModel.differences(List.of("x", "y"), List.of("x", "y"));
        assertArrayEquals(new boolean[] {false, false}, same[0]);
    }

    @Test
    void typedTextIsTokenizedLive() {
        assertTrue(model.tryTokensProperty().get().isEmpty());
        model.tryTextProperty().set("Hi there. How are you?");
        List<List<String>> s = model.tryTokensProperty().get();
        assertEquals(2, s.size());
        assertEquals(List.of(Tokens.START, "hi", "there", ".", Tokens.END), s.get(0));
        assertTrue(model.tryCountsProperty().get().startsWith("2 sentences, 11 tokens"), model.tryCountsProperty().get());
    }

    @Test
    void aSentenceToCompareIsOneWhereTheTokenizersDisagree() {
        // Every sentence differs at its final stop; the one with the most differences is chosen.
        model.corpusProperty().set(Corpus.of("t", List.of("Plain words here. She said \"no\", I'd go!")));
        assertEquals("she said \"no\", i'd go!", model.sentenceToCompare());
    }

    @Test
    void randomCommentMovesToAnotherOne() {
        model.corpusProperty().set(CorpusSessionFixtures.corpus());
        int before = model.commentIndexProperty().get();
        model.pickRandomComment(new Random(1));
        assertNotEquals(before, model.commentIndexProperty().get());
        assertTrue(model.commentIndexProperty().get() < model.commentCountProperty().get());
    }

    @Test
    void theNoteSaysWhenOnlyTheFirstCommentsAreKept() {
        model.summaryProperty().set(new CorpusSummary("big.csv (CSV, column body)", 15000, 80000, 1_000_000,
                50_000, 0, CorpusSession.KEPT_DOCUMENTS, true, 0));
        assertTrue(model.summaryNote().contains("first 5,000 of 15,000"), model.summaryNote());
        model.summaryProperty().set(new CorpusSummary("big.csv (CSV, column body)", 100, 10, 10, 10, 0, 100, false, 0));
        assertTrue(model.summaryNote().startsWith("Reading"), model.summaryNote());
    }
}
