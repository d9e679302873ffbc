package org.rnnlab.app.steps.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rnnlab.engine.TopK;
import org.rnnlab.app.support.TypedText;
import org.rnnlab.engine.GeneratedSentence;
import org.rnnlab.engine.GenerationOptions;
import org.rnnlab.engine.NextWordPredictor;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.engine.SentenceGenerator;
import org.rnnlab.text.Tokens;
import org.rnnlab.text.Vocabulary;

/**
 * Generate and predict: the next-word distribution after the prefix the learner types (updated
 * word by word, never re-running the whole prefix), and sentences sampled by the lesson's rule.
 */
public final class GenerateViewModel {
    public static final int TOP_K = 10;
    public static final int MAX_LENGTH = 60;

    /** A token of the prefix as the model sees it. */
    public record PrefixToken(String typed, String seen, boolean unknown) {
    }

    /** One of the most probable next words. */
    public record Prediction(int index, String word, double probability) {
    }

    /** What the predictor answered for a prefix. */
    public record Predictions(List<PrefixToken> tokens, List<Prediction> top) {
    }

    /** A generated sentence, its words with their probabilities, and how hard it was to get. */
    public record Generated(List<String> words, double[] probabilities, int unknownRedraws, int attempts) {
    }

    private final StringProperty prefix = new SimpleStringProperty("");
    private final ObjectProperty<Predictions> predictions = new SimpleObjectProperty<>();
    private final IntegerProperty count = new SimpleIntegerProperty(5);
    private final IntegerProperty minLength = new SimpleIntegerProperty(7);
    private final DoubleProperty temperature = new SimpleDoubleProperty(1.0);
    private final LongProperty seed = new SimpleLongProperty(10);
    private final ObservableList<Generated> generated = FXCollections.observableArrayList();
    private final StringProperty generationSummary = new SimpleStringProperty("");

    // Touched only on the model-query thread.
    private RnnModel predictorModel;
    private IncrementalPrefix incremental;

    public StringProperty prefixProperty() {
        return prefix;
    }

    public ObjectProperty<Predictions> predictionsProperty() {
        return predictions;
    }

    public IntegerProperty countProperty() {
        return count;
    }

    public IntegerProperty minLengthProperty() {
        return minLength;
    }

    public DoubleProperty temperatureProperty() {
        return temperature;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public ObservableList<Generated> generated() {
        return generated;
    }

    public StringProperty generationSummaryProperty() {
        return generationSummary;
    }

    /** The prefix with {@code word} appended (what clicking a predicted word does). */
    public static String append(String prefix, String word) {
        String p = prefix == null ? "" : prefix.stripTrailing();
        return p.isEmpty() ? word + " " : p + " " + word + " ";
    }

    /** The tokens of a typed prefix as the model sees them: unknown words become UNKNOWN_TOKEN. */
    public static List<PrefixToken> tokens(String prefix, Vocabulary v) {
        List<PrefixToken> out = new ArrayList<>();
        for (String t : TypedText.tokens(prefix)) {
            boolean known = v.contains(t);
            out.add(new PrefixToken(t, known ? t : Tokens.UNKNOWN, !known));
        }
        return out;
    }

    /**
     * Predicts the next word after {@code prefix} (model-query thread). Reuses the words already
     * fed when the prefix only grew.
     */
    Predictions predict(RnnModel model, Vocabulary v, String prefix) {
        if (model != predictorModel) {
            NextWordPredictor predictor = new NextWordPredictor(model);
            incremental = new IncrementalPrefix(new IncrementalPrefix.Stepper() {
                @Override
                public void reset() {
                    predictor.reset();
                }

                @Override
                public double[] feed(int word) {
                    return predictor.feed(word);
                }
            }, v.startIndex());
            predictorModel = model;
        }
        List<PrefixToken> tokens = tokens(prefix, v);
        int[] words = new int[tokens.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = v.indexOf(tokens.get(i).seen());
        }
        double[] p = incremental.distribution(words);
        List<Prediction> top = new ArrayList<>();
        for (int i : TopK.of(p, TOP_K)) {
            top.add(new Prediction(i, v.word(i), p[i]));
        }
        return new Predictions(List.copyOf(tokens), List.copyOf(top));
    }

    /** Samples {@code n} sentences by the lesson's rule (model-query thread). */
    static List<Generated> generate(RnnModel model, Vocabulary v, int n, int minLength, double temperature, long seed) {
        SentenceGenerator generator = new SentenceGenerator(model);
        GenerationOptions options = new GenerationOptions(minLength, Math.max(minLength, MAX_LENGTH), temperature,
                v.startIndex(), v.endIndex(), v.unknownIndex());
        SplittableRandom rng = new SplittableRandom(seed);
        List<Generated> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GeneratedSentence s = generator.generate(options, rng);
            List<String> words = new ArrayList<>();
            for (int w : s.words()) {
                words.add(v.word(w));
            }
            out.add(new Generated(List.copyOf(words), s.probabilities(), s.unknownRedraws(), s.attempts()));
        }
        return out;
    }

    /** One line about the sentences: UNKNOWN redraws and short sentences thrown away. */
    public static String summary(List<Generated> sentences, int minLength) {
        int redraws = 0;
        int discarded = 0;
        for (Generated g : sentences) {
            redraws += g.unknownRedraws();
            discarded += g.attempts() - 1;
        }
        return String.format(java.util.Locale.ROOT,
                "UNKNOWN_TOKEN came up %,d time%s and was drawn again each time; %,d sentence%s shorter than %d words %s thrown away.",
                redraws, redraws == 1 ? "" : "s", discarded, discarded == 1 ? "" : "s", minLength,
                discarded == 1 ? "was" : "were");
    }
}
