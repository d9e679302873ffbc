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
        String out = run(0, "--help");
        assertTrue(out.startsWith("Usage: rnnlab"), out);
        assertTrue(out.contains("prepare") && out.contains("train") && out.contains("generate"), out);
    }

    @Test
    void thePackagedLauncherTrainsWithTheVectorKernelsAndNoWordOfTheJvms() throws Exception {
        // the launcher takes no JVM options on its command line: the app starts it again with them
        // (Relaunch); before, its training ran the plain loops at half the speed
        String out = run(0, "bench", "--quick");
        assertTrue(out.contains("Java kernels (exp; W s and tanh where not native): vector kernels"), out);
        assertTrue(out.lines().noneMatch(l -> l.startsWith("WARNING") || l.startsWith("Picked up")), out);
        String wrong = run(2, "train", "--data", "no-such-folder");
        assertTrue(wrong.startsWith("rnnlab: Missing required option"), "a mistake still says what was wrong: " + wrong);
    }

    @Test
    void thePackagedWindowListsItsClassesForTheArchive(@org.junit.jupiter.api.io.TempDir Path cache) throws Exception {
        // with no display the window cannot open, which is enough to see its launch list its classes (the
        // archive's options reach the JVM through the launcher's restart too) and a runtime that keeps
        // the java which writes the archive from the list
        String out = run(1, cache, new String[0]);
        assertTrue(out.contains("the window cannot open here"), out);
        assertTrue(Files.isExecutable(LAUNCHER.resolveSibling("../lib/runtime/bin/java").normalize()), "the runtime's java");
        Path classes = cache.resolve("rnnlab").resolve("classes");
        try (java.util.stream.Stream<Path> files = Files.list(classes)) {
            Path list = files.filter(f -> f.toString().endsWith(".classlist")).findFirst().orElseThrow();
            assertTrue(Files.readString(list).contains("org/rnnlab/Launcher"), "the launch's classes");
        }
    }

    private static String run(int exit, String... arguments) throws Exception {
        return run(exit, null, arguments);
    }

    private static String run(int exit, Path cache, String... arguments) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(LAUNCHER),
                "no packaged app in target/dist: build it with 'mvn -B package -Ppackage-app -DskipTests'");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(LAUNCHER.toString()));
        command.addAll(java.util.List.of(arguments));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("JAVA_TOOL_OPTIONS"); // the test JVM's own, if any, are not the user's
        if (cache != null) {
            pb.environment().put("XDG_CACHE_HOME", cache.toString());
            pb.environment().remove("DISPLAY");
            pb.environment().remove("WAYLAND_DISPLAY");
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(exit, p.exitValue(), out);
        return out;
    }
}
