package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.engine.Precision;
import org.rnnlab.text.PreparedData;
import org.rnnlab.training.RunLog;
import org.rnnlab.training.TrainingEvent;
import org.rnnlab.training.TrainingFixtures;

class TrainCommandTest {
    private static final Pattern LOSS_LINE = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d: Loss after num_examples_seen=(\\d+) epoch=(\\d+): (\\d+\\.\\d{6})$",
            Pattern.MULTILINE);

    @TempDir
    Path dir;

    private static List<double[]> lossLines(String out) {
        List<double[]> lines = new ArrayList<>();
        Matcher m = LOSS_LINE.matcher(out);
        while (m.find()) {
            lines.add(new double[] {Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), Double.parseDouble(m.group(3))});
        }
        return lines;
    }

    @Test
    void trainsPrintsTheLessonsLinesAndSavesTheModelWithItsVocabulary() {
        Path data = TrainingFixtures.preparedDir(dir, 80, 20);
        Path out = dir.resolve("m.npz");
        CliRun r = CliRun.run("train", "--data", data.toString(), "--hidden", "8", "--epochs", "3",
                "--evaluate-loss-after", "1", "--learning-rate", "0.01", "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        List<double[]> losses = lossLines(r.out());
        assertEquals(4, losses.size(), r.out());
        for (int i = 0; i < 4; i++) {
            assertEquals(80.0 * i, losses.get(i)[0]);
            assertEquals(i, losses.get(i)[1]);
        }
        assertTrue(losses.get(3)[2] < losses.get(0)[2], r.out());
        assertTrue(r.out().contains("Saved the model to " + out), r.out());
        assertEquals("", r.err(), "no progress bar without a terminal");

        LoadedModel loaded = ModelFile.load(out);
        assertEquals(8, loaded.model().hiddenDim());
        assertEquals(PreparedData.read(data).vocabulary().words(), loaded.vocabulary().words());
        assertEquals(10L, loaded.info().seed());
        assertTrue(loaded.info().corpusHash().startsWith("sha256:"));
        assertEquals(4, loaded.info().lossHistory().size());
        for (int i = 0; i < 4; i++) {
            assertEquals(losses.get(i)[2], loaded.info().lossHistory().get(i), 5e-7);
        }

        // Continue from the saved model: one more epoch, the history grows.
        Path more = dir.resolve("more.npz");
        CliRun again = CliRun.run("train", "--data", data.toString(), "--init", out.toString(), "--epochs", "1",
                "--dtype", "float64", "--limit", "40", "--out", more.toString());
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.out().contains("on 40 sentences"), again.out());
        LoadedModel continued = ModelFile.load(more);
        assertEquals(Precision.FLOAT64, continued.model().precision());
        assertEquals(6, continued.info().lossHistory().size());
    }

    @Test
    void printsTheLessonsLineWhenTheLearningRateIsHalved() {
        Path data = TrainingFixtures.preparedDir(dir, 80, 20);
        // A rate too large (but not so large that the run diverges) makes the loss jump around, so some evaluation rises.
        CliRun r = CliRun.run("train", "--data", data.toString(), "--hidden", "8", "--epochs", "12",
                "--evaluate-loss-after", "1", "--learning-rate", "0.5", "--out", dir.resolve("m.npz").toString());
        assertEquals(0, r.exit(), r.toString());
        Matcher m = Pattern.compile("^Setting learning rate to (\\d+\\.\\d{6})$", Pattern.MULTILINE).matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals("0.250000", m.group(1));
    }

    @Test
    void divergenceExitsNonZeroWithOneClearLine() {
        Path data = TrainingFixtures.preparedDir(dir, 80, 20);
        Path out = dir.resolve("m.npz");
        CliRun r = CliRun.run("train", "--data", data.toString(), "--hidden", "8", "--epochs", "5",
                "--evaluate-loss-after", "1", "--learning-rate", "1e38", "--out", out.toString());
        assertEquals(TrainCommand.EXIT_DIVERGED, r.exit(), r.toString());
        String err = r.err().strip();
        assertTrue(err.startsWith("rnnlab: Training diverged") && !err.contains("\n"), err);
        assertTrue(err.contains("learning rate 1.0E38") && err.contains("saved to " + out), err);
        LoadedModel saved = ModelFile.load(out);
        assertTrue(Double.isFinite(saved.model().U().sumNumber().doubleValue()));
    }

    /** Learning rate 10: the loss climbs far above ln C but stays finite; the bound stops it. */
    @Test
    void aClimbingLossStopsWithOneLineExitThreeAndSavesTheLastGoodModel() throws Exception {
        Path data = TrainingFixtures.preparedDir(dir, 80, 20);
        Path out = dir.resolve("m.npz");
        CliRun r = CliRun.run("train", "--data", data.toString(), "--hidden", "8", "--epochs", "5",
                "--evaluate-loss-after", "1", "--learning-rate", "10", "--out", out.toString());
        assertEquals(TrainCommand.EXIT_DIVERGED, r.exit(), r.toString());
        assertEquals(3, TrainCommand.EXIT_DIVERGED);
        String err = r.err().strip();
        assertFalse(err.contains("\n"), err);
        Matcher m = Pattern.compile("^rnnlab: Training diverged after (\\d+) examples \\(epoch 0\\): the recent loss per word "
                + "rose to (\\d+\\.\\d\\d), above 2 ln C = (\\d+\\.\\d\\d), with learning rate 10; the parameters of the "
                + "last good evaluation \\(loss (\\d+\\.\\d\\d)\\) were saved to " + Pattern.quote(out.toString())
                + "\\. Try a smaller learning rate\\.$").matcher(err);
        assertTrue(m.matches(), err);
        assertTrue(Long.parseLong(m.group(1)) < 80, "stopped within the first epoch: " + err);
        assertTrue(Double.parseDouble(m.group(2)) > Double.parseDouble(m.group(3)), err);
        assertFalse(r.out().contains("Saved the model"), r.out());

        // The model saved is the first evaluation's (the fresh model): finite, with that loss.
        List<double[]> losses = lossLines(r.out());
        assertEquals(1, losses.size(), r.out());
        LoadedModel saved = ModelFile.load(out);
        assertTrue(Double.isFinite(saved.model().U().sumNumber().doubleValue()));
        assertTrue(Double.isFinite(saved.model().V().sumNumber().doubleValue()));
        assertTrue(Double.isFinite(saved.model().W().sumNumber().doubleValue()));
        assertEquals(1, saved.info().lossHistory().size());
        assertEquals(losses.get(0)[2], saved.info().lossHistory().get(0), 5e-7);
        assertEquals(Double.parseDouble(m.group(4)), saved.info().lossHistory().get(0), 0.005);
        CliRun loss = CliRun.run("loss", "--model", out.toString(), "--data", data.toString());
        assertEquals(0, loss.exit(), loss.toString());
        Matcher actual = Pattern.compile("Actual loss: (\\S+)").matcher(loss.out());
        assertTrue(actual.find(), loss.out());
        assertEquals(saved.info().lossHistory().get(0), Double.parseDouble(actual.group(1)), 1e-4, "the saved model is finite");
        assertTrue(Files.list(dir).noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }

    /** The command line's streams: held-out loss, a probe, live gradient checks, and all of it in the log. */
    @Test
    void streamsTheHeldOutLossAProbeAndGradientChecksIntoTheLog() {
        Path data = TrainingFixtures.preparedDir(dir, 80, 20);
        Path log = dir.resolve("run.jsonl");
        // The rate of the halving test above, so that the log has a halving too.
        CliRun r = CliRun.run("train", "--data", data.toString(), "--hidden", "8", "--epochs", "12", "--evaluate-loss-after", "1",
                "--learning-rate", "0.5", "--validation-fraction", "0.2", "--probe", "The cat sat on the zebra.",
                "--gradcheck-every", "20", "--log", log.toString(), "--out", dir.resolve("m.npz").toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("on 64 sentences") && r.out().contains("16 more held out (20%, seed 10)"), r.out());
        assertTrue(r.out().contains("note: the probe's 'zebra' is not in the vocabulary; it is read as UNKNOWN_TOKEN."), r.out());
        List<double[]> losses = lossLines(r.out());
        assertEquals(13, losses.size(), r.out());
        assertEquals(13, Pattern.compile("^  held-out loss: \\d+\\.\\d{6} \\(perplexity ", Pattern.MULTILINE)
                .matcher(r.out()).results().count(), r.out());
        assertTrue(r.out().contains("Probe after num_examples_seen=0:  the "), r.out());
        assertTrue(r.out().contains("Gradient check after num_examples_seen=20 "), r.out());
        assertTrue(r.out().contains("Live gradient checks: ") && r.out().contains("all passed"), r.out());
        assertTrue(r.out().contains("Wrote the run's log to " + log), r.out());

        RunLog run = RunLog.read(log);
        assertEquals(16, run.settings().heldOutSentences());
        assertEquals(8, run.settings().hiddenDim());
        assertEquals(PreparedData.read(data).vocabulary().size(), run.settings().wordDim());
        assertEquals(13, run.evaluations().size());
        for (int i = 0; i < 13; i++) {
            assertEquals(losses.get(i)[2], run.evaluations().get(i).loss(), 5e-7);
            assertTrue(run.evaluations().get(i).hasValidation());
        }
        assertFalse(run.halvings().isEmpty(), r.out());
        assertFalse(run.gradientChecks().isEmpty());
        assertTrue(run.gradientChecks().stream().allMatch(TrainingEvent.GradientCheckDone::passed));
        RunLog.Probe first = run.probes().get(0);
        // "on" is not among the 20 words either
        assertEquals(List.of("SENTENCE_START", "the", "cat", "sat", "UNKNOWN_TOKEN", "the", "UNKNOWN_TOKEN", ".", "SENTENCE_END"),
                first.words());
        assertEquals(8, first.p().length);
        assertEquals(0, first.examplesSeen());
        assertEquals(64 * 12, run.probes().get(run.probes().size() - 1).examplesSeen());
        assertEquals("finished", run.end().outcome());
    }

    @Test
    void theHelpListsTheExitStatuses() {
        CliRun r = CliRun.run("help", "train");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Exit status:"), r.out());
        assertTrue(Pattern.compile("^\\s+3\\s+training diverged", Pattern.MULTILINE).matcher(r.out()).find(), r.out());
    }

    @Test
    void badInputIsOneLine() {
        Path data = TrainingFixtures.preparedDir(dir, 20, 20);
        String out = dir.resolve("m.npz").toString();
        InitCommandTest.assertOneLineError(CliRun.run("train", "--data", dir.resolve("none").toString(), "--out", out),
                "rnnlab prepare");
        InitCommandTest.assertOneLineError(CliRun.run("train", "--data", data.toString(), "--epochs", "-1", "--out", out),
                "--epochs");
        InitCommandTest.assertOneLineError(CliRun.run("train", "--data", data.toString(), "--learning-rate", "0",
                "--out", out), "--learning-rate");
        InitCommandTest.assertOneLineError(CliRun.run("train", "--data", data.toString(), "--validation-fraction", "1",
                "--out", out), "--validation-fraction");
        InitCommandTest.assertOneLineError(CliRun.run("train", "--data", data.toString(), "--gradcheck-every", "-1",
                "--out", out), "--gradcheck-every");
        InitCommandTest.assertOneLineError(CliRun.run("train", "--data", data.toString(), "--probe", " ",
                "--out", out), "--probe");
        Path other = dir.resolve("other.npz");
        assertEquals(0, CliRun.run("init", "-C", "50", "--hidden", "3", "--out", other.toString()).exit());
        InitCommandTest.assertOneLineError(CliRun.run("train", "--data", data.toString(), "--init", other.toString(),
                "--out", out), "C = 50");
        assertFalse(Files.exists(Path.of(out)));
    }

    /** SIGTERM (as Ctrl-C's SIGINT) runs the shutdown hook: training stops and the model is saved. */
    @Test
    void aTerminatedTrainingSavesTheModel() throws Exception {
        Path data = TrainingFixtures.preparedDir(dir, 80, 20);
        Path out = dir.resolve("m.npz");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-Dorg.bytedeco.javacpp.maxbytes=1G",
                "-cp", System.getProperty("java.class.path"), "org.rnnlab.Launcher",
                "train", "--data", data.toString(), "--hidden", "8", "--epochs", "1000000", "--out", out.toString());
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        int lossLines;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            // the second loss line, not the first: the first is printed before any step, and a signal
            // landing then rightly saves nothing ("stopped before its first step"), a race the test lost
            for (int seen = 0; seen < 2; ) {
                line = r.readLine();
                assertNotNull(line, "training ended early: " + Files.readString(dir.resolve("stderr.txt")));
                if (LOSS_LINE.matcher(line).matches()) {
                    seen++;
                }
            }
            p.toHandle().destroy(); // SIGTERM, leaving our end of its output open
            // Training may print more evaluations before the signal lands: every one printed is in the file.
            lossLines = 2;
            while ((line = r.readLine()) != null) {
                if (LOSS_LINE.matcher(line).matches()) lossLines++;
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the JVM exited");
        } finally {
            p.destroyForcibly();
        }
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertTrue(err.contains("training stopped after"), err);
        LoadedModel saved = ModelFile.load(out);
        assertEquals(20, saved.model().wordDim());
        assertEquals(lossLines, saved.info().lossHistory().size(), "each printed loss is in the saved history");
        assertTrue(Files.list(dir).noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
    }
}
