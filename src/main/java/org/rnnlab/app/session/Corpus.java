package org.rnnlab.app.session;

import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.ProgressListener;
import org.rnnlab.text.CorpusReader;
import org.rnnlab.text.Document;
import org.rnnlab.text.FrequencyTable;
import org.rnnlab.text.TextPipeline;

/**
 * What the app knows about a corpus while it is loaded: every sentence as tokens (kept as int
 * ids, 4 bytes a token), the token counts, and the first {@link CorpusSession#KEPT_DOCUMENTS} documents.
 * Immutable; safe to read from any thread.
 *
 * @param path          the file or folder
 * @param description   e.g. "state-of-the-union.csv (CSV, column body)"
 * @param documents     the first documents, up to {@link CorpusSession#KEPT_DOCUMENTS}
 * @param documentCount all documents of the corpus
 */
public record Corpus(Path path, String description, List<Document> documents, long documentCount,
                     List<String> words, List<int[]> sentenceIds, FrequencyTable frequencies,
                     long malformedBytes) {

    /**
     * Reads and tokenizes a corpus the lesson's way ({@link TextPipeline}), on the calling thread.
     *
     * @param column CSV column, null for "body"
     * @param live   gets the numbers so far about ten times a second, and once at the end (may be null)
     */
    public static Corpus read(Path path, String column, ProgressListener progress, Cancellation cancel,
                              Consumer<CorpusSummary> live) {
        return read(path, column, progress, cancel, Cancellation.NONE, live);
    }

    /** As above, also stopping when {@code superseded} is cancelled (a newer file was opened). */
    static Corpus read(Path path, String column, ProgressListener progress, Cancellation cancel,
                       Cancellation superseded, Consumer<CorpusSummary> live) {
        CorpusReader reader = CorpusReader.open(path, column);
        CorpusBuilder b = new CorpusBuilder(reader.description());
        long[] lastPost = {System.nanoTime()};
        reader.forEach(doc -> {
            superseded.throwIfCancelled();
            b.add(doc);
            long now = System.nanoTime();
            if (live != null && now - lastPost[0] > 100_000_000L) {
                lastPost[0] = now;
                live.accept(b.summary(false, 0));
            }
        }, progress, cancel);
        if (b.sentences.isEmpty()) {
            throw new org.rnnlab.common.UserException(org.rnnlab.app.i18n.I18n.text("app.corpus.noSentences",
                    CorpusDescriptions.display(reader.description()), b.documentCount));
        }
        Corpus corpus = b.build(path, reader.malformedBytes());
        if (live != null) {
            live.accept(corpus.summary());
        }
        return corpus;
    }

    /** A corpus made from texts in memory, one per document (for tests and examples). */
    public static Corpus of(String name, List<String> texts) {
        CorpusBuilder b = new CorpusBuilder(name);
        for (int i = 0; i < texts.size(); i++) {
            b.add(new Document(i, texts.get(i)));
        }
        return b.build(Path.of(name), 0);
    }

    public int sentenceCount() {
        return sentenceIds.size();
    }

    /** Sentence i as the pipeline made it (START ... END), before any UNKNOWN_TOKEN replacement. */
    public List<String> sentenceTokens(int i) {
        int[] ids = sentenceIds.get(i);
        return new AbstractList<>() {
            @Override
            public String get(int k) {
                return words.get(ids[k]);
            }

            @Override
            public int size() {
                return ids.length;
            }
        };
    }

    /** Every sentence as tokens: a view, in corpus order (the order of {@link PreparedData}'s sentences). */
    public List<List<String>> sentences() {
        return new AbstractList<>() {
            @Override
            public List<String> get(int i) {
                return sentenceTokens(i);
            }

            @Override
            public int size() {
                return sentenceIds.size();
            }
        };
    }

    /** True when only the first {@link CorpusSession#KEPT_DOCUMENTS} documents are kept for browsing. */
    public boolean documentsTruncated() {
        return documents.size() < documentCount;
    }

    /** The largest useful C: every distinct token (a literal UNKNOWN_TOKEN aside) plus UNKNOWN_TOKEN. */
    public int maxVocabularySize() {
        return frequencies.keptWords(Integer.MAX_VALUE) + 1;
    }

    public CorpusSummary summary() {
        return new CorpusSummary(description, documentCount, sentenceIds.size(), frequencies.totalTokens(),
                frequencies.distinctTokens(), malformedBytes, documents.size(), true, 0);
    }
}

/** Accumulates a corpus document by document. */
final class CorpusBuilder {
    final String description;
    final TextPipeline pipeline = new TextPipeline();
    final FrequencyTable table = new FrequencyTable();
    final Map<String, Integer> ids = new HashMap<>();
    final List<String> words = new ArrayList<>();
    final List<int[]> sentences = new ArrayList<>();
    final List<Document> documents = new ArrayList<>();
    long documentCount;

    CorpusBuilder(String description) {
        this.description = description;
    }

    void add(Document doc) {
        documentCount++;
        if (documents.size() < CorpusSession.KEPT_DOCUMENTS) {
            documents.add(doc);
        }
        for (List<String> sentence : pipeline.sentences(doc.text())) {
            table.add(sentence);
            int[] s = new int[sentence.size()];
            for (int k = 0; k < s.length; k++) {
                String w = sentence.get(k);
                Integer id = ids.get(w);
                if (id == null) {
                    id = words.size();
                    ids.put(w, id);
                    words.add(w);
                }
                s[k] = id;
            }
            sentences.add(s);
        }
    }

    CorpusSummary summary(boolean complete, long malformed) {
        return new CorpusSummary(description, documentCount, sentences.size(), table.totalTokens(),
                table.distinctTokens(), malformed, documents.size(), complete, 0);
    }

    Corpus build(Path path, long malformed) {
        return new Corpus(path, description, Collections.unmodifiableList(documents), documentCount,
                Collections.unmodifiableList(words), Collections.unmodifiableList(sentences), table, malformed);
    }
}

