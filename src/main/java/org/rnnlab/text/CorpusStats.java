package org.rnnlab.text;

/**
 * What `prepare` reports about a corpus.
 *
 * @param documents          comments (CSV records) or paragraphs read
 * @param sentences          sentences parsed
 * @param tokens             word tokens in all, START and END included
 * @param distinctTokens     unique word tokens
 * @param vocabularySize     C actually used (smaller than asked when the corpus has fewer distinct tokens)
 * @param leastFrequentWord  the least frequent word kept in the vocabulary (UNKNOWN_TOKEN excluded)
 * @param leastFrequentCount its count
 * @param coverage           share of tokens (0..1) that are in the vocabulary
 * @param malformedBytes     bytes that were not valid UTF-8 and were replaced by U+FFFD
 */
public record CorpusStats(long documents, long sentences, long tokens, int distinctTokens, int vocabularySize,
                          String leastFrequentWord, long leastFrequentCount, double coverage, long malformedBytes) {
}
