package org.rnnlab.training;

import java.util.List;
import org.rnnlab.common.Messages;

/**
 * What {@link SgdTrainer} reports, on its own thread, as training goes. Every event is delivered
 * between two steps, so a listener sees the live model exactly as the event describes it; the
 * events are immutable apart from the arrays of {@link Probe}, which belong to the receiver (the
 * trainer keeps no reference): they can be handed to another thread as they are.
 */
public sealed interface TrainingEvent {
    /**
     * One SGD step done.
     *
     * @param examplesSeen sentences stepped on so far, this one included
     * @param epoch        0-based epoch
     * @param index        position of this step within the epoch (0-based)
     * @param sentence     which sentence: its 0-based index in the sentences given to the trainer
     * @param total        sentences per epoch (the training part, when some are held out)
     * @param sentenceLoss this sentence's mean loss per word, before the update
     * @param learningRate the rate used for the update
     * @param nanos        wall time of the step
     */
    record Step(long examplesSeen, int epoch, int index, int sentence, int total, double sentenceLoss, double learningRate, long nanos)
            implements TrainingEvent {}

    /**
     * Mean loss per word on the whole training set, as the lesson's {@code calculate_loss}, and on
     * the held-out sentences.
     *
     * @param loss           on the training sentences: the loss the lesson halves the rate by
     * @param validationLoss on the held-out sentences (see {@link TrainValidationSplit}); NaN when none is held out
     */
    record Evaluation(long examplesSeen, int epoch, double loss, double learningRate, double validationLoss)
            implements TrainingEvent {

        /** An evaluation without held-out sentences. */
        public Evaluation(long examplesSeen, int epoch, double loss, double learningRate) {
            this(examplesSeen, epoch, loss, learningRate, Double.NaN);
        }

        /** exp(loss): the model is as unsure as a uniform choice among this many words. */
        public double perplexity() {
            return Math.exp(loss);
        }

        /** exp(validationLoss); NaN when none is held out. */
        public double validationPerplexity() {
            return Math.exp(validationLoss);
        }

        public boolean hasValidation() {
            return !Double.isNaN(validationLoss);
        }
    }

    /** The loss rose since the previous evaluation, so the rate was halved to {@code learningRate}. */
    record LearningRateHalved(long examplesSeen, int epoch, double learningRate) implements TrainingEvent {}

    /**
     * The learning rate was set by {@link SgdTrainer#setLearningRate}; the step after this event is
     * the first to use it.
     */
    record LearningRateSet(long examplesSeen, double learningRate) implements TrainingEvent {}

    /**
     * The probe sentence on the live model (see {@link SgdTrainer#setProbe}): for each position t
     * of x = words[0..T-1], the probability the model gives the true next word y_t = words[t+1],
     * p(y_t | x_0..x_t) = o_t[y_t], and its own top guess.
     *
     * @param examplesSeen sentences stepped on when the probe was taken
     * @param words        the probe sentence, SENTENCE_START to SENTENCE_END (T + 1 word indices)
     * @param p            T probabilities: p[t] = o_t[words[t + 1]]
     * @param top          T word indices: argmax o_t
     * @param topP         T probabilities: o_t[top[t]]
     */
    record Probe(long examplesSeen, int epoch, int[] words, double[] p, int[] top, double[] topP) implements TrainingEvent {
        /** The mean of -ln p[t]: the probe's loss per word. */
        public double loss() {
            double sum = 0;
            for (double q : p) {
                sum -= Math.log(q);
            }
            return p.length == 0 ? Double.NaN : sum / p.length;
        }
    }

    /**
     * A live gradient check (see {@link LiveStreams}): the lesson's check, on a float64 copy of the
     * model taken between two steps, for a sample of the elements of U, V and W, on one short
     * training sentence, with BPTT not truncated.
     *
     * @param examplesSeen  sentences stepped on when the copy was taken
     * @param sentence      the sentence checked: its index in the trainer's sentence list
     * @param parameters    U, V and W, in that order
     * @param nanos         the wall time of this check
     * @param checkNanos    the wall time of every live check so far, this one included
     * @param trainingNanos the wall time of the run so far (pauses left out), this check included
     */
    record GradientCheckDone(long examplesSeen, int epoch, int sentence, List<SampledVerdict> parameters, long nanos,
                             long checkNanos, long trainingNanos) implements TrainingEvent {
        public GradientCheckDone {
            parameters = List.copyOf(parameters);
        }

        /** Every parameter passed. */
        public boolean passed() {
            return parameters.stream().allMatch(SampledVerdict::passed);
        }

        /** The live checks' share of the run's time so far, in [0, 1]. */
        public double share() {
            return trainingNanos <= 0 ? 0 : (double) checkNanos / trainingNanos;
        }
    }

    record EpochEnd(int epoch, long examplesSeen) implements TrainingEvent {}

    record Finished(long examplesSeen) implements TrainingEvent {}

    /** Stopped by {@link SgdTrainer#stop()}; the model keeps the parameters of the last whole step. */
    record Cancelled(long examplesSeen) implements TrainingEvent {}

    /**
     * The run broke the {@link DivergenceRule} and ended; the model was put back to the parameters of
     * the last evaluation that passed the rule (or to the initial ones). Nothing follows it.
     *
     * @param examplesSeen     sentences stepped on so far, the step that broke the rule included
     * @param epoch            0-based epoch it happened in (for an evaluation, the epoch about to start)
     * @param measured         which loss broke the rule
     * @param loss             that loss, per word: NaN, infinite, or above {@code bound}
     * @param divergenceFactor the bound in units of ln C
     * @param bound            {@code divergenceFactor * ln C}
     * @param learningRate     the learning rate in use
     * @param restoredLoss     the evaluated loss of the parameters put back; NaN for the initial parameters
     */
    record Diverged(long examplesSeen, int epoch, Measured measured, double loss, double divergenceFactor, double bound,
                    double learningRate, double restoredLoss) implements TrainingEvent {

        /** The loss that broke the rule. */
        public enum Measured {
            /** One step's loss per word, on its sentence, was NaN or infinite. */
            SENTENCE,
            /** The recent loss per word, smoothed over the steps, rose above the bound. */
            RECENT_STEPS,
            /** An evaluation's loss per word on the whole training set was NaN, infinite or above the bound. */
            TRAINING_SET
        }

        /**
         * What happened, where, and with which learning rate: "Training diverged after 1,234 examples
         * (epoch 0): the recent loss per word rose to 512.30, above 2 ln C = 17.97, with learning rate 10"
         * (in English, the epoch counted from 0 as the lesson's log line and the command line count it).
         */
        public String what() {
            return what(java.util.Locale.ROOT, 0);
        }

        /** {@link #what()} in {@code locale}, the epoch counted from {@code firstEpoch} (1 as the window shows it). */
        public String what(java.util.Locale locale, int firstEpoch) {
            String which = switch (measured) {
                case SENTENCE -> Messages.text(locale, "training.diverged.sentence");
                case RECENT_STEPS -> Messages.text(locale, "training.diverged.recent");
                case TRAINING_SET -> Messages.text(locale, "training.diverged.trainingSet");
            };
            String how;
            if (Double.isFinite(loss)) {
                // Enough decimals that the loss does not read as equal to the bound.
                int digits = 2;
                while (digits < 6 && number(loss, digits).equals(number(bound, digits))) {
                    digits++;
                }
                how = Messages.text(locale, "training.diverged.roseTo", number(loss, digits), plain(divergenceFactor),
                        number(bound, digits));
            } else {
                how = Messages.text(locale, "training.diverged.became", Double.toString(loss));
            }
            return Messages.text(locale, "training.diverged.what",
                    String.format(java.util.Locale.ROOT, "%,d", examplesSeen), Integer.toString(epoch + firstEpoch), which, how,
                    plain(learningRate));
        }

        /** "the parameters of the last good evaluation (loss 8.91)", or "the initial parameters". */
        public String restoredParameters() {
            return restoredParameters(java.util.Locale.ROOT);
        }

        /** {@link #restoredParameters()} in {@code locale}. */
        public String restoredParameters(java.util.Locale locale) {
            return Double.isNaN(restoredLoss)
                    ? Messages.text(locale, "training.diverged.initial")
                    : Messages.text(locale, "training.diverged.lastGood", number(restoredLoss, 2));
        }

        /** One line for the learner: {@link #what()}, which parameters were put back, and what to try. */
        public String message() {
            return message(java.util.Locale.ROOT, 0);
        }

        /** {@link #message()} in {@code locale}, the epoch counted from {@code firstEpoch}. */
        public String message(java.util.Locale locale, int firstEpoch) {
            return Messages.text(locale, "training.diverged.message", what(locale, firstEpoch), restoredParameters(locale));
        }

        private static String number(double x, int decimals) {
            return Math.abs(x) < 1e6
                    ? String.format(java.util.Locale.ROOT, "%." + decimals + "f", x)
                    : String.format(java.util.Locale.ROOT, "%." + (decimals + 1) + "g", x);
        }

        /** 10 as "10", 0.005 as "0.005", 1e38 as "1.0E38". */
        private static String plain(double x) {
            return Math.abs(x) >= 1e-6 && Math.abs(x) < 1e9
                    ? java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString()
                    : Double.toString(x);
        }
    }

    record Paused(long examplesSeen) implements TrainingEvent {}

    record Resumed(long examplesSeen) implements TrainingEvent {}
}
