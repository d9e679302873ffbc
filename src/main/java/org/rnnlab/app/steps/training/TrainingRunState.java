package org.rnnlab.app.steps.training;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rnnlab.app.charts.DecimatedSeries;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.charts.Smoothing;
import org.rnnlab.app.support.NumberText;
import org.rnnlab.training.TrainingEvent;

/**
 * A training run as the learner sees it, computed from the trainer's events alone: its state, the
 * counters, the chart's series. No services: {@link TrainingViewModel} feeds it.
 */
public final class TrainingRunState {
    /** Points kept per chart series, however long the run. */
    public static final int CHART_POINTS = 2000;
    /** Sentences per second are measured over this much recent time. */
    static final long RATE_WINDOW_NANOS = 5_000_000_000L;

    public enum State { IDLE, RUNNING, PAUSED }

    /** A full-set evaluation: the chart shows it as a point, and the held-out loss as another (NaN when none is held out). */
    public record Evaluation(long examplesSeen, int epoch, double loss, double validationLoss) {
        public Evaluation(long examplesSeen, int epoch, double loss) {
            this(examplesSeen, epoch, loss, Double.NaN);
        }
    }

    /** Where the learner set the learning rate during the run. */
    public record RateSet(long examplesSeen, double learningRate) {
    }

    /** Where the learning rate was halved. */
    public record Halving(long examplesSeen, double learningRate) {
    }

    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final LongProperty examplesSeen = new SimpleLongProperty();
    private final LongProperty totalExamples = new SimpleLongProperty();
    private final IntegerProperty epoch = new SimpleIntegerProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final DoubleProperty sentencesPerSecond = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty msPerStep = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty currentLearningRate = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty smoothedLoss = new SimpleDoubleProperty(Double.NaN);
    private final StringProperty timeLeft = new SimpleStringProperty("–");
    private final StringProperty outcome = new SimpleStringProperty("");
    private final BooleanProperty diverged = new SimpleBooleanProperty();
    private final DecimatedSeries stepLoss = new DecimatedSeries(CHART_POINTS);
    private final DecimatedSeries smoothLoss = new DecimatedSeries(CHART_POINTS);
    private final List<Evaluation> evaluations = new ArrayList<>();
    private final List<Halving> halvings = new ArrayList<>();
    private final List<RateSet> rateSets = new ArrayList<>();
    private final DoubleProperty perplexity = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty heldOutPerplexity = new SimpleDoubleProperty(Double.NaN);
    private final ProbeStream probe = new ProbeStream();
    private final LiveCheckState check = new LiveCheckState();
    private final Smoothing smoothing = new Smoothing(100);
    private final Smoothing stepMillis = new Smoothing(50);
    private final Deque<long[]> rateSamples = new ArrayDeque<>();
    private long chartRevision;
    private long startedAt;
    private long pausedNanos;
    private long pausedSince;
    private long baseExamples;
    private long stepNanos; // the steps' own time this run, as the command line's "the steps alone"

    public TrainingRunState() {
        // weak: a run state is made per view, the language lives as long as the app
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
    }

    private final javafx.beans.InvalidationListener relabel = o -> outcome.set(this.outcomeText.get());

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public LongProperty examplesSeenProperty() {
        return examplesSeen;
    }

    public LongProperty totalExamplesProperty() {
        return totalExamples;
    }

    /** The epoch under way, counted from 1. */
    public IntegerProperty epochProperty() {
        return epoch;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public DoubleProperty sentencesPerSecondProperty() {
        return sentencesPerSecond;
    }

    public DoubleProperty msPerStepProperty() {
        return msPerStep;
    }

    public DoubleProperty currentLearningRateProperty() {
        return currentLearningRate;
    }

    public DoubleProperty smoothedLossProperty() {
        return smoothedLoss;
    }

    public StringProperty timeLeftProperty() {
        return timeLeft;
    }

    /** How the last run ended, one line (empty while running). */
    public StringProperty outcomeProperty() {
        return outcome;
    }

    /** True when the last run diverged (its outcome says so). */
    public BooleanProperty divergedProperty() {
        return diverged;
    }

    public DecimatedSeries stepLoss() {
        return stepLoss;
    }

    public DecimatedSeries smoothLoss() {
        return smoothLoss;
    }

    public List<Evaluation> evaluations() {
        return evaluations;
    }

    public List<Halving> halvings() {
        return halvings;
    }

    public List<RateSet> rateSets() {
        return rateSets;
    }

    /** exp(loss) of the last evaluation on the training sentences. */
    public DoubleProperty perplexityProperty() {
        return perplexity;
    }

    /** exp(loss) of the last evaluation on the held-out sentences; NaN when none is held out. */
    public DoubleProperty heldOutPerplexityProperty() {
        return heldOutPerplexity;
    }

    /** The probe sentence's columns over the run. */
    public ProbeStream probe() {
        return probe;
    }

    /** The live gradient check over the run. */
    public LiveCheckState check() {
        return check;
    }

    /** Where this run's examples start on the chart's axis (a continued run extends the last). */
    long baseExamples() {
        return baseExamples;
    }

    /** Increases whenever the chart's data changed. */
    public long chartRevision() {
        return chartRevision;
    }


    /**
     * A run starts (FX thread). The chart continues from the examples the model has already seen,
     * so a second run extends the curve of the first.
     */
    void started(int sentencesUsed, int epochs, double learningRate, long nowNanos, boolean keepChart) {
        if (keepChart) {
            baseExamples = examplesSeen.get();
        } else {
            forgetChart();
            smoothedLoss.set(Double.NaN);
        }
        reset(baseExamples, learningRate); // a new run counts from 0 (or from where the continued one ended)
        totalExamples.set(baseExamples + (long) sentencesUsed * epochs);
        state.set(State.RUNNING);
        startedAt = nowNanos;
        pausedNanos = 0;
        pausedSince = 0;
        stepNanos = 0;
        chartRevision++;
    }

    /** Forgets the last run (another model became current): empty chart, zero counters, no outcome. */
    void clear() {
        if (state.get() != State.IDLE) {
            return;
        }
        forgetChart();
        reset(0, Double.NaN);
        totalExamples.set(0);
        smoothedLoss.set(Double.NaN);
        chartRevision++;
    }

    private void forgetChart() {
        stepLoss.clear();
        smoothLoss.clear();
        evaluations.clear();
        halvings.clear();
        rateSets.clear();
        probe.clear();
        check.clear();
        perplexity.set(Double.NaN);
        heldOutPerplexity.set(Double.NaN);
        smoothing.reset();
        baseExamples = 0;
    }

    /** The counters of a run that has not taken a step yet. */
    private void reset(long examples, double learningRate) {
        stepMillis.reset();
        rateSamples.clear();
        examplesSeen.set(examples);
        progress.set(0);
        epoch.set(0);
        sentencesPerSecond.set(Double.NaN);
        msPerStep.set(Double.NaN);
        currentLearningRate.set(learningRate);
        timeLeft.set("–");
        outcome.set("");
        outcomeText = () -> "";
        diverged.set(false);
    }

    /**
     * The numbers of the batch's last step, shown once per batch: a batch holds hundreds of steps,
     * and each change of a shown number formats a label again (String.format on the FX thread, which
     * also kept the JIT compiling the formatter's code during the run).
     */
    private final class LatestStep {
        TrainingEvent.Step step;
        double smoothedLoss = Double.NaN;
        double msPerStep;

        void publish() {
            if (step == null) {
                return;
            }
            if (Double.isFinite(smoothedLoss)) {
                TrainingRunState.this.smoothedLoss.set(smoothedLoss);
            }
            TrainingRunState.this.msPerStep.set(msPerStep);
            examplesSeen.set(baseExamples + step.examplesSeen());
            epoch.set(step.epoch() + 1);
            currentLearningRate.set(step.learningRate());
            step = null;
            smoothedLoss = Double.NaN;
        }
    }

    private final LatestStep latest = new LatestStep();

    /** Events from the trainer (FX thread, a batch per frame at most). */
    public void accept(List<TrainingEvent> batch, long nowNanos) {
        boolean chart = false;
        for (TrainingEvent e : batch) {
            if (e instanceof TrainingEvent.Step s) {
                long x = baseExamples + s.examplesSeen();
                double loss = s.sentenceLoss();
                stepLoss.add(x, loss);
                double sm = smoothing.add(loss);
                if (Double.isFinite(sm)) {
                    smoothLoss.add(x, sm);
                    latest.smoothedLoss = sm;
                }
                latest.msPerStep = stepMillis.add(s.nanos() / 1e6);
                stepNanos += s.nanos();
                latest.step = s;
                chart = true;
                continue;
            }
            latest.publish(); // what follows reads them, or sets some of them itself
            if (e instanceof TrainingEvent.Evaluation ev) {
                evaluations.add(new Evaluation(baseExamples + ev.examplesSeen(), ev.epoch(), ev.loss(), ev.validationLoss()));
                currentLearningRate.set(ev.learningRate());
                perplexity.set(ev.perplexity());
                heldOutPerplexity.set(ev.validationPerplexity());
                chart = true;
            } else if (e instanceof TrainingEvent.LearningRateSet r) {
                rateSets.add(new RateSet(baseExamples + r.examplesSeen(), r.learningRate()));
                currentLearningRate.set(r.learningRate());
                chart = true;
            } else if (e instanceof TrainingEvent.Probe p) {
                probe.accept(p, baseExamples);
                chart = true;
            } else if (e instanceof TrainingEvent.GradientCheckDone g) {
                check.accept(g, baseExamples);
                chart = true;
            } else if (e instanceof TrainingEvent.LearningRateHalved h) {
                halvings.add(new Halving(baseExamples + h.examplesSeen(), h.learningRate()));
                currentLearningRate.set(h.learningRate());
                chart = true;
            } else if (e instanceof TrainingEvent.Paused) {
                state.set(State.PAUSED);
                pausedSince = nowNanos;
                rateSamples.clear();
            } else if (e instanceof TrainingEvent.Resumed) {
                state.set(State.RUNNING);
                if (pausedSince > 0) {
                    pausedNanos += nowNanos - pausedSince;
                    pausedSince = 0;
                }
            } else if (e instanceof TrainingEvent.Finished f) {
                long n = baseExamples + f.examplesSeen();
                double speed = averageSentencesPerSecond(nowNanos);
                ended(() -> I18n.text("training.outcome.finished", n, speedText(speed)), speed);
            } else if (e instanceof TrainingEvent.Cancelled c) {
                long n = baseExamples + c.examplesSeen();
                double speed = averageSentencesPerSecond(nowNanos);
                ended(() -> I18n.text("training.outcome.stopped", n, speedText(speed)), speed);
            } else if (e instanceof TrainingEvent.Diverged d) {
                // the step that broke the rule counts, as the notice says ("diverged after 10 examples")
                examplesSeen.set(Math.max(examplesSeen.get(), baseExamples + d.examplesSeen()));
                // says which parameters were put back, in the window's language, epochs from 1 as the counter shows them
                ended(() -> d.message(I18n.locale(), 1), averageSentencesPerSecond(nowNanos));
                diverged.set(true);
            } else if (e instanceof TrainingEvent.EpochEnd end) {
                epoch.set(end.epoch() + 1);
            }
        }
        latest.publish();
        long total = totalExamples.get();
        progress.set(total == 0 ? 0 : Math.min(1.0, (double) examplesSeen.get() / total));
        if (state.get() == State.RUNNING) {
            rateSamples.addLast(new long[] {nowNanos, examplesSeen.get()});
            while (rateSamples.size() > 2 && nowNanos - rateSamples.peekFirst()[0] > RATE_WINDOW_NANOS) {
                rateSamples.removeFirst();
            }
            sentencesPerSecond.set(rate(rateSamples));
            timeLeft.set(NumberText.timeLeft(total - examplesSeen.get(), sentencesPerSecond.get()));
        }
        if (chart) {
            chartRevision++;
        }
    }

    /** The run's thread ended (FX thread); a no-op if an end event came first. */
    void threadEnded(long nowNanos) {
        if (state.get() != State.IDLE) {
            long n = examplesSeen.get();
            double speed = averageSentencesPerSecond(nowNanos);
            ended(() -> I18n.text("training.outcome.ended", n, speedText(speed)), speed);
        }
    }

    /** How the run ended, written anew when the language changes. */
    private java.util.function.Supplier<String> outcomeText = () -> "";

    /**
     * The run is over: its outcome, and its average speed in place of the last live rate, which could be
     * from before its first step (a run that diverged within a second showed 0.0 sentences/s).
     */
    private void ended(java.util.function.Supplier<String> text, double averageSpeed) {
        state.set(State.IDLE);
        if (Double.isFinite(averageSpeed)) {
            sentencesPerSecond.set(averageSpeed);
        }
        timeLeft.set("–");
        outcomeText = text;
        outcome.set(text.get());
    }

    /** Average speed of the run so far, paused time excluded. */
    public double averageSentencesPerSecond(long nowNanos) {
        long running = nowNanos - startedAt - pausedNanos - (pausedSince > 0 ? nowNanos - pausedSince : 0);
        long seen = examplesSeen.get() - baseExamples;
        return running <= 0 ? Double.NaN : seen / (running / 1e9);
    }

    /** Sentences per second of the run's SGD steps alone (evaluations, checks and pauses left out). */
    public double stepsAloneSentencesPerSecond() {
        long seen = examplesSeen.get() - baseExamples;
        return stepNanos <= 0 ? Double.NaN : seen / (stepNanos / 1e9);
    }

    private static String speedText(double avg) {
        return Double.isFinite(avg) ? I18n.text("training.outcome.speed", avg) : "";
    }

    /** Sentences per second between the first and last sample. */
    static double rate(Deque<long[]> samples) {
        if (samples.size() < 2) {
            return Double.NaN;
        }
        long[] first = samples.peekFirst();
        long[] last = samples.peekLast();
        long dt = last[0] - first[0];
        if (dt < 200_000_000L) {
            return Double.NaN; // too short to say
        }
        double r = (last[1] - first[1]) / (dt / 1e9);
        return r >= 0 ? r : Double.NaN; // examples never go back within a run
    }
}
