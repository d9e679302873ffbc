package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.Tokens;
import org.rnnlab.text.Vocabulary;
import org.rnnlab.training.TrainingFixtures;

class GenerateCommandTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path model;

    @BeforeAll
    static void trainASmallModel() {
        data = TrainingFixtures.preparedDir(dir, 100, 20);
        model = dir.resolve("m.npz");
        CliRun r = CliRun.run("train", "--data", data.toString(), "--hidden", "10", "--epochs", "10",
                "--learning-rate", "0.05", "--out", model.toString());
        assertEquals(0, r.exit(), r.toString());
    }

    @Test
    void generatesSentencesOfVocabularyWords() {
        CliRun r = CliRun.run("generate", "--model", model.toString(), "-n", "5", "--seed", "1", "--min-length", "3");
        assertEquals(0, r.exit(), r.toString());
        List<String> lines = r.out().lines().toList();
        assertEquals(5, lines.size(), r.out());
        Vocabulary v = PreparedData.read(data).vocabulary();
        for (String line : lines) {
            String[] words = line.split(" ");
            assertTrue(words.length >= 3, line);
            for (String w : words) {
                assertTrue(v.contains(w), w);
                assertFalse(w.equals(Tokens.UNKNOWN) || w.equals(Tokens.START) || w.equals(Tokens.END), line);
            }
        }
        assertEquals(r.out(), CliRun.run("generate", "--model", model.toString(), "-n", "5", "--seed", "1",
                "--min-length", "3").out(), "the same seed, the same sentences");
        assertNotEquals(r.out(), CliRun.run("generate", "--model", model.toString(), "-n", "5", "--seed", "2",
                "--min-length", "3").out());
        CliRun unseeded = CliRun.run("generate", "--model", model.toString(), "-n", "1", "--min-length", "1");
        assertEquals(0, unseeded.exit(), unseeded.toString());
        assertTrue(unseeded.err().contains("pass --seed"), unseeded.err());
    }

    @Test
    void aModelWithoutVocabularyNeedsData() {
        Path bare = dir.resolve("bare.npz");
        assertEquals(0, CliRun.run("init", "-C", "20", "--hidden", "4", "--out", bare.toString()).exit());
        InitCommandTest.assertOneLineError(CliRun.run("generate", "--model", bare.toString()), "--data");
        CliRun r = CliRun.run("generate", "--model", bare.toString(), "--data", data.toString(), "-n", "2",
                "--seed", "3", "--min-length", "0", "--probabilities");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(2, r.out().lines().count(), r.out());
    }

    @Test
    void badInputIsOneLine() {
        InitCommandTest.assertOneLineError(CliRun.run("generate", "--model", model.toString(), "--temperature", "0"),
                "--temperature");
        InitCommandTest.assertOneLineError(CliRun.run("generate", "--model", model.toString(), "--min-length", "9",
                "--max-length", "5"), "--max-length");
        InitCommandTest.assertOneLineError(CliRun.run("generate", "--model", data.resolve("train.txt").toString()),
                "not a readable model file");
    }
}
