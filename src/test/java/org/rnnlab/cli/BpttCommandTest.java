package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BpttCommandTest {
    private static final Path LESSON_MODEL = Path.of("../shared/data/trained-model-theano.npz");

    @Test
    void theLessonsModelPrintsNormsThatFallWithTheLag() {
        assumeTrue(Files.isRegularFile(LESSON_MODEL), "the lesson's model " + LESSON_MODEL + " is absent (a clone without ../shared)");
        CliRun r = CliRun.run("bptt", "--model", LESSON_MODEL.toString(), "--sentence", "0 12 7 431 9 55 3 18 200 17 6 4 21 1");
        assertEquals(0, r.exit(), r.toString());
        List<String> rows = r.out().lines().filter(l -> l.matches("\\s*\\d+\\s+\\d+\\s+#.*")).toList();
        assertEquals(13, rows.size(), r.out());
        double first = norm(rows.get(0));
        double last = norm(rows.get(12));
        assertTrue(norm(rows.get(4)) < first && last < norm(rows.get(4)), r.out());
        assertTrue(rows.get(5).endsWith("cut") && !rows.get(4).endsWith("cut"), r.out());
        assertTrue(r.out().contains("Truncation after 4 steps changes dL_t/dW by "), r.out());
    }

    @Test
    void badInputIsOneLine() {
        assumeTrue(Files.isRegularFile(LESSON_MODEL), "the lesson's model " + LESSON_MODEL + " is absent (a clone without ../shared)");
        InitCommandTest.assertOneLineError(CliRun.run("bptt", "--model", LESSON_MODEL.toString(), "--sentence", "0 9000"), "9000");
        InitCommandTest.assertOneLineError(CliRun.run("bptt", "--model", LESSON_MODEL.toString(), "--sentence", "0 5 9", "--t", "2"), "--t");
        InitCommandTest.assertOneLineError(CliRun.run("bptt", "--model", LESSON_MODEL.toString(), "--sentence", "hello world"), "--data");
    }

    private static double norm(String row) {
        return Double.parseDouble(row.trim().split("\\s+")[3]);
    }
}
