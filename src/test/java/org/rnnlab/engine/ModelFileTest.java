package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnlab.common.AtomicFiles;
import org.rnnlab.common.UserException;
import org.rnnlab.text.Tokens;
import org.rnnlab.text.Vocabulary;

class ModelFileTest {
    private static final Path LESSON_MODEL = Path.of("../shared/data/trained-model-theano.npz");

    @TempDir
    Path dir;

    /** START, END, w2 .. w(C-2), UNKNOWN. */
    static Vocabulary vocabulary(int c) {
        List<String> words = new ArrayList<>();
        long[] counts = new long[c];
        words.add(Tokens.START);
        words.add(Tokens.END);
        for (int i = 2; i < c - 1; i++) {
            words.add("w" + i);
        }
        words.add(Tokens.UNKNOWN);
        for (int i = 0; i < c; i++) {
            counts[i] = 1000 - i;
        }
        return Vocabulary.of(words, counts);
    }

    private static ModelInfo info(RnnModel m) {
        return ModelInfo.of(m, "test").withSeed(10L).withCorpusHash("sha256:abc").withLossHistory(List.of(3.4, 3.1, 2.9));
    }

    @Test
    void float32AndFloat64ModelsRoundTripExactlyWithVocabularyAndInfo() {
        for (Precision p : Precision.values()) {
            RnnModel m = RnnModel.initialise(30, 7, 3, 10, p);
            Vocabulary v = vocabulary(30);
            Path file = dir.resolve("m-" + p + ".npz");
            ModelFile.save(file, m, v, info(m));
            LoadedModel loaded = ModelFile.load(file);
            RnnModel back = loaded.model();
            assertEquals(p, back.precision());
            assertEquals(m.U(), back.U());
            assertEquals(m.V(), back.V());
            assertEquals(m.W(), back.W());
            assertEquals(3, back.bpttTruncate());
            assertEquals(v, loaded.vocabulary());
            ModelInfo info = loaded.info();
            assertEquals(new ModelInfo(7, 30, 3, p.dtypeName(), 10L, "sha256:abc", List.of(3.4, 3.1, 2.9), "test"), info);
        }
    }

    @Test
    void theFileIsANumpyArchiveWithTheExpectedEntries() throws IOException {
        RnnModel m = RnnModel.initialise(30, 7, 4, 10, Precision.FLOAT32);
        Path file = dir.resolve("m.npz");
        ModelFile.save(file, m, vocabulary(30), info(m));
        try (Npz npz = Npz.open(file)) {
            assertEquals(List.of("U.npy", "V.npy", "W.npy", "vocabulary.tsv", "model.json"), npz.entries());
            assertEquals("<f4", npz.header("U").descr());
            assertArrayEquals(new long[] {30, 7}, npz.header("V").shape());
            String json = new String(npz.bytes("model.json"), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"hiddenDim\" : 7") && json.contains("\"dtype\" : \"float32\""), json);
            assertTrue(new String(npz.bytes("vocabulary.tsv"), StandardCharsets.UTF_8).startsWith("0\tSENTENCE_START\t1000\n"));
        }
    }

    @Test
    void numpyLoadsTheSavedModel() throws Exception {
        Assumptions.assumeTrue(python("import numpy") == 0, "python3 with numpy is not installed");
        RnnModel m = RnnModel.initialise(30, 7, 4, 10, Precision.FLOAT64);
        Path file = dir.resolve("m.npz");
        ModelFile.save(file, m, vocabulary(30), info(m));
        String script = "import numpy as np, json\n"
                + "f = np.load(r'" + file + "')\n"
                + "assert f['U'].shape == (7, 30) and f['U'].dtype == np.float64\n"
                + "assert f['V'].shape == (30, 7) and f['W'].shape == (7, 7)\n"
                + "assert abs(f['U'][2, 5] - (" + m.U().getDouble(2, 5) + ")) < 1e-15\n"
                + "assert json.loads(f['model.json'])['wordDim'] == 30\n"
                + "assert f['vocabulary.tsv'].decode().split('\\n')[0] == '0\\tSENTENCE_START\\t1000'\n";
        assertEquals(0, python(script), "numpy could not read the model; see stderr");
    }

    private static int python(String script) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        } catch (IOException e) {
            return -1;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0 && !script.equals("import numpy")) {
            System.err.println(out);
        }
        return p.exitValue();
    }

    @Test
    void importsTheLessonsPreTrainedModel() {
        Assumptions.assumeTrue(Files.exists(LESSON_MODEL), "../shared/data absent: no lesson model to import");
        Vocabulary v = vocabulary(8000);
        LoadedModel loaded = ModelFile.importLesson(LESSON_MODEL, v);
        RnnModel m = loaded.model();
        assertEquals(50, m.hiddenDim());
        assertEquals(8000, m.wordDim());
        assertEquals(Precision.FLOAT32, m.precision());
        assertEquals(4, m.bpttTruncate());
        assertEquals(v, loaded.vocabulary());
        assertEquals(new ModelInfo(50, 8000, 4, "float32", null, null, List.of(), "imported from trained-model-theano.npz"),
                loaded.info());
        // U[0, 0]: the first four data bytes of U.npy, little-endian "Kk.\xc0".
        assertEquals(Float.intBitsToFloat(0xc02e6b4b), m.U().getFloat(0, 0));
        // Its loss on a few sentences is a finite, positive number.
        Random r = new Random(1);
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int[] w = new int[12];
            w[0] = v.startIndex();
            for (int t = 1; t < w.length - 1; t++) {
                w[t] = 2 + r.nextInt(200);
            }
            w[w.length - 1] = v.endIndex();
            xs.add(Arrays.copyOfRange(w, 0, w.length - 1));
            ys.add(Arrays.copyOfRange(w, 1, w.length));
        }
        double loss = m.meanLoss(xs, ys);
        assertTrue(Double.isFinite(loss) && loss > 0, "loss " + loss);

        // load() reads the same weights without a vocabulary.
        LoadedModel plain = ModelFile.load(LESSON_MODEL);
        assertNull(plain.vocabulary());
        assertEquals(m.W(), plain.model().W());
    }

    @Test
    void importRefusesAVocabularyOfTheWrongSize() {
        Assumptions.assumeTrue(Files.exists(LESSON_MODEL), "../shared/data absent: no lesson model to import");
        UserException e = assertThrows(UserException.class, () -> ModelFile.importLesson(LESSON_MODEL, vocabulary(100)));
        assertTrue(e.getMessage().contains("8000") && e.getMessage().contains("100")
                && e.getMessage().contains("--vocabulary-size 8000"), e.getMessage());
    }

    // ---- bad files: each one clear UserException

    private Path archive(String name, Object... entries) throws IOException {
        Path file = dir.resolve(name);
        AtomicFiles.write(file, out -> {
            Npz.Writer w = new Npz.Writer(out);
            for (int i = 0; i < entries.length; i += 2) {
                if (entries[i + 1] instanceof INDArray a) {
                    w.array((String) entries[i], a);
                } else {
                    w.entry((String) entries[i], (byte[]) entries[i + 1]);
                }
            }
            w.finish();
        });
        return file;
    }

    private static String loadError(Path file) {
        UserException e = assertThrows(UserException.class, () -> ModelFile.load(file));
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void aMissingArrayIsNamed() throws IOException {
        Path file = archive("two.npz", "U", Nd4j.zeros(DataType.FLOAT, 4, 10), "W", Nd4j.zeros(DataType.FLOAT, 4, 4));
        String m = loadError(file);
        assertTrue(m.contains("no array V") && m.contains("U, V and W"), m);
    }

    @Test
    void mismatchedShapesAreExplained() throws IOException {
        Path file = archive("shapes.npz", "U", Nd4j.zeros(DataType.FLOAT, 4, 10), "V", Nd4j.zeros(DataType.FLOAT, 10, 5),
                "W", Nd4j.zeros(DataType.FLOAT, 4, 4));
        String m = loadError(file);
        assertTrue(m.contains("mismatched shapes") && m.contains("V 10x5") && m.contains("V must be 10x4"), m);

        Path vector = archive("vector.npz", "U", Nd4j.zeros(DataType.FLOAT, 40), "V", Nd4j.zeros(DataType.FLOAT, 10, 4),
                "W", Nd4j.zeros(DataType.FLOAT, 4, 4));
        assertTrue(loadError(vector).contains("must be matrices"));
    }

    @Test
    void aVocabularyOfTheWrongSizeIsRefused() throws IOException {
        RnnModel m = RnnModel.initialise(12, 3, 4, 1, Precision.FLOAT32);
        Path file = archive("vocab.npz", "U", m.U(), "V", m.V(), "W", m.W(),
                "vocabulary.tsv", ModelFile.vocabularyBytes(vocabulary(11)));
        String msg = loadError(file);
        assertTrue(msg.contains("C = 12") && msg.contains("has 11"), msg);
        assertThrows(IllegalArgumentException.class, () -> ModelFile.save(dir.resolve("x.npz"), m, vocabulary(11), null));
    }

    @Test
    void aCorruptVocabularyOrInfoEntryIsNamed() throws IOException {
        RnnModel m = RnnModel.initialise(12, 3, 4, 1, Precision.FLOAT32);
        Path badVocabulary = archive("badvocab.npz", "U", m.U(), "V", m.V(), "W", m.W(),
                "vocabulary.tsv", "0\tSENTENCE_START\tmany\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(loadError(badVocabulary).contains("vocabulary.tsv"));
        Path badJson = archive("badjson.npz", "U", m.U(), "V", m.V(), "W", m.W(),
                "model.json", "{\"hiddenDim\": ".getBytes(StandardCharsets.UTF_8));
        assertTrue(loadError(badJson).contains("model.json is not valid JSON"));
    }

    @Test
    void corruptFilesAreRefusedInOneSentence() throws IOException {
        Path text = dir.resolve("text.npz");
        Files.writeString(text, "this is not a zip archive at all");
        assertTrue(loadError(text).contains("not a readable model file"));

        RnnModel m = RnnModel.initialise(12, 3, 4, 1, Precision.FLOAT32);
        Path good = dir.resolve("good.npz");
        ModelFile.save(good, m, null, null);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = dir.resolve("truncated.npz");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(loadError(truncated).contains("not a readable model file"));

        // A .npy whose data is shorter than its header says.
        byte[] u = Npy.toBytes(m.U());
        Path shortData = archive("short.npz", "U.npy", Arrays.copyOf(u, u.length - 8), "V", m.V(), "W", m.W());
        String msg = loadError(shortData);
        assertTrue(msg.contains("array U") && msg.contains("truncated"), msg);

        // Garbage where U's bytes should be.
        Path garbage = archive("garbage.npz", "U.npy", "hello".getBytes(StandardCharsets.UTF_8), "V", m.V(), "W", m.W());
        assertTrue(loadError(garbage).contains("array U"));

        assertTrue(loadError(dir.resolve("absent.npz")).contains("No model file"));
        assertTrue(loadError(dir).contains("is a folder"));
    }

    @Test
    void integerWeightsAndNonFiniteWeightsAreRefused() throws IOException {
        Path ints = archive("ints.npz", "U", Nd4j.zeros(DataType.INT, 4, 10), "V", Nd4j.zeros(DataType.INT, 10, 4),
                "W", Nd4j.zeros(DataType.INT, 4, 4));
        assertTrue(loadError(ints).contains("int32"));
        RnnModel m = RnnModel.initialise(12, 3, 4, 1, Precision.FLOAT32);
        INDArray w = m.W().dup();
        w.putScalar(1, 1, Float.NaN);
        Path nan = archive("nan.npz", "U", m.U(), "V", m.V(), "W", w);
        assertTrue(loadError(nan).contains("NaN"));
    }

    @Test
    void savingIsAtomicAndLeavesNoTemporaryFiles() throws IOException {
        RnnModel m = RnnModel.initialise(12, 3, 4, 1, Precision.FLOAT32);
        Path file = dir.resolve("atomic.npz");
        ModelFile.save(file, m, vocabulary(12), null);
        byte[] before = Files.readAllBytes(file);
        RnnModel other = RnnModel.initialise(12, 3, 4, 2, Precision.FLOAT32);
        ModelFile.save(file, other, vocabulary(12), null);
        assertNotEquals(Arrays.hashCode(before), Arrays.hashCode(Files.readAllBytes(file)));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        UserException e = assertThrows(UserException.class,
                () -> ModelFile.save(file.resolve("inside-a-file.npz"), m, null, null));
        assertTrue(e.getMessage().startsWith("Cannot write the model"), e.getMessage());
        // zip entries of arrays are stored, as np.savez does
        try (ZipFile z = new ZipFile(file.toFile())) {
            ZipEntry u = z.getEntry("U.npy");
            assertEquals(ZipEntry.STORED, u.getMethod());
            try (InputStream in = z.getInputStream(u)) {
                assertEquals(0x93, in.read());
            }
        }
    }

    @Test
    void corpusHashDependsOnTheData() {
        Vocabulary v = vocabulary(12);
        List<int[]> xs = List.of(new int[] {0, 3, 4});
        List<int[]> ys = List.of(new int[] {3, 4, 1});
        String h = ModelFile.corpusHash(v, xs, ys);
        assertTrue(h.startsWith("sha256:") && h.length() == 7 + 32, h);
        assertEquals(h, ModelFile.corpusHash(v, List.of(new int[] {0, 3, 4}), List.of(new int[] {3, 4, 1})));
        assertNotEquals(h, ModelFile.corpusHash(v, List.of(new int[] {0, 3, 5}), List.of(new int[] {3, 5, 1})));
    }
}
