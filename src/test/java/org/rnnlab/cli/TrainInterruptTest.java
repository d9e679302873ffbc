package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.training.TrainingFixtures;

/** SIGTERM (what Ctrl-C also sends) in a real process: a stop before the first step keeps an existing --out. */
class TrainInterruptTest {
    @TempDir
    Path dir;

    @Test
    void aStopBeforeTheFirstStepLeavesAnExistingModelAsItWas() throws Exception {
        Path data = TrainingFixtures.preparedDir(dir, 40_000, 2_000);
        Path out = dir.resolve("trained.npz");
        byte[] before = "a model trained for hours".getBytes(StandardCharsets.UTF_8);
        Files.write(out, before);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), "org.rnnlab.Launcher",
                "train", "--data", data.toString(), "--hidden", "400", "--epochs", "1", "--out", out.toString()))
                .redirectErrorStream(true).start();
        StringBuilder said = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean stopped = false;
            while ((line = r.readLine()) != null) {
                said.append(line).append('\n');
                if (!stopped && line.startsWith("Training a model")) {
                    p.toHandle().destroy(); // SIGTERM (the handle keeps our end of the pipe open), as Ctrl-C's shutdown path: during the first evaluation, before any step
                    stopped = true;
                }
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), said.toString());
        assertEquals(128 + 15, p.exitValue(), "a JVM stopped by SIGTERM exits 143 (Ctrl-C's SIGINT: 130)\n" + said);
        assertTrue(said.toString().contains("stopped before its first step; nothing was saved and " + out + " was left as it was"),
                said.toString());
        assertArrayEquals(before, Files.readAllBytes(out), "the existing model is untouched");
    }
}
