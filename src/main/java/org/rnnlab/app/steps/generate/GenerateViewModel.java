package org.rnnlab.app.steps.generate;

import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.support.NumberText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rnnlab.app.steps.OnScreen;
import org.rnnlab.app.session.ModelStore;
import org.rnnlab.app.support.Notifier;
import org.rnnlab.app.support.QueryLane;
import org.rnnlab.app.support.TypedText;
import org.rnnlab.app.widgets.NumberInput;
import org.rnnlab.app.widgets.NumberInputs;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.engine.GeneratedSentence;
import org.rnnlab.engine.GenerationOptions;
import org.rnnlab.engine.NextWordPredictor;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.engine.SentenceGenerator;
import org.rnnlab.engine.TopK;
import org.rnnlab.text.Tokens;
import org.rnnlab.text.Vocabulary;

/**
 * Generate and predict: the next-word distribution after the prefix the learner types (updated
 * word by word, never re-running the whole prefix), and sentences sampled by the lesson's rule.
 * Both run on the query lane and again when the model changes.
 */
public final class GenerateViewModel implements OnScreen.Follower {
    public static final int TOP_K = 10;
    public static final int MAX_LENGTH = 60;
    /** The fields' ranges: a few sentences at a time, a minimum well below {@link #MAX_LENGTH}. */
    public static final int MAX_COUNT = 20;
    public static final int MAX_MIN_LENGTH = 40;
    /** The fields' starting values: a handful of sentences, none shorter than the lesson's 7 words. */
    static final int COUNT = 5;
    static final int MIN_LENGTH = 7;
    public static final double MIN_TEMPERATURE = 0.1;
    public static final double MAX_TEMPERATURE = 3.0;
    /** A best guess below this many times 1/C means the model has not learned anything yet. */
    static final double FLAT = 3.0;

    /** A token of the prefix as the model sees it. */
    public record PrefixToken(String typed, String seen, boolean unknown) {
    }

    /** One of the most probable next words. */
    public record Prediction(int index, String word, double probability) {
    }

    /** What the predictor answered for a prefix, with C, the size of the vocabulary it chose from. */
    public record Predictions(List<PrefixToken> tokens, List<Prediction> top, int vocabularySize) {
    }

    /** A generated sentence, its words with their probabilities, and how hard it was to get. */
    public record Generated(List<String> words, double[] probabilities, int unknownRedraws, int attempts) {
    }

    private final ModelStore store;
    private final QueryLane queries;
    private final Notifier notifier;
    private final StringProperty prefix = new SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty continuePrefix = new javafx.beans.property.SimpleBooleanProperty(true);
    private final ObjectProperty<Predictions> predictions = new SimpleObjectProperty<>();
    private final StringProperty hint = new SimpleStringProperty("");
    private final IntegerProperty count = new SimpleIntegerProperty(COUNT);
    private final IntegerProperty minLength = new SimpleIntegerProperty(MIN_LENGTH);
    private final DoubleProperty temperature = new SimpleDoubleProperty(1.0);
    private final LongProperty seed = new SimpleLongProperty(LessonDefaults.SEED);
    private final ObservableList<Generated> generated = FXCollections.observableArrayList();
    private final StringProperty generationSummary = new SimpleStringProperty("");
    /** The summary, worded in the current language when shown. */
    private final ObjectProperty<java.util.function.Supplier<String>> summaryText = new SimpleObjectProperty<>(() -> "");
    /** The hint is worded again when the language changes. */
    private final javafx.beans.InvalidationListener reword = o -> hint.set(hint(predictions.get()));
    private final BooleanProperty generating = new SimpleBooleanProperty();
    private final StringBinding modelLine;
    private final BooleanBinding noModel;
    private final NumberInput countInput = NumberInput.whole(I18n.key("app.loss.input.sentences"), count, 1, MAX_COUNT);
    private final NumberInput minLengthInput = NumberInput.whole(I18n.key("app.gen.input.minLength"), minLength, 1, MAX_MIN_LENGTH);
    private final NumberInput temperatureInput =
            NumberInput.decimal(I18n.key("app.gen.input.temperature"), temperature, MIN_TEMPERATURE, MAX_TEMPERATURE).step(0.1);
    private final NumberInput seedInput = NumberInput.whole(I18n.key("app.gen.input.seed"), seed, 0, RnnModel.MAX_SEED);
    private final NumberInputs inputs = new NumberInputs(countInput, minLengthInput, temperatureInput, seedInput);
    private final BooleanBinding generateDisabled;
    private final OnScreen screen = new OnScreen(true, this::refresh);
    private boolean seen; // shown at least once: from then on a new model writes sentences without a click

    // Touched only on the model-query thread.
    private RnnModel predictorModel;
    private IncrementalPrefix incremental;

    /**
     * @param store   the model that predicts and writes (watched: a new model predicts again)
     * @param queries the model-query lane predictions and sentences are computed on
     */
    public GenerateViewModel(ModelStore store, QueryLane queries, Notifier notifier) {
        this.store = store;
        this.queries = queries;
        this.notifier = notifier;
        modelLine = Bindings.createStringBinding(store::summaryLine, store.modelProperty(), store.descriptionProperty(),
                I18n.languageProperty());
        generationSummary.bind(Bindings.createStringBinding(() -> summaryText.get().get(), summaryText, I18n.languageProperty()));
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(reword));
        noModel = store.modelProperty().isNull();
        generateDisabled = noModel.or(inputs.validProperty().not());
        predictions.addListener((o, a, p) -> hint.set(hint(p)));
        prefix.addListener((o, a, b) -> predict());
        store.revisionProperty().addListener((o, a, b) -> {
            // sentences of the parameters before are not this model's: they go (and new ones come when shown)
            generated.clear();
            summaryText.set(() -> "");
            screen.changed();
        });
        predict();
    }

    public StringProperty prefixProperty() {
        return prefix;
    }

    /** The prefix as read and the most probable next words; null until a model answered. */
    public ReadOnlyObjectProperty<Predictions> predictionsProperty() {
        return predictions;
    }

    /** A word to the learner when the bars say nothing yet ("" otherwise). */
    public ReadOnlyStringProperty hintProperty() {
        return hint;
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

    public NumberInput countInput() {
        return countInput;
    }

    public NumberInput minLengthInput() {
        return minLengthInput;
    }

    public NumberInput temperatureInput() {
        return temperatureInput;
    }

    public NumberInput seedInput() {
        return seedInput;
    }

    /** The fields' starting values again (Reset to the lesson). */
    public void resetToLesson() {
        count.set(COUNT);
        minLength.set(MIN_LENGTH);
        temperature.set(1.0);
        seed.set(LessonDefaults.SEED);
        inputs.revert();
    }

    /** The four fields Generate reads; their problem line says why Generate is off. */
    public NumberInputs inputs() {
        return inputs;
    }

    /** True without a model or while a field holds no valid number. */
    public BooleanBinding generateDisabledProperty() {
        return generateDisabled;
    }

    public ObservableList<Generated> generated() {
        return generated;
    }

    public ReadOnlyStringProperty generationSummaryProperty() {
        return generationSummary;
    }

    /** True while sentences are being drawn. */
    public ReadOnlyBooleanProperty generatingProperty() {
        return generating;
    }

    /** The model in one line ("Model: ... (C = 8,000 words, H = 100)"). */
    public StringBinding modelLine() {
        return modelLine;
    }

    /** True until there is a model: nothing to generate with. */
    public BooleanBinding noModelProperty() {
        return noModel;
    }

    // ---- commands -----------------------------------------------------------------------------

    /** Predicts the next word after the current prefix, on the query lane; nothing until there is a model. */
    public void predict() {
        RnnModel m = store.model();
        Vocabulary v = store.vocabulary();
        if (m == null || v == null) {
            return;
        }
        String text = prefix.get();
        queries.query("predict", () -> predictions(m, v, text), predictions::set, e -> notifier.failure(I18n.text("app.gen.predict"), e));
    }

    /**
     * Appends a predicted word to the prefix (clicking its bar). SENTENCE_START, SENTENCE_END and
     * UNKNOWN_TOKEN are not words one can type, so they are not appended.
     */
    public void pickWord(int index) {
        Vocabulary v = store.vocabulary();
        if (v == null || index < 0 || index >= v.size()
                || index == v.endIndex() || index == v.unknownIndex() || index == v.startIndex()) {
            return;
        }
        prefix.set(append(prefix.get(), v.word(index)));
    }

    /**
     * Draws {@link #countProperty()} sentences with the fields' settings, on the query lane;
     * nothing while a field holds no valid number (the fields say why).
     */
    public void generate() {
        RnnModel m = store.model();
        Vocabulary v = store.vocabulary();
        if (m == null || v == null || !inputs.isValid()) {
            return;
        }
        int n = count.get();
        int min = minLength.get();
        double t = temperature.get();
        long s = seed.get();
        int[] start = continuePrefix.get() ? ids(tokens(prefix.get(), v), v) : new int[0];
        generating.set(true);
        queries.query("generate", () -> generate(m, v, n, min, t, s, start), list -> {
            generating.set(false);
            generated.setAll(list);
            int typed = start.length;
            summaryText.set(() -> summary(list, min) + lengthNote(typed));
        }, e -> {
            generating.set(false);
            notifier.failure(I18n.text("app.gen.generate"), e);
        });
    }

    /** The learner opened the step: a first look at what the model writes, without a click. */
    @Override
    public void shown() {
        seen = true;
        if (!screen.shown() && generated.isEmpty()) { // a refresh has already asked for sentences
            generate();
        }
    }

    /** The step left the screen: a new model predicts and writes when it comes back, not at every training snapshot. */
    @Override
    public void hidden() {
        screen.hidden();
    }

    private void refresh() {
        predict();
        if (seen) {
            generate(); // the sentences of the parameters before went when the model changed
        }
    }

    /** Says why the bars are nearly equal when the model has learned nothing ("" otherwise). */
    static String hint(Predictions p) {
        if (p == null || p.top().isEmpty() || p.vocabularySize() <= 0) {
            return "";
        }
        double chance = 1.0 / p.vocabularySize();
        if (p.top().get(0).probability() >= FLAT * chance) {
            return "";
        }
        return I18n.text("app.gen.flat", NumberText.percent(chance));
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
    Predictions predictions(RnnModel model, Vocabulary v, String prefix) {
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
        double[] p = incremental.distribution(ids(tokens, v));
        List<Prediction> top = new ArrayList<>();
        for (int i : TopK.of(p, TOP_K)) {
            top.add(new Prediction(i, v.word(i), p[i]));
        }
        return new Predictions(List.copyOf(tokens), List.copyOf(top), v.size());
    }

    /** When on (the default), generated sentences continue the typed words. */
    public javafx.beans.property.BooleanProperty continuePrefixProperty() {
        return continuePrefix;
    }

    private static int[] ids(List<PrefixToken> tokens, Vocabulary v) {
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.indexOf(tokens.get(i).seen());
        }
        return out;
    }

    /** The limits a learner would not guess: the length cap, and where the sentences began. */
    static String lengthNote(int prefixWords) {
        return prefixWords == 0 ? I18n.text("app.gen.lengthNote", MAX_LENGTH)
                : I18n.text("app.gen.lengthNote.prefix", MAX_LENGTH, prefixWords);
    }

    /** Samples {@code n} sentences by the lesson's rule (model-query thread). */
    static List<Generated> generate(RnnModel model, Vocabulary v, int n, int minLength, double temperature, long seed) {
        return generate(model, v, n, minLength, temperature, seed, new int[0]);
    }

    /** As above, each sentence beginning with the words {@code start}. */
    static List<Generated> generate(RnnModel model, Vocabulary v, int n, int minLength, double temperature, long seed,
                                    int[] start) {
        SentenceGenerator generator = new SentenceGenerator(model);
        GenerationOptions options = new GenerationOptions(minLength, Math.max(minLength, MAX_LENGTH), temperature,
                v.startIndex(), v.endIndex(), v.unknownIndex());
        SplittableRandom rng = new SplittableRandom(seed);
        List<Generated> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            GeneratedSentence s = generator.generate(options, rng, start);
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
        return I18n.text("app.gen.summary", redraws, discarded, minLength);
    }
}
