package org.rnnlab.training;

import java.util.Locale;

/**
 * How a training run ended, for its log's last line ({@link RunLog}).
 *
 * @param outcome        "finished", "cancelled" or "diverged"
 * @param examplesSeen   sentences stepped on
 * @param loss           the loss per word of the last good evaluation on the training sentences (NaN: none)
 * @param learningRate   the rate in use at the end
 * @param message        why it diverged, for the learner; null otherwise
 * @param trainingNanos  the run's wall time, pauses left out
 * @param gradcheckNanos of which the live gradient checks took this
 * @param gradchecks     how many live gradient checks ran
 * @param probeNanos     and the probes this
 */
public record RunEnd(String outcome, long examplesSeen, double loss, double learningRate, String message,
                     long trainingNanos, long gradcheckNanos, int gradchecks, long probeNanos) {

    /** The end of {@code trainer}'s run; {@code last} is its last event (for a divergence's message). */
    public static RunEnd of(SgdTrainer trainer, TrainingEvent last) {
        String message = last instanceof TrainingEvent.Diverged d ? d.message() : null;
        return new RunEnd(trainer.outcome().name().toLowerCase(Locale.ROOT), trainer.examplesSeen(), trainer.lastGoodLoss(),
                trainer.learningRate(), message, trainer.trainingNanos(), trainer.gradientCheckNanos(),
                trainer.gradientChecks(), trainer.probeNanos());
    }

    /** The live gradient checks' share of the run's time, in [0, 1]. */
    public double gradcheckShare() {
        return trainingNanos <= 0 ? 0 : (double) gradcheckNanos / trainingNanos;
    }
}
