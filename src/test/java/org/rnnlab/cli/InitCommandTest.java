package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.training.TrainingFixtures;

class InitCommandTest {
    @TempDir
    Path dir;

    static void assertOneLineError(CliRun r, String... fragments) {
        assertEquals(2, r.exit(), r.toString());
        String err = r.err().strip();
        assertTrue(err.startsWith("rnnlab: ") && !err.contains("\n"), "one line: " + r);
        for (String f : fragments) {
            assertTrue(err.contains(f), "'" + f + "' in: " + err);
        }
    }

    @Test
    void initialisesTheLessonsModelBitForBit() {
        Path out = dir.resolve("m.npz");
        CliRun r = CliRun.run("init", "--vocabulary-size", "50", "--hidden", "8", "--seed", "3", "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("H = 8, C = 50 (864 parameters), float32, seed 3"), r.out());
        assertTrue(r.out().contains("ln C = 3.912023"), r.out());
        LoadedModel loaded = ModelFile.load(out);
        RnnModel expected = RnnModel.initialise(50, 8, 4, 3, Precision.FLOAT32);
        assertEquals(expected.U(), loaded.model().U());
        assertEquals(expected.V(), loaded.model().V());
        assertEquals(expected.W(), loaded.model().W());
        assertNull(loaded.vocabulary());
        assertEquals(3L, loaded.info().seed());
    }

    @Test
    void takesTheVocabularyFromPreparedData() {
        Path data = TrainingFixtures.preparedDir(dir, 50, 20);
        Path out = dir.resolve("m.npz");
        CliRun r = CliRun.run("init", "--data", data.toString(), "--hidden", "5", "--dtype", "float64", "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        LoadedModel loaded = ModelFile.load(out);
        assertEquals(20, loaded.model().wordDim());
        assertEquals(Precision.FLOAT64, loaded.model().precision());
        assertEquals(loaded.vocabulary().words(), org.rnnlab.text.PreparedData.read(data).vocabulary().words());
    }

    @Test
    void badInputIsOneLine() {
        Path out = dir.resolve("m.npz");
        assertOneLineError(CliRun.run("init", "--out", out.toString()), "--vocabulary-size");
        assertOneLineError(CliRun.run("init", "-C", "2", "--out", out.toString()), "at least 3");
        assertOneLineError(CliRun.run("init", "-C", "20", "--dtype", "float16", "--out", out.toString()), "float16");
        assertOneLineError(CliRun.run("init", "-C", "20", "--hidden", "0", "--out", out.toString()), "--hidden");
        // 2HC + H^2 = 1.2e9, above the limit of 2^30 - 1; and sizes whose count would overflow a long
        assertOneLineError(CliRun.run("init", "-C", "20000", "--hidden", "20000", "--out", out.toString()),
                "more than 1,073,741,823 parameters");
        assertOneLineError(CliRun.run("init", "-C", "2147483647", "--hidden", "2147483647", "--out", out.toString()),
                "more than 1,073,741,823 parameters");
        Path data = TrainingFixtures.preparedDir(dir, 50, 20);
        assertOneLineError(CliRun.run("init", "-C", "30", "--data", data.toString(), "--out", out.toString()),
                "disagrees");
        assertOneLineError(CliRun.run("init", "--data", dir.resolve("nope").toString(), "--out", out.toString()),
                "rnnlab prepare");
        assertTrue(Files.notExists(out));
    }
}
