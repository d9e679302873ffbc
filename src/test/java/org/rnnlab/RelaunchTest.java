package org.rnnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.Simd;

/**
 * A command that trains, launched as a user would (no JVM options): it replaces itself with the
 * vector module, says so in the bench, and its standard error carries nothing from the JVM's quiet
 * start, yet carries the command's own messages.
 */
class RelaunchTest {
    @TempDir
    Path dir;
    private String classPath;

    @BeforeEach
    void onLinuxWithTheModule() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "the relaunch is Linux's");
        assumeTrue(ModuleFinder.ofSystem().find(Simd.MODULE).isPresent(), "this JDK has no " + Simd.MODULE);
        // the app's classes and resources (its logging's settings) as the build leaves them: the relaunch needs no jar
        classPath = System.getProperty("java.class.path");
    }

    @Test
    void theBenchRunsTheVectorKernelsAndTheTerminalSeesNoWarningOfTheJvms() throws Exception {
        Launch bench = launch(List.of(), "bench", "--quick", "--vocabulary-size", "300", "--hidden", "20", "--length", "8");
        assertEquals(0, bench.exit, bench.output);
        assertTrue(bench.output.contains("Java kernels (exp; W s and tanh where not native): vector kernels (" + Simd.MODULE + ")"), bench.output);
        assertFalse(bench.output.contains("WARNING"), "the JVM's start-up warning stays out of the terminal:\n" + bench.output);
    }

    @Test
    void aFailingCommandStillSaysWhatWasWrongOnStandardError() throws Exception {
        Launch train = launch(List.of(), "train", "--data", dir.resolve("none").toString(), "-o", dir.resolve("m.npz").toString());
        assertEquals(2, train.exit, train.output);
        assertEquals(List.of("rnnlab: no prepared data folder " + dir.resolve("none") + " (run 'rnnlab prepare --out "
                + dir.resolve("none") + "' first)"), train.output.lines().toList(), "one line, on the standard error put back");
    }

    @Test
    void turnedOffTheCommandRunsThePlainLoops() throws Exception {
        Launch bench = launch(List.of("-D" + Simd.PROPERTY + "=off"), "bench", "--quick", "--vocabulary-size", "300", "--hidden", "20",
                "--length", "8");
        assertEquals(0, bench.exit, bench.output);
        assertTrue(bench.output.contains("Java kernels (exp; W s and tanh where not native): plain loops (-D" + Simd.PROPERTY + "=off)"), bench.output);
    }

    private record Launch(int exit, String output) {
    }

    /** The command with its standard error (and output, after it) in one file, as a terminal shows them. */
    private Launch launch(List<String> options, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(options);
        command.addAll(List.of("-cp", classPath, "org.rnnlab.Launcher"));
        command.addAll(Arrays.asList(args));
        Path log = Files.createTempFile(dir, "launch", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "the launch ended within 120 s:\n" + out);
        return new Launch(p.exitValue(), out);
    }
}
