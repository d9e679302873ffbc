package org.rnnlab.app.steps.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.rnnlab.app.session.Corpus;
import org.rnnlab.app.session.CorpusSession;
import org.rnnlab.app.session.CorpusSummary;
import org.rnnlab.app.session.CorpusSessionFixtures;
import org.rnnlab.text.Tokens;

/** The Corpus step's logic over plain properties standing for the session's: no window. */
class CorpusViewModelTest {
    private final SimpleObjectProperty<Corpus> corpus = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<CorpusSummary> summary = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty loading = new SimpleBooleanProperty();
    private final CorpusViewModel model = new CorpusViewModel(corpus, summary, loading, new Random(1));

    @Test
    void takesTheChosenCommentThroughThePipeline() {
        corpus.set(Corpus.of("t", List.of("First one.", "He LEFT! Then he came back.")));
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
        corpus.set(CorpusSessionFixtures.corpus());
        model.commentIndexProperty().set(7);
        corpus.set(Corpus.of("other", List.of("Only this.")));
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
        corpus.set(Corpus.of("t", List.of("Plain words here. She said \"no\", I'd go!")));
        assertEquals("she said \"no\", i'd go!", model.sentenceToCompare());
    }

    @Test
    void randomCommentMovesToAnotherOne() {
        corpus.set(CorpusSessionFixtures.corpus());
        int before = model.commentIndexProperty().get();
        model.pickRandomComment();
        assertNotEquals(before, model.commentIndexProperty().get());
        assertTrue(model.commentIndexProperty().get() < model.commentCountProperty().get());
    }

    @Test
    void theNoteSaysWhenOnlyTheFirstCommentsAreKept() {
        summary.set(new CorpusSummary("big.csv (CSV, column body)", 15000, 80000, 1_000_000,
                50_000, 0, CorpusSession.KEPT_DOCUMENTS, true, 0));
        assertTrue(model.summaryNote().contains("first 5,000 of 15,000"), model.summaryNote());
        summary.set(new CorpusSummary("big.csv (CSV, column body)", 100, 10, 10, 10, 0, 100, false, 0));
        assertTrue(model.summaryNote().startsWith("Reading"), model.summaryNote());
    }

    @Test
    void theNumbersReadAsTheStepShowsThem() {
        assertEquals("No corpus", model.descriptionText().get());
        assertEquals("-", model.documentsText().get());
        assertTrue(model.noteText().get().startsWith("No corpus yet"), model.noteText().get());
        loading.set(true);
        assertEquals("Reading the corpus...", model.noteText().get());
        summary.set(new CorpusSummary("big.csv (CSV, column body)", 15000, 80000, 1_000_000, 50_000, 12, 100, false, 0));
        assertEquals("15,000", model.documentsText().get());
        assertEquals("1,000,000", model.tokensText().get());
        assertEquals("...", model.malformedText().get(), "replaced bytes are counted at the end");
        assertEquals("comments", model.unitsText().get());
        loading.set(false);
        Corpus texts = Corpus.of("speeches.txt", List.of("One. Two."));
        corpus.set(texts);
        summary.set(texts.summary());
        assertEquals("paragraphs", model.unitsText().get());
        assertEquals("Paragraph", model.unitTitle().get());
        assertEquals("of 1", model.commentOfText().get());
        assertEquals("0", model.malformedText().get());
    }

    @Test
    void commandsPickCommentsAndComparisons() {
        corpus.set(CorpusSessionFixtures.corpus());
        model.showComment(3);
        assertEquals(CorpusSessionFixtures.comments().get(3), model.rawTextProperty().get());
        model.showComment(40);
        assertEquals(3, model.commentIndexProperty().get(), "a comment out of range is ignored");
        model.compare(CorpusViewModel.MORE_EXAMPLES.get(0));
        assertTrue(model.treebankTokensProperty().get().stream().anyMatch(t -> t.text().equals("n't")));
        model.compareSentenceOfComment();
        assertEquals(model.sentenceToCompare(), model.compareTextProperty().get());
    }

    @Test
    void afterDisposeTheSessionIsNoLongerFollowed() {
        corpus.set(CorpusSessionFixtures.corpus());
        model.dispose();
        corpus.set(Corpus.of("other", List.of("Only this.")));
        assertEquals(40, model.commentCountProperty().get());
    }
}
