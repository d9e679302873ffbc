package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.common.MemoryBudget;

/** In a real process with a small heap: a need that does not fit is refused first; running out is one line. */
class MemoryLimitTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out) {
    }

    private static Run run(String heap, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), "org.rnnlab.Launcher"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        return new Run(p.exitValue(), out);
    }

    @Test
    void aModelTooLargeForTheHeapIsRefusedBeforeItIsDrawn() throws Exception {
        Path out = dir.resolve("m.npz");
        Run r = run("128m", "init", "-C", "8000", "-H", "3000", "-o", out.toString());
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.out().startsWith("rnnlab: A model with C = 8000 and H = 3000 needs about 869 MB, but this Java may use only"),
                r.out());
        assertTrue(r.out().contains("choose a smaller --hidden or --vocabulary-size, or give Java more memory (java -Xmx"), r.out());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        assertFalse(Files.exists(out));
    }

    @Test
    void runningOutOfMemoryIsOneLineAndItsOwnExitStatus() throws Exception {
        Run r = run("12m", "prepare", "--out", dir.resolve("p").toString());
        assertEquals(MemoryBudget.EXIT_OUT_OF_MEMORY, r.exit(), r.out());
        assertEquals("rnnlab: 'rnnlab prepare' ran out of memory (this Java's limit is 12 MB); split the corpus into smaller "
                + "files, or give Java more memory (java -Xmx2g -jar ...)", r.out().strip());
    }
}
