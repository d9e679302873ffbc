package org.rnnlab.app.steps.loss;

import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.support.Batches;
import org.rnnlab.engine.Precision;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.app.support.NumberText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rnnlab.app.charts.DecimatedSeries;
import org.rnnlab.app.steps.OnScreen;
import org.rnnlab.app.session.ModelStore;
import org.rnnlab.app.support.Background;
import org.rnnlab.app.support.FxBatcher;
import org.rnnlab.app.support.Notifier;
import org.rnnlab.app.widgets.NumberInput;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.TrainingPair;
import org.rnnlab.text.Vocabulary;

/**
 * The loss step: the loss a model that knows nothing would have, ln C, against the model's actual
 * mean cross-entropy loss on the first N sentences, computed in the background with the running
 * mean shown as it grows. Computed again when the model changes while the step is shown.
 */
public final class LossViewModel implements OnScreen.Follower {
    /** The lesson compares ln C with the loss on its first 1,000 examples. */
    public static final int DEFAULT_SENTENCES = 1000;
    /** Within this distance of ln C the loss counts as "about ln C". */
    static final double CLOSE = 0.1;
    /** About this many points on the running-mean curve, whatever N: the loss is computed in as many chunks. */
    static final int PROGRESS_POINTS = 200;

    /** The running mean so far: after {@code sentences} sentences (and {@code words} words). */
    public record Progress(int sentences, long words, double meanLoss) {
    }

    private final ModelStore store;
    private final Background work;
    private final Notifier notifier;
    private final Batches.Factory<Progress> sinks;

    private final IntegerProperty sentences = new SimpleIntegerProperty(DEFAULT_SENTENCES);
    private final IntegerProperty maxSentences = new SimpleIntegerProperty(1_000_000);
    /** N as the learner last chose it: a smaller corpus shows fewer, a larger one this many again. */
    private int chosenSentences = DEFAULT_SENTENCES;
    private final NumberInput sentencesInput = NumberInput.whole(I18n.key("app.loss.input.sentences"), sentences, n -> {
        chosenSentences = n.intValue();
        sentences.set(chosenSentences);
    }, 1, 1_000_000).step(100);
    private final DoubleProperty expected = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty actual = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty lessonLoss = new SimpleDoubleProperty(Double.NaN);
    private final StringBinding lessonCaption;
    private final IntegerProperty done = new SimpleIntegerProperty();
    private final IntegerProperty target = new SimpleIntegerProperty();
    private final LongProperty words = new SimpleLongProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty explanation = new SimpleStringProperty("");
    /** The explanation, worded in the current language when shown. */
    private final javafx.beans.property.ObjectProperty<java.util.function.Supplier<String>> explanationText =
            new javafx.beans.property.SimpleObjectProperty<>(() -> "");
    private final DecimatedSeries runningMean = new DecimatedSeries(2000);
    private final LongProperty chartVersion = new SimpleLongProperty();
    private final DoubleProperty chartTop = new SimpleDoubleProperty(10);
    private final DoubleBinding progress;
    private final StringBinding expectedCaption;
    private final StringBinding actualCaption;
    private final BooleanBinding computeDisabled;
    private long computedRevision = -1;
    private Background.Running task;
    private final OnScreen screen = new OnScreen(false, this::computeIfStale);

    /**
     * @param store the model and the prepared corpus it is measured on (a new model is measured
     *              again while the step is shown)
     * @param work  the background work the loss runs on (progress and cancel in the status bar)
     */
    public LossViewModel(ModelStore store, Background work, Notifier notifier) {
        this(store, work, notifier, FxBatcher::new);
    }

    /** @param sinks makes, for a computation, where its progress goes on the way to {@code onBatch} */
    LossViewModel(ModelStore store, Background work, Notifier notifier,
                  Batches.Factory<Progress> sinks) {
        this.store = store;
        this.work = work;
        this.notifier = notifier;
        this.sinks = sinks;
        explanation.bind(Bindings.createStringBinding(() -> explanationText.get().get(), explanationText, I18n.languageProperty()));
        progress = Bindings.createDoubleBinding(() -> target.get() <= 0 ? 0 : (double) done.get() / target.get(),
                done, target);
        expectedCaption = Bindings.createStringBinding(() -> {
            RnnModel m = store.model();
            return m == null ? I18n.text("app.loss.expected.none") : I18n.text("app.loss.expected", m.wordDim());
        }, store.modelProperty(), I18n.languageProperty());
        actualCaption = Bindings.createStringBinding(() -> done.get() == 0 ? I18n.text("app.loss.actual.none")
                : I18n.text("app.loss.actual", done.get(), words.get()), done, words, I18n.languageProperty());
        lessonCaption = Bindings.createStringBinding(() -> I18n.text("app.loss.lesson.caption", LessonDefaults.HIDDEN_DIM,
                LessonDefaults.SEED), I18n.languageProperty());
        sentencesInput.maxProperty().bind(maxSentences);
        computeDisabled = running.or(store.modelProperty().isNull()).or(sentencesInput.validProperty().not());
        store.revisionProperty().addListener((o, a, b) -> screen.changed());
        store.preparedProperty().addListener((o, a, d) -> corpusChanged(d));
        corpusChanged(store.prepared());
    }

    /** The lesson's check: the loss of a fresh model initialised as the lesson does (H 100, seed 10), on the same sentences. */
    public ReadOnlyDoubleProperty lessonLossProperty() {
        return lessonLoss;
    }

    /** N: how many of the corpus's first sentences to measure on. */
    public IntegerProperty sentencesProperty() {
        return sentences;
    }

    /** N as typed: 1 to the corpus's number of sentences; Compute waits for a valid one. */
    public NumberInput sentencesInput() {
        return sentencesInput;
    }

    /** The largest N: the corpus's number of sentences. */
    public ReadOnlyIntegerProperty maxSentencesProperty() {
        return maxSentences;
    }

    /** ln C for the model's vocabulary. */
    public ReadOnlyDoubleProperty expectedProperty() {
        return expected;
    }

    /** The mean loss per word so far (NaN before the first sentence). */
    public ReadOnlyDoubleProperty actualProperty() {
        return actual;
    }

    public ReadOnlyIntegerProperty doneProperty() {
        return done;
    }

    public ReadOnlyLongProperty wordsProperty() {
        return words;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation;
    }

    /** Sentences read / sentences to read, 0 to 1. */
    public DoubleBinding progressProperty() {
        return progress;
    }

    public StringBinding expectedCaption() {
        return expectedCaption;
    }

    /** Under the lesson's check: what model it is. */
    public StringBinding lessonCaption() {
        return lessonCaption;
    }

    public StringBinding actualCaption() {
        return actualCaption;
    }

    /** True while a computation runs, there is no model yet or N is not a valid number. */
    public BooleanBinding computeDisabledProperty() {
        return computeDisabled;
    }

    /** The running mean against sentences read; redraw it when {@link #chartVersionProperty()} changes. */
    public DecimatedSeries runningMean() {
        return runningMean;
    }

    public ReadOnlyLongProperty chartVersionProperty() {
        return chartVersion;
    }

    /** The top of the chart's loss axis: room above ln C and the loss (the axis starts at 0). */
    public ReadOnlyDoubleProperty chartTopProperty() {
        return chartTop;
    }

    long computedRevision() {
        return computedRevision;
    }

    // ---- commands -----------------------------------------------------------------------------

    /** Measures the model's mean loss on the first N sentences, in the background; nothing while one runs. */
    public void compute() {
        PreparedData d = store.prepared();
        RnnModel m = store.model();
        Vocabulary v = store.vocabulary();
        if (d == null || m == null || v == null || running.get() || !sentencesInput.isValid()) {
            return;
        }
        boolean same = store.matchesCorpusProperty().get();
        // a model with its own vocabulary reads the corpus's sentences with its words
        IntFunction<TrainingPair> pairs = same ? d::pair : i -> TrainingPair.of(v.encode(d.sentenceTokens(i)));
        int count = Math.min(sentences.get(), d.size());
        start(v.size(), store.revisionProperty().get(), count);
        Batches<Progress> sink = sinks.to(batch -> {
            if (running.get()) { // a cancelled run's last posts are dropped
                progress(batch);
            }
        });
        double[] lesson = {Double.NaN};
        task = work.submit(I18n.text("app.loss.work", count),
                job -> {
                    // the lesson's check: a fresh model as the lesson initialises it lands near ln C
                    RnnModel fresh = RnnModel.initialise(v.size(), LessonDefaults.HIDDEN_DIM, LessonDefaults.BPTT_TRUNCATE,
                            LessonDefaults.SEED, Precision.FLOAT32);
                    lesson[0] = meanLoss(fresh, count, pairs, job, p -> { });
                    return meanLoss(m, count, pairs, job, sink::post);
                }, mean -> {
                    sink.drain();
                    lessonLoss.set(lesson[0]);
                    finish(true);
                }, e -> {
                    sink.drain();
                    finish(false);
                    notifier.failure(I18n.text("app.nav.loss"), e);
                }, () -> {
                    sink.drain();
                    finish(false);
                });
    }

    /** Stops the computation; the numbers stay for the sentences read so far. */
    public void cancel() {
        if (task != null && running.get()) {
            task.cancel();
        }
    }

    /** The learner opened the step: measure the model unless its numbers are already shown. */
    @Override
    public void shown() {
        screen.shown();
    }

    /** The step left the screen: a new model is measured when it comes back, not at every training snapshot. */
    @Override
    public void hidden() {
        screen.hidden();
    }

    private void computeIfStale() {
        if (!running.get() && computedRevision != store.revisionProperty().get()) {
            compute();
        }
    }

    /**
     * The mean loss per word on sentences 0..count-1 with the engine's loss, in about
     * {@link #PROGRESS_POINTS} chunks: after each, the running mean goes to {@code onProgress}
     * and the cancel flag is checked (worker thread).
     */
    static double meanLoss(RnnModel m, int count, IntFunction<TrainingPair> pairs, Background.Job job,
                           Consumer<Progress> onProgress) {
        int chunk = Math.max(1, count / PROGRESS_POINTS);
        double total = 0;
        long words = 0;
        for (int from = 0; from < count; from += chunk) {
            job.cancel().throwIfCancelled();
            int to = Math.min(count, from + chunk);
            List<int[]> xs = new ArrayList<>(to - from);
            List<int[]> ys = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                TrainingPair p = pairs.apply(i);
                xs.add(p.x());
                ys.add(p.y());
                words += p.length();
            }
            total += m.totalLoss(xs, ys);
            onProgress.accept(new Progress(to, words, words == 0 ? Double.NaN : total / words));
            job.progress().progress(to, count, I18n.text("app.loss.progress", to, count));
        }
        return words == 0 ? Double.NaN : total / words;
    }

    /** A computation starts (FX thread). */
    void start(int vocabularySize, long revision, int count) {
        expected.set(Math.log(vocabularySize));
        lessonLoss.set(Double.NaN);
        actual.set(Double.NaN);
        done.set(0);
        words.set(0);
        target.set(count);
        runningMean.clear();
        explanationText.set(() -> "");
        running.set(true);
        computedRevision = revision;
        chartChanged();
    }

    /** Progress arrived (FX thread): the newest value of the batch is what the numbers show. */
    void progress(List<Progress> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (Progress p : batch) {
            runningMean.add(p.sentences(), p.meanLoss());
        }
        Progress last = batch.get(batch.size() - 1);
        done.set(last.sentences());
        words.set(last.words());
        actual.set(last.meanLoss());
        chartChanged();
    }

    /** The computation ended: {@code completed} false when it was cancelled or failed. */
    void finish(boolean completed) {
        running.set(false);
        task = null;
        if (completed) {
            double lnC = expected.get();
            double loss = actual.get();
            int n = done.get();
            long w = words.get();
            explanationText.set(() -> explain(lnC, loss, n, w));
        } else {
            computedRevision = -1;
            boolean some = done.get() > 0;
            explanationText.set(() -> some ? I18n.text("app.loss.stopped") : "");
        }
    }

    private void chartChanged() {
        double top = Math.max(expected.get(), Double.isFinite(actual.get()) ? actual.get() : 0);
        if (Double.isFinite(top)) {
            chartTop.set(Math.ceil(top * 1.15));
        }
        chartVersion.set(chartVersion.get() + 1);
    }

    private void corpusChanged(PreparedData d) {
        if (d != null) {
            maxSentences.set(Math.max(1, d.size()));
            sentences.set(Math.min(chosenSentences, maxSentences.get()));
        }
    }

    /** What the comparison means, for a learner. */
    public static String explain(double lnC, double loss, int sentences, long words) {
        if (!Double.isFinite(loss)) {
            return I18n.text("app.loss.nan");
        }
        double perWord = Math.exp(-loss);
        double chance = Math.exp(-lnC);
        String measured = I18n.text("app.loss.measured", sentences, words);
        if (Math.abs(loss - lnC) < CLOSE) {
            return measured + I18n.text("app.loss.close", String.format(Locale.ROOT, "%.3f", lnC), percent(chance));
        }
        if (loss < lnC) {
            return measured + I18n.text("app.loss.below", String.format(Locale.ROOT, "%.2f", lnC - loss),
                    String.format(Locale.ROOT, "%.2f", loss), percent(perWord), String.format(Locale.ROOT, "%,.0f", perWord / chance),
                    percent(chance));
        }
        return measured + I18n.text("app.loss.above", String.format(Locale.ROOT, "%.2f", loss - lnC));
    }

    private static String percent(double p) {
        return NumberText.percent(p);
    }
}
