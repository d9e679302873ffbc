package org.rnnlab.app.steps.forward;

import org.rnnlab.app.steps.OnScreen;
import org.rnnlab.app.session.ModelDescriptions;
import org.rnnlab.app.i18n.I18n;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rnnlab.app.session.ModelStore;
import org.rnnlab.app.support.Notifier;
import org.rnnlab.app.support.QueryLane;
import org.rnnlab.app.widgets.NumberInput;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.TrainingPair;
import org.rnnlab.text.Vocabulary;

/**
 * The forward pass of one sentence, step by step: at each time t the input word x_t, the hidden
 * state s_t, the output distribution o_t (its top words, the true next word y_t and its
 * probability), and for the whole sentence a heatmap of the words that matter. The sentence is
 * run again when another is picked and when the model changes.
 */
public final class ForwardViewModel implements OnScreen.Follower {
    /** Sentences searched for a first one of a comfortable length. */
    static final int GOOD_SENTENCE_SEARCH = 2000;

    /** A bar of o_t: one of the top words, or the true next word when it is not among them. */
    public record Guess(int index, String word, double probability, boolean truth, String note) {
    }

    /** What the step-by-step tab shows at time t. */
    public record Step(int t, String timeText, String inputText, String stripCaption, List<Guess> guesses,
                       String verdict, boolean right) {
    }

    private final ModelStore store;
    private final QueryLane queries;
    private final Notifier notifier;
    private final Random random;
    private final OnScreen screen = new OnScreen(true, this::compute);
    private final IntegerProperty sentenceIndex = new SimpleIntegerProperty(0);
    private final IntegerProperty sentenceCount = new SimpleIntegerProperty(0);
    private final StringProperty status = new SimpleStringProperty();
    /** The status line, worded in the current language when shown. */
    private final ObjectProperty<java.util.function.Supplier<String>> statusText =
            new SimpleObjectProperty<>(() -> I18n.text("app.model.waiting"));
    /** A new language words the step and the summary again (the trace stays). */
    private final javafx.beans.InvalidationListener reword = o -> reword();
    private final IntegerProperty time = new SimpleIntegerProperty(0);
    private final ObjectProperty<ForwardTrace> trace = new SimpleObjectProperty<>();
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final NumberInput sentenceInput = NumberInput.index(I18n.key("app.data.input.sentence"), sentenceIndex, this::pickSentence,
            sentenceCount);

    /**
     * @param store   the model and the prepared corpus whose sentences it reads (both watched)
     * @param queries the model-query lane the forward pass runs on
     */
    public ForwardViewModel(ModelStore store, QueryLane queries, Notifier notifier) {
        this(store, queries, notifier, new Random());
    }

    /** @param random picks the "random" sentence */
    ForwardViewModel(ModelStore store, QueryLane queries, Notifier notifier, Random random) {
        this.store = store;
        this.queries = queries;
        this.notifier = notifier;
        this.random = random;
        status.bind(javafx.beans.binding.Bindings.createStringBinding(() -> statusText.get().get(), statusText,
                I18n.languageProperty()));
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(reword));
        trace.addListener((o, a, t) -> {
            time.set(t == null ? 0 : Math.min(time.get(), Math.max(0, t.length() - 1)));
            summary.set(summary(t));
            updateStep();
        });
        time.addListener((o, a, b) -> updateStep());
        sentenceIndex.addListener((o, a, b) -> compute());
        store.revisionProperty().addListener((o, a, b) -> screen.changed());
        store.preparedProperty().addListener((o, a, d) -> corpusChanged(d));
        corpusChanged(store.prepared());
    }

    /** The sentence shown, numbered from 0 (the screen numbers from 1, as every step does). */
    public ReadOnlyIntegerProperty sentenceIndexProperty() {
        return sentenceIndex;
    }

    /** The sentence picker: typed and shown from 1 to the number of sentences. */
    public NumberInput sentenceInput() {
        return sentenceInput;
    }

    /** Sentences in the corpus (0 before it is prepared). */
    public ReadOnlyIntegerProperty sentenceCountProperty() {
        return sentenceCount;
    }

    /** Which model reads the sentence, or what it waits for. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** The time step shown, 0..T-1. */
    public IntegerProperty timeProperty() {
        return time;
    }

    /** The sentence's forward pass; null until one is computed. */
    public ReadOnlyObjectProperty<ForwardTrace> traceProperty() {
        return trace;
    }

    /** What time step {@link #timeProperty()} shows; null without a trace. */
    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step;
    }

    /** One line about the whole sentence: its mean loss and how often the best guess was right. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** True while the steps advance by themselves. */
    public BooleanProperty playingProperty() {
        return playing;
    }

    // ---- commands -----------------------------------------------------------------------------

    /** Shows sentence {@code i} (clamped to the corpus). */
    public void pickSentence(int i) {
        int n = sentenceCount.get();
        sentenceIndex.set(n == 0 ? 0 : Math.max(0, Math.min(i, n - 1)));
    }

    /** Shows a sentence drawn at random. */
    public void pickRandom() {
        int n = sentenceCount.get();
        if (n > 0) {
            pickSentence(random.nextInt(n));
        }
    }

    /** One step on (wraps to the start after the last word, so "play" can loop). */
    public void stepForward() {
        ForwardTrace t = trace.get();
        if (t == null || t.length() == 0) {
            return;
        }
        time.set((time.get() + 1) % t.length());
    }

    public void stepBack() {
        ForwardTrace t = trace.get();
        if (t == null || t.length() == 0) {
            return;
        }
        time.set(Math.max(0, time.get() - 1));
    }

    /** A step button pressed: playing stops, the learner steers. */
    public void stepForwardByHand() {
        playing.set(false);
        stepForward();
    }

    public void stepBackByHand() {
        playing.set(false);
        stepBack();
    }

    public void togglePlaying() {
        playing.set(!playing.get());
    }

    /** The step is on screen again: brought up to the model trained while it was away. */
    @Override
    public void shown() {
        screen.shown();
    }

    /** The step left the screen: a new model is taken up when it comes back, not at every training snapshot. */
    @Override
    public void hidden() {
        screen.hidden();
    }

    /** Runs the forward pass of the current sentence with the current model, on the query lane. */
    public void compute() {
        PreparedData d = store.prepared();
        RnnModel m = store.model();
        Vocabulary v = store.vocabulary();
        if (d == null || m == null || v == null) {
            statusText.set(() -> I18n.text("app.model.waiting"));
            return;
        }
        int i = Math.min(sentenceIndex.get(), d.size() - 1);
        if (i < 0) {
            return;
        }
        String description = store.descriptionProperty().get();
        boolean matches = store.matchesCorpusProperty().get();
        statusText.set(() -> matches ? I18n.text("app.fwd.model", ModelDescriptions.display(description))
                : I18n.text("app.fwd.model.otherVocabulary", ModelDescriptions.display(description)));
        List<String> tokens = d.sentenceTokens(i);
        queries.query("forward", () -> {
            TrainingPair p = TrainingPair.of(v.encode(tokens));
            return ForwardTrace.of(m, v, p.x(), p.y());
        }, trace::set, e -> notifier.failure(I18n.text("app.nav.forward"), e));
    }

    private void reword() {
        summary.set(summary(trace.get()));
        updateStep();
    }

    private void corpusChanged(PreparedData d) {
        int n = d == null ? 0 : d.size();
        sentenceCount.set(n);
        if (d != null) {
            int good = firstGoodSentence(i -> d.sentence(i).length - 2, Math.min(n, GOOD_SENTENCE_SEARCH));
            if (sentenceIndex.get() != good) {
                sentenceIndex.set(good); // computes
                return;
            }
        }
        compute();
    }

    private void updateStep() {
        ForwardTrace t = trace.get();
        step.set(t == null || t.length() == 0 ? null : step(t, Math.min(time.get(), t.length() - 1)));
    }

    // ---- what the view shows, as text and plain values ------------------------------------------

    /** Time step t of a trace, written for the learner. */
    static Step step(ForwardTrace tr, int t) {
        Vocabulary v = tr.vocabulary();
        double largest = 0;
        for (double u : tr.s()[t]) {
            largest = Math.max(largest, Math.abs(u));
        }
        List<Guess> guesses = new ArrayList<>();
        boolean trueShown = false;
        for (int k = 0; k < tr.top()[t].length; k++) {
            int w = tr.top()[t][k];
            boolean truth = w == tr.y()[t];
            trueShown |= truth;
            guesses.add(new Guess(w, v.word(w), tr.topP()[t][k], truth, truth ? I18n.text("app.fwd.trueWord") : null));
        }
        if (!trueShown) {
            guesses.add(new Guess(tr.y()[t], tr.targets().get(t), tr.pTrue()[t], true,
                    I18n.text("app.fwd.trueWordRank", tr.rank()[t])));
        }
        int best = tr.top()[t][0];
        boolean right = best == tr.y()[t];
        return new Step(t,
                I18n.text("app.fwd.t", t, tr.length() - 1),
                I18n.text("app.fwd.x", t, tr.inputs().get(t), tr.x()[t]),
                I18n.text("app.fwd.s", t, tr.s()[t].length, String.format(Locale.ROOT, "%.3f", largest))
                        + (largest > 0.99 ? I18n.text("app.fwd.saturated") : ""),
                List.copyOf(guesses),
                I18n.text("app.fwd.verdict", v.word(best), tr.targets().get(t),
                        right ? I18n.text("app.fwd.right") : I18n.text("app.fwd.wrong"), String.format(Locale.ROOT, "%.3f", tr.loss(t))),
                right);
    }

    static String summary(ForwardTrace t) {
        if (t == null) {
            return "";
        }
        return I18n.text("app.fwd.summary", String.format(Locale.ROOT, "%.3f", t.meanLoss()),
                String.format(Locale.ROOT, "%.3f", t.lnC()), t.correct(), t.length());
    }

    /** The first sentence of a comfortable length to show (8 to 16 words), or 0. */
    public static int firstGoodSentence(IntUnaryOperator lengthOf, int count) {
        for (int i = 0; i < count; i++) {
            int n = lengthOf.applyAsInt(i);
            if (n >= 8 && n <= 16) {
                return i;
            }
        }
        return 0;
    }
}
