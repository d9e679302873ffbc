package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bench command runs end to end on a tiny model and reports every figure (no timing is asserted). */
class BenchCommandTest {

    @Test
    void reportsEveryMeasureOnATinyModel() {
        CliRun r = CliRun.run("bench", "--quick", "--vocabulary-size", "40", "--hidden", "6", "--length", "5");
        String text = r.out();
        assertEquals(0, r.exit(), r.toString());
        for (String measure : new String[] {"SGD step, float32: median", "SGD step, float64: median",
                "Training pass, float32:", "Loss evaluation, float32:", "Next-word prediction, float32: median",
                "Next-word prediction, float32, class-based (the whole distribution): median",
                "Machine: sgemm", "of the cores' sgemm", "median/min", "SGD step, float32, class-based output"}) {
            assertTrue(text.contains(measure), "missing '" + measure + "' in\n" + text);
        }
        assertTrue(Pattern.compile("SGD step, float32: median [0-9.]+ ms").matcher(text).find(), text);
        if (text.contains("numpy reference step (")) { // where python3 and numpy are installed
            assertTrue(Pattern.compile("numpy's step at its median: [0-9.]+ GFLOP/s = [0-9]+% of the cores' sgemm, "
                    + "so no step of the same arithmetic can be more than [0-9.]+ times as fast here").matcher(text).find(), text);
        }
    }

    @Test
    void rejectsANonsenseSize() {
        CliRun r = CliRun.run("bench", "--vocabulary-size", "1");
        assertTrue(r.exit() != 0);
        assertEquals(1, r.err().strip().lines().count(), r.toString());
    }
}
