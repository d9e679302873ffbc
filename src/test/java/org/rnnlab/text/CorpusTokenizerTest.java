package org.rnnlab.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.ProgressListener;

/** The batched, multi-threaded counting gives exactly what reading front to back gives. */
class CorpusTokenizerTest {

    @Test
    void batchesOnWorkerThreadsGiveTheSameIdsCountsAndSentencesAsOnePass() {
        CorpusReader reader = CorpusReader.open(CorpusReader.SAMPLE_CORPUS, null);
        // reference: the definition, one document after the other
        TextPipeline pipeline = new TextPipeline();
        FrequencyTable reference = new FrequencyTable();
        List<List<String>> sentences = new ArrayList<>();
        reader.forEach(doc -> {
            for (List<String> s : pipeline.sentences(doc.text())) {
                reference.add(s);
                sentences.add(s);
            }
        }, ProgressListener.NONE, Cancellation.NONE);
        long chars = 0;
        for (List<String> s : sentences) {
            chars += String.join(" ", s).length();
        }
        assertTrue(chars > 4 * CorpusTokenizer.BATCH_CHARS, "several batches: " + chars + " chars");

        for (int workers : new int[]{1, 3}) {
            CorpusTokenizer.Result r = CorpusTokenizer.run(reader, ProgressListener.NONE, Cancellation.NONE, workers);
            FrequencyTable t = r.table();
            assertEquals(4793, r.documents());
            assertEquals(reference.totalTokens(), t.totalTokens());
            assertEquals(reference.distinctTokens(), t.distinctTokens());
            for (int id = 0; id < t.distinctTokens(); id++) {
                assertEquals(reference.wordOfId(id), t.wordOfId(id), "id " + id + ", " + workers + " workers");
                assertEquals(reference.countOfId(id), t.countOfId(id), reference.wordOfId(id));
            }
            assertEquals(reference.rankedWords(), t.rankedWords());
            assertEquals(sentences.size(), r.sentences().count());
            for (int i = 0; i < sentences.size(); i++) {
                List<String> s = sentences.get(i);
                int[] expected = new int[s.size()];
                for (int j = 0; j < expected.length; j++) {
                    expected[j] = t.idOfExisting(s.get(j));
                }
                assertArrayEquals(expected, r.sentences().copy(i, 0, r.sentences().length(i)), "sentence " + i);
            }
        }
    }
}
