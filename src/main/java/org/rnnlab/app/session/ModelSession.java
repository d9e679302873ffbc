package org.rnnlab.app.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rnnlab.app.support.BackgroundWork;
import org.rnnlab.app.support.Notices;
import org.rnnlab.common.SampleFiles;
import org.rnnlab.common.UserException;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.engine.ModelInfo;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.Vocabulary;
import org.rnnlab.training.SgdTrainer;
import org.rnnlab.training.TrainingConfig;
import org.rnnlab.training.TrainingEvent;
import org.rnnlab.training.TrainingListener;

/**
 * The model of the lesson: initialised, trained, saved, loaded; observed by the later steps.
 *
 * <p>Threading. The published model ({@link #modelProperty()}) is never changed in place: the
 * steps read it from any thread without locks. Training works on its own copy on a daemon thread
 * and publishes a fresh copy every few seconds (taken on the training thread between two steps, so
 * it is consistent and the trainer never waits on the UI); the final parameters are published
 * when the run ends. Every publication bumps {@link #revisionProperty()}.
 */
public final class ModelSession {
    public static final int DEFAULT_HIDDEN = 100;
    public static final long DEFAULT_SEED = 10;
    public static final int DEFAULT_BPTT = 4;
    /** The lesson's published model was trained on a vocabulary of this size. */
    public static final int LESSON_VOCABULARY = 8000;
    /**
     * A run counts as diverged when its recent loss per word (smoothed over about 20 sentences)
     * exceeds this many times ln C, the loss of guessing uniformly. The trainer itself stops only on
     * a NaN or infinite loss, which its numerically stable softmax never produces: with a learning
     * rate of 10 the loss climbs to hundreds per word and stays finite.
     */
    static final double DIVERGENCE_FACTOR = 2.0;
    /** How often a running training publishes a copy of its parameters for the other steps. */
    static final long SNAPSHOT_NANOS = 3_000_000_000L;

    private final BackgroundWork work;
    private final CorpusSession corpus;
    private final ObjectProperty<RnnModel> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<Vocabulary> vocabulary = new SimpleObjectProperty<>(this, "vocabulary");
    private final ObjectProperty<ModelInfo> info = new SimpleObjectProperty<>(this, "info");
    private final LongProperty revision = new SimpleLongProperty(this, "revision");
    private final IntegerProperty hiddenSize = new SimpleIntegerProperty(this, "hiddenSize", DEFAULT_HIDDEN);
    private final BooleanProperty matchesCorpus = new SimpleBooleanProperty(this, "matchesCorpus");
    private final StringProperty description = new SimpleStringProperty(this, "description", "no model yet");
    private final BooleanProperty training = new SimpleBooleanProperty(this, "training");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final List<Double> lossHistory = new ArrayList<>();
    private final ExecutorService queries = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rnnlab-model-queries");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicReference<Runnable>> pendingQueries = new ConcurrentHashMap<>();
    private TrainingRun run;
    private long seed = DEFAULT_SEED;

    public ModelSession(BackgroundWork work, CorpusSession corpus) {
        this.work = work;
        this.corpus = corpus;
        corpus.preparedProperty().addListener((obs, old, data) -> corpusPrepared(data));
    }

    // ---- what the steps observe -------------------------------------------------------------

    /** The current model; null until the corpus is prepared. Never changed in place. */
    public ReadOnlyObjectProperty<RnnModel> modelProperty() {
        return model;
    }

    public RnnModel model() {
        return model.get();
    }

    /** The vocabulary the model's indices refer to (the corpus's, or the loaded model's own). */
    public ReadOnlyObjectProperty<Vocabulary> vocabularyProperty() {
        return vocabulary;
    }

    public Vocabulary vocabulary() {
        return vocabulary.get();
    }

    /** What the loaded or trained model says about itself (may be null). */
    public ReadOnlyObjectProperty<ModelInfo> infoProperty() {
        return info;
    }

    /** Increases whenever the parameters change: views recompute what they show. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision;
    }

    /** H for new random models (the current model's own H is {@code model().hiddenDim()}). */
    public IntegerProperty hiddenSizeProperty() {
        return hiddenSize;
    }

    /** True when the model's vocabulary is the prepared corpus's: the corpus's sentences can train and test it. */
    public ReadOnlyBooleanProperty matchesCorpusProperty() {
        return matchesCorpus;
    }

    /** One line for the learner: where the model comes from. */
    /** One line naming the model and its size, for the steps that use it ("Model: ... (C = 8,000 words, H = 100)"). */
    public String summaryLine() {
        org.rnnlab.engine.RnnModel m = model();
        if (m == null) {
            return "Waiting for the corpus and the model...";
        }
        return String.format(java.util.Locale.ROOT, "Model: %s  (C = %,d words, H = %d)", descriptionProperty().get(),
                m.wordDim(), m.hiddenDim());
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description;
    }

    public ReadOnlyBooleanProperty trainingProperty() {
        return training;
    }

    /** True while a model file or a new random model is being made in the background. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public CorpusSession corpus() {
        return corpus;
    }

    BackgroundWork work() {
        return work;
    }

    /** The prepared corpus, or null. */
    public PreparedData prepared() {
        return corpus.preparedProperty().get();
    }

    /** The evaluations (mean loss on the training set) of the model so far, oldest first. */
    public List<Double> lossHistory() {
        return List.copyOf(lossHistory);
    }

    /**
     * Encodes a sentence's tokens with the model's vocabulary (words it does not know become
     * UNKNOWN_TOKEN), so a corpus sentence can be fed to a model with another vocabulary.
     */
    public int[] encode(List<String> tokens) {
        Vocabulary v = vocabulary.get();
        if (v == null) {
            throw new UserException("There is no model yet; wait until the corpus is prepared.");
        }
        return v.encode(tokens);
    }

    // ---- queries: short computations on the model, off the FX thread --------------------------

    /**
     * Runs {@code job} on the model-query thread and hands its result to {@code onResult} on the FX
     * thread. Per {@code lane}, only the latest request runs: a learner typing fast never queues
     * stale work. A failure becomes a readable notice.
     */
    public <T> void query(String lane, java.util.concurrent.Callable<T> job, Consumer<T> onResult) {
        query(lane, job, onResult, e -> Notices.failure("Model", e));
    }

    public <T> void query(String lane, java.util.concurrent.Callable<T> job, Consumer<T> onResult, Consumer<Throwable> onError) {
        AtomicReference<Runnable> slot = pendingQueries.computeIfAbsent(lane, k -> new AtomicReference<>());
        Runnable task = () -> {
            try {
                T result = job.call();
                Platform.runLater(() -> onResult.accept(result));
            } catch (Throwable e) {
                Platform.runLater(() -> onError.accept(e));
            }
        };
        if (slot.getAndSet(task) == null) {
            queries.execute(() -> {
                Runnable latest = slot.getAndSet(null);
                if (latest != null) {
                    latest.run();
                }
            });
        }
    }

    // ---- making, loading and saving models -------------------------------------------------

    /** A new model with random weights for the prepared corpus: the lesson's initialisation (seeded). */
    public void initialiseRandom(int hidden, long seed, Precision precision) {
        PreparedData data = prepared();
        if (data == null) {
            Notices.warn("New model", "The corpus is not prepared yet; wait a moment and try again.");
            return;
        }
        if (isTraining()) {
            Notices.warn("New model", "Stop the training first, then make a new model.");
            return;
        }
        hiddenSize.set(hidden);
        this.seed = seed;
        Vocabulary v = data.vocabulary();
        int c = v.size();
        loading.set(true);
        work.submit("New random model (C = " + c + ", H = " + hidden + ")",
                job -> RnnModel.initialise(c, hidden, DEFAULT_BPTT, seed, precision),
                m -> {
                    loading.set(false);
                    lossHistory.clear();
                    publish(m, v, null, "random weights (seed " + seed + ")");
                },
                e -> {
                    loading.set(false);
                    Notices.failure("New model", e);
                });
    }

    /**
     * Loads a model file (npz) in the background and hands it to {@code onLoaded} on the FX thread
     * without adopting it: the caller checks {@link #matchesCorpus(LoadedModel)} and asks the
     * learner before calling {@link #adopt}.
     */
    public void load(Path npz, Consumer<LoadedModel> onLoaded) {
        loading.set(true);
        work.submit("Loading " + npz.getFileName(), job -> ModelFile.load(npz), loaded -> {
            loading.set(false);
            onLoaded.accept(loaded);
        }, e -> {
            loading.set(false);
            Notices.failure("Load model", e);
        });
    }

    /** Imports the lesson's own U, V, W file; it needs the corpus's vocabulary to have 8,000 words. */
    public void importLesson(Path npz) {
        PreparedData data = prepared();
        if (data == null) {
            Notices.warn("Import the lesson's model", "The corpus is not prepared yet; wait a moment and try again.");
            return;
        }
        if (isTraining()) {
            Notices.warn("Import the lesson's model", "Stop the training first, then import a model.");
            return;
        }
        Vocabulary v = data.vocabulary();
        if (v.size() != LESSON_VOCABULARY) {
            Notices.warn("Import the lesson's model", String.format(java.util.Locale.ROOT,
                    "The lesson's model needs a vocabulary of %,d words, but the corpus is prepared with %,d; "
                            + "set the vocabulary size to 8000 in the Vocabulary step and import again.",
                    LESSON_VOCABULARY, v.size()));
            return;
        }
        loading.set(true);
        work.submit("Importing " + npz.getFileName(), job -> ModelFile.importLesson(npz, v), loaded -> {
            loading.set(false);
            adopt(loaded, "the lesson's pre-trained model (" + npz.getFileName() + ")");
        }, e -> {
            loading.set(false);
            Notices.failure("Import the lesson's model", e);
        });
    }

    /** True when the loaded model's vocabulary is the prepared corpus's. */
    public boolean matchesCorpus(LoadedModel loaded) {
        PreparedData data = prepared();
        Vocabulary v = loaded.vocabulary();
        return data != null && v != null && sameWords(v, data.vocabulary())
                && loaded.model().wordDim() == data.vocabulary().size();
    }

    /**
     * Makes a loaded model the current one. A model without a vocabulary of its own uses the
     * corpus's (it must have the same size).
     */
    public void adopt(LoadedModel loaded, String what) {
        if (isTraining()) {
            Notices.warn("Model", "Stop the training first, then change the model.");
            return;
        }
        Vocabulary v = loaded.vocabulary();
        if (v == null) {
            PreparedData data = prepared();
            if (data == null || data.vocabulary().size() != loaded.model().wordDim()) {
                Notices.warn("Model", "This model has no vocabulary of its own and its size (C = "
                        + loaded.model().wordDim() + ") is not the corpus's; prepare the corpus with that vocabulary size.");
                return;
            }
            v = data.vocabulary();
        }
        lossHistory.clear();
        if (loaded.info() != null && loaded.info().lossHistory() != null) {
            lossHistory.addAll(loaded.info().lossHistory());
        }
        if (loaded.info() != null && loaded.info().seed() != null) {
            seed = loaded.info().seed();
        }
        info.set(loaded.info());
        publish(loaded.model(), v, loaded.info(), what);
    }

    /** Saves the current model with its vocabulary (npz bundle), in the background. */
    public void save(Path npz) {
        RnnModel m = model.get();
        Vocabulary v = vocabulary.get();
        if (m == null || v == null) {
            Notices.warn("Save model", "There is no model to save yet.");
            return;
        }
        ModelInfo i = new ModelInfo(m.hiddenDim(), m.wordDim(), m.bpttTruncate(),
                m.precision().dtypeName(), seed,
                info.get() == null ? null : info.get().corpusHash(), lossHistory(), "RNN Lab app");
        work.submit("Saving " + npz.getFileName(), job -> {
            ModelFile.save(npz, m, v, i);
            return npz;
        }, p -> Notices.info("Model saved", "Saved the model to " + p + "."));
    }

    private void corpusPrepared(PreparedData data) {
        updateMatch();
        if (data == null || isTraining() || matchesCorpus.get()) {
            return;
        }
        // The shipped sample model is used when it was trained on this very vocabulary;
        // otherwise the lesson's starting point: random weights, seed 10.
        Optional<Path> sample = SampleFiles.model();
        if (sample.isPresent()) {
            loading.set(true);
            work.submit("Loading the sample model", job -> ModelFile.load(sample.get()), loaded -> {
                loading.set(false);
                if (prepared() != data) {
                    return; // another corpus came meanwhile; its own listener call decides
                }
                if (matchesCorpus(loaded)) {
                    adopt(loaded, "the sample model, trained on the sample corpus");
                } else {
                    initialiseRandom(hiddenSize.get(), DEFAULT_SEED, Precision.FLOAT64);
                }
            }, e -> {
                loading.set(false);
                initialiseRandom(hiddenSize.get(), DEFAULT_SEED, Precision.FLOAT64);
            });
        } else {
            initialiseRandom(hiddenSize.get(), DEFAULT_SEED, Precision.FLOAT64);
        }
    }

    /** Sets a new current model (FX thread). */
    private void publish(RnnModel m, Vocabulary v, ModelInfo i, String what) {
        vocabulary.set(v);
        model.set(m);
        if (i == null) {
            info.set(null);
        }
        description.set(what);
        updateMatch();
        revision.set(revision.get() + 1);
    }

    /** A training snapshot: same vocabulary, new parameters (FX thread). */
    private void publishParameters(RnnModel m, String what) {
        model.set(m);
        description.set(what);
        revision.set(revision.get() + 1);
    }

    private void updateMatch() {
        PreparedData data = prepared();
        Vocabulary v = vocabulary.get();
        RnnModel m = model.get();
        matchesCorpus.set(data != null && v != null && m != null && m.wordDim() == data.vocabulary().size()
                && sameWords(v, data.vocabulary()));
    }

    static boolean sameWords(Vocabulary a, Vocabulary b) {
        if (a == b) {
            return true;
        }
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.word(i).equals(b.word(i))) {
                return false;
            }
        }
        return true;
    }

    // ---- training --------------------------------------------------------------------------

    /** What the learner chose on the training step. {@code sentences} counts from the corpus's first. */
    public record TrainingRequest(double learningRate, int epochs, int evaluateEvery, int bpttTruncate,
                                  int sentences, long seed, Precision precision) {
    }

    public boolean isTraining() {
        return run != null;
    }

    /** The running training, or null. */
    public TrainingRun currentRun() {
        return run;
    }

    /**
     * Starts training the current model on the first {@code request.sentences()} sentences of the
     * corpus, on its own daemon thread. {@code listener} is called on the training thread with
     * every event: it must only hand them on (an {@code FxBatcher}), never wait.
     *
     * @return the run, to pause, resume, step or stop it
     * @throws UserException when there is no model, the model does not fit the corpus, or a run is going on
     */
    public TrainingRun train(TrainingRequest request, TrainingListener listener) {
        PreparedData data = prepared();
        RnnModel current = model.get();
        if (run != null) {
            throw new UserException("A training is already running; stop it first.");
        }
        if (data == null || current == null) {
            throw new UserException("There is no model yet; wait until the corpus is prepared.");
        }
        if (!matchesCorpus.get()) {
            throw new UserException("The model's vocabulary is not this corpus's; make a new random model for this corpus first.");
        }
        int n = Math.min(request.sentences(), data.size());
        if (n < 1) {
            throw new UserException("Train on at least one sentence.");
        }
        RnnModel working = current.withPrecision(request.precision());
        if (working == current) {
            working = current.copy(); // the published model is never changed in place
        }
        working.setBpttTruncate(request.bpttTruncate());
        TrainingConfig config = new TrainingConfig(request.learningRate(), request.epochs(),
                request.evaluateEvery(), false, request.seed());
        SgdTrainer trainer = new SgdTrainer(working, data.xs().subList(0, n), data.ys().subList(0, n), config);
        TrainingRun r = new TrainingRun(trainer, working, current, listener, request);
        trainer.addListener(r::onEvent);
        run = r;
        training.set(true);
        r.start();
        return r;
    }

    /** Stops a running training (if any) and waits a little for it to end. */
    public void stopTraining() {
        TrainingRun r = run;
        if (r != null) {
            r.stop();
        }
    }

    /** Ends the model's threads; the window is closing. */
    public void dispose() {
        TrainingRun r = run;
        if (r != null) {
            r.stop();
            r.join(3000);
        }
        queries.shutdownNow();
    }

    /** One training run: its trainer on a daemon thread, and the controls the training step uses. */
    public final class TrainingRun {
        private final SgdTrainer trainer;
        private final RnnModel working;
        private final RnnModel before;
        private final TrainingListener listener;
        private final TrainingRequest request;
        private final Thread thread;
        private volatile boolean stopRequested;
        private volatile boolean snapshotRequested;
        private long lastSnapshot = System.nanoTime();
        private volatile RnnModel lastGood;
        private volatile long examplesSeen;
        private final List<Double> evaluations = new ArrayList<>();
        private volatile TrainingEvent last;
        private final double lnC;
        private double recentLoss = Double.NaN;
        private int steps;
        private volatile boolean divergedHere;
        private RnnModel lastGoodEvaluation;
        private double lastGoodEvaluationLoss = Double.NaN;

        TrainingRun(SgdTrainer trainer, RnnModel working, RnnModel before, TrainingListener listener, TrainingRequest request) {
            this.trainer = trainer;
            this.working = working;
            this.before = before;
            this.listener = listener;
            this.request = request;
            this.lastGood = before;
            this.lastGoodEvaluation = before;
            this.lnC = Math.log(working.wordDim());
            this.thread = new Thread(this::runTrainer, "rnnlab-training");
            this.thread.setDaemon(true);
        }

        public TrainingRequest request() {
            return request;
        }

        void start() {
            thread.start();
        }

        public void pause() {
            trainer.pause();
        }

        public void resume() {
            trainer.resume();
        }

        public void stepOnce() {
            trainer.stepOnce();
        }

        public void stop() {
            stopRequested = true;
            trainer.stop();
        }

        public boolean isPaused() {
            return trainer.isPaused();
        }

        /** Asks for a copy of the parameters at the next step (e.g. to generate sample sentences). */
        public void requestSnapshot() {
            snapshotRequested = true;
        }

        void join(long millis) {
            try {
                thread.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** On the training thread: hand the event on, and now and then publish a copy of the parameters. */
        private void onEvent(TrainingEvent event) {
            if (divergedHere) {
                return; // the Cancelled that follows our own stop: the Diverged already went out
            }
            last = event;
            boolean snapshot = false;
            if (event instanceof TrainingEvent.Step step) {
                examplesSeen = step.examplesSeen();
                double loss = step.sentenceLoss();
                recentLoss = Double.isNaN(recentLoss) ? loss : 0.95 * recentLoss + 0.05 * loss;
                if (++steps >= 10 && recentLoss > DIVERGENCE_FACTOR * lnC) {
                    divergedHere = true;
                    trainer.stop();
                    TrainingEvent.Diverged d = new TrainingEvent.Diverged(step.examplesSeen(), step.epoch(),
                            TrainingEvent.Diverged.Measured.RECENT_STEPS, recentLoss, DIVERGENCE_FACTOR,
                            DIVERGENCE_FACTOR * lnC, step.learningRate(), lastGoodEvaluationLoss);
                    last = d;
                    listener.on(d);
                    return;
                }
                long now = System.nanoTime();
                if (Double.isFinite(step.sentenceLoss()) && (snapshotRequested || now - lastSnapshot > SNAPSHOT_NANOS)) {
                    lastSnapshot = now;
                    snapshot = true;
                }
            } else if (event instanceof TrainingEvent.Evaluation ev) {
                synchronized (evaluations) {
                    evaluations.add(ev.loss());
                }
                snapshot = Double.isFinite(ev.loss());
                if (snapshot && ev.loss() <= DIVERGENCE_FACTOR * lnC) {
                    lastGoodEvaluation = working.copy();
                    lastGoodEvaluationLoss = ev.loss();
                }
            } else if (event instanceof TrainingEvent.Paused) {
                snapshot = true;
            }
            if (snapshot && finite(working)) {
                snapshotRequested = false;
                RnnModel copy = working.copy();
                lastGood = copy;
                long seen = examplesSeen;
                Platform.runLater(() -> {
                    if (run == this) {
                        publishParameters(copy, String.format(java.util.Locale.ROOT, "in training, %,d examples seen so far", seen));
                    }
                });
            }
            listener.on(event);
        }

        private void runTrainer() {
            Throwable failure = null;
            try {
                trainer.run();
            } catch (Throwable e) {
                failure = e;
            }
            if (divergedHere) {
                working.copyFrom(lastGoodEvaluation);
            }
            Throwable error = failure;
            TrainingEvent end = last;
            boolean good = finite(working);
            RnnModel result = good ? working : lastGood;
            Platform.runLater(() -> finish(result, good, end, error));
        }

        private void finish(RnnModel result, boolean good, TrainingEvent end, Throwable error) {
            run = null;
            synchronized (evaluations) {
                lossHistory.addAll(evaluations);
            }
            String what;
            if (end instanceof TrainingEvent.Diverged) {
                what = result == before ? "unchanged: the training diverged" : "the last good parameters before the training diverged";
            } else {
                what = String.format(java.util.Locale.ROOT, "trained in the app: %,d examples seen%s", examplesSeen,
                        stopRequested ? " (stopped)" : "");
            }
            if (result != before) {
                publishParameters(result, what);
            } else {
                // back to the parameters from before the run: they may not be the ones published last
                publishParameters(before, what);
            }
            training.set(false); // last: who listens sees the final model already published
            if (error != null && !(error instanceof org.rnnlab.common.CancelledException)) {
                Notices.failure("Training", error);
            } else if (!good && !(end instanceof TrainingEvent.Diverged)) {
                Notices.warn("Training", "The parameters became infinite or NaN; the last good ones are kept. Try a smaller learning rate.");
            }
        }
    }

    /** True when every parameter is a finite number (a diverged run gives NaN or infinity). */
    static boolean finite(RnnModel m) {
        return Double.isFinite(m.U().sumNumber().doubleValue())
                && Double.isFinite(m.V().sumNumber().doubleValue())
                && Double.isFinite(m.W().sumNumber().doubleValue());
    }
}
