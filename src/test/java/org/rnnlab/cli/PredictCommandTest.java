package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.training.TrainingFixtures;

class PredictCommandTest {
    @TempDir
    static Path dir;
    static Path data;
    static Path model;

    @BeforeAll
    static void trainASmallModel() {
        data = TrainingFixtures.preparedDir(dir, 100, 30);
        model = dir.resolve("m.npz");
        CliRun r = CliRun.run("train", "--data", data.toString(), "--hidden", "12", "--epochs", "30",
                "--learning-rate", "0.05", "--evaluate-loss-after", "10", "--out", model.toString());
        assertEquals(0, r.exit(), r.toString());
    }

    private static List<String> ranked(CliRun r) {
        return r.out().lines().filter(l -> l.matches("^\\s*\\d+\\. .*")).toList();
    }

    @Test
    void listsTheTenLikeliestNextWordsInOrder() {
        CliRun r = CliRun.run("predict", "--model", model.toString(), "the cat sat on the");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("After: SENTENCE_START the cat sat on the"), r.out());
        List<String> ranked = ranked(r);
        assertEquals(10, ranked.size(), r.out());
        double previous = 1;
        double sum = 0;
        for (String line : ranked) {
            double p = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            assertTrue(p <= previous + 1e-12, r.out());
            previous = p;
            sum += p;
        }
        assertTrue(sum <= 1.0001, r.out());
        // The corpus only ever says "on the mat": a trained model puts "mat" first.
        assertTrue(ranked.get(0).contains(" mat "), r.out());
    }

    @Test
    void unknownWordsAreSaidToBeUnknownAndAnEmptyPrefixPredictsTheFirstWord() {
        CliRun r = CliRun.run("predict", "--model", model.toString(), "--top", "3", "the", "zebra");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("'zebra' is not in the vocabulary; it is read as UNKNOWN_TOKEN"), r.out());
        assertTrue(r.out().contains("After: SENTENCE_START the UNKNOWN_TOKEN"), r.out());
        assertEquals(3, ranked(r).size());

        CliRun first = CliRun.run("predict", "--model", model.toString(), "--data", data.toString());
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.out().contains("After: SENTENCE_START\n") || first.out().contains("After: SENTENCE_START\r\n"), first.out());
        // Sentences start with the, a, my or she.
        String top = ranked(first).get(0);
        assertTrue(top.matches(".* (the|a|my|she) .*"), first.out());
    }

    @Test
    void badInputIsOneLine() {
        InitCommandTest.assertOneLineError(CliRun.run("predict", "--model", model.toString(), "--top", "0", "x"), "--top");
        InitCommandTest.assertOneLineError(CliRun.run("predict", "--model", model.toString(), "--data",
                dir.resolve("missing").toString(), "x"), "rnnlab prepare");
    }
}
