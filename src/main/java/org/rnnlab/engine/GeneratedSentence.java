package org.rnnlab.engine;

/**
 * One generated sentence.
 *
 * @param words          word indices without SENTENCE_START / SENTENCE_END
 * @param probabilities  the model's probability of each drawn word (as sampled, before any redraw renormalisation)
 * @param unknownRedraws how many draws of UNKNOWN_TOKEN were thrown away
 * @param attempts       sentences drawn until one was long enough (1 = the first)
 */
public record GeneratedSentence(int[] words, double[] probabilities, int unknownRedraws, int attempts) {
}
