package org.rnnlab.training;

import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.engine.WordClasses;
import org.rnnlab.text.Vocabulary;

/**
 * The output layer of a fresh model: the lesson's softmax over all C words, or words in classes
 * (Mikolov et al., 2011: p(w | s) = p(class(w) | s) p(w | class(w), s)), binned by the vocabulary's
 * corpus counts as the RNNLM toolkit does ({@link WordClasses#byFrequency}).
 */
public enum OutputLayer {
    /** The lesson's softmax over all C words. */
    FULL,
    /** About sqrt(C) word classes: a step touches one class's words instead of all C. */
    CLASS_BASED;

    /** A fresh model with this output layer, initialised as the lesson does; C is the vocabulary's size. */
    public RnnModel initialise(Vocabulary vocabulary, int hidden, int bpttTruncate, long seed, Precision precision) {
        int c = vocabulary.size();
        return this == FULL ? RnnModel.initialise(c, hidden, bpttTruncate, seed, precision)
                : RnnModel.initialiseClassBased(c, hidden, bpttTruncate, seed, precision,
                        classesOf(vocabulary, WordClasses.defaultCount(c)));
    }

    /** The layer a model has. */
    public static OutputLayer of(RnnModel model) {
        return model.classes() == null ? FULL : CLASS_BASED;
    }

    /** K classes of the vocabulary's words, binned by their corpus counts. */
    public static WordClasses classesOf(Vocabulary vocabulary, int k) {
        return WordClasses.byFrequency(vocabulary.counts(), k);
    }
}
