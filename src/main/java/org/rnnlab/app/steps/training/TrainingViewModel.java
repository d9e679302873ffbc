package org.rnnlab.app.steps.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
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
import org.rnnlab.app.session.ModelFiles;
import org.rnnlab.app.session.ModelStore;
import org.rnnlab.app.session.TrainingControl;
import org.rnnlab.app.support.Notifier;
import org.rnnlab.app.support.QueryLane;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.engine.GenerationOptions;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.engine.SentenceGenerator;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.Vocabulary;
import org.rnnlab.training.TrainingEvent;

/**
 * The training step: the hyper-parameters, the commands (start, pause, step, stop, the model
 * menu), the state of the run, and what the live chart, the counters and the sample sentences
 * show. Training events arrive in batches (one per frame at most); the numbers are refreshed four
 * times a second and the chart once, to leave the CPU to the trainer (on two cores every redraw is
 * taken from it).
 */
public final class TrainingViewModel {
    /** The lesson's figures for one SGD step on a 45-word sentence, C = 8000, H = 100. */
    public static final double LESSON_NUMPY_MS = 350;
    public static final double LESSON_THEANO_MS = 70;
    /** The counters are refreshed this often while training runs... */
    static final long NUMBERS_NANOS = 250_000_000L;
    /** ...and the chart this often. */
    static final long CHART_NANOS = 1_000_000_000L;
    /** New sample sentences this often while training runs. */
    static final long SAMPLE_NANOS = 12_000_000_000L;
    static final int SAMPLE_SENTENCES = 3;
    /** The same seed every time: the draws stay comparable, so what changes is the model. */
    static final long SAMPLE_SEED = 7;

    /** Which model Start trains. */
    public enum StartFrom {
        /** A fresh model initialised as the lesson does (the fields' H, seed and precision): the fall from ln C. */
        LESSON_MODEL,
        /** The current model, as it is. */
        CURRENT_MODEL
    }

    /** Asks the learner to confirm (a dialog in the app). */
    @FunctionalInterface
    public interface Confirm {
        boolean ask(String title, String header, String text, String yes);
    }

    // hyper-parameters
    private final ModelStore store;
    private final TrainingControl training;
    private final ModelFiles files;
    private final QueryLane queries;
    private final Notifier notifier;
    private final Confirm confirm;
    private final LongSupplier clock;

    // hyper-parameters
    private final DoubleProperty learningRate = new SimpleDoubleProperty(LessonDefaults.LEARNING_RATE);
    private final IntegerProperty epochs = new SimpleIntegerProperty(10);
    private final IntegerProperty evaluateEvery = new SimpleIntegerProperty(1);
    private final IntegerProperty bpttTruncate = new SimpleIntegerProperty(LessonDefaults.BPTT_TRUNCATE);
    private final IntegerProperty sentences = new SimpleIntegerProperty(1000);
    private final LongProperty seed = new SimpleLongProperty(LessonDefaults.SEED);
    private final ObjectProperty<Precision> precision = new SimpleObjectProperty<>(Precision.FLOAT32);
    private final IntegerProperty hiddenSize = new SimpleIntegerProperty(LessonDefaults.HIDDEN_DIM);
    private final TrainingInputs inputs;

    private final TrainingRunState run = new TrainingRunState();
    private final javafx.beans.property.StringProperty stepResult = new SimpleStringProperty("");
    private boolean singleStepAsked;
    private long revisionAtStep;
    private TrainingEvent.Step singleStep;
    private final ObjectProperty<StartFrom> startFrom = new SimpleObjectProperty<>(StartFrom.LESSON_MODEL);
    private final StringBinding startsWith;
    private final LongProperty chartVersion = new SimpleLongProperty();
    private final DoubleProperty lnC = new SimpleDoubleProperty(Math.log(LessonDefaults.WORD_DIM));
    private final ObservableList<String> samples = FXCollections.observableArrayList();
    private final javafx.beans.property.StringProperty samplesTitle = new SimpleStringProperty("What the model writes");
    private final StringBinding modelLine;
    private final List<TrainingEvent> pending = new ArrayList<>();
    private long lastNumbers;
    private long lastChart;
    private long lastSample;
    private boolean chartChanged;
    private boolean sampleOnNextModel;
    private RnnModel lastRunResult;

    /**
     * @param store    the current model (read, and watched for new parameters)
     * @param training starts and steers the one training run
     * @param files    new random model, load, import, save
     * @param queries  the model-query lane (sample sentences)
     * @param confirm  asks the learner before a model with another vocabulary is used
     * @param clock    System::nanoTime in the app
     */
    public TrainingViewModel(ModelStore store, TrainingControl training, ModelFiles files, QueryLane queries,
                             Notifier notifier, Confirm confirm, LongSupplier clock) {
        this.store = store;
        this.training = training;
        this.files = files;
        this.queries = queries;
        this.notifier = notifier;
        this.confirm = confirm;
        this.clock = clock;
        inputs = new TrainingInputs(learningRate, epochs, evaluateEvery, bpttTruncate, sentences, seed, hiddenSize,
                store.preparedProperty());
        modelLine = Bindings.createStringBinding(this::modelText, store.modelProperty(), store.descriptionProperty(),
                store.matchesCorpusProperty());
        startsWith = Bindings.createStringBinding(this::startsWithText, startFrom, hiddenSize, seed, precision,
                store.modelProperty(), store.descriptionProperty());
        store.trainingProperty().addListener((o, was, on) -> {
            if (!on) {
                runEnded();
            }
        });
        store.revisionProperty().addListener((o, a, b) -> {
            if (singleStep != null) {
                showSingleStep(singleStep);
                singleStep = null;
            }
            if (sampleOnNextModel) {
                sampleOnNextModel = false;
                sampleSentences();
            }
        });
        store.preparedProperty().addListener((o, a, d) -> corpusChanged(d));
        corpusChanged(store.prepared());
    }

    /** The run: its state, counters and chart series. */
    public TrainingRunState run() {
        return run;
    }

    /** The number fields; Start and a new model wait until theirs hold valid numbers. */
    public TrainingInputs inputs() {
        return inputs;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty evaluateEveryProperty() {
        return evaluateEvery;
    }

    public IntegerProperty bpttTruncateProperty() {
        return bpttTruncate;
    }

    public IntegerProperty sentencesProperty() {
        return sentences;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public ObjectProperty<Precision> precisionProperty() {
        return precision;
    }

    public IntegerProperty hiddenSizeProperty() {
        return hiddenSize;
    }

    /** The lesson's own settings: lr 0.005, 100 epochs, evaluated every 5, every sentence. */
    public void lessonDefaults() {
        PreparedData d = store.prepared();
        learningRate.set(LessonDefaults.LEARNING_RATE);
        epochs.set(LessonDefaults.EPOCHS);
        evaluateEvery.set(LessonDefaults.EVALUATE_LOSS_AFTER);
        bpttTruncate.set(LessonDefaults.BPTT_TRUNCATE);
        sentences.set(Math.max(1, d == null ? sentences.get() : d.size()));
        seed.set(LessonDefaults.SEED);
        inputs.forStart().revert();
    }

    /** The request for the training controller, from the current fields. */
    public TrainingControl.Request request() {
        return new TrainingControl.Request(learningRate.get(), epochs.get(), evaluateEvery.get(),
                bpttTruncate.get(), sentences.get(), seed.get(), precision.get());
    }

    // ---- commands -----------------------------------------------------------------------------

    /** Which model Start trains: a fresh lesson model (the default) or the current one. */
    public ObjectProperty<StartFrom> startFromProperty() {
        return startFrom;
    }

    /** Says which model Start will train, beside the choice. */
    public StringBinding startsWith() {
        return startsWith;
    }

    private String startsWithText() {
        if (startFrom.get() == StartFrom.LESSON_MODEL) {
            return String.format(Locale.ROOT, "Start trains a fresh model, initialised as the lesson does: H = %d, seed %d, %s. "
                    + "The current one is kept under Model > Earlier models.", hiddenSize.get(), seed.get(),
                    precision.get() == null ? "" : precision.get().dtypeName());
        }
        RnnModel m = store.model();
        return m == null ? "There is no model yet." : "Start trains the current model: " + store.descriptionProperty().get() + ".";
    }

    /**
     * Starts a run with the fields' settings, on a fresh lesson model or the current one; a second
     * run on the result of the first extends its curve.
     */
    public void start() {
        if (run.stateProperty().get() != TrainingRunState.State.IDLE || store.isTraining() || store.loadingProperty().get()) {
            return;
        }
        if (!inputs.forStart().isValid()) { // never train with the previous value of a field typed wrong
            notifier.warn("Training", inputs.forStart().problemProperty().get());
            return;
        }
        if (startFrom.get() == StartFrom.LESSON_MODEL && store.prepared() != null) {
            // the fresh model is made in the background; the run starts once it is the current one
            files.initialiseRandom(hiddenSize.get(), seed.get(), precision.get(), this::startNow);
            lastRunResult = null;
            return;
        }
        startNow();
    }

    private void startNow() {
        PreparedData d = store.prepared();
        boolean keep = lastRunResult != null && lastRunResult == store.model();
        pending.clear();
        try {
            training.start(request(), this::onBatch);
        } catch (RuntimeException e) {
            notifier.failure("Training", e);
            return;
        }
        long now = clock.getAsLong();
        run.started(Math.min(sentences.get(), d.size()), epochs.get(), learningRate.get(), now, keep);
        if (!keep) {
            samples.clear();
            samplesTitle.set("What the model writes");
        }
        lastSample = now;
        lastNumbers = now;
        lastChart = now;
        chartVersion.set(chartVersion.get() + 1);
    }

    /** Pause while running, resume while paused. */
    public void pauseOrResume() {
        if (run.stateProperty().get() == TrainingRunState.State.PAUSED) {
            training.resume();
        } else if (run.stateProperty().get() == TrainingRunState.State.RUNNING) {
            training.pause();
        }
    }

    /** One SGD step (while paused); {@link #stepResultProperty()} then says what it did. */
    public void step() {
        if (run.stateProperty().get() == TrainingRunState.State.PAUSED) {
            singleStepAsked = true;
            revisionAtStep = store.revisionProperty().get();
            stepResult.set("Taking one step...");
            training.stepOnce();
        }
    }

    /** What the last single step did: its sentence and the loss before and after (empty otherwise). */
    public javafx.beans.property.StringProperty stepResultProperty() {
        return stepResult;
    }

    /** The step's sentence scored again on the parameters it produced (query thread), then said in one line. */
    private void showSingleStep(TrainingEvent.Step step) {
        RnnModel m = store.model();
        Vocabulary v = store.vocabulary();
        PreparedData d = store.prepared();
        if (m == null || v == null || d == null || step.sentence() >= d.size()) {
            return;
        }
        int[] x = d.x(step.sentence());
        int[] y = d.y(step.sentence());
        queries.query("trainingStep", () -> m.sentenceLoss(x, y) / Math.max(1, y.length), after -> {
            StringBuilder words = new StringBuilder();
            for (int t = 1; t < x.length && t <= 8; t++) {
                words.append(t == 1 ? "" : " ").append(v.word(x[t]));
            }
            stepResult.set(String.format(Locale.ROOT,
                    "One step on sentence %,d (\u201c%s%s\u201d, %d words): loss per word %.4f before, %.4f after, at learning rate %s.",
                    step.sentence() + 1, words, x.length > 9 ? " ..." : "", y.length, step.sentenceLoss(), after,
                    TrainingText.rateText(step.learningRate())));
        }, e -> stepResult.set(""));
    }

    public void stop() {
        if (run.stateProperty().get() != TrainingRunState.State.IDLE) {
            training.stop();
        }
    }

    /** A new random model with the fields' H, seed and precision. */
    public void newModel() {
        if (!inputs.forNewModel().isValid()) {
            notifier.warn("New model", inputs.forNewModel().problemProperty().get());
            return;
        }
        files.initialiseRandom(hiddenSize.get(), seed.get(), precision.get());
        lastRunResult = null;
    }

    /** The shipped sample model, again. */
    public void loadShipped() {
        files.loadShipped();
        lastRunResult = null;
    }

    /** Models this session replaced, newest first. */
    public javafx.collections.ObservableList<ModelStore.Kept> earlierModels() {
        return store.earlierModels();
    }

    /** Makes an earlier model current again; Start then continues it. */
    public void restore(ModelStore.Kept kept) {
        files.restore(kept);
        startFrom.set(StartFrom.CURRENT_MODEL);
        lastRunResult = null;
    }

    public void save(Path npz) {
        files.save(npz);
    }

    public void importLesson(Path npz) {
        files.importLesson(npz);
        lastRunResult = null;
    }

    /** Loads a model file: used at once when it fits the corpus, otherwise only if the learner agrees. */
    public void load(Path npz) {
        files.load(npz, this::loaded);
    }

    private void loaded(LoadedModel loaded) {
        String name = "a model loaded from a file";
        if (files.matchesCorpus(loaded)) {
            files.adopt(loaded, name);
            lastRunResult = null;
            return;
        }
        if (loaded.vocabulary() == null) {
            notifier.warn("Load model", String.format(Locale.ROOT,
                    "This file holds no vocabulary, and its size (C = %,d) is not the corpus's. "
                            + "For the lesson's own file use \"Import the lesson's pre-trained model\".", loaded.model().wordDim()));
            return;
        }
        PreparedData d = store.prepared();
        String text = String.format(Locale.ROOT,
                "This model was trained with another vocabulary (C = %,d) than the corpus's (C = %,d).%n%n"
                        + "With its own vocabulary, scoring, prediction and generation work; the corpus's sentences "
                        + "are read with the model's words, and it cannot be trained on this corpus.",
                loaded.vocabulary().size(), d == null ? 0 : d.vocabulary().size());
        if (confirm.ask("The vocabularies differ", "The model does not match the corpus", text,
                "Use the model's own vocabulary")) {
            files.adopt(loaded, name + " (with its own vocabulary)");
            lastRunResult = null;
        }
    }

    // ---- what the view shows besides the counters -----------------------------------------------

    /** One line: which model trains ("Model: random weights (seed 10)  (C = 8,000, H = 100, float64)"). */
    public StringBinding modelLine() {
        return modelLine;
    }

    /** ln C of the prepared corpus: where a model that knows nothing starts. */
    public DoubleProperty lnCProperty() {
        return lnC;
    }

    /** Changes when the chart should be redrawn (at most once a second while training). */
    public LongProperty chartVersionProperty() {
        return chartVersion;
    }

    /** Sentences the model writes, refreshed every few seconds while it trains. */
    public ObservableList<String> samples() {
        return samples;
    }

    public javafx.beans.property.StringProperty samplesTitleProperty() {
        return samplesTitle;
    }

    private String modelText() {
        RnnModel m = store.model();
        if (m == null) {
            return "Waiting for the corpus and the model...";
        }
        String text = String.format(Locale.ROOT, "Model: %s  (C = %,d, H = %d, %s)", store.descriptionProperty().get(),
                m.wordDim(), m.hiddenDim(), m.precision().dtypeName());
        return store.matchesCorpusProperty().get() ? text
                : text + ". Its vocabulary is not this corpus's, so it cannot be trained on it: make a new random model (Model menu).";
    }

    private void corpusChanged(PreparedData d) {
        if (d != null) {
            sentences.set(Math.min(Math.max(1, sentences.get()), d.size()));
            lnC.set(Math.log(d.vocabulary().size()));
        }
    }

    /**
     * A frame's worth of events (FX thread). Numbers four times a second, the chart once a second;
     * anything but a step (an evaluation, a pause, the end) is shown at once.
     */
    void onBatch(List<TrainingEvent> batch) {
        pending.addAll(batch);
        boolean important = false;
        for (TrainingEvent e : batch) {
            if (singleStepAsked && e instanceof TrainingEvent.Step s) {
                singleStepAsked = false;
                important = true;
                if (store.revisionProperty().get() > revisionAtStep) {
                    showSingleStep(s); // the parameters after it came first
                } else {
                    singleStep = s; // shown when the parameters after it are published
                }
            } else if (e instanceof TrainingEvent.Resumed) {
                stepResult.set("");
            }
            important |= !(e instanceof TrainingEvent.Step);
            if (e instanceof TrainingEvent.Diverged d) {
                notifier.warn("Training stopped", d.message());
            }
        }
        long now = clock.getAsLong();
        flush(now, important);
        if (run.stateProperty().get() == TrainingRunState.State.RUNNING && now - lastSample > SAMPLE_NANOS) {
            lastSample = now;
            sampleOnNextModel = true;
            training.requestSnapshot(); // samples come from a fresh copy, handed over between two steps
        }
    }

    private void flush(long now, boolean force) {
        if (!pending.isEmpty() && (force || now - lastNumbers > NUMBERS_NANOS)) {
            long before = run.chartRevision();
            run.accept(new ArrayList<>(pending), now);
            pending.clear();
            lastNumbers = now;
            chartChanged |= run.chartRevision() != before;
        }
        if (chartChanged && (force || now - lastChart > CHART_NANOS)) {
            lastChart = now;
            chartChanged = false;
            chartVersion.set(chartVersion.get() + 1);
        }
    }

    /** The run's thread ended and its final model is published (FX thread). */
    private void runEnded() {
        long now = clock.getAsLong();
        chartChanged = true;
        flush(now, true);
        run.threadEnded(now);
        lastRunResult = store.model();
        sampleSentences();
    }

    private void sampleSentences() {
        RnnModel m = store.model();
        Vocabulary v = store.vocabulary();
        if (m == null || v == null) {
            return;
        }
        String when = store.descriptionProperty().get();
        queries.query("trainingSamples", () -> sample(m, v), lines -> {
            samplesTitle.set("What the model writes (" + when + ")");
            samples.setAll(lines);
        }, e -> { }); // a sample that fails is simply not shown; the next one comes soon
    }

    /** {@link #SAMPLE_SENTENCES} sentences by the lesson's rule, the same draws every time (query thread). */
    static List<String> sample(RnnModel m, Vocabulary v) {
        SentenceGenerator g = new SentenceGenerator(m);
        SplittableRandom rng = new SplittableRandom(SAMPLE_SEED);
        GenerationOptions o = new GenerationOptions(5, 25, 1.0, v.startIndex(), v.endIndex(), v.unknownIndex());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < SAMPLE_SENTENCES; i++) {
            StringBuilder b = new StringBuilder();
            for (int w : g.generate(o, rng).words()) {
                b.append(b.length() == 0 ? "" : " ").append(v.word(w));
            }
            out.add(b.toString());
        }
        return out;
    }
}
