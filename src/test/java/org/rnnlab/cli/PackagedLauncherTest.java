package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The installable app's launcher (built by 'mvn package -Ppackage-app') runs the command line. */
class PackagedLauncherTest {
    private static final Path LAUNCHER = Path.of("target", "dist", "rnnlab", "bin", "rnnlab");

    @Test
    void thePackagedLauncherPrintsTheHelp() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(LAUNCHER),
                "no packaged app in target/dist: build it with 'mvn -B package -Ppackage-app -DskipTests'");
        Process p = new ProcessBuilder(LAUNCHER.toString(), "--help").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.startsWith("Usage: rnnlab"), out);
        assertTrue(out.contains("prepare") && out.contains("train") && out.contains("generate"), out);
    }
}
