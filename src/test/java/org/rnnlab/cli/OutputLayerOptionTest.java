package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.training.TrainingFixtures;

/** --output-layer class in init and train: the model file carries the classes, training keeps them. */
class OutputLayerOptionTest {
    @TempDir
    Path dir;

    @Test
    void initMakesAClassBasedModelThatTrainingKeeps() {
        Path data = TrainingFixtures.preparedDir(dir, 50, 20);
        Path init = dir.resolve("init.npz");
        CliRun r = CliRun.run("init", "--data", data.toString(), "--hidden", "5", "--output-layer", "class", "--out", init.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("class-based output layer"), r.out());
        LoadedModel loaded = ModelFile.load(init);
        assertTrue(loaded.model().isClassBased());
        assertEquals(20, loaded.model().classes().words());

        Path trained = dir.resolve("trained.npz");
        CliRun t = CliRun.run("train", "--data", data.toString(), "--init", init.toString(), "--epochs", "1",
                "--out", trained.toString());
        assertEquals(0, t.exit(), t.toString());
        LoadedModel after = ModelFile.load(trained);
        assertEquals(loaded.model().classes(), after.model().classes());
        assertTrue(!after.model().X().equals(loaded.model().X()), "training moved the class weights");
    }

    @Test
    void badChoicesAreOneLine() {
        Path data = TrainingFixtures.preparedDir(dir, 50, 20);
        Path out = dir.resolve("m.npz");
        InitCommandTest.assertOneLineError(CliRun.run("init", "-C", "30", "--output-layer", "class", "--out", out.toString()),
                "--data");
        InitCommandTest.assertOneLineError(CliRun.run("init", "--data", data.toString(), "--output-layer", "tree",
                "--out", out.toString()), "full or class");
        InitCommandTest.assertOneLineError(CliRun.run("train", "--data", data.toString(), "--output-layer", "class",
                "--classes", "0", "--out", out.toString()), "--classes");
    }
}
