package org.rnnlab.app.session;

import org.rnnlab.app.i18n.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.engine.ModelInfo;
import org.rnnlab.training.Checkpoint;
import org.rnnlab.training.RunSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.rnnlab.app.support.Batches;
import org.rnnlab.app.support.Notifier;
import org.rnnlab.app.support.SessionThreads;
import org.rnnlab.common.CancelledException;
import org.rnnlab.common.UserException;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.training.LiveStreams;
import org.rnnlab.training.SgdTrainer;
import org.rnnlab.training.TrainingConfig;
import org.rnnlab.training.TrainingEvent;

/**
 * Owns the app's single training run: its trainer on a daemon thread, the working copy of the
 * model, and the snapshots the other steps see. When to stop a run that diverges is the trainer's
 * rule ({@link SgdTrainer}), the same as the command line's.
 *
 * <p>Threading. The trainer works on its own copy; every few seconds while a step that follows the
 * model is on screen (see {@link #followModel}), at each evaluation and pause, and when asked, it
 * hands a fresh copy to the {@link ModelStore} between two steps, so it never waits on the UI. Events go
 * to the FX thread through a batcher, one delivery per frame at most.
 */
public final class TrainingController implements TrainingControl {
    /** How often a running training publishes a copy of its parameters for the other steps. */
    static final long SNAPSHOT_NANOS = 3_000_000_000L;
    /** {@code -Drnnlab.streams=off} trains without the probe and the live gradient check (for measuring their cost). */
    public static final String STREAMS_PROPERTY = "rnnlab.streams";

    private final ModelStore store;
    private final Notifier notifier;
    private final Executor fx;
    private final Batches.Factory<TrainingEvent> batching;
    private final SessionThreads threads;
    private volatile Run run; // set on the FX thread; read by the exit hook too (LessonSession#dispose)
    private Path checkpointFile;      // null: runs are not saved as they go
    private long checkpointEveryNanos;
    private volatile boolean closing;
    private volatile boolean periodic = true; // see followModel
    private volatile long snapshotNanos = SNAPSHOT_NANOS;
    private Optional<Checkpoint.Loaded> interrupted = Optional.empty(); // as read for interruptedFor, interruptedStamp
    private PreparedData interruptedFor;
    private String interruptedStamp;

    /**
     * @param fx       runs on the FX thread ({@code Platform::runLater} in the app)
     * @param batching makes a batcher to the FX thread for each run's events
     */
    public TrainingController(ModelStore store, Notifier notifier, Executor fx, Batches.Factory<TrainingEvent> batching,
                              SessionThreads threads) {
        this.store = store;
        this.threads = threads;
        this.notifier = notifier;
        this.fx = fx;
        this.batching = batching;
    }

    @Override
    public void start(Request request, Consumer<List<TrainingEvent>> onBatch) {
        PreparedData data = store.prepared();
        RnnModel current = store.model();
        if (run != null) {
            throw new UserException(I18n.text("app.train.running"));
        }
        if (data == null || current == null) {
            throw new UserException(I18n.text("app.train.notReady"));
        }
        if (!store.matchesCorpusProperty().get()) {
            throw new UserException(I18n.text("app.train.otherVocabulary"));
        }
        int n = Math.min(request.sentences(), data.size());
        if (n < 1) {
            throw new UserException(I18n.text("app.train.noSentence"));
        }
        launch(request, () -> {
            RnnModel working = current.withPrecision(request.precision());
            if (working == current) {
                working = current.copy(); // the published model is never changed in place
            }
            working.setBpttTruncate(request.bpttTruncate());
            return working;
        }, current, n, null, onBatch);
    }

    /**
     * Starts the trainer on its own thread, from the beginning or (with {@code resumed}) where a run
     * stopped. The thread itself makes the working copy ({@code working}) and the trainer: on the FX
     * thread, the copy, the corpus's sentence lists and the trainer's set-up took 30-45 ms and held
     * up the window's first frames of a run (2-core VM). Commands given before the trainer is made
     * wait for it in the run ({@link Run#control}).
     */
    private void launch(Request request, java.util.function.Supplier<RnnModel> working, RnnModel current, int n,
                        Checkpoint.Loaded resumed, Consumer<List<TrainingEvent>> onBatch) {
        // the app's runs visit the sentences in corpus order, as the lesson does
        TrainingConfig config = new TrainingConfig(request.learningRate(), request.epochs(),
                request.evaluateEvery(), false, request.seed()).withValidationFraction(request.heldOutFraction());
        PreparedData data = store.prepared();
        // -Drnnlab.streams=off: no probe, no live check (to measure what the streams cost)
        boolean streams = !"off".equals(System.getProperty(STREAMS_PROPERTY));
        Path checkpoints = checkpointFile;
        long checkpointEvery = checkpointEveryNanos;
        run = new Run(current, batching.to(onBatch), () -> {
            RnnModel model = working.get();
            List<int[]> xs = data.xs(n);
            List<int[]> ys = data.ys(n);
            SgdTrainer trainer = new SgdTrainer(model, xs, ys, config, streams ? LiveStreams.defaults() : LiveStreams.PROBE_ONLY);
            if (streams) {
                trainer.setProbe(request.probe() != null ? request.probe().clone() : trainer.split().probeSentence(xs, ys, PROBE_MAX_WORDS));
            }
            if (resumed != null) {
                trainer.resume(resumed.state(), resumed.lastGood());
            }
            if (checkpoints != null) {
                saveCheckpoints(trainer, checkpoints, checkpointEvery, data, xs, ys, config);
            }
            return new Built(model, trainer);
        });
        store.setTraining(true);
        run.thread.start();
    }

    /** Saves the run's state to {@code file} every {@code everyNanos} of training (on the training thread). */
    private static void saveCheckpoints(SgdTrainer trainer, Path file, long everyNanos, PreparedData data, List<int[]> xs,
                                        List<int[]> ys, TrainingConfig config) {
        RunSettings[] settings = new RunSettings[1]; // made at the first save, on the training thread: hashing
        trainer.saveStateEvery(everyNanos, (state, live, lastGood) -> {  // the data does not delay Start
            try {
                if (settings[0] == null) {
                    settings[0] = RunSettings.of("RNN Lab (app)", null, ModelFile.corpusHash(data.vocabulary(), xs, ys),
                            data.vocabulary(), live, config, trainer.split());
                }
                Checkpoint.save(file, live, lastGood, data.vocabulary(), ModelInfo.of(live, "RNN Lab (app), checkpoint"),
                        settings[0], state);
            } catch (RuntimeException e) {
                // a full disk must not stop the run: it goes on, only unsaved
            }
        });
    }

    /** What a run's thread makes before it trains: the working copy of the model and its trainer. */
    private record Built(RnnModel working, SgdTrainer trainer) {
    }

    /**
     * Saves each run's state to {@code file} every {@code everyNanos} of training and when the window closes
     * during it, so that a killed or closed app can go on with the run; a run that ends in the window
     * (finished, stopped by the learner, diverged) removes the file.
     */
    public void saveCheckpointsTo(Path file, long everyNanos) {
        this.checkpointFile = file;
        this.checkpointEveryNanos = everyNanos;
    }

    /**
     * The run a killed or closed window left, when it was made on the training data open now; else empty.
     * Read once per checkpoint file and corpus: the menu that offers it asks each time it opens.
     */
    @Override
    public Optional<Checkpoint.Loaded> interruptedRun() {
        PreparedData data = store.prepared();
        if (checkpointFile == null || data == null || !Files.isRegularFile(checkpointFile)) {
            return Optional.empty();
        }
        String stamp;
        try {
            stamp = Files.getLastModifiedTime(checkpointFile) + " " + Files.size(checkpointFile);
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
        if (data != interruptedFor || !stamp.equals(interruptedStamp)) {
            interrupted = readInterrupted(data);
            interruptedFor = data;
            interruptedStamp = stamp;
        }
        return interrupted;
    }

    private Optional<Checkpoint.Loaded> readInterrupted(PreparedData data) {
        try {
            Checkpoint.Loaded loaded = Checkpoint.load(checkpointFile);
            int n = loaded.settings().sentences();
            if (n > data.size() || loaded.model().model().wordDim() != data.vocabulary().size()
                    || !ModelFile.corpusHash(data.vocabulary(), data.xs(n), data.ys(n))
                    .equals(loaded.settings().corpusHash())) {
                return Optional.empty(); // made on another corpus: kept for when that corpus is open again
            }
            return Optional.of(loaded);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Goes on with the interrupted run exactly where it stopped: its weights, rate, position and curves. */
    @Override
    public void resumeInterrupted(Checkpoint.Loaded loaded, Consumer<List<TrainingEvent>> onBatch) {
        if (run != null) {
            throw new UserException(I18n.text("app.train.running"));
        }
        RnnModel working = loaded.model().model();
        // the model the window had is kept among the earlier models, as when a model file is opened
        store.publish(working.copy(), store.prepared().vocabulary(), loaded.model().info(), "the interrupted run, resumed",
                loaded.model().info().seed() == null ? 0 : loaded.model().info().seed(), List.of());
        launch(Request.resuming(loaded), () -> working, store.model(), loaded.settings().sentences(), loaded, onBatch);
    }

    private void deleteCheckpoint() {
        if (checkpointFile != null) {
            try {
                Files.deleteIfExists(checkpointFile);
            } catch (java.io.IOException e) {
                // left; the next run overwrites it
            }
        }
    }

    @Override
    public void pause() {
        if (run != null) {
            run.control(SgdTrainer::pause);
        }
    }

    @Override
    public void resume() {
        if (run != null) {
            run.control(SgdTrainer::resume);
        }
    }

    @Override
    public void stepOnce() {
        if (run != null) {
            run.control(SgdTrainer::stepOnce);
        }
    }

    @Override
    public void stop() {
        if (run != null) {
            run.stopRequested = true;
            run.control(SgdTrainer::stop);
        }
    }

    @Override
    public void setLearningRate(double rate) {
        if (run != null) {
            run.control(t -> t.setLearningRate(rate));
        }
    }

    @Override
    public void setProbe(int[] words) {
        if (run != null) {
            int[] probe = words == null ? null : words.clone();
            run.control(t -> t.setProbe(probe));
        }
    }

    /**
     * Whether a running training publishes a copy of its parameters every few seconds: true while a
     * step that follows the model is on screen (the forward pass, the loss, generation...), which
     * asks for a copy at once as well. The Training step follows the run through its events and
     * needs a copy only for its samples, which ask for one (every 12 s): each copy is a model's
     * worth of native memory (6.4 MB at C 8,000, H 100) that only a garbage collection frees, and
     * the training thread's time to make it.
     */
    public void followModel(boolean follows) {
        periodic = follows;
        if (follows) {
            requestSnapshot();
        }
    }

    /** Whether a run publishes copies every few seconds (see {@link #followModel}). */
    public boolean followsModel() {
        return periodic;
    }

    /** For tests: the period of the copies {@link #followModel} asks for (0: at every step). */
    void snapshotEvery(long nanos) {
        snapshotNanos = nanos;
    }

    @Override
    public void requestSnapshot() {
        if (run != null) {
            run.snapshotRequested = true;
        }
    }

    /** Stops the run, if any, and waits up to {@code millis} for its thread to end (the window is closing). */
    public void shutdown(long millis) {
        closing = true; // the stop that follows saves a checkpoint, and finishing must not remove it
        Run r = run;
        if (r != null) {
            stop();
            try {
                r.thread.join(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One run: its trainer, the thread it runs on, what it has published. */
    private final class Run {
        private final java.util.function.Supplier<Built> build;
        /** Null until the run's thread made them. */
        private volatile SgdTrainer trainer;
        private volatile RnnModel working;
        /** Commands given before the trainer was made, applied to it before it trains (guarded by this). */
        private final List<Consumer<SgdTrainer>> early = new ArrayList<>();
        private final RnnModel before;
        private final Batches<TrainingEvent> events;
        private final Thread thread;
        private final List<Double> evaluations = new ArrayList<>();
        private volatile boolean stopRequested;
        private volatile boolean snapshotRequested;
        private volatile long examplesSeen;
        private volatile TrainingEvent last;
        private long lastSnapshot = System.nanoTime();

        Run(RnnModel before, Batches<TrainingEvent> events, java.util.function.Supplier<Built> build) {
            this.build = build;
            this.before = before;
            this.events = events;
            this.thread = threads.daemon("rnnlab-training", this::runTrainer);
        }

        /** Gives the trainer a command (any thread); before the trainer is made, it gets it first thing. */
        void control(Consumer<SgdTrainer> command) {
            synchronized (this) {
                if (trainer == null) {
                    early.add(command);
                    return;
                }
            }
            command.accept(trainer);
        }

        /** On the training thread: hand the event on, and now and then publish a copy of the parameters. */
        private void onEvent(TrainingEvent event) {
            last = event;
            boolean snapshot = false;
            if (event instanceof TrainingEvent.Step step) {
                examplesSeen = step.examplesSeen();
                long now = System.nanoTime();
                // a single step while paused is shown at once: the learner looks at what it changed
                boolean single = trainer.isPaused();
                if (Double.isFinite(step.sentenceLoss()) && (single || snapshotRequested || (periodic && now - lastSnapshot > snapshotNanos))) {
                    lastSnapshot = now;
                    snapshot = true;
                }
            } else if (event instanceof TrainingEvent.Evaluation ev) {
                synchronized (evaluations) {
                    evaluations.add(ev.loss());
                }
                snapshot = Double.isFinite(ev.loss());
            } else if (event instanceof TrainingEvent.Paused) {
                snapshot = true;
            }
            if (snapshot && finite(working)) {
                snapshotRequested = false;
                RnnModel copy = working.copy();
                long seen = examplesSeen;
                fx.execute(() -> {
                    if (run == this) {
                        store.publishParameters(copy, String.format(Locale.ROOT, "in training, %,d examples seen so far", seen));
                    }
                });
            }
            events.post(event);
        }

        private void runTrainer() {
            Throwable failure = null;
            try {
                Built built = build.get();
                working = built.working();
                built.trainer().addListener(this::onEvent);
                synchronized (this) {
                    trainer = built.trainer();
                    early.forEach(c -> c.accept(built.trainer()));
                    early.clear();
                }
                built.trainer().run();
            } catch (Throwable e) {
                failure = e;
            }
            Throwable error = failure;
            // the trainer restores its last good parameters on divergence; a crash may leave them broken
            RnnModel w = working;
            RnnModel result = w != null && finite(w) ? w : before;
            try {
                fx.execute(() -> finish(result, last, error));
            } catch (IllegalStateException toolkitGone) {
                // the process is ending (killed: see LessonSession#dispose) and the window with it; the run's
                // checkpoint is saved already, and nothing is left to show
            }
        }

        /** FX thread: publish the final parameters, then clear the training flag. */
        private void finish(RnnModel result, TrainingEvent end, Throwable error) {
            events.drain(); // every event of the run is seen before its end
            run = null;
            synchronized (evaluations) {
                store.addLossHistory(evaluations);
            }
            String what;
            if (end instanceof TrainingEvent.Diverged) {
                what = "the last good parameters before the training diverged";
            } else {
                what = String.format(Locale.ROOT, "trained in the app: %,d examples seen%s", examplesSeen,
                        stopRequested ? " (stopped)" : "");
            }
            store.publishParameters(result, what);
            if (!closing) {
                deleteCheckpoint(); // the run ended in the window: nothing to resume
            }
            store.setTraining(false); // last: who listens sees the final model already published
            if (error != null && !(error instanceof CancelledException)) {
                notifier.failure(I18n.text("app.train.title"), error);
            } else if (result == before && !(end instanceof TrainingEvent.Diverged)) {
                notifier.warn(I18n.text("app.train.title"), I18n.text("app.train.diverged"));
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
