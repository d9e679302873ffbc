package org.rnnlab.app.steps.languagemodel;

import org.rnnlab.app.i18n.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rnnlab.app.steps.OnScreen;
import org.rnnlab.app.session.ModelStore;
import org.rnnlab.app.support.Notifier;
import org.rnnlab.app.support.QueryLane;
import org.rnnlab.app.support.TypedText;
import org.rnnlab.engine.NextWordPredictor;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.Tokens;
import org.rnnlab.text.Vocabulary;

/**
 * The language-model step: two sentences the learner types, each scored word by word
 * (P(w_i | w_1..w_(i-1)), then SENTENCE_END), with the sentence's log-probability, its perplexity,
 * and which of the two the model prefers. A sentence is scored again when it changes and when the
 * model does.
 */
public final class LanguageModelViewModel implements OnScreen.Follower {
    /** A word of the scored sentence: as typed, whether the model knows it, and its probability given the words before. */
    public record WordScore(String token, boolean unknown, double probability) {
    }

    /** The score of one sentence. {@code words} ends with SENTENCE_END. */
    public record Score(List<WordScore> words, double logProbability, double perplexity, int vocabularySize) {
        public int predictions() {
            return words.size();
        }

        public int unknownWords() {
            return (int) words.stream().filter(WordScore::unknown).count();
        }
    }

    /** The two sentences compared. */
    public enum Which {
        A, B
    }

    public static final String DEFAULT_A = "We must work together to build a stronger economy.";
    public static final String DEFAULT_B = "Economy stronger a build to together work must we.";

    private final ModelStore store;
    private final QueryLane queries;
    private final Notifier notifier;
    private final StringProperty sentenceA = new SimpleStringProperty(DEFAULT_A);
    private final StringProperty sentenceB = new SimpleStringProperty(DEFAULT_B);
    private final OnScreen screen = new OnScreen(true, this::rescoreBoth);
    private final ObjectProperty<Score> scoreA = new SimpleObjectProperty<>();
    private final ObjectProperty<Score> scoreB = new SimpleObjectProperty<>();
    private final StringProperty comparison = new SimpleStringProperty("");
    private final StringBinding summaryA = Bindings.createStringBinding(() -> summary(scoreA.get()), scoreA, I18n.languageProperty());
    private final StringBinding summaryB = Bindings.createStringBinding(() -> summary(scoreB.get()), scoreB, I18n.languageProperty());
    private final StringBinding modelLine;
    private final javafx.beans.InvalidationListener reword = o -> updateComparison();

    /**
     * @param store   the model that scores (watched: a new model scores both sentences again)
     * @param queries the model-query lane the scores are computed on
     */
    public LanguageModelViewModel(ModelStore store, QueryLane queries, Notifier notifier) {
        this.store = store;
        this.queries = queries;
        this.notifier = notifier;
        modelLine = Bindings.createStringBinding(store::summaryLine, store.modelProperty(), store.descriptionProperty(),
                I18n.languageProperty());
        // the comparison is worded again in the new language (the scores stay)
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(reword));
        scoreA.addListener((o, a, b) -> updateComparison());
        scoreB.addListener((o, a, b) -> updateComparison());
        sentenceA.addListener((o, a, b) -> rescore(Which.A));
        sentenceB.addListener((o, a, b) -> rescore(Which.B));
        store.revisionProperty().addListener((o, a, b) -> screen.changed());
        rescoreBoth();
    }

    public StringProperty sentenceAProperty() {
        return sentenceA;
    }

    public StringProperty sentenceBProperty() {
        return sentenceB;
    }

    public StringProperty sentenceProperty(Which which) {
        return which == Which.A ? sentenceA : sentenceB;
    }

    /** Sentence A's score; null until a model scored it. */
    public ReadOnlyObjectProperty<Score> scoreAProperty() {
        return scoreA;
    }

    public ReadOnlyObjectProperty<Score> scoreBProperty() {
        return scoreB;
    }

    public ReadOnlyObjectProperty<Score> scoreProperty(Which which) {
        return which == Which.A ? scoreA : scoreB;
    }

    /** One line under a sentence's bars: ln P, perplexity, unknown words ("" before a score). */
    public StringBinding summary(Which which) {
        return which == Which.A ? summaryA : summaryB;
    }

    /** Which sentence the model prefers ("" until both are scored). */
    public ReadOnlyStringProperty comparisonProperty() {
        return comparison;
    }

    /** The model in one line ("Model: ... (C = 8,000 words, H = 100)"). */
    public StringBinding modelLine() {
        return modelLine;
    }

    // ---- commands -----------------------------------------------------------------------------

    /** The step is on screen again: scores with the model trained while it was away. */
    @Override
    public void shown() {
        screen.shown();
    }

    /** The step left the screen: a new model is scored when it comes back, not at every training snapshot. */
    @Override
    public void hidden() {
        screen.hidden();
    }

    /** Scores both sentences with the current model. */
    public void rescoreBoth() {
        rescore(Which.A);
        rescore(Which.B);
    }

    /** Scores one sentence with the current model, on the query lane; nothing until there is a model. */
    public void rescore(Which which) {
        RnnModel m = store.model();
        Vocabulary v = store.vocabulary();
        if (m == null || v == null) {
            return;
        }
        List<String> tokens = TypedText.tokens(sentenceProperty(which).get());
        ObjectProperty<Score> target = which == Which.A ? scoreA : scoreB;
        queries.query("languageModel" + which, () -> score(m, v, tokens), target::set,
                e -> notifier.failure(I18n.text("app.nav.languageModel"), e));
    }

    private void updateComparison() {
        comparison.set(compare(scoreA.get(), scoreB.get()));
    }

    /**
     * Scores a sentence with the model: feeds SENTENCE_START, then each word, reading the
     * probability of the next word before feeding it; ends with P(SENTENCE_END | all words).
     * Runs on a worker thread.
     */
    public static Score score(RnnModel model, Vocabulary vocabulary, List<String> tokens) {
        NextWordPredictor predictor = new NextWordPredictor(model);
        double[] p = predictor.feed(vocabulary.startIndex());
        List<WordScore> words = new ArrayList<>(tokens.size() + 1);
        double logP = 0;
        for (String token : tokens) {
            boolean known = vocabulary.contains(token);
            int index = vocabulary.indexOf(token);
            words.add(new WordScore(token, !known, p[index]));
            logP += Math.log(p[index]);
            p = predictor.feed(index);
        }
        double end = p[vocabulary.endIndex()];
        words.add(new WordScore(Tokens.END, false, end));
        logP += Math.log(end);
        return new Score(List.copyOf(words), logP, perplexity(logP, words.size()), vocabulary.size());
    }

    /** exp(-(1/N) ln P): the model's average uncertainty, as "one word out of this many". */
    public static double perplexity(double logProbability, int predictions) {
        if (predictions <= 0) {
            return Double.NaN;
        }
        return Math.exp(-logProbability / predictions);
    }

    /** What the learner reads under a sentence's bars. */
    public static String summary(Score s) {
        if (s == null) {
            return "";
        }
        String unknown = s.unknownWords() == 0 ? ""
                : I18n.text("app.lm.unknownWords", s.unknownWords());
        return I18n.text("app.lm.summary", s.logProbability(), s.perplexity(), s.vocabularySize(), unknown);
    }

    /** Says which sentence the model prefers and by how much, in words a learner reads at a glance. */
    public static String compare(Score a, Score b) {
        if (a == null || b == null) {
            return "";
        }
        double diff = a.logProbability() - b.logProbability();
        String whole;
        if (Math.abs(diff) < Math.log(1.05)) {
            whole = I18n.text("app.lm.equal");
        } else {
            String more = diff > 0 ? "A" : "B";
            String less = diff > 0 ? "B" : "A";
            whole = I18n.text("app.lm.timesAsLikely", more, timesText(Math.abs(diff)), less);
        }
        if (a.predictions() == b.predictions()) {
            return whole;
        }
        // P of a whole sentence falls with every word, so sentences of different lengths are compared per word too
        String perWord;
        double pa = a.perplexity();
        double pb = b.perplexity();
        if (Math.abs(Math.log(pa / pb)) < Math.log(1.05)) {
            perWord = I18n.text("app.lm.perWordEqual", pa);
        } else {
            perWord = I18n.text("app.lm.perWordLikelier", pa < pb ? "A" : "B", Math.min(pa, pb), Math.max(pa, pb));
        }
        return whole + I18n.text("app.lm.lengths", a.predictions(), b.predictions(), perWord);
    }

    /** exp(logRatio) written for people: "3.2 times", "1,250 times", "about 10¹⁷ times". */
    public static String timesText(double logRatio) {
        double ratio = Math.exp(logRatio);
        if (ratio < 10) {
            return I18n.text("app.lm.timesSmall", ratio);
        }
        if (ratio < 100_000) {
            return I18n.text("app.lm.times", ratio);
        }
        long exponent = Math.round(logRatio / Math.log(10));
        return I18n.text("app.lm.timesPower", superscript(exponent));
    }

    /** 15 as ¹⁵: powers of ten read naturally in a label. */
    static String superscript(long n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder b = new StringBuilder();
        for (char c : Long.toString(n).toCharArray()) {
            b.append(c == '-' ? '⁻' : digits.charAt(c - '0'));
        }
        return b.toString();
    }
}
