package org.rnnlab.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.ProgressListener;
import org.rnnlab.common.UserException;

/**
 * The training set `rnnlab prepare` makes from a corpus, as in the lesson: every sentence as
 * vocabulary indices, wrapped SENTENCE_START..SENTENCE_END, rare words replaced by UNKNOWN_TOKEN;
 * x = w[:-1] and y = w[1:] ({@link TrainingPair}).
 */
public final class PreparedData {
    /** Vocabulary sizes whose coverage stats.json lists (the full curve is {@link FrequencyTable#coverageCurve()}). */
    static final int[] COVERAGE_POINTS = {100, 250, 500, 1000, 2000, 4000, 8000, 16000, 32000, 64000};

    private final Vocabulary vocabulary;
    private final CorpusStats stats;
    private final FrequencyTable frequencies;   // null after read()
    private final TokenStore sentences;         // each: indices incl. START and END
    private final String corpusDescription;
    private CorpusReader.UnclosedQuote unclosedQuote;  // only just after prepare(); not written

    private PreparedData(Vocabulary vocabulary, CorpusStats stats, FrequencyTable frequencies, TokenStore sentences,
                         String corpusDescription) {
        this.vocabulary = vocabulary;
        this.stats = stats;
        this.frequencies = frequencies;
        this.sentences = sentences;
        this.corpusDescription = corpusDescription;
    }

    /**
     * Reads a corpus and builds the training set in one streaming pass: sentences are kept as ids
     * of distinct tokens (4 bytes a token), re-numbered into vocabulary indices at the end.
     *
     * @param column         CSV column; null for "body"
     * @param vocabularySize C, the lesson's 8000; at least 3
     */
    public static PreparedData prepare(Path corpus, String column, int vocabularySize, ProgressListener progress,
                                       Cancellation cancel) {
        return prepare(corpus, column, java.nio.charset.StandardCharsets.UTF_8, vocabularySize, progress, cancel);
    }

    /** As above, for a corpus in another encoding than UTF-8. */
    public static PreparedData prepare(Path corpus, String column, java.nio.charset.Charset charset, int vocabularySize,
                                       ProgressListener progress, Cancellation cancel) {
        FrequencyTable.checkSize(vocabularySize);
        CorpusReader reader = CorpusReader.open(corpus, column, charset);
        CorpusTokenizer.Result counted = CorpusTokenizer.run(reader, progress == null ? ProgressListener.NONE : progress,
                cancel == null ? Cancellation.NONE : cancel, CorpusTokenizer.defaultWorkers());
        TokenStore byId = counted.sentences();
        long[] documents = {counted.documents()};
        FrequencyTable table = counted.table();
        if (byId.count() == 0) {
            throw UserException.said(reader.description().contains("CSV") ? "corpus.noSentences.csv" : "corpus.noSentences",
                    reader.description(), String.valueOf(documents[0]));
        }
        PreparedData data = build(table, byId, vocabularySize, documents[0], reader.malformedBytes(), reader.description());
        data.unclosedQuote = reader.unclosedQuote();
        return data;
    }

    /** Builds the training set from already tokenized sentences (each wrapped START..END). */
    public static PreparedData fromSentences(List<List<String>> tokenized, int vocabularySize) {
        return fromSentences(tokenized, vocabularySize, tokenized.size(), 0, "sentences");
    }

    /** As above, for sentences already read from a corpus whose own figures the stats should carry. */
    public static PreparedData fromSentences(List<List<String>> tokenized, int vocabularySize, long documents,
                                             long malformedBytes, String description) {
        FrequencyTable.checkSize(vocabularySize);
        FrequencyTable table = new FrequencyTable();
        TokenStore byId = new TokenStore();
        for (List<String> sentence : tokenized) {
            int[] ids = new int[sentence.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = table.idOf(sentence.get(i));
            }
            byId.add(ids, 0, ids.length);
        }
        if (byId.count() == 0) {
            throw UserException.said("corpus.noVocabulary");
        }
        return build(table, byId, vocabularySize, documents, malformedBytes, description);
    }

    private static PreparedData build(FrequencyTable table, TokenStore byId, int C, long documents,
                                      long malformed, String description) {
        Vocabulary vocabulary = table.vocabulary(C);
        // id (first occurrence) -> vocabulary index
        int[] remap = new int[table.distinctTokens()];
        for (int id = 0; id < remap.length; id++) {
            remap[id] = vocabulary.indexOf(table.wordOfId(id));
        }
        byId.remap(remap);
        int kept = vocabulary.size() - 1;
        String least = kept > 0 ? vocabulary.word(kept - 1) : Tokens.UNKNOWN;
        long leastCount = kept > 0 ? vocabulary.count(kept - 1) : 0;
        CorpusStats stats = new CorpusStats(documents, byId.count(), table.totalTokens(), table.distinctTokens(),
                vocabulary.size(), least, leastCount, table.coverage(C), malformed);
        return new PreparedData(vocabulary, stats, table, byId, description);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public CorpusStats stats() {
        return stats;
    }

    /** Token counts of the corpus; null for data loaded by {@link #read(Path)}. */
    public FrequencyTable frequencies() {
        return frequencies;
    }

    /** What the data were made from, e.g. "state-of-the-union.csv (CSV, column body)". */
    public String corpusDescription() {
        return corpusDescription;
    }

    /** Number of sentences. */
    public int size() {
        return sentences.count();
    }

    /** Sentence i as indices, SENTENCE_START and SENTENCE_END included (a copy). */
    public int[] sentence(int i) {
        return sentences.copy(i, 0, sentences.length(i));
    }

    /** Sentence i as the lesson's training example: x = w[:-1], y = w[1:]. */
    public TrainingPair pair(int i) {
        return TrainingPair.of(sentence(i));
    }

    /** The lesson's x: the sentence without its last token. */
    public int[] x(int i) {
        int n = sentences.length(i);
        if (n == 0) {
            return pair(i).x(); // says why there is none
        }
        return sentences.copy(i, 0, n - 1);
    }

    /** The lesson's y: the sentence without its first token (x shifted left by one). */
    public int[] y(int i) {
        int n = sentences.length(i);
        if (n == 0) {
            return pair(i).y();
        }
        return sentences.copy(i, 1, n);
    }

    /** Every x, made on each call. */
    public List<int[]> xs() {
        return xs(size());
    }

    /** Every y, made on each call. */
    public List<int[]> ys() {
        return ys(size());
    }

    /** The x of the first n sentences, made on each call (a run on n sentences needs no more). */
    public List<int[]> xs(int n) {
        List<int[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(x(i));
        }
        return out;
    }

    /** The y of the first n sentences, made on each call. */
    public List<int[]> ys(int n) {
        List<int[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(y(i));
        }
        return out;
    }

    /** Number of tokens of sentence i, start and end tokens included. */
    public int length(int i) {
        return sentences.length(i);
    }

    /** Sentence i as words after UNKNOWN_TOKEN replacement, start and end tokens included. */
    public List<String> sentenceTokens(int i) {
        int n = sentences.length(i);
        List<String> out = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            out.add(vocabulary.word(sentences.get(i, j)));
        }
        return out;
    }

    /**
     * Writes vocabulary.tsv, sentences.txt, train.txt, stats.json and their manifest into dir, the
     * folder whole: an interrupted write leaves the old set or the new one ({@link PreparedFolder}).
     */
    public void write(Path dir) {
        PreparedFolder.write(this, dir);
    }

    /** The CSV record the end of the file cut inside an open quote, when {@link #prepare} met one; else null. */
    public CorpusReader.UnclosedQuote unclosedQuote() {
        return unclosedQuote;
    }

    /** Refuses, before any work, a folder that {@link #write} would not take over: one holding other files. */
    public static void checkWritable(Path dir) {
        PreparedFolder.checkWritable(dir.toAbsolutePath().normalize());
    }

    /** The vocabulary of a prepared set, checked against its manifest, without reading the sentences. */
    public static Vocabulary readVocabulary(Path dir) {
        return PreparedFolder.readVocabulary(dir);
    }

    /** The sentences as stored (for writing them out). */
    TokenStore store() {
        return sentences;
    }

    /** A data set read back from disk: no frequency table. */
    static PreparedData restored(Vocabulary vocabulary, CorpusStats stats, TokenStore sentences, String description) {
        return new PreparedData(vocabulary, stats, null, sentences, description);
    }

    /** Loads what {@link #write(Path)} wrote, checked against its manifest; {@link #frequencies()} is null afterwards. */
    public static PreparedData read(Path dir) {
        return PreparedFolder.read(dir);
    }
}
