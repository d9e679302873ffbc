package org.rnnlab.app.steps.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.ObservableList;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.session.ModelFiles;
import org.rnnlab.app.session.ModelStore;
import org.rnnlab.app.session.TrainingControl;
import org.rnnlab.app.support.Notifier;
import org.rnnlab.app.support.QueryLane;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.training.OutputLayer;
import org.rnnlab.training.TrainingEvent;

/**
 * The training step: the hyper-parameters, the commands (start, pause, step, stop, the model
 * menu), the state of the run, and what the live chart, the counters and the sample sentences
 * show. Training events arrive in batches (one per frame at most); the numbers are refreshed twice
 * a second and the chart once, to leave the CPU to the trainer (on two cores every redraw is
 * taken from it).
 */
public final class TrainingViewModel {
    /** The counters are refreshed this often while training runs... */
    static final long NUMBERS_NANOS = 500_000_000L;
    /** ...and the chart this often. */
    static final long CHART_NANOS = 1_000_000_000L;
    /** New sample sentences this often while training runs. */
    static final long SAMPLE_NANOS = 12_000_000_000L;

    /** Which model Start trains. */
    public enum StartFrom {
        /** A fresh model initialised as the lesson does (the fields' H, seed and precision): the fall from ln C. */
        LESSON_MODEL,
        /** The current model, as it is. */
        CURRENT_MODEL
    }


    private final ModelStore store;
    private final TrainingControl training;
    private final ModelFiles files;
    private final QueryLane queries;
    private final Notifier notifier;
    private final ModelMenuViewModel menu;
    private final LongSupplier clock;
    private final RunHistory runs;
    private final InterruptedRun interrupted;

    // hyper-parameters
    private final DoubleProperty learningRate = new SimpleDoubleProperty(LessonDefaults.LEARNING_RATE);
    private final IntegerProperty epochs = new SimpleIntegerProperty(10);
    private final IntegerProperty evaluateEvery = new SimpleIntegerProperty(1);
    private final IntegerProperty bpttTruncate = new SimpleIntegerProperty(LessonDefaults.BPTT_TRUNCATE);
    private final IntegerProperty sentences = new SimpleIntegerProperty(1000);
    private final LongProperty seed = new SimpleLongProperty(LessonDefaults.SEED);
    private final ObjectProperty<Precision> precision = new SimpleObjectProperty<>(Precision.FLOAT32);
    private final ObjectProperty<OutputLayer> outputLayer = new SimpleObjectProperty<>(OutputLayer.FULL);
    private final IntegerProperty hiddenSize = new SimpleIntegerProperty(LessonDefaults.HIDDEN_DIM);
    private final TrainingInputs inputs;
    private final LiveControls live;

    private final TrainingRunState run = new TrainingRunState();
    /** Turns true at the first Start the step accepts (see {@link #startAcceptedProperty()}). */
    private final javafx.beans.property.ReadOnlyBooleanWrapper startAccepted = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final SingleStep singleStep;
    private final ObjectProperty<StartFrom> startFrom = new SimpleObjectProperty<>(StartFrom.LESSON_MODEL);
    private final StringBinding startsWith;
    private final StringBinding sentencesNote;
    private final LongProperty chartVersion = new SimpleLongProperty();
    private final DoubleProperty lnC = new SimpleDoubleProperty(Math.log(LessonDefaults.WORD_DIM));
    private final SampleSentences samples;
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
     * @param runs     the earlier runs, where runs are saved to and opened from
     */
    public TrainingViewModel(ModelStore store, TrainingControl training, ModelFiles files, QueryLane queries,
                             Notifier notifier, ModelMenuViewModel.Confirm confirm, LongSupplier clock, RunHistory runs) {
        this.runs = runs;
        this.store = store;
        this.training = training;
        this.files = files;
        this.queries = queries;
        this.notifier = notifier;
        this.samples = new SampleSentences(store, queries);
        this.singleStep = new SingleStep(store, queries);
        this.clock = clock;
        DoubleProperty heldOut = new SimpleDoubleProperty(TrainingControl.HELD_OUT_FRACTION);
        inputs = new TrainingInputs(learningRate, epochs, evaluateEvery, bpttTruncate, sentences, seed, hiddenSize, heldOut,
                store.preparedProperty());
        live = new LiveControls(training, notifier, store.preparedProperty(), inputs.learningRate(), learningRate, sentences, seed,
                heldOut);
        this.interrupted = new InterruptedRun(training, store, notifier, run, (r, launch) -> {
            lastRunResult = null;
            begin(r, launch);
        }, this::onBatch);
        this.menu = new ModelMenuViewModel(store, files, notifier, confirm, inputs.forNewModel(), hiddenSize, seed, precision,
                outputLayer, () -> startFrom.set(StartFrom.CURRENT_MODEL));
        modelLine = Bindings.createStringBinding(() -> TrainingText.modelLine(store), store.modelProperty(), store.descriptionProperty(),
                store.matchesCorpusProperty(), store.trainingProperty(), I18n.languageProperty());
        startsWith = Bindings.createStringBinding(() -> TrainingText.startsWith(startFrom.get() == StartFrom.LESSON_MODEL,
                        hiddenSize.get(), seed.get(), precision.get(), outputLayer.get(), store), startFrom, hiddenSize, seed,
                precision, outputLayer, store.modelProperty(), store.descriptionProperty(), I18n.languageProperty());
        store.trainingProperty().addListener((o, was, on) -> {
            if (!on) {
                runEnded();
            }
        });
        store.revisionProperty().addListener((o, a, b) -> {
            singleStep.parametersPublished();
            if (sampleOnNextModel) {
                sampleOnNextModel = false;
                samples.refresh();
            }
        });
        store.preparedProperty().addListener((o, a, d) -> corpusChanged(d));
        store.modelProperty().addListener((o, a, m) -> modelChanged(m));
        sentencesNote = TrainingText.sentencesNote(sentences, store.preparedProperty());
        corpusChanged(store.prepared());
    }

    /** The run: its state, counters and chart series. */
    public TrainingRunState run() {
        return run;
    }

    /** The earlier runs the chart overlays; saving, opening and exporting runs. */
    public RunHistory runs() {
        return runs;
    }

    /** The learning rate and probe set during a run, the held-out share. */
    public LiveControls live() {
        return live;
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

    /** The output layer of the fresh models Start and the Model menu make; it follows the current model. */
    public ObjectProperty<OutputLayer> outputLayerProperty() {
        return outputLayer;
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

    /** All the lesson's settings, H and precision too, and Start trains a fresh lesson model. */
    public void resetToLesson() {
        lessonDefaults();
        hiddenSize.set(LessonDefaults.HIDDEN_DIM);
        precision.set(Precision.FLOAT32);
        outputLayer.set(OutputLayer.FULL);
        startFrom.set(StartFrom.LESSON_MODEL);
    }

    /** The request for the training controller, from the current fields. */
    public TrainingControl.Request request() {
        return new TrainingControl.Request(learningRate.get(), epochs.get(), evaluateEvery.get(),
                bpttTruncate.get(), sentences.get(), seed.get(), precision.get(), live.heldOutFractionProperty().get(),
                live.probe());
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

    /**
     * Starts a run with the fields' settings, on a fresh lesson model or the current one; a second
     * run on the result of the first extends its curve.
     */
    public void start() {
        if (run.stateProperty().get() != TrainingRunState.State.IDLE || store.isTraining() || store.loadingProperty().get()) {
            return;
        }
        if (!inputs.forStart().isValid()) { // never train with the previous value of a field typed wrong
            notifier.warn(I18n.text("training.notice.title"), inputs.forStart().problemProperty().get());
            return;
        }
        if (startFrom.get() == StartFrom.LESSON_MODEL && store.prepared() != null) {
            // the fresh model is made in the background; the run starts once it is the current one
            startAccepted.set(true);
            files.initialiseRandom(hiddenSize.get(), seed.get(), precision.get(), outputLayer.get(), this::startNow);
            lastRunResult = null;
            return;
        }
        startNow();
    }

    private void startNow() {
        TrainingControl.Request r = request();
        begin(r, () -> training.start(r, this::onBatch));
    }

    /** True from the first Start the step took, before its run begins (the fresh model comes first): the rehearsal ends then. */
    public javafx.beans.property.ReadOnlyBooleanProperty startAcceptedProperty() {
        return startAccepted.getReadOnlyProperty();
    }

    /** The run a killed or closed window left: offered in the Model menu, resumed exactly where it stopped. */
    public InterruptedRun interrupted() {
        return interrupted;
    }

    /** Starts a run through {@code launch} (a fresh start or a resume) and sets the counters and chart up for it. */
    void begin(TrainingControl.Request r, Runnable launch) {
        PreparedData d = store.prepared();
        boolean keep = lastRunResult != null && lastRunResult == store.model();
        pending.clear();
        try {
            launch.run();
        } catch (RuntimeException e) {
            notifier.failure(I18n.text("training.notice.title"), e);
            return;
        }
        startAccepted.set(true);
        long now = clock.getAsLong();
        // an epoch steps on the training part only: the held-out sentences are never stepped on
        run.started(live.trainingSentences(Math.min(r.sentences(), d.size())), r.epochs(), r.learningRate(), now, keep);
        runs.started(d, store.model(), r, keep, now);
        if (!keep) {
            samples.clear();
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
            singleStep.asked();
            training.stepOnce();
        }
    }

    /** What the last single step did: its sentence and the loss before and after (empty otherwise). */
    public javafx.beans.property.ReadOnlyStringProperty stepResultProperty() {
        return singleStep.resultProperty();
    }

    public void stop() {
        if (run.stateProperty().get() != TrainingRunState.State.IDLE) {
            training.stop();
        }
    }

    /** The Model menu: new, shipped, earlier, save, load, import. */
    public ModelMenuViewModel menu() {
        return menu;
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
        return samples.lines();
    }

    public javafx.beans.property.ReadOnlyStringProperty samplesTitleProperty() {
        return samples.titleProperty();
    }

    private void corpusChanged(PreparedData d) {
        if (d != null) {
            // the learner's number stays (a small corpus must not shrink it for the next one); a run uses min(N, corpus)
            lnC.set(Math.log(d.vocabulary().size()));
        }
    }

    /**
     * Another model became current, not by a run of this step: what the step shows of the last run
     * is about a model no longer here, so it goes; the precision and output layer follow the model.
     */
    private void modelChanged(RnnModel m) {
        if (m == null || store.isTraining()) {
            return;
        }
        if (m != lastRunResult) {
            run.clear();
            samples.clear();
            singleStep.clear();
            chartVersion.set(chartVersion.get() + 1);
        }
        precision.set(m.precision());
        outputLayer.set(OutputLayer.of(m));
    }

    /** "Trains on 1,000 of the corpus's 23,931 sentences." */
    public StringBinding sentencesNote() {
        return sentencesNote;
    }

    /**
     * A frame's worth of events (FX thread). Numbers twice a second, the chart once a second;
     * anything but a step (an evaluation, a pause, the end) is shown at once.
     */
    void onBatch(List<TrainingEvent> batch) {
        pending.addAll(batch);
        runs.accept(batch, run.baseExamples());
        boolean important = false;
        for (TrainingEvent e : batch) {
            important |= singleStep.event(e);
            important |= !(e instanceof TrainingEvent.Step);
            if (e instanceof TrainingEvent.Diverged d) {
                notifier.warn(I18n.text("training.notice.stopped"), d.message(I18n.locale(), 1)); // epochs from 1, as the step shows them
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
        runs.ended(run, now);
        samples.refresh();
    }
}
