package org.rnnlab.text;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.rnnlab.common.AtomicFiles;
import org.rnnlab.common.IoReason;
import org.rnnlab.common.UserException;

/**
 * A prepared data set on disk: {@code vocabulary.tsv}, {@code sentences.txt}, {@code train.txt},
 * {@code stats.json} and a {@code manifest.json} that lists each file's size and SHA-256 and the
 * vocabulary's digest.
 *
 * <p>The set is written whole into a temporary sibling folder and moved into place by renaming, so a
 * full disk, Ctrl-C or {@code kill -9} leaves either the old set or the new one, never a mix; every
 * reader checks the manifest, so a folder mixed by hand or by an older version is refused with one
 * line saying what to rerun.
 */
final class PreparedFolder {
    static final String VOCABULARY_FILE = "vocabulary.tsv";
    static final String SENTENCES_FILE = "sentences.txt";
    static final String TRAIN_FILE = "train.txt";
    static final String STATS_FILE = "stats.json";
    static final String MANIFEST_FILE = "manifest.json";
    static final String FORMAT = "rnnlab-prepared/1";
    private static final Set<String> OWN_FILES = Set.of(VOCABULARY_FILE, SENTENCES_FILE, TRAIN_FILE, STATS_FILE, MANIFEST_FILE);

    /**
     * Jackson in holders, loaded when first used: a cold {@code prepare} starts tokenizing without
     * them, and writes with the streaming generator only, never loading the mapper's ~500 classes.
     */
    private static final class Writer {
        static final JsonFactory JSON = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private static final class Reader {
        static final ObjectMapper JSON = new ObjectMapper();
    }

    private PreparedFolder() {
    }

    /** One file of the set as the manifest lists it. */
    record Entry(long bytes, String sha256) {
    }

    // ---------------------------------------------------------------- writing

    static void write(PreparedData data, Path dir) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        refuseForeignFiles(target);
        Path tmp;
        try {
            Files.createDirectories(parent);
            AtomicFiles.removeStale(parent, target.getFileName().toString());
            tmp = AtomicFiles.temporarySibling(target, "tmp");
            Files.createDirectory(tmp);
        } catch (IOException e) {
            throw new UserException("cannot create a folder in " + parent + " (" + IoReason.of(e) + "); choose another --out", e);
        }
        try {
            Map<String, Entry> files = writeFiles(data, tmp);
            String digest = HexFormat.of().formatHex(data.vocabulary().digest().digest());
            writeFile(tmp.resolve(MANIFEST_FILE), out -> writeJson(out, g -> writeManifest(g, digest, files)));
            moveIntoPlace(tmp, target);
        } catch (IOException e) {
            throw new UserException("cannot write the prepared set to " + target + " (" + IoReason.of(e)
                    + "); check the disk has room and the folder is writable", e);
        } finally {
            try {
                AtomicFiles.deleteTree(tmp);
            } catch (IOException e) {
                // left for the next write here to remove
            }
        }
    }

    /**
     * Before any work: --out may be new, empty, or an earlier prepared set (anything else would be carried
     * away by the rename), and a folder can be made beside it (tried, then removed).
     */
    static void checkWritable(Path target) {
        refuseForeignFiles(target);
        Path probe = null;
        try {
            Files.createDirectories(target.getParent());
            probe = Files.createDirectory(AtomicFiles.temporarySibling(target, "tmp"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new UserException("cannot write in " + target.getParent() + " (" + IoReason.of(e) + "); choose another --out", e);
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException e) {
                    // removed by the next write here
                }
            }
        }
    }

    private static void refuseForeignFiles(Path target) {
        if (!Files.isDirectory(target)) {
            return;
        }
        List<String> foreign = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!OWN_FILES.contains(name) && !name.startsWith(".")) {
                    foreign.add(name);
                }
            }
        } catch (IOException e) {
            throw new UserException("cannot read the folder " + target + " (" + IoReason.of(e) + "); choose another --out", e);
        }
        if (!foreign.isEmpty()) {
            foreign.sort(null);
            throw new UserException(target + " holds files that are not a prepared set (" + String.join(", ",
                    foreign.subList(0, Math.min(3, foreign.size()))) + (foreign.size() > 3 ? ", ..." : "")
                    + "); give --out a new or empty folder");
        }
    }

    private static Map<String, Entry> writeFiles(PreparedData data, Path tmp) throws IOException {
        Vocabulary vocabulary = data.vocabulary();
        // each word and each index encoded once: the two big files are written as bytes, on two threads
        byte[][] words = new byte[vocabulary.size()][];
        byte[][] indices = new byte[vocabulary.size()][];
        for (int i = 0; i < words.length; i++) {
            words[i] = vocabulary.word(i).getBytes(StandardCharsets.UTF_8);
            indices[i] = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
        }
        Map<String, Entry> files = new TreeMap<>();
        CompletableFuture<Entry> train = CompletableFuture.supplyAsync(() -> {
            try {
                return writeFile(tmp.resolve(TRAIN_FILE), out -> writeSentences(data, indices, out));
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
        files.put(SENTENCES_FILE, writeFile(tmp.resolve(SENTENCES_FILE), out -> writeSentences(data, words, out)));
        files.put(VOCABULARY_FILE, writeFile(tmp.resolve(VOCABULARY_FILE), vocabulary::writeTo));
        files.put(STATS_FILE, writeFile(tmp.resolve(STATS_FILE), out -> writeJson(out, g -> writeStats(g, data))));
        try {
            files.put(TRAIN_FILE, train.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
        return files;
    }

    /**
     * Writes a file of the new set, hashing it as it goes. Not forced to disk: a power cut that leaves a
     * file short or empty after the rename is caught by the manifest's sizes and hashes, and costs a rerun.
     */
    private static Entry writeFile(Path file, AtomicFiles.Writer writer) throws IOException {
        MessageDigest sha = sha256();
        try (OutputStream out = new DigestOutputStream(new java.io.BufferedOutputStream(
                Files.newOutputStream(file, java.nio.file.StandardOpenOption.CREATE_NEW), 1 << 16), sha)) {
            writer.write(out);
        }
        return new Entry(Files.size(file), HexFormat.of().formatHex(sha.digest()));
    }

    /** One sentence a line, each index written as its bytes in {@code encoded}, separated by spaces. */
    private static void writeSentences(PreparedData data, byte[][] encoded, OutputStream out) throws IOException {
        TokenStore sentences = data.store();
        byte[] buf = new byte[1 << 16];
        int n = 0;
        for (int i = 0; i < data.size(); i++) {
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
    }

    /**
     * The new folder takes the place of {@code target}: one rename when there is none; otherwise the old
     * set is renamed aside first and removed after. Where a folder cannot be renamed (a mount point, the
     * working folder on some systems) the files are moved in one by one, the manifest last and removed
     * first, so a reader never takes a half-replaced set for a whole one.
     */
    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        if (!Files.exists(target)) {
            AtomicFiles.move(tmp, target);
            return;
        }
        Path old = AtomicFiles.temporarySibling(target, "old");
        try {
            Files.move(target, old, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException cannotRename) {
            Files.deleteIfExists(target.resolve(MANIFEST_FILE));
            for (String f : List.of(VOCABULARY_FILE, SENTENCES_FILE, TRAIN_FILE, STATS_FILE, MANIFEST_FILE)) {
                AtomicFiles.move(tmp.resolve(f), target.resolve(f));
            }
            return;
        }
        AtomicFiles.move(tmp, target);
        AtomicFiles.deleteTree(old);
    }

    /** What a JSON file of the set holds, written field by field. */
    private interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    /** One JSON object, indented as Jackson's default printer does, in UTF-8. */
    private static void writeJson(OutputStream out, JsonBody body) throws IOException {
        try (JsonGenerator g = Writer.JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        }
    }

    private static void writeManifest(JsonGenerator g, String vocabularyDigest, Map<String, Entry> files) throws IOException {
        g.writeStringField("format", FORMAT);
        g.writeStringField("vocabularyDigest", vocabularyDigest);
        g.writeObjectFieldStart("files");
        for (Map.Entry<String, Entry> f : files.entrySet()) {
            g.writeObjectFieldStart(f.getKey());
            g.writeNumberField("bytes", f.getValue().bytes());
            g.writeStringField("sha256", f.getValue().sha256());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeStats(JsonGenerator g, PreparedData data) throws IOException {
        CorpusStats stats = data.stats();
        g.writeStringField("corpus", data.corpusDescription());
        g.writeNumberField("documents", stats.documents());
        g.writeNumberField("sentences", stats.sentences());
        g.writeNumberField("tokens", stats.tokens());
        g.writeNumberField("distinctTokens", stats.distinctTokens());
        g.writeNumberField("vocabularySize", stats.vocabularySize());
        g.writeStringField("leastFrequentWord", stats.leastFrequentWord());
        g.writeNumberField("leastFrequentCount", stats.leastFrequentCount());
        if (Double.isFinite(stats.coverage())) {
            g.writeNumberField("coverage", stats.coverage());
        } else {
            g.writeNullField("coverage");
        }
        g.writeNumberField("malformedBytes", stats.malformedBytes());
        g.writeObjectFieldStart("coverageBySize");
        FrequencyTable frequencies = data.frequencies();
        if (frequencies != null) {
            boolean first = true;
            for (int c : PreparedData.COVERAGE_POINTS) {
                if (c - 1 > frequencies.distinctTokens() && !first) {
                    break;
                }
                g.writeNumberField(Integer.toString(c), frequencies.coverage(c));
                first = false;
            }
        }
        g.writeEndObject();
    }

    // ---------------------------------------------------------------- reading

    /** Loads what {@link #write} wrote, checking every file against the manifest. */
    static PreparedData read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserException("no prepared data folder " + dir + " (run 'rnnlab prepare --out " + dir + "' first)");
        }
        Manifest read = manifest(dir);
        Map<String, Entry> manifest = read.files();
        Vocabulary vocabulary = checkedVocabulary(dir, read);
        byte[] statsBytes = readAll(dir, STATS_FILE);
        checkHash(dir, manifest, STATS_FILE, statsBytes);
        checkHash(dir, manifest, SENTENCES_FILE, hashOf(dir, SENTENCES_FILE));
        TokenStore sentences = new TokenStore();
        long tokens = readTrain(dir, vocabulary, sentences, manifest);
        JsonNode json;
        try {
            json = Reader.JSON.readTree(statsBytes);
        } catch (IOException e) {
            throw notPrepared(dir, STATS_FILE + " is not JSON");
        }
        int kept = vocabulary.size() - 1;
        CorpusStats stats = new CorpusStats(
                json.path("documents").asLong(-1),
                sentences.count(),
                json.path("tokens").asLong(tokens),
                json.path("distinctTokens").asInt(-1),
                vocabulary.size(),
                kept > 0 ? vocabulary.word(kept - 1) : Tokens.UNKNOWN,
                kept > 0 ? vocabulary.count(kept - 1) : 0,
                json.path("coverage").isNumber() ? json.path("coverage").asDouble() : Double.NaN,
                json.path("malformedBytes").asLong(0));
        String description = json.path("corpus").isTextual() ? json.path("corpus").asText() : dir.toString();
        return PreparedData.restored(vocabulary, stats, sentences, description);
    }

    /**
     * The vocabulary of a prepared set without reading its sentences: the manifest, every file's size,
     * and the vocabulary's bytes and digest are checked, so a mixed folder is refused here too.
     */
    static Vocabulary readVocabulary(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserException("no prepared data folder " + dir + " (run 'rnnlab prepare --out " + dir + "' first)");
        }
        return checkedVocabulary(dir, manifest(dir));
    }

    private static Vocabulary checkedVocabulary(Path dir, Manifest read) {
        Map<String, Entry> manifest = read.files();
        for (Map.Entry<String, Entry> e : manifest.entrySet()) {
            long size;
            try {
                size = Files.size(dir.resolve(e.getKey()));
            } catch (IOException missing) {
                throw mixed(dir, "it has no " + e.getKey());
            }
            if (size != e.getValue().bytes()) {
                throw mixed(dir, e.getKey() + " is not the one its manifest lists");
            }
        }
        checkHash(dir, manifest, VOCABULARY_FILE, readAll(dir, VOCABULARY_FILE));
        Vocabulary vocabulary = Vocabulary.read(dir.resolve(VOCABULARY_FILE));
        if (!HexFormat.of().formatHex(vocabulary.digest().digest()).equals(read.vocabularyDigest())) {
            throw mixed(dir, VOCABULARY_FILE + " is not the vocabulary its manifest names");
        }
        return vocabulary;
    }

    /** What the manifest says: each file's size and hash, and the vocabulary's digest. */
    private record Manifest(Map<String, Entry> files, String vocabularyDigest) {
    }

    private static Manifest manifest(Path dir) {
        JsonNode m;
        try {
            m = Reader.JSON.readTree(dir.resolve(MANIFEST_FILE).toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw notPrepared(dir, "it has no " + MANIFEST_FILE + ": it was not written whole, or by an older version");
        } catch (IOException e) {
            throw notPrepared(dir, "its " + MANIFEST_FILE + " cannot be read: " + IoReason.of(e));
        }
        if (m == null || !FORMAT.equals(m.path("format").asText())) {
            throw notPrepared(dir, "its " + MANIFEST_FILE + " is not one 'rnnlab prepare' writes");
        }
        Map<String, Entry> files = new LinkedHashMap<>();
        for (String f : List.of(VOCABULARY_FILE, SENTENCES_FILE, TRAIN_FILE, STATS_FILE)) {
            JsonNode e = m.path("files").path(f);
            if (!e.path("bytes").canConvertToLong() || !e.path("sha256").isTextual()) {
                throw notPrepared(dir, "its " + MANIFEST_FILE + " does not list " + f);
            }
            files.put(f, new Entry(e.path("bytes").asLong(), e.path("sha256").asText()));
        }
        return new Manifest(files, m.path("vocabularyDigest").asText(""));
    }

    /** Parses train.txt, hashing it as it goes (one pass over the largest file). */
    private static long readTrain(Path dir, Vocabulary vocabulary, TokenStore sentences, Map<String, Entry> manifest) {
        MessageDigest sha = sha256();
        long tokens = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(dir.resolve(TRAIN_FILE)), sha);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
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
        } catch (IOException | java.io.UncheckedIOException e) {
            throw notPrepared(dir, "cannot read " + TRAIN_FILE + ": " + IoReason.of(e));
        }
        checkHash(dir, manifest, TRAIN_FILE, HexFormat.of().formatHex(sha.digest()));
        if (sentences.count() == 0) {
            throw notPrepared(dir, TRAIN_FILE + " holds no sentences");
        }
        return tokens;
    }

    private static void checkHash(Path dir, Map<String, Entry> manifest, String file, byte[] bytes) {
        checkHash(dir, manifest, file, HexFormat.of().formatHex(sha256().digest(bytes)));
    }

    private static void checkHash(Path dir, Map<String, Entry> manifest, String file, String sha) {
        if (!sha.equals(manifest.get(file).sha256())) {
            throw mixed(dir, file + " is not the one its manifest lists");
        }
    }

    private static String hashOf(Path dir, String file) {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(dir.resolve(file)), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw notPrepared(dir, "cannot read " + file + ": " + IoReason.of(e));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static byte[] readAll(Path dir, String file) {
        try {
            return Files.readAllBytes(dir.resolve(file));
        } catch (IOException e) {
            throw notPrepared(dir, "cannot read " + file + ": " + IoReason.of(e));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform has SHA-256
        }
    }

    private static UserException mixed(Path dir, String why) {
        return new UserException(dir + " is a partly written or mixed prepared set (" + why
                + "); run 'rnnlab prepare --out " + dir + "' again");
    }

    private static UserException notPrepared(Path dir, String why) {
        return new UserException(dir + " is not the output of 'rnnlab prepare' (" + why
                + "); run 'rnnlab prepare --out " + dir + "' again");
    }
}
