package org.rnnlab.text;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
 * x = w[:-1] and y = w[1:].
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
    private final List<int[]> sentences;        // each: indices incl. START and END
    private final String corpusDescription;

    private PreparedData(Vocabulary vocabulary, CorpusStats stats, FrequencyTable frequencies, List<int[]> sentences,
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
        TextPipeline pipeline = new TextPipeline();
        FrequencyTable table = new FrequencyTable();
        List<int[]> byId = new ArrayList<>();
        long[] documents = {0};
        reader.forEach(doc -> {
            documents[0]++;
            for (List<String> sentence : pipeline.sentences(doc.text())) {
                int[] ids = new int[sentence.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = table.idOf(sentence.get(i));
                }
                byId.add(ids);
            }
        }, progress, cancel);
        if (byId.isEmpty()) {
            throw new UserException(reader.description() + " holds no sentences (no words in "
                    + documents[0] + " documents); give a corpus with text"
                    + (reader.description().contains("CSV") ? " or name the text column with --column" : ""));
        }
        return build(table, byId, vocabularySize, documents[0], reader.malformedBytes(), reader.description());
    }

    /** Builds the training set from already tokenized sentences (each wrapped START..END). */
    public static PreparedData fromSentences(List<List<String>> tokenized, int vocabularySize) {
        FrequencyTable.checkSize(vocabularySize);
        FrequencyTable table = new FrequencyTable();
        List<int[]> byId = new ArrayList<>(tokenized.size());
        for (List<String> sentence : tokenized) {
            int[] ids = new int[sentence.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = table.idOf(sentence.get(i));
            }
            byId.add(ids);
        }
        if (byId.isEmpty()) {
            throw new UserException("no sentences to build a vocabulary from; give a corpus with text");
        }
        return build(table, byId, vocabularySize, tokenized.size(), 0, "sentences");
    }

    private static PreparedData build(FrequencyTable table, List<int[]> byId, int C, long documents,
                                      long malformed, String description) {
        Vocabulary vocabulary = table.vocabulary(C);
        // id (first occurrence) -> vocabulary index
        int[] remap = new int[table.distinctTokens()];
        for (int id = 0; id < remap.length; id++) {
            remap[id] = vocabulary.indexOf(table.wordOfId(id));
        }
        for (int[] s : byId) {
            for (int i = 0; i < s.length; i++) {
                s[i] = remap[s[i]];
            }
        }
        int kept = vocabulary.size() - 1;
        String least = kept > 0 ? vocabulary.word(kept - 1) : Tokens.UNKNOWN;
        long leastCount = kept > 0 ? vocabulary.count(kept - 1) : 0;
        CorpusStats stats = new CorpusStats(documents, byId.size(), table.totalTokens(), table.distinctTokens(),
                vocabulary.size(), least, leastCount, table.coverage(C), malformed);
        return new PreparedData(vocabulary, stats, table, Collections.unmodifiableList(byId), description);
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
        return sentences.size();
    }

    /** Sentence i as indices, SENTENCE_START and SENTENCE_END included (a copy). */
    public int[] sentence(int i) {
        return sentences.get(i).clone();
    }

    /** The lesson's x: the sentence without its last token. */
    public int[] x(int i) {
        int[] w = sentences.get(i);
        return Arrays.copyOfRange(w, 0, w.length - 1);
    }

    /** The lesson's y: the sentence without its first token (x shifted left by one). */
    public int[] y(int i) {
        int[] w = sentences.get(i);
        return Arrays.copyOfRange(w, 1, w.length);
    }

    public List<int[]> xs() {
        List<int[]> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(x(i));
        }
        return out;
    }

    public List<int[]> ys() {
        List<int[]> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(y(i));
        }
        return out;
    }

    /** Sentence i as words after UNKNOWN_TOKEN replacement, start and end tokens included. */
    public List<String> sentenceTokens(int i) {
        int[] w = sentences.get(i);
        List<String> out = new ArrayList<>(w.length);
        for (int index : w) {
            out.add(vocabulary.word(index));
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
        writeLines(dir.resolve(SENTENCES_FILE), (w, line) -> {
            for (int i = 0; i < size(); i++) {
                line.setLength(0);
                int[] s = sentences.get(i);
                for (int j = 0; j < s.length; j++) {
                    if (j > 0) {
                        line.append(' ');
                    }
                    line.append(vocabulary.word(s[j]));
                }
                w.append(line).append('\n');
            }
        });
        writeLines(dir.resolve(TRAIN_FILE), (w, line) -> {
            for (int i = 0; i < size(); i++) {
                line.setLength(0);
                int[] s = sentences.get(i);
                for (int j = 0; j < s.length; j++) {
                    if (j > 0) {
                        line.append(' ');
                    }
                    line.append(s[j]);
                }
                w.append(line).append('\n');
            }
        });
        writeLines(dir.resolve(STATS_FILE), (w, line) -> w.append(statsJson()));
    }

    @FunctionalInterface
    private interface LineWriter {
        void write(Writer w, StringBuilder line) throws IOException;
    }

    private static void writeLines(Path file, LineWriter body) {
        try {
            AtomicFiles.write(file, out -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                body.write(w, new StringBuilder());
                w.flush();
            });
        } catch (IOException e) {
            throw new UserException("cannot write " + file + " (" + e.getMessage() + "); check the folder is writable", e);
        }
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
        List<int[]> sentences = new ArrayList<>();
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
                sentences.add(s);
            }
        } catch (NoSuchFileException e) {
            throw notPrepared(dir, "it has no " + TRAIN_FILE);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw notPrepared(dir, "cannot read " + TRAIN_FILE + ": " + e.getMessage());
        }
        if (sentences.isEmpty()) {
            throw notPrepared(dir, TRAIN_FILE + " holds no sentences");
        }
        String json;
        try {
            json = Files.readString(dir.resolve(STATS_FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            json = "";
        }
        long tokens = 0;
        for (int[] s : sentences) {
            tokens += s.length;
        }
        int kept = vocabulary.size() - 1;
        CorpusStats stats = new CorpusStats(
                jsonLong(json, "documents", -1),
                sentences.size(),
                jsonLong(json, "tokens", tokens),
                (int) jsonLong(json, "distinctTokens", -1),
                vocabulary.size(),
                kept > 0 ? vocabulary.word(kept - 1) : Tokens.UNKNOWN,
                kept > 0 ? vocabulary.count(kept - 1) : 0,
                jsonDouble(json, "coverage", Double.NaN),
                jsonLong(json, "malformedBytes", 0));
        String description = jsonString(json, "corpus", dir.toString());
        return new PreparedData(vocabulary, stats, null, Collections.unmodifiableList(sentences), description);
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
