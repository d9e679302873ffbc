package org.rnnlab.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnlab.common.AtomicFiles;
import org.rnnlab.common.IoReason;
import org.rnnlab.common.UserException;
import org.rnnlab.text.Vocabulary;

/**
 * A model on disk: a numpy {@code .npz} holding {@code U.npy}, {@code V.npy} and {@code W.npy} in
 * the model's dtype (with a class-based output layer also {@code X.npy}, the class weights, and
 * {@code classes.npy}, the classes' word ranges), plus {@code vocabulary.tsv} (the text package's format) and
 * {@code model.json} (a {@link ModelInfo}). numpy reads it as any other archive:
 * {@code np.load(f)["U"]}. The lesson's published file, with U, V and W only, loads too.
 * Every problem with a file is one {@link UserException} naming the file and the fix.
 */
public final class ModelFile {
    public static final String VOCABULARY_ENTRY = "vocabulary.tsv";
    public static final String INFO_ENTRY = "model.json";
    /** A class-based output layer's class weights (K x H, the model's dtype). */
    public static final String CLASS_WEIGHTS = "X";
    /** A class-based output layer's classes: K + 1 word indices (int32), class k = words [classes[k], classes[k+1]). */
    public static final String CLASS_BOUNDARIES = "classes";
    /** The lesson's default truncation, for files that do not say. */
    public static final int DEFAULT_BPTT_TRUNCATE = 4;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFile() {
    }

    /** Writes the model atomically: a crash mid-write leaves any previous file whole. */
    public static void save(Path npz, RnnModel model, Vocabulary vocabulary, ModelInfo info) {
        save(npz, model, vocabulary, info, Map.of(), Map.of());
    }

    /**
     * As above, with more arrays and entries in the same archive (a training checkpoint's last good
     * weights and its state): numpy still reads U, V and W, and {@link #load} ignores the rest.
     */
    public static void save(Path npz, RnnModel model, Vocabulary vocabulary, ModelInfo info,
                            Map<String, INDArray> moreArrays, Map<String, byte[]> moreEntries) {
        if (vocabulary != null && vocabulary.size() != model.wordDim()) {
            throw new IllegalArgumentException("vocabulary of " + vocabulary.size() + " words for a model with C = "
                    + model.wordDim());
        }
        ModelInfo described = info == null ? ModelInfo.of(model, null) : info;
        try {
            byte[] vocabularyBytes = vocabulary == null ? null : vocabularyBytes(vocabulary);
            byte[] json = infoJson(model, described);
            AtomicFiles.write(npz, out -> {
                Npz.Writer w = new Npz.Writer(out);
                w.array("U", model.U());
                w.array("V", model.V());
                w.array("W", model.W());
                if (model.isClassBased()) {
                    w.array(CLASS_WEIGHTS, model.X());
                    w.array(CLASS_BOUNDARIES, org.nd4j.linalg.factory.Nd4j.createFromArray(model.classes().boundaries()));
                }
                for (Map.Entry<String, INDArray> a : moreArrays.entrySet()) {
                    w.array(a.getKey(), a.getValue());
                }
                if (vocabularyBytes != null) {
                    w.entry(VOCABULARY_ENTRY, vocabularyBytes);
                }
                w.entry(INFO_ENTRY, json);
                for (Map.Entry<String, byte[]> e : moreEntries.entrySet()) {
                    w.entry(e.getKey(), e.getValue());
                }
                w.finish();
            });
        } catch (IOException e) {
            throw UserException.said(e, "model.cannotWrite", npz, IoReason.of(e));
        }
    }

    /** Reads a model written by {@link #save} or any .npz with float arrays U, V and W. */
    public static LoadedModel load(Path npz) {
        return read(npz, null, false);
    }

    /**
     * Reads the lesson's published weights (U, V, W only; H and C from U's shape) and pairs them with
     * a vocabulary rebuilt by {@code prepare}, which must have C words. Extra entries are ignored.
     */
    public static LoadedModel importLesson(Path npz, Vocabulary vocabulary) {
        if (vocabulary == null) {
            throw UserException.said("model.import.noVocabulary", npz.getFileName());
        }
        return read(npz, vocabulary, true);
    }

    private static LoadedModel read(Path npz, Vocabulary given, boolean weightsOnly) {
        String name = npz.getFileName() == null ? npz.toString() : npz.getFileName().toString();
        if (Files.isDirectory(npz)) {
            throw UserException.said("model.folder", npz);
        }
        if (!Files.exists(npz)) {
            throw UserException.said("model.missing", npz);
        }
        try (Npz zip = Npz.open(npz)) {
            for (String p : new String[] {"U", "V", "W"}) {
                if (!zip.hasArray(p)) {
                    throw UserException.said("model.noArray", name, p, describeEntries(zip));
                }
            }
            Npy.Header hu = header(zip, name, "U");
            Npy.Header hv = header(zip, name, "V");
            Npy.Header hw = header(zip, name, "W");
            checkShapes(name, hu, hv, hw);
            int hidden = (int) hu.shape()[0];
            int words = (int) hu.shape()[1];

            JsonNode json = null;
            if (!weightsOnly && zip.hasEntry(INFO_ENTRY)) {
                json = parseInfo(name, zip.bytes(INFO_ENTRY));
            }
            Vocabulary vocabulary = given;
            if (!weightsOnly && zip.hasEntry(VOCABULARY_ENTRY)) {
                vocabulary = readVocabulary(name, zip.bytes(VOCABULARY_ENTRY));
            }
            if (vocabulary != null && vocabulary.size() != words) {
                String c = String.valueOf(words);
                String size = String.valueOf(vocabulary.size());
                if (!weightsOnly) {
                    throw UserException.said("model.vocabularySize", name, c, hu.describe(), size);
                }
                if (vocabulary.size() < words) {
                    throw UserException.said("model.import.vocabularySize.tooFew", name, c, hu.describe(), size,
                            String.valueOf(words - 1));
                }
                throw UserException.said("model.import.vocabularySize", name, c, hu.describe(), size);
            }

            INDArray u = array(zip, name, "U");
            INDArray v = array(zip, name, "V");
            INDArray w = array(zip, name, "W");
            DataType type = u.dataType();
            v = v.dataType() == type ? v : v.castTo(type);
            w = w.dataType() == type ? w : w.castTo(type);
            for (Object[] p : new Object[][] {{"U", u}, {"V", v}, {"W", w}}) {
                if (!Double.isFinite(((INDArray) p[1]).sumNumber().doubleValue())) {
                    throw UserException.said("model.notFinite", name, p[0]);
                }
            }
            int bptt = json != null && json.path("bpttTruncate").canConvertToInt() && json.path("bpttTruncate").asInt() > 0
                    ? json.path("bpttTruncate").asInt() : DEFAULT_BPTT_TRUNCATE;
            RnnModel model = RnnModel.fromArrays(u, v, w, bptt);
            if (!weightsOnly && zip.hasArray(CLASS_WEIGHTS) && zip.hasArray(CLASS_BOUNDARIES)) {
                INDArray x = array(zip, name, CLASS_WEIGHTS);
                x = x.dataType() == type ? x : x.castTo(type);
                int[] boundaries = array(zip, name, CLASS_BOUNDARIES).toIntVector();
                model = RnnModel.fromArrays(u, v, w, x, WordClasses.fromBoundaries(boundaries, words), bptt);
            }
            ModelInfo info = info(json, model, weightsOnly ? "imported from " + name : "numpy archive " + name);
            return new LoadedModel(model, vocabulary, info);
        } catch (NoSuchFileException e) {
            throw UserException.said(e, "model.gone", npz);
        } catch (NpyFormatException e) {
            throw UserException.said(e, "model.unreadable", name, e.getMessage());
        } catch (IOException e) {
            throw UserException.said(e, "model.cannotRead", npz, IoReason.of(e));
        }
    }

    private static Npy.Header header(Npz zip, String name, String array) throws IOException {
        Npy.Header h;
        try {
            h = zip.header(array);
        } catch (NpyFormatException e) {
            throw new NpyFormatException("array " + array + ": " + e.getMessage());
        }
        String type = Npy.NpyType.parse(h.descr()).name;
        if (Precision.ofDtypeName(type) == null) {
            throw UserException.said("model.type", name, array, type);
        }
        if (h.shape().length != 2) {
            throw UserException.said("model.notMatrix", name, array, shapeText(h.shape()));
        }
        return h;
    }

    private static void checkShapes(String name, Npy.Header hu, Npy.Header hv, Npy.Header hw) {
        long h = hu.shape()[0];
        long c = hu.shape()[1];
        boolean ok = hv.shape()[0] == c && hv.shape()[1] == h && hw.shape()[0] == h && hw.shape()[1] == h;
        if (!ok) {
            throw UserException.said("model.shapes", name, shapeText(hu.shape()), shapeText(hv.shape()), shapeText(hw.shape()),
                    String.valueOf(h), String.valueOf(c));
        }
        if (h < 1 || c < 3 || h > Integer.MAX_VALUE || c > Integer.MAX_VALUE) {
            throw UserException.said("model.sizes", name, String.valueOf(h), String.valueOf(c));
        }
    }

    private static INDArray array(Npz zip, String name, String array) throws IOException {
        try {
            return zip.array(array);
        } catch (NpyFormatException e) {
            throw new NpyFormatException("array " + array + ": " + e.getMessage());
        } catch (java.util.zip.ZipException e) {
            throw new NpyFormatException("array " + array + " is damaged (" + e.getMessage() + ")");
        }
    }

    private static String shapeText(long[] shape) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : "x").append(shape[i]);
        }
        return shape.length == 0 ? "()" : b.toString();
    }

    private static String describeEntries(Npz zip) {
        List<String> names = zip.entries();
        if (names.isEmpty()) {
            return "nothing";
        }
        return String.join(", ", names.size() > 6 ? names.subList(0, 6) : names) + (names.size() > 6 ? ", ..." : "");
    }

    private static JsonNode parseInfo(String name, byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw UserException.said("model.info.notObject", name, INFO_ENTRY);
            }
            return node;
        } catch (IOException e) {
            throw UserException.said(e, "model.info.invalid", name, INFO_ENTRY, firstLine(e.getMessage()));
        }
    }

    private static ModelInfo info(JsonNode json, RnnModel model, String fallbackCreatedBy) {
        String dtype = model.precision().dtypeName();
        if (json == null) {
            return new ModelInfo(model.hiddenDim(), model.wordDim(), model.bpttTruncate(), dtype, null, null,
                    List.of(), fallbackCreatedBy);
        }
        Long seed = json.path("seed").isIntegralNumber() ? json.path("seed").asLong() : null;
        String hash = json.path("corpusHash").isTextual() ? json.path("corpusHash").asText() : null;
        List<Double> history = new ArrayList<>();
        for (JsonNode n : json.path("lossHistory")) {
            if (n.isNumber()) {
                history.add(n.asDouble());
            }
        }
        String by = json.path("createdBy").isTextual() ? json.path("createdBy").asText() : fallbackCreatedBy;
        return new ModelInfo(model.hiddenDim(), model.wordDim(), model.bpttTruncate(), dtype, seed, hash, history, by);
    }

    static byte[] infoJson(RnnModel model, ModelInfo info) throws JsonProcessingException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "rnnlab-model");
        m.put("version", 1);
        // The weights are the truth for sizes and type; the record may be stale.
        m.put("hiddenDim", model.hiddenDim());
        m.put("wordDim", model.wordDim());
        m.put("bpttTruncate", model.bpttTruncate());
        m.put("dtype", model.precision().dtypeName());
        m.put("parameters", model.parameterCount());
        m.put("seed", info.seed());
        m.put("corpusHash", info.corpusHash());
        List<Double> finite = new ArrayList<>();
        for (Double d : info.lossHistory()) {
            if (d != null && Double.isFinite(d)) {
                finite.add(d);
            }
        }
        m.put("lossHistory", finite);
        m.put("createdBy", info.createdBy());
        m.put("created", java.time.OffsetDateTime.now().withNano(0).toString());
        return JSON.writeValueAsBytes(m);
    }

    /** The text package's vocabulary.tsv format: {@code index<TAB>word<TAB>count} lines. */
    static byte[] vocabularyBytes(Vocabulary vocabulary) {
        StringBuilder b = new StringBuilder(vocabulary.size() * 16);
        for (int i = 0; i < vocabulary.size(); i++) {
            b.append(i).append('\t').append(vocabulary.word(i)).append('\t').append(vocabulary.count(i)).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Vocabulary readVocabulary(String name, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> words = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            try {
                if (f.length != 3 || Integer.parseInt(f[0]) != words.size()) {
                    throw new NumberFormatException();
                }
                counts.add(Long.parseLong(f[2]));
                words.add(f[1]);
            } catch (NumberFormatException e) {
                throw UserException.said("model.vocabulary.line", name, String.valueOf(lineNo), VOCABULARY_ENTRY);
            }
        }
        long[] c = new long[counts.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = counts.get(i);
        }
        try {
            return Vocabulary.of(words, c);
        } catch (IllegalArgumentException e) {
            throw UserException.said(e, "model.vocabulary.invalid", name, VOCABULARY_ENTRY, e.getMessage());
        }
    }

    /**
     * Identifies a training set: SHA-256 over the vocabulary's words and every (x, y) pair, so a
     * model can tell which prepared data it was trained on.
     */
    public static String corpusHash(Vocabulary vocabulary, List<int[]> xs, List<int[]> ys) {
        MessageDigest md = vocabulary.digest();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(4);
        for (int i = 0; i < xs.size(); i++) {
            for (int[] seq : new int[][] {xs.get(i), ys.get(i)}) {
                for (int t : seq) {
                    buf.clear();
                    md.update(buf.putInt(t).array());
                }
                md.update((byte) 0xff);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest(), 0, 16);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
