package org.rnnlab.app.steps.training;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.value.ObservableValue;
import org.rnnlab.app.widgets.NumberInput;
import org.rnnlab.app.widgets.NumberInputs;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;

/**
 * The training step's number fields and their ranges. A value outside is refused with a line
 * under its field and Start stays off: a learning rate that is not a number never lets the
 * previous one train in its place.
 */
public final class TrainingInputs {
    /**
     * Far beyond any rate that learns: watching a run blow up is part of the lesson (its hint: 10;
     * a tiny regular corpus may need far more to diverge). Beyond this it is a typing slip.
     */
    public static final double MAX_LEARNING_RATE = 1_000_000;
    public static final int MAX_EPOCHS = 1000;
    public static final int MAX_BPTT_TRUNCATE = 1000;
    public static final int MAX_HIDDEN = 1000;
    /** At most nine sentences in ten held out: the model must have some to train on. */
    public static final double MAX_HELD_OUT = 0.9;
    /** The sentences field's top without a corpus; with one, its number of sentences. */
    static final int MAX_SENTENCES = 10_000_000;

    private final NumberInput learningRate;
    private final NumberInput epochs;
    private final NumberInput evaluateEvery;
    private final NumberInput bpttTruncate;
    private final NumberInput sentences;
    private final NumberInput seed;
    private final NumberInput hiddenSize;
    private final NumberInput heldOut;
    private final NumberInputs forStart;
    private final NumberInputs forNewModel;

    TrainingInputs(DoubleProperty lr, IntegerProperty epochCount, IntegerProperty every, IntegerProperty bptt,
                   IntegerProperty sentenceCount, LongProperty seedValue, IntegerProperty hidden, DoubleProperty heldOutFraction,
                   ObservableValue<PreparedData> prepared) {
        learningRate = NumberInput.decimal("the learning rate", lr, 0, MAX_LEARNING_RATE).aboveMin().step(0.001);
        epochs = NumberInput.whole("the number of epochs", epochCount, 1, MAX_EPOCHS);
        evaluateEvery = NumberInput.whole("\u201cevaluate every\u201d", every, 1, MAX_EPOCHS);
        bpttTruncate = NumberInput.whole("the BPTT truncation", bptt, 1, MAX_BPTT_TRUNCATE);
        sentences = NumberInput.whole("the number of sentences", sentenceCount, 1, MAX_SENTENCES).step(100);
        // not bound to the corpus: a run uses min(N, the corpus's sentences), and the step says how many
        seed = NumberInput.whole("the seed", seedValue, 0, RnnModel.MAX_SEED);
        hiddenSize = NumberInput.whole("H", hidden, 1, MAX_HIDDEN);
        heldOut = NumberInput.decimal("the held-out share", heldOutFraction, 0, MAX_HELD_OUT).step(0.05);
        forStart = new NumberInputs(learningRate, epochs, evaluateEvery, bpttTruncate, sentences, seed, hiddenSize, heldOut);
        forNewModel = new NumberInputs(hiddenSize, seed);
    }

    public NumberInput learningRate() {
        return learningRate;
    }

    public NumberInput epochs() {
        return epochs;
    }

    public NumberInput evaluateEvery() {
        return evaluateEvery;
    }

    public NumberInput bpttTruncate() {
        return bpttTruncate;
    }

    public NumberInput sentences() {
        return sentences;
    }

    public NumberInput seed() {
        return seed;
    }

    public NumberInput hiddenSize() {
        return hiddenSize;
    }

    /** The share of the sentences held out of training (0 to 0.9). */
    public NumberInput heldOut() {
        return heldOut;
    }

    /** Every field: Start runs only while all hold valid numbers. */
    public NumberInputs forStart() {
        return forStart;
    }

    /** H and the seed: what a new random model is made with. */
    public NumberInputs forNewModel() {
        return forNewModel;
    }
}
