package org.rnnlab.app.steps.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rnnlab.app.session.Corpus;
import org.rnnlab.app.session.CorpusSession;
import org.rnnlab.app.session.CorpusSessionFixtures;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.text.FrequencyTable;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.Tokens;

/** The Vocabulary step's logic over plain properties standing for the session's corpus and C: no window. */
class VocabularyViewModelTest {
    private final SimpleObjectProperty<Corpus> loaded = new SimpleObjectProperty<>();
    private final SimpleIntegerProperty sessionC = new SimpleIntegerProperty(LessonDefaults.WORD_DIM);
    private final VocabularyViewModel model = new VocabularyViewModel(loaded, sessionC);
    private Corpus corpus;

    @BeforeEach
    void load() {
        corpus = CorpusSessionFixtures.corpus();
        loaded.set(corpus);
    }

    @Test
    void rowsAreTheFrequencyTableInRankOrder() {
        FrequencyTable f = corpus.frequencies();
        assertEquals(f.distinctTokens(), model.rows().size());
        for (int r = 0; r < model.rows().size(); r++) {
            VocabularyViewModel.Row row = model.rows().get(r);
            assertEquals(r + 1, row.rank());
            assertEquals(f.rankedWords().get(r), row.word());
            assertEquals(f.countAt(r), row.count());
        }
        assertEquals(corpus.maxVocabularySize(), model.maxVocabularySizeProperty().get());
    }

    @Test
    void followsCAtOnce() {
        model.vocabularySizeProperty().set(6);
        assertEquals(5, model.keptWordsProperty().get());
        VocabularyViewModel.Row fifth = model.rows().get(4);
        assertEquals(fifth.word(), model.leastFrequentWordProperty().get());
        assertEquals(fifth.count(), model.leastFrequentCountProperty().get());
        assertTrue(model.inVocabulary(fifth));
        assertFalse(model.inVocabulary(model.rows().get(5)));
        FrequencyTable f = corpus.frequencies();
        assertEquals(f.coverage(6), model.coverageProperty().get(), 1e-12);
        assertEquals(1 - f.coverage(6), model.unknownShare(), 1e-12);
        // The same numbers as the training data built for C = 6.
        PreparedData d = PreparedData.fromSentences(corpus.sentences(), 6);
        assertEquals(d.stats().leastFrequentWord(), model.leastFrequentWordProperty().get());
        assertEquals(d.vocabulary().count(d.vocabulary().unknownIndex()), model.unknownTokensProperty().get());
    }

    @Test
    void theExampleSentenceShowsRareWordsAsUnknown() {
        model.vocabularySizeProperty().set(8);
        List<String> before = model.exampleBeforeProperty().get();
        List<String> after = model.exampleAfterProperty().get();
        assertFalse(before.isEmpty());
        assertEquals(before.size(), after.size());
        assertTrue(after.contains(Tokens.UNKNOWN), "the example has a replaced word: " + after);
        for (int i = 0; i < before.size(); i++) {
            int rank = model.rankOf(before.get(i));
            assertEquals(rank < model.keptWordsProperty().get() ? before.get(i) : Tokens.UNKNOWN, after.get(i));
        }
        // A bigger C keeps the sentence and restores its words.
        int sentence = model.exampleSentenceProperty().get();
        model.vocabularySizeProperty().set(corpus.maxVocabularySize());
        assertEquals(sentence, model.exampleSentenceProperty().get());
        assertEquals(before, model.exampleAfterProperty().get());
    }

    @Test
    void nextExampleFindsAnotherSentenceWithAReplacement() {
        model.vocabularySizeProperty().set(8);
        int first = model.exampleSentenceProperty().get();
        model.nextExample();
        assertTrue(model.exampleSentenceProperty().get() != first);
        assertTrue(model.exampleAfterProperty().get().contains(Tokens.UNKNOWN));
    }

    @Test
    void searchFiltersTheTable() {
        model.searchProperty().set("RARE1");
        assertTrue(model.filteredRows().size() > 1);
        assertTrue(model.filteredRows().stream().allMatch(r -> r.word().contains("rare1")));
        model.searchProperty().set("");
        assertEquals(model.rows().size(), model.filteredRows().size());
    }

    @Test
    void curvesAreZipfShapedAndReachFullCoverage() {
        Curve zipf = model.zipfProperty().get();
        assertEquals(1, zipf.x()[0]);
        for (int i = 1; i < zipf.size(); i++) {
            assertTrue(zipf.x()[i] > zipf.x()[i - 1]);
            assertTrue(zipf.y()[i] <= zipf.y()[i - 1], "counts never rise with rank");
        }
        Curve cov = model.coverageCurveProperty().get();
        assertEquals(CorpusSession.MIN_VOCABULARY_SIZE, cov.x()[0]);
        assertEquals(corpus.maxVocabularySize(), cov.x()[cov.size() - 1]);
        assertEquals(100, cov.y()[cov.size() - 1], 1e-9);
    }

    @Test
    void clampKeepsCInRange() {
        assertEquals(3, model.clamp(0));
        assertEquals(corpus.maxVocabularySize(), model.clamp(1_000_000));
    }

    @Test
    void thinnedKeepsBothEndsAndFewPoints() {
        List<Integer> t = Curve.thinned(1, 100_000);
        assertEquals(1, t.get(0));
        assertEquals(100_000, t.get(t.size() - 1));
        assertTrue(t.size() < 500, "points: " + t.size());
    }

    @Test
    void commandsClampCAndWriteTheSessions() {
        model.chooseVocabularySize(1);
        assertEquals(CorpusSession.MIN_VOCABULARY_SIZE, sessionC.get());
        model.chooseVocabularySize(1_000_000);   // the lesson's button on a small corpus
        assertEquals(corpus.maxVocabularySize(), sessionC.get());
        assertTrue(model.vocabularySizeInput().enter(" 1,2 "));
        assertEquals(12, sessionC.get());
        assertFalse(model.vocabularySizeInput().enter("many"));
        assertEquals(12, sessionC.get());
        assertFalse(model.vocabularySizeInput().enter("1000000"), "typed: refused, not clamped");
        assertEquals(12, sessionC.get());
        assertEquals("1000000 is too large (3 to " + corpus.maxVocabularySize() + ").",
                model.vocabularySizeInput().problemProperty().get());
        assertFalse(model.vocabularySizeInput().enter("2"));
        assertEquals(12, sessionC.get());
        model.chooseFromSlider(1);   // 10^1
        assertEquals(10, sessionC.get());
        assertEquals(1, VocabularyViewModel.sliderPosition(10), 1e-12);
        assertEquals(Math.log10(corpus.maxVocabularySize()), model.sliderMax(), 1e-12);
        model.lessonVocabularySize();
        assertEquals(Math.min(LessonDefaults.WORD_DIM, corpus.maxVocabularySize()), sessionC.get());
    }

    @Test
    void followsACSetElsewhere() {
        sessionC.set(6);
        assertEquals(6, model.vocabularySizeProperty().get());
        assertEquals(5, model.keptWordsProperty().get());
    }

    @Test
    void theNumbersAndMarkersReadAsTheStepShowsThem() {
        sessionC.set(6);
        VocabularyViewModel.Row fifth = model.rows().get(4);
        assertEquals("5", model.keptText().get());
        assertEquals("\u201c" + fifth.word() + "\u201d \u00d7 " + fifth.count(), model.leastFrequentText().get());
        double covered = corpus.frequencies().coverage(6);
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f%%", 100 * (1 - covered)), model.unknownShareText().get());
        assertTrue(model.unknownTokensText().get().endsWith(" tokens \u2192 UNKNOWN"), model.unknownTokensText().get());
        assertEquals("3 to " + corpus.maxVocabularySize(), model.vocabularySizeInput().rangeTextProperty().get());
        VocabularyViewModel.Markers m = model.markersProperty().get();
        assertEquals(5, m.zipfRank());
        assertEquals("C - 1 = 5", m.zipfText());
        assertEquals(6, m.coverageC());
        assertEquals("C = 6", m.coverageText());
        assertEquals(100 * covered, m.coveragePercent(), 1e-9);
    }

    @Test
    void afterDisposeTheSessionsCIsLeftAlone() {
        sessionC.set(6);
        model.dispose();
        model.chooseVocabularySize(9);
        assertEquals(6, sessionC.get());
        sessionC.set(7);
        assertEquals(9, model.vocabularySizeProperty().get());
    }
}
