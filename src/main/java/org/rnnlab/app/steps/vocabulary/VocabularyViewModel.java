package org.rnnlab.app.steps.vocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.rnnlab.app.session.CorpusSession;
import org.rnnlab.app.session.Corpus;
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

    /** Points of a curve, ready for a chart. */
    public record Curve(double[] x, double[] y) {
        public int size() {
            return x.length;
        }
    }

    /** Sentences longer than this are skipped when looking for an example (they would not fit). */
    static final int EXAMPLE_MAX_TOKENS = 16;

    private final ObjectProperty<Corpus> corpus = new SimpleObjectProperty<>();
    private final IntegerProperty vocabularySize = new SimpleIntegerProperty(CorpusSession.DEFAULT_VOCABULARY_SIZE);
    private final StringProperty search = new SimpleStringProperty("");

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final FilteredList<Row> filteredRows = new FilteredList<>(rows);
    private final IntegerProperty maxVocabularySize = new SimpleIntegerProperty(CorpusSession.DEFAULT_VOCABULARY_SIZE);
    private final IntegerProperty keptWords = new SimpleIntegerProperty();
    private final StringProperty leastFrequentWord = new SimpleStringProperty("");
    private final LongProperty leastFrequentCount = new SimpleLongProperty();
    private final DoubleProperty coverage = new SimpleDoubleProperty();
    private final LongProperty unknownTokens = new SimpleLongProperty();
    private final ObjectProperty<Curve> zipf = new SimpleObjectProperty<>(new Curve(new double[0], new double[0]));
    private final ObjectProperty<Curve> coverageCurve = new SimpleObjectProperty<>(new Curve(new double[0], new double[0]));
    private final IntegerProperty exampleSentence = new SimpleIntegerProperty(-1);
    private final ObjectProperty<List<String>> exampleBefore = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<String>> exampleAfter = new SimpleObjectProperty<>(List.of());

    private Map<String, Integer> rankOf = Map.of();   // 0-based
    private double[] covered = {0};                   // covered[k]: share covered by the k most frequent words

    public VocabularyViewModel() {
        corpus.addListener((obs, old, now) -> corpusChanged(now));
        vocabularySize.addListener((obs, old, now) -> vocabularyChanged());
        search.addListener((obs, old, now) -> {
            String q = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            filteredRows.setPredicate(q.isEmpty() ? null : r -> r.word().toLowerCase(Locale.ROOT).contains(q));
        });
        exampleSentence.addListener((obs, old, now) -> updateExample());
        vocabularyChanged();
    }

    // ---------------------------------------------------------------- inputs

    public ObjectProperty<Corpus> corpusProperty() {
        return corpus;
    }

    /** C: bound to the session's, so the whole app follows. */
    public IntegerProperty vocabularySizeProperty() {
        return vocabularySize;
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
            maxVocabularySize.set(CorpusSession.DEFAULT_VOCABULARY_SIZE);
            zipf.set(new Curve(new double[0], new double[0]));
            coverageCurve.set(new Curve(new double[0], new double[0]));
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
        zipf.set(zipfCurve(f));
        coverageCurve.set(coverageCurve(covered, c.maxVocabularySize()));
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

    /** Every rank up to 100, then about 2% apart, and the last one: the shape survives, the points do not pile up. */
    static Curve zipfCurve(FrequencyTable f) {
        int n = f.distinctTokens();
        List<double[]> points = new ArrayList<>();
        for (int r : thinned(1, n)) {
            points.add(new double[] {r, f.countAt(r - 1)});
        }
        return curve(points);
    }

    static Curve coverageCurve(double[] covered, int maxC) {
        List<double[]> points = new ArrayList<>();
        for (int c : thinned(CorpusSession.MIN_VOCABULARY_SIZE, maxC)) {
            points.add(new double[] {c, 100 * covered[Math.min(c - 1, covered.length - 1)]});
        }
        return curve(points);
    }

    static List<Integer> thinned(int from, int to) {
        List<Integer> out = new ArrayList<>();
        int v = from;
        while (v < to) {
            out.add(v);
            v = v < 100 ? v + 1 : Math.max(v + 1, (int) Math.round(v * 1.02));
        }
        if (to >= from) {
            out.add(to);
        }
        return out;
    }

    private static Curve curve(List<double[]> points) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new Curve(x, y);
    }
}
