package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.training.TrainingFixtures;

class LossCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsLnCBesideTheActualLoss() {
        Path data = TrainingFixtures.preparedDir(dir, 60, 20);
        Path model = dir.resolve("m.npz");
        assertEquals(0, CliRun.run("init", "--data", data.toString(), "--hidden", "16", "--out", model.toString()).exit());

        CliRun r = CliRun.run("loss", "--model", model.toString(), "--data", data.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains(String.format(Locale.ROOT, "Expected Loss for random predictions: %f%n", Math.log(20))), r.out());
        Matcher m = Pattern.compile("Actual loss: (\\d+\\.\\d{6})").matcher(r.out());
        assertTrue(m.find(), r.out());
        double actual = Double.parseDouble(m.group(1));
        PreparedData prepared = PreparedData.read(data);
        RnnModel rnn = ModelFile.load(model).model();
        assertEquals(rnn.meanLoss(prepared.xs(), prepared.ys()), actual, 1e-6);
        assertEquals(Math.log(20), actual, 0.2, "random weights predict about 1/C");

        CliRun limited = CliRun.run("loss", "--model", model.toString(), "--data", data.toString(), "--limit", "5");
        assertEquals(0, limited.exit(), limited.toString());
        assertTrue(limited.out().contains("5 sentences"), limited.out());
        double five = rnn.meanLoss(prepared.xs().subList(0, 5), prepared.ys().subList(0, 5));
        assertTrue(limited.out().contains(String.format(Locale.ROOT, "Actual loss: %f", five)), limited.out());
    }

    @Test
    void refusesAModelOfAnotherVocabularySize() {
        Path data = TrainingFixtures.preparedDir(dir, 60, 20);
        Path model = dir.resolve("m.npz");
        assertEquals(0, CliRun.run("init", "-C", "30", "--hidden", "4", "--out", model.toString()).exit());
        InitCommandTest.assertOneLineError(CliRun.run("loss", "--model", model.toString(), "--data", data.toString()),
                "C = 30", "vocabulary of 20");
        InitCommandTest.assertOneLineError(CliRun.run("loss", "--model", dir.resolve("none.npz").toString(),
                "--data", data.toString()), "No model file");
        InitCommandTest.assertOneLineError(CliRun.run("loss", "--model", model.toString(), "--data", data.toString(),
                "--limit", "0"), "--limit");
    }
}
