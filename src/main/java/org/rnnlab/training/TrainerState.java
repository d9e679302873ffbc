package org.rnnlab.training;

import java.util.List;

/**
 * Where a run stands between two steps: with the weights (and the last good ones), all that a resumed
 * run needs to go on exactly as the run would have, step for step.
 *
 * @param epoch          the epoch under way
 * @param nextIndex      the position in this epoch's order of the next sentence to train on (n: the epoch is done)
 * @param order          this epoch's order of the training sentences (after its shuffle)
 * @param learningRate   the learning rate in use
 * @param previousLoss   the last evaluation's loss (a rise halves the rate), NaN before the first
 * @param examplesSeen   steps taken
 * @param lastGoodLoss   the loss of the last good evaluation, NaN before the first
 * @param recentLoss     the divergence rule's smoothed loss per word
 * @param ruleSteps      the steps the divergence rule has seen
 * @param evaluations    every evaluation so far
 * @param trainingNanos  training time so far, pauses left out
 */
public record TrainerState(int epoch, int nextIndex, int[] order, double learningRate, double previousLoss,
                           long examplesSeen, double lastGoodLoss, double recentLoss, long ruleSteps,
                           List<TrainingEvent.Evaluation> evaluations, long trainingNanos) {

    /** Receives the run's state and weights every so often, on the training thread, between two steps. */
    @FunctionalInterface
    public interface Sink {
        /**
         * @param model    the live model (read it now: the next step changes it)
         * @param lastGood the parameters a divergence would put back
         */
        void save(TrainerState state, org.rnnlab.engine.RnnModel model, org.rnnlab.engine.RnnModel lastGood);
    }
}
