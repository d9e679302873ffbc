package org.rnnlab.app.session;

import java.util.List;
import java.util.function.Consumer;
import org.rnnlab.engine.Precision;
import org.rnnlab.training.TrainingEvent;

/** What the training step needs of the training controller: start one run, steer it. */
public interface TrainingControl {

    /** What the learner chose. {@code sentences} counts from the corpus's first. */
    record Request(double learningRate, int epochs, int evaluateEvery, int bpttTruncate, int sentences, long seed,
                   Precision precision) {
    }

    /**
     * Starts training the current model on its own thread; its events reach {@code onBatch} on the
     * FX thread, a batch per frame at most. The run ends when the store's training flag goes false,
     * after the final model is published.
     *
     * @throws org.rnnlab.common.UserException when there is no model, it does not fit the corpus, or a run is going on
     */
    void start(Request request, Consumer<List<TrainingEvent>> onBatch);

    void pause();

    void resume();

    /** While paused: one more SGD step. */
    void stepOnce();

    void stop();

    /** Asks the run to publish a copy of its parameters at its next step (e.g. to sample sentences). */
    void requestSnapshot();
}
