package org.rnnlab.app.steps.loss;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rnnlab.app.charts.DecimatedSeries;

/**
 * The loss step: the loss a model that knows nothing would have, ln C, against the model's actual
 * mean cross-entropy loss on the first N sentences, computed in the background.
 */
public final class LossViewModel {
    /** The lesson compares ln C with the loss on its first 1,000 examples. */
    public static final int DEFAULT_SENTENCES = 1000;
    /** Within this distance of ln C the loss counts as "about ln C". */
    static final double CLOSE = 0.1;

    /** The running mean so far: after {@code sentences} sentences (and {@code words} words). */
    public record Progress(int sentences, long words, double meanLoss) {
    }

    private final IntegerProperty sentences = new SimpleIntegerProperty(DEFAULT_SENTENCES);
    private final DoubleProperty expected = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty actual = new SimpleDoubleProperty(Double.NaN);
    private final IntegerProperty done = new SimpleIntegerProperty();
    private final LongProperty words = new SimpleLongProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty explanation = new SimpleStringProperty("");
    private final DecimatedSeries runningMean = new DecimatedSeries(2000);
    private long computedRevision = -1;

    public IntegerProperty sentencesProperty() {
        return sentences;
    }

    /** ln C for the model's vocabulary. */
    public DoubleProperty expectedProperty() {
        return expected;
    }

    /** The mean loss per word so far (NaN before the first sentence). */
    public DoubleProperty actualProperty() {
        return actual;
    }

    public IntegerProperty doneProperty() {
        return done;
    }

    public LongProperty wordsProperty() {
        return words;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty explanationProperty() {
        return explanation;
    }

    public DecimatedSeries runningMean() {
        return runningMean;
    }

    long computedRevision() {
        return computedRevision;
    }

    /** A computation starts (FX thread). */
    void start(int vocabularySize, long revision) {
        expected.set(Math.log(vocabularySize));
        actual.set(Double.NaN);
        done.set(0);
        words.set(0);
        runningMean.clear();
        explanation.set("");
        running.set(true);
        computedRevision = revision;
    }

    /** Progress arrived (FX thread): the newest value of the batch is what the numbers show. */
    void progress(List<Progress> batch) {
        for (Progress p : batch) {
            runningMean.add(p.sentences(), p.meanLoss());
        }
        Progress last = batch.get(batch.size() - 1);
        done.set(last.sentences());
        words.set(last.words());
        actual.set(last.meanLoss());
    }

    /** The computation ended: {@code completed} false when it was cancelled or failed. */
    void finish(boolean completed) {
        running.set(false);
        if (completed) {
            explanation.set(explain(expected.get(), actual.get(), done.get(), words.get()));
        } else {
            computedRevision = -1;
            explanation.set(done.get() == 0 ? "" : "Stopped early: the numbers are for the sentences read so far.");
        }
    }

    /** What the comparison means, for a learner. */
    public static String explain(double lnC, double loss, int sentences, long words) {
        if (!Double.isFinite(loss)) {
            return "The loss is not a number: the model's parameters are broken (a diverged training?). "
                    + "Make a new model on the Training step.";
        }
        double perWord = Math.exp(-loss);
        double chance = Math.exp(-lnC);
        String measured = String.format(Locale.ROOT, "Measured on %,d sentences (%,d words). ", sentences, words);
        if (Math.abs(loss - lnC) < CLOSE) {
            return measured + String.format(Locale.ROOT,
                    "The loss is very close to ln C = %.3f: the model gives the true next word about 1/C = %s "
                            + "of probability, the same as guessing uniformly among all C words. That is what "
                            + "random weights should do, and it tells us the forward pass and the loss are right.",
                    lnC, percent(chance));
        }
        if (loss < lnC) {
            return measured + String.format(Locale.ROOT,
                    "The loss is %.2f below ln C: on average the true next word gets e^-%.2f = %s of probability, "
                            + "%,.0f times more than uniform guessing (1/C = %s). The model has learned something.",
                    lnC - loss, loss, percent(perWord), perWord / chance, percent(chance));
        }
        return measured + String.format(Locale.ROOT,
                "The loss is %.2f above ln C: the model does worse than guessing uniformly. It is confidently "
                        + "wrong, which happens when a training run goes astray (a learning rate too large).",
                loss - lnC);
    }

    private static String percent(double p) {
        return org.rnnlab.app.charts.ProbabilityBars.percent(p);
    }
}
