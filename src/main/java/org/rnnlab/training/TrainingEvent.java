package org.rnnlab.training;

/** What {@link SgdTrainer} reports, on its own thread, as training goes. */
public sealed interface TrainingEvent {
    /**
     * One SGD step done.
     *
     * @param examplesSeen sentences stepped on so far, this one included
     * @param epoch        0-based epoch
     * @param index        position of this step within the epoch (0-based)
     * @param total        sentences per epoch
     * @param sentenceLoss this sentence's mean loss per word, before the update
     * @param learningRate the rate used for the update
     * @param nanos        wall time of the step
     */
    record Step(long examplesSeen, int epoch, int index, int total, double sentenceLoss, double learningRate, long nanos)
            implements TrainingEvent {}

    /** Mean loss per word on the whole training set, as the lesson's {@code calculate_loss}. */
    record Evaluation(long examplesSeen, int epoch, double loss, double learningRate) implements TrainingEvent {}

    /** The loss rose since the previous evaluation, so the rate was halved to {@code learningRate}. */
    record LearningRateHalved(long examplesSeen, int epoch, double learningRate) implements TrainingEvent {}

    record EpochEnd(int epoch, long examplesSeen) implements TrainingEvent {}

    record Finished(long examplesSeen) implements TrainingEvent {}

    /** Stopped by {@link SgdTrainer#stop()}; the model keeps the parameters of the last whole step. */
    record Cancelled(long examplesSeen) implements TrainingEvent {}

    /** A loss became NaN or infinite; the model was put back to the last good evaluation's parameters. */
    record Diverged(long examplesSeen, double learningRate, String message) implements TrainingEvent {}

    record Paused(long examplesSeen) implements TrainingEvent {}

    record Resumed(long examplesSeen) implements TrainingEvent {}
}
