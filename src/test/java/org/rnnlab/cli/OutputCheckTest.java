package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.training.TrainingFixtures;

/** Output paths are refused before any work, with the reason, not after a whole run. */
class OutputCheckTest {
    @TempDir
    Path dir;

    @Test
    void trainRefusesAFolderAsItsOutBeforeTraining() {
        Path data = TrainingFixtures.preparedDir(dir, 40, 20);
        long t0 = System.nanoTime();
        CliRun r = CliRun.run("train", "--data", data.toString(), "--epochs", "1000", "--out", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--out " + dir + " is a folder; give a file name"), r.err());
        assertTrue(!r.out().contains("Loss after"), "nothing was trained: " + r.out());
        assertTrue(System.nanoTime() - t0 < 20_000_000_000L);
    }

    @Test
    void prepareRefusesAnUnwritableOutBeforeReadingTheCorpus() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        CliRun r = CliRun.run("prepare", "--corpus", "sample-corpus/state-of-the-union.csv", "--out", file.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--out " + file + " is a file, not a folder"), r.err());
        CliRun missing = CliRun.run("init", "--vocabulary-size", "20", "--hidden", "4", "--out",
                dir.resolve("no/such/folder/m.npz").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("does not exist; create it first"), missing.err());
    }
}
