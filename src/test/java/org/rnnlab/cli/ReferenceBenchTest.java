package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** rnnlab bench's reference line: both times, the speed-up and the difference (no timing is asserted). */
class ReferenceBenchTest {
    @Test
    void printsTheReferenceStepBesideTheKernelAndTheLessonsFigures() {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            ReferenceBench.print(40, 6, 5, true);
        } finally {
            System.setOut(old);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(Pattern.compile("Reference loops \\(engine/ReferenceRnn, float64, one thread\\): median [0-9.]+ ms per SGD step; "
                + "kernel \\(float32\\) [0-9.]+ ms: [0-9]+x faster; largest difference after one step [0-9.]+e-[0-9]+").matcher(text).find(), text);
        assertTrue(text.contains("numpy 350 ms, Theano CPU 70 ms, GPU 23 ms"), text);
    }
}
