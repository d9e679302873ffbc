package org.rnnlab.app.steps.bptt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.steps.OnScreen;
import org.rnnlab.app.support.Background;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.engine.DeltaFlow;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.ReferenceRnn;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.Tokens;
import org.rnnlab.text.TreebankTokenizer;
import org.rnnlab.text.Vocabulary;

/**
 * Backpropagation through time, shown: for a sentence and an output t, how the delta of L_t flows
 * back lag by lag ({@link DeltaFlow}) in the random initial model and in the current model, side
 * by side, with what a truncation after K steps cuts. Computed in the background whenever the
 * sentence, t, K or the model changes; the latest request wins.
 */
public final class BpttViewModel implements OnScreen.Follower {
    static final int EXAMPLE_MIN_WORDS = 10;
    static final int EXAMPLE_MAX_WORDS = 18;
    static final String FALLBACK_SENTENCE = "i think the best way to learn is to try it yourself and see what happens .";

    /** Both models' flows for one request; {@code words} are the sentence's tokens, SENTENCE_START first. */
    public record Comparison(List<String> words, int t, int bpttTruncate, DeltaFlow.Result initial, DeltaFlow.Result current,
                             long seed) {
    }

    private final BpttSource source;
    private final Background work;
    private final StringProperty sentence = new SimpleStringProperty("");
    private final IntegerProperty t = new SimpleIntegerProperty(0);
    private final IntegerProperty lastT = new SimpleIntegerProperty(0);
    private final IntegerProperty truncation = new SimpleIntegerProperty(LessonDefaults.BPTT_TRUNCATE);
    private final ObjectProperty<Comparison> result = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty problem = new SimpleStringProperty("");
    private Background.Running task;
    private final OnScreen screen = new OnScreen(false, this::compute);
    private boolean followLast = true; // a new sentence shows its last output first
    private boolean adjusting;

    public BpttViewModel(BpttSource source, Background work) {
        this.source = source;
        this.work = work;
        source.changes().addListener(o -> {
            if (o instanceof javafx.beans.value.ObservableValue<?> v) {
                v.getValue(); // valid again, so that the next change is reported too
            }
            changed();
        });
        t.addListener(o -> {
            if (!adjusting) {
                changed();
            }
        });
        truncation.addListener(o -> changed());
    }

    /** The sentence as typed (words; SENTENCE_START and SENTENCE_END are added). */
    public StringProperty sentenceProperty() {
        return sentence;
    }

    /** The output whose loss flows back: 0 .. {@link #lastTProperty()}. */
    public IntegerProperty tProperty() {
        return t;
    }

    public ReadOnlyIntegerProperty lastTProperty() {
        return lastT;
    }

    /** K: how many steps back BPTT follows (the lesson's 4). */
    public IntegerProperty truncationProperty() {
        return truncation;
    }

    public ReadOnlyObjectProperty<Comparison> resultProperty() {
        return result;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Why nothing is shown (no model yet), or empty. */
    public StringProperty problemProperty() {
        return problem;
    }

    /** The step is on screen: fill in an example sentence the first time, then compute what is stale. */
    @Override
    public void shown() {
        if (sentence.get().isBlank()) {
            List<String> example = source.exampleSentence();
            sentence.set(example.isEmpty() ? FALLBACK_SENTENCE : String.join(" ", example));
        }
        screen.shown();
    }

    /** The step left the screen: a new model is computed when it comes back, not at every training snapshot. */
    @Override
    public void hidden() {
        screen.hidden();
    }

    /** The learner asks for this sentence: t moves to its last output. */
    public void useSentence() {
        followLast = true;
        compute();
    }

    private void changed() {
        screen.changed();
    }

    /** Starts the computation for the current inputs (cancelling one under way). */
    public void compute() {
        RnnModel model = source.model();
        Vocabulary v = source.vocabulary();
        if (model == null || v == null) {
            problem.set(I18n.text("bptt.problem.noModel"));
            result.set(null);
            return;
        }
        List<String> words = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        words.add(Tokens.START);
        for (String token : new TreebankTokenizer().tokenize(sentence.get().toLowerCase(Locale.ROOT))) {
            int index = v.indexOf(token);
            if (index == v.unknownIndex() && !unknown.contains(token)) {
                unknown.add(token);
            }
            words.add(v.word(index));
        }
        words.add(Tokens.END);
        if (words.size() < 3) {
            problem.set(I18n.text("bptt.problem.shortSentence"));
            result.set(null);
            return;
        }
        // the charts then say UNKNOWN_TOKEN where the learner typed a word: say which, and why
        problem.set(unknown.isEmpty() ? "" : I18n.text("bptt.note.unknown", Tokens.UNKNOWN, String.join(", ", unknown)));
        int[] all = v.encode(words);
        int[][] pair = ReferenceRnn.trainingPair(all);
        int T = pair[0].length;
        lastT.set(T - 1);
        if (followLast || t.get() < 0 || t.get() > T - 1) {
            followLast = false;
            adjusting = true;
            t.set(T - 1);
            adjusting = false;
        }
        int out = t.get();
        int k = truncation.get();
        long seed = source.seed();
        if (task != null) {
            task.cancel();
        }
        running.set(true);
        task = work.submit(I18n.text("bptt.work.title"), job -> {
            RnnModel initial = RnnModel.initialise(model.wordDim(), model.hiddenDim(), k, seed, Precision.FLOAT64);
            DeltaFlow.Result before = DeltaFlow.of(initial, pair[0], pair[1], out, k);
            job.cancel().throwIfCancelled();
            DeltaFlow.Result now = DeltaFlow.of(model, pair[0], pair[1], out, k);
            return new Comparison(List.copyOf(words), out, k, before, now, seed);
        }, r -> {
            running.set(false);
            result.set(r);
        }, e -> {
            running.set(false);
            problem.set(I18n.text("bptt.problem.failed", String.valueOf(e.getMessage())));
        }, () -> running.set(false));
    }

    public void dispose() {
        if (task != null) {
            task.cancel();
        }
    }
}
