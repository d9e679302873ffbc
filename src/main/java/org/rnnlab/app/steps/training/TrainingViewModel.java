package org.rnnlab.app.steps.training;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
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
import org.rnnlab.app.charts.DecimatedSeries;
import org.rnnlab.app.charts.Smoothing;
import org.rnnlab.app.session.ModelSession;
import org.rnnlab.engine.Precision;
import org.rnnlab.training.TrainingConfig;
import org.rnnlab.training.TrainingEvent;

/**
 * The training step: the hyper-parameters, the state of the run, and what the live chart and the
 * counters show. Training events arrive in batches (one per frame at most) through {@link #accept}.
 */
public final class TrainingViewModel {
    /** Points kept per chart series, however long the run. */
    public static final int CHART_POINTS = 3000;
    /** The lesson's figures for one SGD step on a 45-word sentence, C = 8000, H = 100. */
    public static final double LESSON_NUMPY_MS = 350;
    public static final double LESSON_THEANO_MS = 70;
    /** Sentences per second are measured over this much recent time. */
    static final long RATE_WINDOW_NANOS = 5_000_000_000L;

    public enum State { IDLE, RUNNING, PAUSED }

    /** A full-set evaluation: the chart shows it as a point. */
    public record Evaluation(long examplesSeen, int epoch, double loss) {
    }

    /** Where the learning rate was halved. */
    public record Halving(long examplesSeen, double learningRate) {
    }

    // hyper-parameters
    private final DoubleProperty learningRate = new SimpleDoubleProperty(TrainingConfig.lessonDefaults().learningRate());
    private final IntegerProperty epochs = new SimpleIntegerProperty(10);
    private final IntegerProperty evaluateEvery = new SimpleIntegerProperty(1);
    private final IntegerProperty bpttTruncate = new SimpleIntegerProperty(ModelSession.DEFAULT_BPTT);
    private final IntegerProperty sentences = new SimpleIntegerProperty(1000);
    private final LongProperty seed = new SimpleLongProperty(ModelSession.DEFAULT_SEED);
    private final ObjectProperty<Precision> precision = new SimpleObjectProperty<>(Precision.FLOAT32);
    private final IntegerProperty hiddenSize = new SimpleIntegerProperty(ModelSession.DEFAULT_HIDDEN);

    // the run
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
    private final javafx.beans.property.BooleanProperty diverged = new javafx.beans.property.SimpleBooleanProperty();
    private final DecimatedSeries stepLoss = new DecimatedSeries(CHART_POINTS);
    private final DecimatedSeries smoothLoss = new DecimatedSeries(CHART_POINTS);
    private final List<Evaluation> evaluations = new ArrayList<>();
    private final List<Halving> halvings = new ArrayList<>();
    private final Smoothing smoothing = new Smoothing(100);
    private final Smoothing stepMillis = new Smoothing(50);
    private final Deque<long[]> rateSamples = new ArrayDeque<>();
    private long chartRevision;
    private long startedAt;
    private long pausedNanos;
    private long pausedSince;
    private long baseExamples;

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
    public javafx.beans.property.BooleanProperty divergedProperty() {
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

    /** Increases whenever the chart's data changed. */
    public long chartRevision() {
        return chartRevision;
    }

    /** The lesson's own settings: lr 0.005, 100 epochs, evaluated every 5, every sentence. */
    public void lessonDefaults(int corpusSentences) {
        TrainingConfig c = TrainingConfig.lessonDefaults();
        learningRate.set(c.learningRate());
        epochs.set(c.epochs());
        evaluateEvery.set(c.evaluateLossAfter());
        bpttTruncate.set(ModelSession.DEFAULT_BPTT);
        sentences.set(Math.max(1, corpusSentences));
        seed.set(c.seed());
    }

    /** The request for the model session, from the current fields. */
    public ModelSession.TrainingRequest request() {
        return new ModelSession.TrainingRequest(learningRate.get(), epochs.get(), evaluateEvery.get(),
                bpttTruncate.get(), sentences.get(), seed.get(), precision.get());
    }

    /**
     * A run starts (FX thread). The chart continues from the examples the model has already seen,
     * so a second run extends the curve of the first.
     */
    public void started(int sentencesUsed, long nowNanos, boolean keepChart) {
        if (!keepChart) {
            stepLoss.clear();
            smoothLoss.clear();
            evaluations.clear();
            halvings.clear();
            smoothing.reset();
            baseExamples = 0;
        } else {
            baseExamples = examplesSeen.get();
        }
        stepMillis.reset();
        rateSamples.clear();
        totalExamples.set(baseExamples + (long) sentencesUsed * epochs.get());
        progress.set(0);
        epoch.set(0);
        sentencesPerSecond.set(Double.NaN);
        msPerStep.set(Double.NaN);
        currentLearningRate.set(learningRate.get());
        timeLeft.set("–");
        outcome.set("");
        diverged.set(false);
        state.set(State.RUNNING);
        startedAt = nowNanos;
        pausedNanos = 0;
        pausedSince = 0;
        chartRevision++;
    }

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
                    smoothedLoss.set(sm);
                }
                msPerStep.set(stepMillis.add(s.nanos() / 1e6));
                examplesSeen.set(x);
                epoch.set(s.epoch() + 1);
                currentLearningRate.set(s.learningRate());
                chart = true;
            } else if (e instanceof TrainingEvent.Evaluation ev) {
                evaluations.add(new Evaluation(baseExamples + ev.examplesSeen(), ev.epoch(), ev.loss()));
                currentLearningRate.set(ev.learningRate());
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
                ended(String.format(Locale.ROOT, "Finished: %,d examples seen%s.", baseExamples + f.examplesSeen(), speedText(nowNanos)));
            } else if (e instanceof TrainingEvent.Cancelled c) {
                ended(String.format(Locale.ROOT, "Stopped after %,d examples%s.", baseExamples + c.examplesSeen(), speedText(nowNanos)));
            } else if (e instanceof TrainingEvent.Diverged d) {
                ended(d.message()); // says which parameters were put back
                diverged.set(true);
            } else if (e instanceof TrainingEvent.EpochEnd end) {
                epoch.set(end.epoch() + 1);
            }
        }
        long total = totalExamples.get();
        progress.set(total == 0 ? 0 : Math.min(1.0, (double) examplesSeen.get() / total));
        if (state.get() == State.RUNNING) {
            rateSamples.addLast(new long[] {nowNanos, examplesSeen.get()});
            while (rateSamples.size() > 2 && nowNanos - rateSamples.peekFirst()[0] > RATE_WINDOW_NANOS) {
                rateSamples.removeFirst();
            }
            sentencesPerSecond.set(rate(rateSamples));
            timeLeft.set(timeLeftText(total - examplesSeen.get(), sentencesPerSecond.get()));
        }
        if (chart) {
            chartRevision++;
        }
    }

    /** The run's thread ended (FX thread); a no-op if an end event came first. */
    public void threadEnded(long nowNanos) {
        if (state.get() != State.IDLE) {
            ended(String.format(Locale.ROOT, "Ended after %,d examples%s.", examplesSeen.get(), speedText(nowNanos)));
        }
    }

    private void ended(String text) {
        state.set(State.IDLE);
        timeLeft.set("–");
        outcome.set(text);
    }

    /** Average speed of the run so far, paused time excluded. */
    public double averageSentencesPerSecond(long nowNanos) {
        long running = nowNanos - startedAt - pausedNanos - (pausedSince > 0 ? nowNanos - pausedSince : 0);
        long seen = examplesSeen.get() - baseExamples;
        return running <= 0 ? Double.NaN : seen / (running / 1e9);
    }

    private String speedText(long nowNanos) {
        double avg = averageSentencesPerSecond(nowNanos);
        return Double.isFinite(avg) ? String.format(Locale.ROOT, " (%.1f sentences/s on average)", avg) : "";
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
        return (last[1] - first[1]) / (dt / 1e9);
    }

    /** "about 3 min 20 s" for the remaining examples at this rate; "–" when unknown. */
    public static String timeLeftText(long remaining, double perSecond) {
        if (remaining <= 0) {
            return "done";
        }
        if (!(perSecond > 0)) {
            return "–";
        }
        return "about " + duration(remaining / perSecond);
    }

    /** A duration for people: "45 s", "3 min 20 s", "2 h 05 min", "3 days 4 h". */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
        }
        long days = s / 86_400;
        return String.format(Locale.ROOT, "%d day%s %d h", days, days == 1 ? "" : "s", (s % 86_400) / 3600);
    }

    /** A learning rate without trailing zeros: 0.005, 0.0025, 10. */
    public static String rateText(double lr) {
        if (!Double.isFinite(lr)) {
            return "–";
        }
        return java.math.BigDecimal.valueOf(lr).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** The step time beside the lesson's: "12.3 ms (lesson: 350 ms numpy, 70 ms Theano)". */
    public static String stepTimeText(double ms) {
        if (!Double.isFinite(ms)) {
            return "–";
        }
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.1f ms", ms);
    }
}
