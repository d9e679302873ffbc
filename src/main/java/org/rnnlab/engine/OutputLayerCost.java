package org.rnnlab.engine;

/**
 * What one word costs in the output layer, for the full softmax and for the class-based layer
 * (see {@link WordClasses}): multiply-adds of the forward product (training does about three times
 * as many: logits, dL/ds and the weights' gradient) and the output weights' memory. The
 * class-based layer computes K class scores and the scores of the target's class only, so its
 * work per word is (K + the mean size of the class a word falls in) x H instead of C x H.
 *
 * @param multiplyAdds forward multiply-adds per word in the output layer
 * @param weights      output weights (V, and X for classes), in numbers
 */
public record OutputLayerCost(double multiplyAdds, long weights) {

    /** The lesson's softmax over all C words: V s_t, C x H multiply-adds; V holds C x H numbers. */
    public static OutputLayerCost full(int C, int H) {
        return new OutputLayerCost((double) C * H, (long) C * H);
    }

    /**
     * The class-based layer with these classes, words weighted by {@code counts} (the corpus counts
     * in vocabulary order: a frequent word's small class is what most steps pay for).
     */
    public static OutputLayerCost classBased(WordClasses classes, long[] counts, int H) {
        double total = 0;
        double weighted = 0;
        for (int w = 0; w < classes.words(); w++) {
            double c = Math.max(1, counts[w]);
            total += c;
            weighted += c * classes.size(classes.classOf(w));
        }
        double meanClassSize = weighted / total;
        return new OutputLayerCost((classes.count() + meanClassSize) * H, ((long) classes.words() + classes.count()) * H);
    }

    /** Bytes of the output weights at {@code bytesPerNumber} (4 for float32, 8 for float64). */
    public long weightBytes(int bytesPerNumber) {
        return weights * bytesPerNumber;
    }
}
