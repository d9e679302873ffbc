package org.rnnlab.app.steps.vocabulary;

import org.rnnlab.app.i18n.I18n;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.rnnlab.app.session.CorpusSession;
import org.rnnlab.app.session.Corpus;
import org.rnnlab.app.support.NumberText;
import org.rnnlab.app.widgets.NumberInput;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.text.FrequencyTable;
import org.rnnlab.text.Tokens;

/**
 * The Vocabulary step: how the vocabulary size C decides which words the model knows. Everything
 * here follows C at once, straight from the token counts; the session rebuilds the training data
 * for the new C in the background.
 */
public final class VocabularyViewModel {
    /** One word of the frequency table; {@code rank} counts from 1, as people do. */
    public record Row(int rank, String word, long count) {
    }

    /**
     * Where the charts mark the current C: the Zipf plot at rank C - 1 (the last word kept), the
     * coverage curve at C and at the share of tokens covered (in %).
     */
    public record Markers(double zipfRank, String zipfText, double coverageC, String coverageText,
                          double coveragePercent, String coveragePercentText) {
    }

    /** Sentences longer than this are skipped when looking for an example (they would not fit). */
    static final int EXAMPLE_MAX_TOKENS = 16;

    private final IntegerProperty sessionVocabularySize;
    private final ObjectProperty<Corpus> corpus = new SimpleObjectProperty<>();
    private final IntegerProperty vocabularySize = new SimpleIntegerProperty(LessonDefaults.WORD_DIM);
    private final StringProperty search = new SimpleStringProperty("");

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final FilteredList<Row> filteredRows = new FilteredList<>(rows);
    private final IntegerProperty maxVocabularySize = new SimpleIntegerProperty(LessonDefaults.WORD_DIM);
    private final IntegerProperty keptWords = new SimpleIntegerProperty();
    private final StringProperty leastFrequentWord = new SimpleStringProperty("");
    private final LongProperty leastFrequentCount = new SimpleLongProperty();
    private final DoubleProperty coverage = new SimpleDoubleProperty();
    private final LongProperty unknownTokens = new SimpleLongProperty();
    private final ObjectProperty<Curve> zipf = new SimpleObjectProperty<>(Curve.EMPTY);
    private final ObjectProperty<Curve> coverageCurve = new SimpleObjectProperty<>(Curve.EMPTY);
    private final IntegerProperty exampleSentence = new SimpleIntegerProperty(-1);
    private final ObjectProperty<List<String>> exampleBefore = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<String>> exampleAfter = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<Markers> markers = new SimpleObjectProperty<>();
    private final StringBinding keptText = Bindings.createStringBinding(
            () -> NumberText.count(keptWords.get()), keptWords);
    private final StringBinding leastFrequentText = Bindings.createStringBinding(
            () -> "\u201c" + leastFrequentWord.get() + "\u201d \u00d7 " + NumberText.count(leastFrequentCount.get()),
            leastFrequentWord, leastFrequentCount);
    private final StringBinding unknownShareText = Bindings.createStringBinding(
            () -> String.format(Locale.ROOT, "%.1f%%", 100 * unknownShare()), coverage, corpus);
    private final StringBinding unknownTokensText = Bindings.createStringBinding(
            () -> I18n.text("app.vocab.unknownTokens", unknownTokens.get()), unknownTokens, I18n.languageProperty());

    private final NumberInput vocabularySizeInput =
            NumberInput.whole("C", vocabularySize, CorpusSession.MIN_VOCABULARY_SIZE, LessonDefaults.WORD_DIM);

    private Map<String, Integer> rankOf = Map.of();   // 0-based
    private double[] covered = {0};                   // covered[k]: share covered by the k most frequent words

    /**
     * @param corpus         the corpus loaded (null until one is read)
     * @param vocabularySize the session's C: this step sets it, and follows it when it changes elsewhere
     */
    public VocabularyViewModel(ObservableValue<Corpus> corpus, IntegerProperty vocabularySize) {
        this.sessionVocabularySize = vocabularySize;
        this.corpus.addListener((obs, old, now) -> corpusChanged(now));
        vocabularySize.addListener((obs, old, now) -> vocabularyChanged());
        search.addListener((obs, old, now) -> {
            String q = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            filteredRows.setPredicate(q.isEmpty() ? null : r -> r.word().toLowerCase(Locale.ROOT).contains(q));
        });
        exampleSentence.addListener((obs, old, now) -> updateExample());
        vocabularySizeInput.maxProperty().bind(maxVocabularySize);
        vocabularyChanged();
        // Bound last, so that everything above sees the corpus already loaded.
        this.vocabularySize.bindBidirectional(vocabularySize);
        this.corpus.bind(corpus);
    }

    /** Stops following the session (the window closes). */
    public void dispose() {
        vocabularySize.unbindBidirectional(sessionVocabularySize);
        corpus.unbind();
    }

    // ---------------------------------------------------------------- inputs

    public ReadOnlyObjectProperty<Corpus> corpusProperty() {
        return corpus;
    }

    /** C: bound both ways to the session's, so the whole app follows. */
    public IntegerProperty vocabularySizeProperty() {
        return vocabularySize;
    }

    /** C as typed: from 3 to what this corpus allows; a number outside is refused, not clamped. */
    public NumberInput vocabularySizeInput() {
        return vocabularySizeInput;
    }

    /** Text the frequency table is filtered by (part of a word). */
    public StringProperty searchProperty() {
        return search;
    }

    /** The sentence shown before and after replacement (index into the corpus's sentences). */
    public IntegerProperty exampleSentenceProperty() {
        return exampleSentence;
    }

    // ---------------------------------------------------------------- outputs

    /** Every distinct token, most frequent first. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** {@link #rows()} filtered by {@link #searchProperty()}. */
    public FilteredList<Row> filteredRows() {
        return filteredRows;
    }

    public ReadOnlyIntegerProperty maxVocabularySizeProperty() {
        return maxVocabularySize;
    }

    /** Words kept besides UNKNOWN_TOKEN: C - 1 (or every distinct token, if fewer). */
    public ReadOnlyIntegerProperty keptWordsProperty() {
        return keptWords;
    }

    public ReadOnlyStringProperty leastFrequentWordProperty() {
        return leastFrequentWord;
    }

    public ReadOnlyLongProperty leastFrequentCountProperty() {
        return leastFrequentCount;
    }

    /** Share (0..1) of all tokens that are in the vocabulary. */
    public ReadOnlyDoubleProperty coverageProperty() {
        return coverage;
    }

    /** Tokens of the corpus that become UNKNOWN_TOKEN. */
    public ReadOnlyLongProperty unknownTokensProperty() {
        return unknownTokens;
    }

    /** Share (0..1) of all tokens that become UNKNOWN_TOKEN. */
    public double unknownShare() {
        return corpus.get() == null ? 0 : 1 - coverage.get();
    }

    /** Zipf plot: rank (x) against count (y), both meant for log axes; thinned to a few hundred points. */
    public ReadOnlyObjectProperty<Curve> zipfProperty() {
        return zipf;
    }

    /** Coverage curve: C (x) against % of tokens covered (y). */
    public ReadOnlyObjectProperty<Curve> coverageCurveProperty() {
        return coverageCurve;
    }

    public ReadOnlyObjectProperty<List<String>> exampleBeforeProperty() {
        return exampleBefore;
    }

    public ReadOnlyObjectProperty<List<String>> exampleAfterProperty() {
        return exampleAfter;
    }

    /** Where the charts mark C; follows C and the corpus. */
    public ReadOnlyObjectProperty<Markers> markersProperty() {
        return markers;
    }

    public StringBinding keptText() {
        return keptText;
    }

    /** The least frequent word kept and its count: "“dog” × 10". */
    public StringBinding leastFrequentText() {
        return leastFrequentText;
    }

    /** "2.5%" of the tokens become UNKNOWN_TOKEN. */
    public StringBinding unknownShareText() {
        return unknownShareText;
    }

    public StringBinding unknownTokensText() {
        return unknownTokensText;
    }

    /** The slider's position for C: log10 C (each notch multiplies C). */
    public static double sliderPosition(int c) {
        return Math.log10(c);
    }

    /** The slider's range: log10 of the smallest and of the largest C (never empty). */
    public double sliderMin() {
        return sliderPosition(CorpusSession.MIN_VOCABULARY_SIZE);
    }

    public double sliderMax() {
        return sliderPosition(Math.max(CorpusSession.MIN_VOCABULARY_SIZE + 1, maxVocabularySize.get()));
    }

    // ---------------------------------------------------------------- commands

    /**
     * Sets C, clamped to what this corpus allows (the slider and the lesson's button: neither can
     * ask for more than the range shown); the session rebuilds the training data once C stays still.
     * Typed values go through {@link #vocabularySizeInput()}, which refuses rather than clamps.
     */
    public void chooseVocabularySize(int c) {
        vocabularySize.set(clamp(c));
    }

    /** C from the slider's position (log scale). */
    public void chooseFromSlider(double position) {
        chooseVocabularySize((int) Math.round(Math.pow(10, position)));
    }

    /** The lesson's C = 8,000 (or the largest this corpus allows). */
    public void lessonVocabularySize() {
        chooseVocabularySize(LessonDefaults.WORD_DIM);
        vocabularySizeInput.revert();
    }

    /** True when the word of {@code row} is in a vocabulary of the current C. */
    public boolean inVocabulary(Row row) {
        return row.rank() <= keptWords.get();
    }

    /** C clamped to what this corpus allows: 3 .. distinct tokens + 1. */
    public int clamp(int c) {
        return Math.max(CorpusSession.MIN_VOCABULARY_SIZE, Math.min(c, maxVocabularySize.get()));
    }

    /** The index (0-based) of {@code word} in the ranking, or -1. */
    public int rankOf(String word) {
        Integer r = rankOf.get(word);
        return r == null ? -1 : r;
    }

    /** Moves the example to the next short sentence that has at least one word replaced at this C (if any). */
    public void nextExample() {
        int i = findExample(true);
        if (i < 0) {
            i = findExample(false);
        }
        if (i >= 0) {
            exampleSentence.set(i);
        }
    }

    /** The next short sentence after the current one (with a replaced word, if asked), or -1. */
    private int findExample(boolean withReplacement) {
        Corpus c = corpus.get();
        if (c == null || c.sentenceCount() == 0) {
            return -1;
        }
        int n = c.sentenceCount();
        int start = Math.max(-1, exampleSentence.get());
        for (int step = 1; step <= n; step++) {
            int i = Math.floorMod(start + step, n);
            List<String> s = c.sentenceTokens(i);
            if (s.size() > EXAMPLE_MAX_TOKENS || s.size() < 5 || i == exampleSentence.get()) {
                continue;
            }
            if (!withReplacement || replaced(s) > 0) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- logic

    private void corpusChanged(Corpus c) {
        if (c == null) {
            rows.clear();
            rankOf = Map.of();
            covered = new double[] {0};
            maxVocabularySize.set(LessonDefaults.WORD_DIM);
            zipf.set(Curve.EMPTY);
            coverageCurve.set(Curve.EMPTY);
            exampleSentence.set(-1);
            vocabularyChanged();
            return;
        }
        FrequencyTable f = c.frequencies();
        List<String> ranked = f.rankedWords();
        List<Row> all = new ArrayList<>(ranked.size());
        Map<String, Integer> ranks = new HashMap<>(ranked.size() * 2);
        for (int r = 0; r < ranked.size(); r++) {
            all.add(new Row(r + 1, ranked.get(r), f.countAt(r)));
            ranks.put(ranked.get(r), r);
        }
        rankOf = ranks;
        covered = f.coverageCurve();
        maxVocabularySize.set(c.maxVocabularySize());
        rows.setAll(all);
        zipf.set(Curve.zipf(f));
        coverageCurve.set(Curve.coverage(covered, c.maxVocabularySize()));
        exampleSentence.set(-1);
        vocabularyChanged();
        if (exampleSentence.get() < 0) {
            nextExample();
        }
    }

    private void vocabularyChanged() {
        Corpus c = corpus.get();
        if (c == null) {
            keptWords.set(Math.max(0, vocabularySize.get() - 1));
            leastFrequentWord.set("");
            leastFrequentCount.set(0);
            coverage.set(0);
            unknownTokens.set(0);
            updateMarkers();
            updateExample();
            return;
        }
        FrequencyTable f = c.frequencies();
        int kept = f.keptWords(clamp(vocabularySize.get()));
        keptWords.set(kept);
        leastFrequentWord.set(kept > 0 ? rows.get(kept - 1).word() : Tokens.UNKNOWN);
        leastFrequentCount.set(kept > 0 ? rows.get(kept - 1).count() : 0);
        double share = covered[Math.min(kept, covered.length - 1)];
        coverage.set(share);
        long total = f.totalTokens();
        unknownTokens.set(total - Math.round(share * total));
        updateMarkers();
        // Keep the example while it shows a replacement; otherwise look for one that does.
        int current = exampleSentence.get();
        if (current < 0 || current >= c.sentenceCount() || replaced(c.sentenceTokens(current)) == 0) {
            int i = findExample(true);
            if (i >= 0 && i != current) {
                exampleSentence.set(i);   // updates the example
                return;
            }
        }
        updateExample();
    }

    private void updateMarkers() {
        int kept = keptWords.get();
        double percent = 100 * coverage.get();
        markers.set(new Markers(Math.max(1, kept), "C - 1 = " + NumberText.count(kept),
                kept + 1, "C = " + NumberText.count(kept + 1),
                percent, String.format(Locale.ROOT, "%.1f%%", percent)));
    }

    private void updateExample() {
        Corpus c = corpus.get();
        int i = exampleSentence.get();
        if (c == null || i < 0 || i >= c.sentenceCount()) {
            exampleBefore.set(List.of());
            exampleAfter.set(List.of());
            return;
        }
        List<String> before = List.copyOf(c.sentenceTokens(i));
        List<String> after = new ArrayList<>(before.size());
        int kept = keptWords.get();
        for (String w : before) {
            Integer r = rankOf.get(w);
            after.add(r != null && r < kept ? w : Tokens.UNKNOWN);
        }
        exampleBefore.set(before);
        exampleAfter.set(List.copyOf(after));
    }

    private int replaced(List<String> sentence) {
        int kept = keptWords.get();
        int n = 0;
        for (String w : sentence) {
            Integer r = rankOf.get(w);
            if (r == null || r >= kept) {
                n++;
            }
        }
        return n;
    }
}
