package org.rnnlab.engine;

/**
 * How {@link SentenceGenerator} samples: the lesson keeps sentences of at least {@code minLength}
 * words (7); {@code maxLength} bounds a sentence that never reaches SENTENCE_END; temperature 1 is the
 * lesson's plain multinomial draw.
 */
public record GenerationOptions(int minLength, int maxLength, double temperature, int startIndex, int endIndex,
                                int unknownIndex) {
}
