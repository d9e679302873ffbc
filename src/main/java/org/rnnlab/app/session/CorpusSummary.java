package org.rnnlab.app.session;

/**
 * The corpus in numbers, as the Corpus step shows them.
 *
 * @param tokens         word tokens, SENTENCE_START and SENTENCE_END included
 * @param malformedBytes bytes that were not UTF-8 and were replaced
 * @param keptDocuments  documents kept for browsing
 * @param complete       false while the file is still being read
 */
public record CorpusSummary(String description, long documents, long sentences, long tokens, int distinctTokens,
                            long malformedBytes, int keptDocuments, boolean complete, long generation) {
    CorpusSummary withGeneration(long g) {
        return new CorpusSummary(description, documents, sentences, tokens, distinctTokens, malformedBytes,
                keptDocuments, complete, g);
    }
}
