package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bench command runs end to end on a tiny model and reports every figure (no timing is asserted). */
class BenchCommandTest {

    @Test
    void reportsEveryMeasureOnATinyModel() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = RnnLabCommand.run("bench", "--quick", "--vocabulary-size", "40", "--hidden", "6", "--length", "5");
        } finally {
            System.setOut(old);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        for (String measure : new String[] {"SGD step, float32: median", "SGD step, float64: median",
                "Training pass, float32:", "Loss evaluation, float32:", "Next-word prediction, float32: median"}) {
            assertTrue(text.contains(measure), "missing '" + measure + "' in\n" + text);
        }
        assertTrue(Pattern.compile("SGD step, float32: median [0-9.]+ ms").matcher(text).find(), text);
    }

    @Test
    void rejectsANonsenseSize() {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = RnnLabCommand.run("bench", "--vocabulary-size", "1");
        } finally {
            System.setErr(old);
        }
        assertTrue(code != 0);
        assertEquals(1, err.toString(StandardCharsets.UTF_8).strip().lines().count(), err.toString());
    }
}
