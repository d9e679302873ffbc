package org.rnnlab.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rnnlab.common.AtomicFiles;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.ProgressListener;
import org.rnnlab.common.UserException;

/**
 * The training set `rnnlab prepare` makes from a corpus, as in the lesson: every sentence as
 * vocabulary indices, wrapped SENTENCE_START..SENTENCE_END, rare words replaced by UNKNOWN_TOKEN;
 * x = w[:-1] and y = w[1:] ({@link TrainingPair}).
 */
public final class PreparedData {
    static final String VOCABULARY_FILE = "vocabulary.tsv";
    static final String SENTENCES_FILE = "sentences.txt";
    static final String TRAIN_FILE = "train.txt";
    static final String STATS_FILE = "stats.json";
    /** Vocabulary sizes whose coverage stats.json lists (the full curve is {@link FrequencyTable#coverageCurve()}). */
    static final int[] COVERAGE_POINTS = {100, 250, 500, 1000, 2000, 4000, 8000, 16000, 32000, 64000};

    private final Vocabulary vocabulary;
    private final CorpusStats stats;
    private final FrequencyTable frequencies;   // null after read()
    private final TokenStore sentences;         // each: indices incl. START and END
    private final String corpusDescription;

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
        FrequencyTable.checkSize(vocabularySize);
        CorpusReader reader = CorpusReader.open(corpus, column);
        CorpusTokenizer.Result counted = CorpusTokenizer.run(reader, progress == null ? ProgressListener.NONE : progress,
                cancel == null ? Cancellation.NONE : cancel, CorpusTokenizer.defaultWorkers());
        TokenStore byId = counted.sentences();
        long[] documents = {counted.documents()};
        FrequencyTable table = counted.table();
        if (byId.count() == 0) {
            throw new UserException(reader.description() + " holds no sentences (no words in "
                    + documents[0] + " documents); give a corpus with text"
                    + (reader.description().contains("CSV") ? " or name the text column with --column" : ""));
        }
        return build(table, byId, vocabularySize, documents[0], reader.malformedBytes(), reader.description());
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
            throw new UserException("no sentences to build a vocabulary from; give a corpus with text");
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
        return pair(i).x();
    }

    /** The lesson's y: the sentence without its first token (x shifted left by one). */
    public int[] y(int i) {
        return pair(i).y();
    }

    /** Every x, made on each call. */
    public List<int[]> xs() {
        List<int[]> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(x(i));
        }
        return out;
    }

    /** Every y, made on each call. */
    public List<int[]> ys() {
        List<int[]> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
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

    /** Writes vocabulary.tsv, sentences.txt, train.txt and stats.json into dir, each atomically. */
    public void write(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserException("cannot create the folder " + dir + " (" + e.getMessage() + "); choose another --out", e);
        }
        vocabulary.write(dir.resolve(VOCABULARY_FILE));
        // each word and each index encoded once: the files are written as bytes, fast
        byte[][] words = new byte[vocabulary.size()][];
        byte[][] indices = new byte[vocabulary.size()][];
        for (int i = 0; i < words.length; i++) {
            words[i] = vocabulary.word(i).getBytes(StandardCharsets.UTF_8);
            indices[i] = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
        }
        // the two big files at once, on two threads
        java.util.concurrent.CompletableFuture<Void> train = java.util.concurrent.CompletableFuture.runAsync(
                () -> writeSentences(dir.resolve(TRAIN_FILE), indices));
        writeSentences(dir.resolve(SENTENCES_FILE), words);
        try {
            train.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
        try {
            AtomicFiles.writeString(dir.resolve(STATS_FILE), statsJson());
        } catch (IOException e) {
            throw cannotWrite(dir.resolve(STATS_FILE), e);
        }
    }

    /** One sentence a line, each index written as its bytes in {@code encoded}, separated by spaces. */
    private void writeSentences(Path file, byte[][] encoded) {
        try {
            AtomicFiles.write(file, out -> {
                byte[] buf = new byte[1 << 16];
                int n = 0;
                for (int i = 0; i < size(); i++) {
                    long last = sentences.start(i + 1) - 1;
                    for (long p = sentences.start(i); p <= last; p++) {
                        byte[] w = encoded[sentences.at(p)];
                        if (n + w.length + 1 > buf.length) {
                            out.write(buf, 0, n);
                            n = 0;
                            if (w.length + 1 > buf.length) {
                                buf = new byte[w.length + 1];
                            }
                        }
                        System.arraycopy(w, 0, buf, n, w.length);
                        n += w.length;
                        buf[n++] = (byte) (p == last ? '\n' : ' ');
                    }
                }
                out.write(buf, 0, n);
            });
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    private static UserException cannotWrite(Path file, IOException e) {
        return new UserException("cannot write " + file + " (" + e.getMessage() + "); check the folder is writable", e);
    }

    String statsJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("corpus", corpusDescription);
        m.put("documents", stats.documents());
        m.put("sentences", stats.sentences());
        m.put("tokens", stats.tokens());
        m.put("distinctTokens", stats.distinctTokens());
        m.put("vocabularySize", stats.vocabularySize());
        m.put("leastFrequentWord", stats.leastFrequentWord());
        m.put("leastFrequentCount", stats.leastFrequentCount());
        m.put("coverage", stats.coverage());
        m.put("malformedBytes", stats.malformedBytes());
        StringBuilder sb = new StringBuilder("{\n");
        for (Map.Entry<String, Object> e : m.entrySet()) {
            sb.append("  ").append(quote(e.getKey())).append(": ").append(value(e.getValue())).append(",\n");
        }
        sb.append("  \"coverageBySize\": {");
        boolean first = true;
        if (frequencies != null) {
            for (int c : COVERAGE_POINTS) {
                if (c - 1 > frequencies.distinctTokens() && !first) {
                    break;
                }
                sb.append(first ? "" : ", ").append(quote(Integer.toString(c))).append(": ")
                        .append(value(frequencies.coverage(c)));
                first = false;
            }
        }
        sb.append("}\n}\n");
        return sb.toString();
    }

    private static String value(Object v) {
        if (v instanceof String s) {
            return quote(s);
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? Double.toString(d) : "null";   // full precision: read() gives back the same number
        }
        return String.valueOf(v);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Loads what {@link #write(Path)} wrote; {@link #frequencies()} is null afterwards. */
    public static PreparedData read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserException("no prepared data folder " + dir + " (run 'rnnlab prepare --out " + dir + "' first)");
        }
        Vocabulary vocabulary = Vocabulary.read(dir.resolve(VOCABULARY_FILE));
        TokenStore sentences = new TokenStore();
        long tokens = 0;
        Path train = dir.resolve(TRAIN_FILE);
        try (BufferedReader r = Files.newBufferedReader(train, StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split(" ");
                int[] s = new int[f.length];
                for (int i = 0; i < f.length; i++) {
                    try {
                        s[i] = Integer.parseInt(f[i]);
                    } catch (NumberFormatException e) {
                        throw notPrepared(dir, TRAIN_FILE + " line " + lineNo + " holds '" + f[i] + "', not an index");
                    }
                    if (s[i] < 0 || s[i] >= vocabulary.size()) {
                        throw notPrepared(dir, TRAIN_FILE + " line " + lineNo + " holds index " + s[i]
                                + ", outside the vocabulary of " + vocabulary.size());
                    }
                }
                if (s.length < 2) {
                    throw notPrepared(dir, TRAIN_FILE + " line " + lineNo + " is shorter than two tokens");
                }
                sentences.add(s, 0, s.length);
                tokens += s.length;
            }
        } catch (NoSuchFileException e) {
            throw notPrepared(dir, "it has no " + TRAIN_FILE);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw notPrepared(dir, "cannot read " + TRAIN_FILE + ": " + e.getMessage());
        }
        if (sentences.count() == 0) {
            throw notPrepared(dir, TRAIN_FILE + " holds no sentences");
        }
        String json;
        try {
            json = Files.readString(dir.resolve(STATS_FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            json = "";
        }
        int kept = vocabulary.size() - 1;
        CorpusStats stats = new CorpusStats(
                jsonLong(json, "documents", -1),
                sentences.count(),
                jsonLong(json, "tokens", tokens),
                (int) jsonLong(json, "distinctTokens", -1),
                vocabulary.size(),
                kept > 0 ? vocabulary.word(kept - 1) : Tokens.UNKNOWN,
                kept > 0 ? vocabulary.count(kept - 1) : 0,
                jsonDouble(json, "coverage", Double.NaN),
                jsonLong(json, "malformedBytes", 0));
        String description = jsonString(json, "corpus", dir.toString());
        return new PreparedData(vocabulary, stats, null, sentences, description);
    }

    private static UserException notPrepared(Path dir, String why) {
        return new UserException(dir + " is not the output of 'rnnlab prepare' (" + why
                + "); run 'rnnlab prepare --out " + dir + "' again");
    }

    private static Matcher field(String json, String key, String valuePattern) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*(" + valuePattern + ")").matcher(json);
        return m.find() ? m : null;
    }

    private static long jsonLong(String json, String key, long fallback) {
        Matcher m = field(json, key, "-?\\d+");
        return m == null ? fallback : Long.parseLong(m.group(1));
    }

    private static double jsonDouble(String json, String key, double fallback) {
        Matcher m = field(json, key, "-?[0-9.eE+-]+");
        return m == null ? fallback : Double.parseDouble(m.group(1));
    }

    private static String jsonString(String json, String key, String fallback) {
        Matcher m = field(json, key, "\"(?:[^\"\\\\]|\\\\.)*\"");
        if (m == null) {
            return fallback;
        }
        String q = m.group(1);
        return q.substring(1, q.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
