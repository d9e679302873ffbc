package org.rnnlab.app.session;

import java.util.List;
import java.util.function.Consumer;
import org.rnnlab.engine.Precision;
import org.rnnlab.training.TrainingEvent;

/** What the training step needs of the training controller: start one run, steer it. */
public interface TrainingControl {

    /** The app holds this share of the sentences out of training, to show the loss on sentences never stepped on. */
    double HELD_OUT_FRACTION = 0.1;

    /**
     * What the learner chose. {@code sentences} counts from the corpus's first.
     *
     * @param heldOutFraction the share of the sentences held out (split seeded with {@code seed}); 0 for none
     * @param probe           the probe sentence, SENTENCE_START to SENTENCE_END as word indices; null for the
     *                        default, the first held-out sentence of at most {@link #PROBE_MAX_WORDS} words
     */
    record Request(double learningRate, int epochs, int evaluateEvery, int bpttTruncate, int sentences, long seed,
                   Precision precision, double heldOutFraction, int[] probe) {

        /** The request that makes the run an interrupted one was: its settings, its precision, the default probe. */
        public static Request resuming(org.rnnlab.training.Checkpoint.Loaded interrupted) {
            org.rnnlab.training.RunSettings s = interrupted.settings();
            return new Request(s.learningRate(), s.epochs(), s.evaluateLossAfter(), s.bpttTruncate(), s.sentences(), s.seed(),
                    interrupted.model().model().precision(), s.validationFraction(), null);
        }

        /** Nothing held out, the default probe. */
        public Request(double learningRate, int epochs, int evaluateEvery, int bpttTruncate, int sentences, long seed,
                       Precision precision) {
            this(learningRate, epochs, evaluateEvery, bpttTruncate, sentences, seed, precision, 0, null);
        }
    }

    /** The default probe is a held-out sentence of at most this many words (short enough to read as rows). */
    int PROBE_MAX_WORDS = 15;

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

    /** Sets the learning rate of the run going on: its next step uses it (nothing without a run). */
    void setLearningRate(double rate);

    /** Probes this sentence (SENTENCE_START to SENTENCE_END as word indices) from the run's next step on. */
    void setProbe(int[] words);

    /** Asks the run to publish a copy of its parameters at its next step (e.g. to sample sentences). */
    void requestSnapshot();

    /** The run a killed or closed window left, made on the training data open now; empty when there is none. */
    default java.util.Optional<org.rnnlab.training.Checkpoint.Loaded> interruptedRun() {
        return java.util.Optional.empty();
    }

    /** Goes on with {@code interrupted} exactly where it stopped; its events reach {@code onBatch} as a started run's do. */
    default void resumeInterrupted(org.rnnlab.training.Checkpoint.Loaded interrupted, Consumer<List<TrainingEvent>> onBatch) {
        throw new UnsupportedOperationException("this training control cannot resume runs");
    }
}
