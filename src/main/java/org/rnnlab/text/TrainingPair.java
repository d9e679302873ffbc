package org.rnnlab.text;

import java.util.Arrays;

/**
 * The lesson's training example made from one sentence w (SENTENCE_START .. SENTENCE_END as
 * indices): the inputs x = w[:-1] and the words to predict y = w[1:], so y_t is the word after x_t.
 */
public record TrainingPair(int[] x, int[] y) {

    /** x = w[:-1], y = w[1:] (copies; {@code words} is not kept). */
    public static TrainingPair of(int[] words) {
        if (words.length == 0) {
            throw new IllegalArgumentException("a sentence without tokens has no training pair");
        }
        return new TrainingPair(Arrays.copyOfRange(words, 0, words.length - 1), Arrays.copyOfRange(words, 1, words.length));
    }

    /** Number of predictions: the length of x and y. */
    public int length() {
        return x.length;
    }
}
