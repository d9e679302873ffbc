package org.rnnlab.app.steps.corpus;

import org.rnnlab.app.session.CorpusDescriptions;
import org.rnnlab.app.i18n.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.rnnlab.app.session.Corpus;
import org.rnnlab.app.session.CorpusSummary;
import org.rnnlab.text.Document;
import org.rnnlab.text.SentenceSplitter;
import org.rnnlab.text.TextPipeline;
import org.rnnlab.text.TreebankTokenizer;
import org.rnnlab.text.WhitespaceTokenizer;
import org.rnnlab.app.support.NumberText;
import org.rnnlab.app.widgets.NumberInput;

/**
 * The Corpus and tokens step: the corpus in numbers, one comment taken through the lesson's
 * pre-processing, the naive whitespace split beside the Treebank split, and a box to try any text.
 */
public final class CorpusViewModel {
    /** The lesson's own example of what a real tokenizer does that splitting on spaces does not. */
    public static final String LESSON_EXAMPLE = "he left!";
    /** Longer examples: contractions and quotes, which the Treebank rules split too. */
    public static final List<String> MORE_EXAMPLES = List.of(
            "I'd say they aren't ready.", "She said \"no\", then (quietly) left...");
    /** Typed text longer than this is tokenized only up to here, so typing stays instant. */
    static final int MAX_TRY_CHARS = 5000;

    /** One token of a comparison row; {@code different} when the other tokenizer has no such token there. */
    public record Token(String text, boolean different) {
    }

    private final TextPipeline pipeline = new TextPipeline();
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final TreebankTokenizer treebank = new TreebankTokenizer();
    private final WhitespaceTokenizer whitespace = new WhitespaceTokenizer();
    private final RandomGenerator random;

    private final ObjectProperty<Corpus> corpus = new SimpleObjectProperty<>();
    private final ObjectProperty<CorpusSummary> summary = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();

    private final IntegerProperty commentIndex = new SimpleIntegerProperty(0);
    private final IntegerProperty commentCount = new SimpleIntegerProperty(0);
    private final NumberInput commentInput = NumberInput.index(I18n.key("app.corpus.input.comment"), commentIndex, this::showComment,
            commentCount);
    private final StringProperty rawText = new SimpleStringProperty("");
    private final StringProperty lowerText = new SimpleStringProperty("");
    private final ObjectProperty<List<String>> sentences = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<List<String>>> sentenceTokens = new SimpleObjectProperty<>(List.of());

    private final StringProperty compareText = new SimpleStringProperty(LESSON_EXAMPLE);
    private final ObjectProperty<List<Token>> whitespaceTokens = new SimpleObjectProperty<>(List.of());
    private final ObjectProperty<List<Token>> treebankTokens = new SimpleObjectProperty<>(List.of());

    private final StringProperty tryText = new SimpleStringProperty("");
    private final ObjectProperty<List<List<String>>> tryTokens = new SimpleObjectProperty<>(List.of());
    private final StringProperty tryCounts = new SimpleStringProperty("");
    /** The try-it counts, worded again when the language changes. */
    private final javafx.beans.InvalidationListener recount = o -> updateTry();

    private final StringBinding descriptionText = summaryText(s -> CorpusDescriptions.display(s.description()), null);
    private final StringBinding documentsText = summaryText(s -> NumberText.count(s.documents()), "-");
    private final StringBinding sentencesText = summaryText(s -> NumberText.count(s.sentences()), "-");
    private final StringBinding tokensText = summaryText(s -> NumberText.count(s.tokens()), "-");
    private final StringBinding distinctText = summaryText(s -> NumberText.count(s.distinctTokens()), "-");
    // Bytes replaced are only known once the whole file is read.
    private final StringBinding malformedText = summaryText(
            s -> s.complete() ? NumberText.count(s.malformedBytes()) : "...", "-");
    private final StringBinding unitsText = text(() -> "comment".equals(unit()) ? I18n.text("app.corpus.unit.comments") : I18n.text("app.corpus.unit.paragraphs"));
    private final StringBinding unitTitle = text(() -> "comment".equals(unit()) ? I18n.text("app.corpus.unit.comment") : I18n.text("app.corpus.unit.paragraph"));
    private final StringBinding noteText = text(this::summaryNote);
    private final StringBinding commentOfText = Bindings.createStringBinding(
            () -> I18n.text("app.corpus.of", commentCount.get()), commentCount, I18n.languageProperty());

    /**
     * @param corpus  the corpus loaded (null until one is read)
     * @param summary its numbers, growing while a file streams in
     * @param loading true while a file is being read
     * @param random  picks the "Random" comment
     */
    public CorpusViewModel(ObservableValue<Corpus> corpus, ObservableValue<CorpusSummary> summary,
                           ObservableValue<Boolean> loading, RandomGenerator random) {
        this.random = random;
        this.corpus.addListener((obs, old, now) -> {
            commentCount.set(now == null ? 0 : now.documents().size());
            if (commentIndex.get() != 0) {
                commentIndex.set(0);
            } else {
                updateComment();
            }
        });
        commentIndex.addListener((obs, old, now) -> updateComment());
        compareText.addListener((obs, old, now) -> updateComparison());
        tryText.addListener((obs, old, now) -> updateTry());
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(recount));
        updateComparison();
        updateTry();
        // Bound last, so that the listeners above see the corpus already loaded.
        this.corpus.bind(corpus);
        this.summary.bind(summary);
        this.loading.bind(loading);
    }

    /** Stops following the session (the window closes). */
    public void dispose() {
        corpus.unbind();
        summary.unbind();
        loading.unbind();
    }

    // ---------------------------------------------------------------- inputs

    public ReadOnlyObjectProperty<Corpus> corpusProperty() {
        return corpus;
    }

    public ReadOnlyObjectProperty<CorpusSummary> summaryProperty() {
        return summary;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** The comment shown, 0-based among the documents kept for browsing. */
    public IntegerProperty commentIndexProperty() {
        return commentIndex;
    }

    /** The comment picker: typed and shown from 1 to the number of comments kept. */
    public NumberInput commentInput() {
        return commentInput;
    }

    public StringProperty compareTextProperty() {
        return compareText;
    }

    public StringProperty tryTextProperty() {
        return tryText;
    }

    // ---------------------------------------------------------------- outputs

    public ReadOnlyIntegerProperty commentCountProperty() {
        return commentCount;
    }

    public ReadOnlyStringProperty rawTextProperty() {
        return rawText;
    }

    public ReadOnlyStringProperty lowerTextProperty() {
        return lowerText;
    }

    /** The lower-cased comment split into sentences. */
    public ReadOnlyObjectProperty<List<String>> sentencesProperty() {
        return sentences;
    }

    /** What the lesson trains on: each sentence's tokens, wrapped SENTENCE_START .. SENTENCE_END. */
    public ReadOnlyObjectProperty<List<List<String>>> sentenceTokensProperty() {
        return sentenceTokens;
    }

    public ReadOnlyObjectProperty<List<Token>> whitespaceTokensProperty() {
        return whitespaceTokens;
    }

    public ReadOnlyObjectProperty<List<Token>> treebankTokensProperty() {
        return treebankTokens;
    }

    public ReadOnlyObjectProperty<List<List<String>>> tryTokensProperty() {
        return tryTokens;
    }

    public ReadOnlyStringProperty tryCountsProperty() {
        return tryCounts;
    }

    /** The corpus's name, or "No corpus". */
    public StringBinding descriptionText() {
        return descriptionText;
    }

    public StringBinding documentsText() {
        return documentsText;
    }

    public StringBinding sentencesText() {
        return sentencesText;
    }

    public StringBinding tokensText() {
        return tokensText;
    }

    public StringBinding distinctText() {
        return distinctText;
    }

    public StringBinding malformedText() {
        return malformedText;
    }

    /** "comments" or "paragraphs", under the count of documents. */
    public StringBinding unitsText() {
        return unitsText;
    }

    /** "Comment" or "Paragraph", before the picker. */
    public StringBinding unitTitle() {
        return unitTitle;
    }

    /** {@link #summaryNote()}, kept up to date. */
    public StringBinding noteText() {
        return noteText;
    }

    /** "of 40", after the picker. */
    public StringBinding commentOfText() {
        return commentOfText;
    }

    /** "comment" for a CSV corpus (as in the lesson), "paragraph" for text files. */
    public String unit() {
        Corpus c = corpus.get();
        String d = c != null ? c.description() : summary.get() != null ? summary.get().description() : null;
        return d == null || d.contains("(CSV") ? "comment" : "paragraph";
    }

    /** One line under the numbers: reading, or how many documents can be browsed. */
    public String summaryNote() {
        CorpusSummary s = summary.get();
        if (s == null) {
            return loading.get() ? I18n.text("app.corpus.note.reading") : I18n.text("app.corpus.note.none");
        }
        if (!s.complete()) {
            return I18n.text("app.corpus.note.streaming");
        }
        if (s.keptDocuments() < s.documents()) {
            return "comment".equals(unit()) ? I18n.text("app.corpus.note.keptComments", s.keptDocuments(), s.documents())
                    : I18n.text("app.corpus.note.keptParagraphs", s.keptDocuments(), s.documents());
        }
        return I18n.text("app.corpus.note.done");
    }

    /** A sentence of the current comment, for the comparison: the one where the two tokenizers differ most. */
    public String sentenceToCompare() {
        List<String> s = sentences.get();
        String best = s.isEmpty() ? LESSON_EXAMPLE : s.get(0);
        int most = -1;
        for (String sentence : s) {
            boolean[] different = differences(whitespace.tokenize(sentence), treebank.tokenize(sentence))[1];
            int n = 0;
            for (boolean d : different) {
                n += d ? 1 : 0;
            }
            if (n > most) {
                most = n;
                best = sentence;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- commands

    /** Shows comment {@code i} (0-based); out of range is ignored. */
    public void showComment(int i) {
        if (i >= 0 && i < commentCount.get()) {
            commentIndex.set(i);
        }
    }

    /** Shows another comment picked at random (among those kept). */
    public void pickRandomComment() {
        int n = commentCount.get();
        if (n > 1) {
            int next;
            do {
                next = random.nextInt(n);
            } while (next == commentIndex.get());
            commentIndex.set(next);
        }
    }

    /** Compares the two tokenizers on {@code text} (an example, or what the learner typed). */
    public void compare(String text) {
        compareText.set(text);
    }

    /** Compares them on the sentence of the current comment where they differ most. */
    public void compareSentenceOfComment() {
        compareText.set(sentenceToCompare());
    }

    // ---------------------------------------------------------------- logic

    private StringBinding summaryText(java.util.function.Function<CorpusSummary, String> f, String none) {
        return Bindings.createStringBinding(() -> summary.get() == null ? (none == null ? I18n.text("app.status.noCorpus") : none)
                : f.apply(summary.get()), summary, I18n.languageProperty());
    }

    private StringBinding text(Callable<String> f) {
        return Bindings.createStringBinding(f, corpus, summary, loading, I18n.languageProperty());
    }

    private void updateComment() {
        Corpus c = corpus.get();
        int i = commentIndex.get();
        if (c == null || i < 0 || i >= c.documents().size()) {
            rawText.set("");
            lowerText.set("");
            sentences.set(List.of());
            sentenceTokens.set(List.of());
            return;
        }
        Document doc = c.documents().get(i);
        String lower = doc.text().toLowerCase(Locale.ROOT);
        rawText.set(doc.text());
        lowerText.set(lower);
        sentences.set(splitter.split(lower));
        sentenceTokens.set(pipeline.sentences(doc.text()));
    }

    private void updateComparison() {
        String text = compareText.get() == null ? "" : compareText.get().toLowerCase(Locale.ROOT);
        List<String> a = whitespace.tokenize(text);
        List<String> b = treebank.tokenize(text);
        boolean[][] diff = differences(a, b);
        whitespaceTokens.set(tokens(a, diff[0]));
        treebankTokens.set(tokens(b, diff[1]));
    }

    private void updateTry() {
        String text = tryText.get() == null ? "" : tryText.get();
        if (text.length() > MAX_TRY_CHARS) {
            text = text.substring(0, MAX_TRY_CHARS);
        }
        List<List<String>> s = pipeline.sentences(text);
        tryTokens.set(s);
        int tokens = s.stream().mapToInt(List::size).sum();
        tryCounts.set(s.isEmpty() ? I18n.text("app.corpus.try.empty") : I18n.text("app.corpus.try.counts", s.size(), tokens));
    }

    private static List<Token> tokens(List<String> words, boolean[] different) {
        List<Token> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            out.add(new Token(words.get(i), different[i]));
        }
        return out;
    }

    /**
     * Marks the tokens of each list that are not part of a longest common subsequence of the two:
     * what one tokenizer produced and the other did not.
     */
    static boolean[][] differences(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        boolean[] da = new boolean[n];
        boolean[] db = new boolean[m];
        java.util.Arrays.fill(da, true);
        java.util.Arrays.fill(db, true);
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                da[i++] = false;
                db[j++] = false;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return new boolean[][] {da, db};
    }
}
