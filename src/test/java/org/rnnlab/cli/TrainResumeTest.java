package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.training.Checkpoint;
import org.rnnlab.training.RunSettings;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.training.TrainingFixtures;

/** kill -9 in a real process, then --resume: the same weights as the run that was never interrupted. */
class TrainResumeTest {
    @TempDir
    Path dir;

    private List<String> options(Path data, Path out) {
        return new ArrayList<>(List.of("train", "--data", data.toString(), "--hidden", "64", "--dtype", "float64",
                "--epochs", "20", "--shuffle", "--validation-fraction", "0.1", "--out", out.toString()));
    }

    private static double largestDifference(RnnModel a, RnnModel b) {
        return Math.max(a.U().sub(b.U()).amaxNumber().doubleValue(), Math.max(a.V().sub(b.V()).amaxNumber().doubleValue(),
                a.W().sub(b.W()).amaxNumber().doubleValue()));
    }

    @Test
    void aRunKilledWithSigkillResumesToTheUninterruptedWeights() throws Exception {
        Path data = TrainingFixtures.preparedDir(dir, 3_000, 60);
        Path whole = dir.resolve("whole.npz");
        List<String> once = options(data, whole);
        once.addAll(List.of("--checkpoint-every", "0"));
        CliRun uninterrupted = CliRun.run(once.toArray(String[]::new));
        assertEquals(0, uninterrupted.exit(), uninterrupted.err());

        Path out = dir.resolve("killed.npz");
        Path checkpoint = dir.resolve("killed.checkpoint.npz");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.rnnlab.Launcher"));
        cmd.addAll(options(data, out));
        cmd.addAll(List.of("--checkpoint-every", "0.05"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(checkpoint) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(200); // a few checkpoints more, then the kill lands wherever it lands
        assertTrue(p.isAlive(), "the run ended before it could be killed: " + Files.readString(dir.resolve("killed.log")));
        p.destroyForcibly(); // SIGKILL: no hook runs, nothing is saved at the end
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue());
        assertTrue(Files.notExists(out), "a killed run saves no model");

        List<String> again = options(data, out);
        again.addAll(List.of("--checkpoint-every", "0.05", "--resume", checkpoint.toString()));
        CliRun resumed = CliRun.run(again.toArray(String[]::new));
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(Files.notExists(checkpoint), "the checkpoint is removed once the run has ended well");
        double diff = largestDifference(ModelFile.load(whole).model(), ModelFile.load(out).model());
        assertTrue(diff <= 1e-12, "largest difference " + diff);
    }

    @Test
    void aModelIsNotACheckpointAndARunWithOtherSettingsIsNamedSettingBySetting() throws Exception {
        Path data = TrainingFixtures.preparedDir(dir, 300, 40);
        Path out = dir.resolve("m.npz");
        List<String> first = options(data, out);
        first.addAll(List.of("--checkpoint-every", "0.000001"));
        CliRun r = CliRun.run(first.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.notExists(dir.resolve("m.checkpoint.npz")), "a run that ended well leaves no checkpoint");
        CliRun notACheckpoint = CliRun.run("train", "--data", data.toString(), "--resume", out.toString(), "--out",
                dir.resolve("n.npz").toString());
        assertEquals(2, notACheckpoint.exit());
        assertTrue(notACheckpoint.err().contains("is a model, not a training checkpoint: continue from it with --init"),
                notACheckpoint.err());

        RunSettings saved = new RunSettings("RNN Lab (rnnlab train)", "/data/a", "abc", "v", 40, 48, 4, "float64", 10, 0.005,
                3, 1, true, 300, 270, 30, 0.1);
        // who ran it and where the data lay do not make it another run; the epochs and the precision do
        RunSettings given = new RunSettings("RNN Lab (app)", "/data/b", "abc", "v", 40, 48, 4, "float32", 10, 0.005,
                5, 1, true, 300, 270, 30, 0.1);
        assertEquals(List.of("--epochs 3 (the checkpoint's) against 5 (given)",
                "--dtype float64 (the checkpoint's) against float32 (given)"), Checkpoint.differences(saved, given));
        assertEquals(List.of(), Checkpoint.differences(saved, saved));
    }
}
