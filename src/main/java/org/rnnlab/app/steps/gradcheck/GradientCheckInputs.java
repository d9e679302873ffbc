package org.rnnlab.app.steps.gradcheck;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import org.rnnlab.app.widgets.NumberInput;
import org.rnnlab.app.widgets.NumberInputs;
import org.rnnlab.engine.RnnModel;

/**
 * The gradient check's number fields and their ranges. A value outside is refused with a line
 * under its field, never clamped: C = -5 does not quietly become 2, nor C = 100,000 become 10,000.
 */
public final class GradientCheckInputs {
    /** h and the threshold are positive; above 1 neither means anything for a nudge or a relative error. */
    public static final double MAX_H = 1;
    public static final double MAX_THRESHOLD = 1;

    private final NumberInput vocabularySize;
    private final NumberInput hiddenSize;
    private final NumberInput h;
    private final NumberInput threshold;
    private final NumberInput seed;
    private final NumberInputs all;

    GradientCheckInputs(IntegerProperty c, IntegerProperty hidden, DoubleProperty step, DoubleProperty limit, LongProperty s) {
        vocabularySize = NumberInput.whole("C", c, 2, GradientCheckViewModel.MAX_WORD_DIM);
        hiddenSize = NumberInput.whole("H", hidden, 1, GradientCheckViewModel.MAX_HIDDEN_DIM);
        h = NumberInput.decimal("h", step, 0, MAX_H).aboveMin();
        threshold = NumberInput.decimal("the threshold", limit, 0, MAX_THRESHOLD).aboveMin();
        seed = NumberInput.whole("the seed", s, 0, RnnModel.MAX_SEED);
        all = new NumberInputs(vocabularySize, hiddenSize, h, threshold, seed);
    }

    public NumberInput vocabularySize() {
        return vocabularySize;
    }

    public NumberInput hiddenSize() {
        return hiddenSize;
    }

    public NumberInput h() {
        return h;
    }

    public NumberInput threshold() {
        return threshold;
    }

    public NumberInput seed() {
        return seed;
    }

    /** All five: the check runs only while every one holds a valid number. */
    public NumberInputs all() {
        return all;
    }
}
