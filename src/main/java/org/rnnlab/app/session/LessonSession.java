package org.rnnlab.app.session;

import org.rnnlab.app.i18n.I18n;
import java.util.List;
import javafx.application.Platform;
import java.nio.file.Path;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rnnlab.app.support.AppMemory;
import org.rnnlab.app.support.BackgroundWork;
import org.rnnlab.app.support.DataFolder;
import org.rnnlab.app.support.FxBatcher;
import org.rnnlab.app.support.LatestRequestLane;
import org.rnnlab.app.support.Notices;
import org.rnnlab.app.support.SessionThreads;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.common.SampleFiles;
import org.rnnlab.text.PreparedData;

/**
 * What every step of the lesson shares, and who owns it: the notices, the background work, the
 * corpus, the model and its files (the model left at the last close among them), the query lane and
 * the training controller. Made once per window; {@link #dispose()} ends every thread they started.
 */
public final class LessonSession {
    /** How long closing the window waits for the background threads, in all. */
    public static final long SHUTDOWN_MILLIS = 3000;

    private final SessionThreads threads = new SessionThreads();
    private final Notices notices = new Notices();
    private final BackgroundWork work = new BackgroundWork(notices, threads);
    private final CorpusSession corpus = new CorpusSession(work, notices);
    private final ModelStore models = new ModelStore(corpus.preparedProperty());
    private final EngineGate engine = new EngineGate();
    private final ModelFiles files = new ModelFiles(models, corpus.preparedProperty(), engine.gated(work), notices, SampleFiles::model);
    private final LatestRequestLane queries = new LatestRequestLane(threads);
    private final TrainingController training = new TrainingController(models, notices, Platform::runLater,
            FxBatcher::new, threads);
    private final IntegerProperty lessonResets = new SimpleIntegerProperty();
    private final AppMemory memory;
    /**
     * The checkpoint of the run under way, in the data folder, every minute and on closing: a kill or a
     * crash loses at most a minute of training. A checkpoint at C 8,000, H 100 (12 MB) took 34-36 ms
     * to write: 0.06% of a run. ({@code rnnlab train} keeps 5 minutes: its runs are longer.)
     */
    static final String INTERRUPTED_RUN = "interrupted-run.checkpoint.npz";
    static final long CHECKPOINT_EVERY_NANOS = 60_000_000_000L;
    /** The engine's state, worded in the current language when shown. */
    private final javafx.beans.property.ObjectProperty<java.util.function.Supplier<String>> engineState =
            new javafx.beans.property.SimpleObjectProperty<>(() -> I18n.text("app.engine.loading"));
    private final StringProperty engineStatus = new SimpleStringProperty();

    {
        // a run killed with the app, or cut short by closing the window, can go on at the next start
        training.saveCheckpointsTo(DataFolder.path().resolve(INTERRUPTED_RUN), CHECKPOINT_EVERY_NANOS);
        engineStatus.bind(javafx.beans.binding.Bindings.createStringBinding(() -> engineState.get().get(),
                engineState, I18n.languageProperty()));
    }

    /** A session that remembers in the learner's preferences (forgets in tests: {@code -Drnnlab.remember=false}). */
    public LessonSession() {
        this(AppMemory.forUser());
    }

    /** A session whose recent files and choices go to {@code memory}. */
    public LessonSession(AppMemory memory) {
        this.memory = memory;
        // the model left at a close is there again at the next start, where the memory lasts (not in tests)
        this.lastModel = memory.lasting() ? new LastModel(DataFolder.path().resolve(LastModel.FILE), models, memory) : null;
        if (lastModel != null) {
            files.reopenAtStart(lastModel);
            // a run's model is kept as soon as it ends, not only at the close: a crash after it loses nothing
            models.trainingProperty().addListener((o, was, now) -> {
                if (!now) {
                    keepLastModel();
                }
            });
            // and the models it replaced, under Earlier models
            earlierWriter = java.util.concurrent.Executors.newSingleThreadExecutor(threads.factory("rnnlab-earlier-models"));
            new EarlierModelsFolder(DataFolder.path().resolve(EarlierModelsFolder.FOLDER), models, earlierWriter,
                    Platform::runLater, e -> Platform.runLater(() -> notices.failure(I18n.text("app.files.earlierFailed"), e)))
                    .open();
        } else {
            earlierWriter = null;
        }
    }

    private final LastModel lastModel; // null where the memory does not last
    private final java.util.concurrent.ExecutorService earlierWriter; // null where the memory does not last

    /** FX thread: keeps the current model for the next start, in the background. */
    private void keepLastModel() {
        LastModel.Snapshot now = lastModel.snapshot();
        if (now == null) {
            return;
        }
        work.submit(I18n.text("app.files.keepingWork"), job -> {
            lastModel.keep(now);
            return now;
        }, kept -> { }, e -> notices.failure(I18n.text("app.files.keepingWork"), e));
    }

    /** What the app remembers between launches. */
    public AppMemory memory() {
        return memory;
    }

    public Notices notices() {
        return notices;
    }

    public BackgroundWork work() {
        return work;
    }

    public CorpusSession corpus() {
        return corpus;
    }

    public ModelStore models() {
        return models;
    }

    public ModelFiles files() {
        return files;
    }

    public LatestRequestLane queries() {
        return queries;
    }

    public TrainingController training() {
        return training;
    }

    public ReadOnlyStringProperty engineStatusProperty() {
        return engineStatus;
    }

    /** The session's background threads still running (none once {@link #dispose()} returned, normally). */
    public List<Thread> liveThreads() {
        return threads.alive();
    }

    /**
     * Loads ND4J's native backend on a background thread, so the window appears first; the model
     * files' work waits for it ({@link EngineGate}).
     */
    public void warmUpEngine() {
        engine.warming();
        Thread t = threads.daemon("rnnlab-engine-warmup", () -> {
            java.util.function.Supplier<String> status;
            try {
                // no other library loading meanwhile (a glibc deadlock with JavaCPP, see RendererLibraries);
                // this includes the OpenBLAS kernel's choice, which must come before OpenBLAS loads
                org.rnnlab.app.support.LaunchWarmUp.await();
                // loads ND4J, then sets up the engine's threads (the same for every step and the command line);
                // made from this thread, they inherit its lower priority (SessionThreads): the window comes first
                org.rnnlab.engine.EngineThreads.configure();
                // the JIT compilers too: in the first second of a run, and when it ends, they had a core to
                // themselves beside the engine's, and the FX thread waited 20-40 ms for one (PulseMonitor's
                // thread times); below the window, they still take every core it leaves idle. And the
                // collector's concurrent marking: the cycle that Start's allocations begin ran 20-45 ms
                // in the longest pauses of a run's first second (70-110 ms), the FX thread waiting for a core
                org.rnnlab.common.LowPriority.lowerThreadsNamed("C1 CompilerThre", "C2 CompilerThre", "G1 Conc#",
                        "G1 Main Marker");
                org.nd4j.linalg.api.ndarray.INDArray probe = org.nd4j.linalg.factory.Nd4j.ones(2, 2);
                probe.mmul(probe);
                engine.opened(); // loaded: the model files' work may go on while the JIT warms the engine up
                org.rnnlab.engine.JitWarmUp.run();
                boolean two = org.rnnlab.engine.EngineThreads.twoThreads();
                // the window is up and the engine loaded: a class archive written at exit holds what a launch needs
                org.rnnlab.common.LaunchComplete.mark();
                status = () -> two ? I18n.text("app.engine.readyTwo") : I18n.text("app.engine.readyOne");
            } catch (Throwable e) {
                String error = e.getClass().getSimpleName();
                status = () -> I18n.text("app.engine.failed", error);
            } finally {
                engine.opened(); // failed, or done: nothing waits longer (the work then reports its own failure)
            }
            java.util.function.Supplier<String> text = status;
            Platform.runLater(() -> engineState.set(text));
        });
        t.start();
    }

    /**
     * Back to the lesson: the sample corpus at C = 8,000 with the shipped model (the model now current
     * is kept under Earlier models). The steps' own settings follow {@link #lessonResetsProperty()}.
     */
    public void resetToLesson() {
        if (models.isTraining()) {
            notices.warn(I18n.text("app.reset.title"), I18n.text("app.reset.stopFirst"));
            return;
        }
        Path sample;
        try {
            sample = SampleFiles.corpus();
        } catch (RuntimeException e) {
            notices.failure(I18n.text("app.reset.title"), e);
            return;
        }
        PreparedData now = corpus.preparedProperty().get();
        if (sample.equals(corpus.fileProperty().get()) && now != null && now.vocabulary().size() == LessonDefaults.WORD_DIM) {
            files.loadShipped();
        } else {
            files.shippedWithNextCorpus();
            corpus.openAt(sample, LessonDefaults.WORD_DIM);
        }
        lessonResets.set(lessonResets.get() + 1);
    }

    private final java.util.concurrent.atomic.AtomicBoolean disposed = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Ends the session as closing the window does when the process is ended without it (SIGTERM, a
     * logout, Ctrl-C in the terminal): a run stops between two steps and saves where it got to, which
     * the next start offers to resume, instead of losing up to a minute of training. The JVM runs
     * its exit hooks then, not the window's close.
     */
    public void keepWorkOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::dispose, "rnnlab-exit"));
    }

    /** Counts the resets to the lesson: steps with settings of their own put the lesson's back. */
    public ReadOnlyIntegerProperty lessonResetsProperty() {
        return lessonResets;
    }

    /**
     * Ends every background thread within {@link #SHUTDOWN_MILLIS}: all are told to stop first (the
     * training run between two steps, queries and work by interrupt and cancel), then each is
     * waited for with what is left of the time, so one slow part does not use up the others' time.
     */
    public void dispose() {
        if (!disposed.compareAndSet(false, true)) {
            return; // the window closed, then the process's exit hook came (see keepWorkOnExit)
        }
        if (lastModel != null) {
            try {
                lastModel.keep(lastModel.snapshot()); // before the run is stopped: a run is its checkpoint's
            } catch (java.io.IOException | RuntimeException e) {
                // the window is gone: nobody to tell; the file keeps what it had
            }
        }
        long deadline = System.currentTimeMillis() + SHUTDOWN_MILLIS;
        training.stop();
        if (earlierWriter != null) {
            earlierWriter.shutdown(); // the writes asked for go on: each leaves the folder whole
        }
        queries.shutdown(0);
        work.shutdown(0);
        training.shutdown(Math.max(1, deadline - System.currentTimeMillis()));
        queries.shutdown(Math.max(1, deadline - System.currentTimeMillis()));
        work.shutdown(Math.max(1, deadline - System.currentTimeMillis()));
        if (earlierWriter != null) {
            try {
                earlierWriter.awaitTermination(Math.max(1, deadline - System.currentTimeMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
