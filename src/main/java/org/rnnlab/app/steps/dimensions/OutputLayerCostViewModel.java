package org.rnnlab.app.steps.dimensions;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableValue;
import org.rnnlab.engine.OutputLayerCost;
import org.rnnlab.engine.WordClasses;
import org.rnnlab.engine.ZipfWords;
import org.rnnlab.text.Vocabulary;

/**
 * The output layer's cost per word for the current C and H, for the full softmax (the lesson) and
 * for the class-based layer (about sqrt(C) frequency classes): multiply-adds and the output
 * weights' memory, computed by the engine ({@link OutputLayerCost}). The classes are binned from
 * the prepared vocabulary's corpus counts when it has C words, else from a text-like law of
 * frequencies (word i about as frequent as 1 / (i + 1)).
 */
public final class OutputLayerCostViewModel {
    /** The figures shown; bytes at float32. */
    public record Costs(int C, int H, int classes, double fullMultiplyAdds, double classMultiplyAdds, double fullMegabytes,
                        double classMegabytes) {
        /** How many times fewer multiply-adds the class-based layer needs. */
        public double ratio() {
            return fullMultiplyAdds / classMultiplyAdds;
        }
    }

    private final ObjectBinding<Costs> costs;

    /**
     * @param wordDim    C (followed)
     * @param hiddenDim  H (followed)
     * @param vocabulary the prepared vocabulary, or a null value before a corpus is prepared (followed)
     */
    public OutputLayerCostViewModel(ObservableValue<? extends Number> wordDim, ObservableValue<? extends Number> hiddenDim,
                                    ObservableValue<Vocabulary> vocabulary) {
        costs = Bindings.createObjectBinding(() -> compute(wordDim.getValue().intValue(), hiddenDim.getValue().intValue(),
                vocabulary.getValue()), wordDim, hiddenDim, vocabulary);
    }

    public ObjectBinding<Costs> costsProperty() {
        return costs;
    }

    static Costs compute(int C, int H, Vocabulary vocabulary) {
        int c = Math.max(2, C);
        int h = Math.max(1, H);
        long[] counts = vocabulary != null && vocabulary.size() == c ? vocabulary.counts() : ZipfWords.of(c).counts();
        WordClasses classes = WordClasses.byFrequency(counts, WordClasses.defaultCount(c));
        OutputLayerCost full = OutputLayerCost.full(c, h);
        OutputLayerCost byClass = OutputLayerCost.classBased(classes, counts, h);
        return new Costs(c, h, classes.count(), full.multiplyAdds(), byClass.multiplyAdds(), full.weightBytes(4) / 1e6,
                byClass.weightBytes(4) / 1e6);
    }
}
