package org.rnnlab.app.steps.training;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.session.TrainingControl;
import org.rnnlab.app.support.Background;
import org.rnnlab.app.support.Notifier;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.training.RunEnd;
import org.rnnlab.training.RunFile;
import org.rnnlab.training.RunLog;
import org.rnnlab.training.RunSettings;
import org.rnnlab.training.TrainValidationSplit;
import org.rnnlab.training.TrainingEvent;

/**
 * Runs side by side: each run's settings and curves, kept when the next run starts so the chart
 * overlays the current run on the earlier ones, and saved to a run file (the {@link RunLog}
 * format, the same as {@code rnnlab train --log}) in the user's {@link RunFolder}; a run file,
 * the app's or the terminal's, opens as one more earlier run.
 */
public final class RunHistory {
    /** The earlier runs' colours, apart from the current run's blues, orange and green. */
    static final String[] COLOURS = {"#ae3ec9", "#f08c00", "#1098ad", "#d6336c", "#5c940d", "#495057"};

    /**
     * A run as the chart overlays it: its smoothed loss curve (or, for a log without one, the line
     * through its evaluations) and its evaluations on the training and held-out sentences.
     */
    public record ShownRun(String name, RunSettings settings, double[] lossX, double[] lossY, double[] evalX,
                           double[] evalY, double[] heldX, double[] heldY, String colour, BooleanProperty visible) {
    }

    private final Background background;
    private final Notifier notifier;
    private final Path folder;
    private final ObservableList<ShownRun> earlier = FXCollections.observableArrayList();
    private final LongProperty revision = new SimpleLongProperty();
    private final ObjectProperty<Path> lastSaved = new SimpleObjectProperty<>();
    private final List<TrainingEvent> events = new ArrayList<>();
    private Started started;
    private ShownRun last;
    private int runs;

    /** What is known when a run starts, for its settings. */
    private record Started(PreparedData data, int sentences, int wordDim, int hiddenDim, TrainingControl.Request request,
                           long startedNanos) {
    }

    /**
     * @param background saves, opens and exports off the FX thread; null only with a null folder, for
     *                   view-models tested without runs (then nothing is saved, opened or exported)
     * @param folder     where finished runs are saved; null: not saved
     */
    public RunHistory(Background background, Notifier notifier, Path folder) {
        this.background = background;
        this.notifier = notifier;
        this.folder = folder;
    }

    /** The earlier runs the chart overlays, oldest first. */
    public ObservableList<ShownRun> earlier() {
        return earlier;
    }

    /** Increases when an earlier run is added or hidden. */
    public LongProperty revisionProperty() {
        return revision;
    }

    /** The file the last run was saved to (null before). */
    public ObjectProperty<Path> lastSavedProperty() {
        return lastSaved;
    }

    public Path folder() {
        return folder;
    }

    /** A run starts (FX thread); a fresh one (not continuing the last) puts the last run among the earlier ones. */
    void started(PreparedData data, RnnModel model, TrainingControl.Request request, boolean continuing, long nowNanos) {
        if (!continuing) {
            if (last != null) {
                add(last);
                last = null;
            }
            events.clear();
        }
        started = new Started(data, Math.min(request.sentences(), data.size()), model.wordDim(), model.hiddenDim(), request,
                nowNanos);
    }

    /** The run's events (FX thread); kept with their place on the chart's axis. */
    void accept(List<TrainingEvent> batch, long baseExamples) {
        if (started == null) {
            return;
        }
        for (TrainingEvent e : batch) {
            TrainingEvent shifted = shift(e, baseExamples);
            if (shifted != null) {
                events.add(shifted);
            }
        }
    }

    /** The events a run file holds, moved {@code base} examples along (a continued run extends the last). */
    private static TrainingEvent shift(TrainingEvent e, long base) {
        if (e instanceof TrainingEvent.Evaluation v) {
            return new TrainingEvent.Evaluation(base + v.examplesSeen(), v.epoch(), v.loss(), v.learningRate(), v.validationLoss());
        } else if (e instanceof TrainingEvent.LearningRateHalved h) {
            return new TrainingEvent.LearningRateHalved(base + h.examplesSeen(), h.epoch(), h.learningRate());
        } else if (e instanceof TrainingEvent.LearningRateSet r) {
            return new TrainingEvent.LearningRateSet(base + r.examplesSeen(), r.learningRate());
        } else if (e instanceof TrainingEvent.Probe p) {
            return new TrainingEvent.Probe(base + p.examplesSeen(), p.epoch(), p.words(), p.p(), p.top(), p.topP());
        } else if (e instanceof TrainingEvent.GradientCheckDone g) {
            return new TrainingEvent.GradientCheckDone(base + g.examplesSeen(), g.epoch(), g.sentence(), g.parameters(), g.nanos(),
                    g.checkNanos(), g.trainingNanos());
        } else if (e instanceof TrainingEvent.Finished || e instanceof TrainingEvent.Cancelled
                || e instanceof TrainingEvent.Diverged) {
            return e; // how it ended
        }
        return null;
    }

    /**
     * The run ended (FX thread): it is kept (overlaid once the next run starts) and saved in the
     * background to a new file in the run folder.
     */
    void ended(TrainingRunState run, long nowNanos) {
        if (started == null) {
            return;
        }
        Started s = started;
        started = null; // saved once
        TrainingControl.Request r = s.request();
        int heldOut = TrainValidationSplit.heldOutSize(s.sentences(), r.heldOutFraction()); // the sizes, not the shuffle
        String data = s.data().corpusDescription();
        String precision = r.precision() == null ? "" : r.precision().dtypeName();
        RunSettings settings = new RunSettings("RNN Lab (app)", data, null, null, s.wordDim(), s.hiddenDim(), r.bpttTruncate(),
                precision, r.seed(), r.learningRate(), r.epochs(), r.evaluateEvery(), false, s.sentences(),
                s.sentences() - heldOut, heldOut, r.heldOutFraction());
        double[] lossX = run.smoothLoss().xValues();
        double[] lossY = run.smoothLoss().yValues();
        runs++;
        last = shown(I18n.text("training.runs.name", runs), settings, lossX, lossY, evaluations());
        if (folder == null) {
            return;
        }
        List<TrainingEvent> kept = List.copyOf(events);
        RunEnd end = end(kept, run, nowNanos - s.startedNanos());
        LocalDateTime ended = LocalDateTime.now();
        background.submit(I18n.text("training.runs.saving"), job -> {
            Path file = RunFolder.freeFile(folder, ended); // two runs ending in one second keep two files
            // the hashes are computed here, off the FX thread: the corpus hash reads every sentence
            List<int[]> xs = s.data().xs(s.sentences());
            List<int[]> ys = s.data().ys(s.sentences());
            RunSettings full = new RunSettings(settings.createdBy(), data, ModelFile.corpusHash(s.data().vocabulary(), xs, ys),
                    RunSettings.vocabularyHash(s.data().vocabulary()), settings.wordDim(), settings.hiddenDim(),
                    settings.bpttTruncate(), precision, settings.seed(), settings.learningRate(), settings.epochs(),
                    settings.evaluateLossAfter(), false, settings.sentences(), settings.trainingSentences(),
                    settings.heldOutSentences(), settings.validationFraction());
            RunFile.write(file, s.data().vocabulary(), full, kept, lossX, lossY, end);
            return file;
        }, lastSaved::set, null);
    }

    private List<TrainingEvent.Evaluation> evaluations() {
        List<TrainingEvent.Evaluation> out = new ArrayList<>();
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Evaluation v) {
                out.add(v);
            }
        }
        return out;
    }

    private static RunEnd end(List<TrainingEvent> events, TrainingRunState run, long nanos) {
        String outcome = "ended";
        String message = null;
        double loss = Double.NaN;
        long checkNanos = 0;
        int checks = 0;
        for (TrainingEvent e : events) {
            if (e instanceof TrainingEvent.Finished) {
                outcome = "finished";
            } else if (e instanceof TrainingEvent.Cancelled) {
                outcome = "cancelled";
            } else if (e instanceof TrainingEvent.Diverged d) {
                outcome = "diverged";
                message = d.message();
            } else if (e instanceof TrainingEvent.Evaluation v && Double.isFinite(v.loss())) {
                loss = v.loss();
            } else if (e instanceof TrainingEvent.GradientCheckDone g) {
                checkNanos = g.checkNanos();
                checks++;
            }
        }
        return new RunEnd(outcome, run.examplesSeenProperty().get(), loss, run.currentLearningRateProperty().get(), message,
                nanos, checkNanos, checks, 0);
    }

    /** Opens a run file (the app's or {@code rnnlab train --log}'s) as one more earlier run. */
    public void open(Path file) {
        background.submit(I18n.text("training.runs.opening"), job -> RunLog.read(file), log -> {
            if (log.settings() == null && log.evaluations().isEmpty() && log.losses().isEmpty()) {
                notifier.warn(I18n.text("training.runs.title"), I18n.text("training.runs.empty", file.getFileName().toString()));
                return;
            }
            add(of(log, file.getFileName().toString()));
        }, null);
    }

    /** A run log as the chart overlays it. */
    ShownRun of(RunLog log, String name) {
        double[] lossX;
        double[] lossY;
        if (!log.losses().isEmpty()) {
            lossX = log.losses().stream().mapToDouble(RunLog.LossPoint::examplesSeen).toArray();
            lossY = log.losses().stream().mapToDouble(RunLog.LossPoint::smoothedLoss).toArray();
        } else { // a log of the terminal: the line through its evaluations
            lossX = log.evaluations().stream().mapToDouble(TrainingEvent.Evaluation::examplesSeen).toArray();
            lossY = log.evaluations().stream().mapToDouble(TrainingEvent.Evaluation::loss).toArray();
        }
        return shown(name, log.settings(), lossX, lossY, log.evaluations());
    }

    private ShownRun shown(String name, RunSettings settings, double[] lossX, double[] lossY,
                           List<TrainingEvent.Evaluation> evaluations) {
        double[] ex = evaluations.stream().mapToDouble(TrainingEvent.Evaluation::examplesSeen).toArray();
        double[] ey = evaluations.stream().mapToDouble(TrainingEvent.Evaluation::loss).toArray();
        List<TrainingEvent.Evaluation> held = evaluations.stream().filter(e -> !Double.isNaN(e.validationLoss())).toList();
        double[] hx = held.stream().mapToDouble(TrainingEvent.Evaluation::examplesSeen).toArray();
        double[] hy = held.stream().mapToDouble(TrainingEvent.Evaluation::validationLoss).toArray();
        return new ShownRun(name, settings, lossX, lossY, ex, ey, hx, hy, null, new SimpleBooleanProperty(true));
    }

    private void add(ShownRun run) {
        ShownRun coloured = new ShownRun(run.name(), run.settings(), run.lossX(), run.lossY(), run.evalX(), run.evalY(),
                run.heldX(), run.heldY(), COLOURS[earlier.size() % COLOURS.length], run.visible());
        coloured.visible().addListener((o, a, b) -> revision.set(revision.get() + 1));
        earlier.add(coloured);
        revision.set(revision.get() + 1);
    }

    /** Writes the run's numbers as CSV (in the background), and says where. */
    public void exportCsv(TrainingRunState run, Path file) {
        List<Object[]> rows = RunExport.rows(run);
        background.submit(I18n.text("training.export.title"), job -> {
            RunExport.csv(file, rows);
            return file;
        }, f -> notifier.info(I18n.text("training.export.title"), I18n.text("training.export.saved", f.toString())), null);
    }

    /** Writes a snapshot of the chart as PNG (in the background), and says where. */
    public void exportPng(javafx.scene.image.Image image, Path file) {
        background.submit(I18n.text("training.export.title"), job -> {
            RunExport.png(file, image);
            return file;
        }, f -> notifier.info(I18n.text("training.export.title"), I18n.text("training.export.saved", f.toString())), null);
    }

    /** "seed 10 · lr 0.005 · H 100 · BPTT 4 · 1,000 sentences · float32 · corpus" for the legend. */
    static String legend(ShownRun run) {
        RunSettings s = run.settings();
        if (s == null) {
            return I18n.text("training.runs.legendUnknown", run.name());
        }
        return I18n.text("training.runs.legend", run.name(), s.seed(), s.learningRate(), s.hiddenDim(), s.bpttTruncate(),
                s.sentences(), s.precision() == null ? "" : s.precision(), s.data() == null ? "" : s.data());
    }

    /** Hashes, for the legend's tooltip. */
    static String hashes(ShownRun run) {
        RunSettings s = run.settings();
        return s == null ? run.name() : I18n.text("training.runs.hashes", run.name(), String.valueOf(s.corpusHash()),
                String.valueOf(s.vocabularyHash()), s.heldOutSentences(), s.validationFraction());
    }
}
