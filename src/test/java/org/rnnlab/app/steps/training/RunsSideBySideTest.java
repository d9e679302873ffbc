package org.rnnlab.app.steps.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.control.CheckBox;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.support.DataFolder;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.session.ModelSessionFixture;
import org.rnnlab.app.session.ModelSessionFixtureStage;
import org.rnnlab.engine.Precision;
import org.rnnlab.text.PreparedData;
import org.rnnlab.training.RunEnd;
import org.rnnlab.training.RunLog;
import org.rnnlab.training.RunLogWriter;
import org.rnnlab.training.RunSettings;
import org.rnnlab.training.TrainingEvent;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Runs side by side: a terminal's log opens in the chart, a second run overlays the first, the run exports. */
@ExtendWith(ApplicationExtension.class)
class RunsSideBySideTest {
    private static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("rnnlab-data");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private LessonSession session;
    private TrainingView view;
    private TrainingViewModel vm;
    private PreparedData data;
    private String dataDirBefore;

    @Start
    void start(Stage stage) {
        dataDirBefore = System.getProperty(DataFolder.PROPERTY);
        System.setProperty(DataFolder.PROPERTY, DATA_DIR.toString());
        session = new LessonSession();
        view = new TrainingView(session);
        vm = view.viewModel();
        ModelSessionFixtureStage.show(stage, view.getPanel(), session);
    }

    @BeforeEach
    void corpusAndModel() throws Exception {
        data = ModelSessionFixture.install(session, 30);
        waitFor(60, () -> session.models().model() != null && session.models().matchesCorpusProperty().get());
        fx(() -> {
            vm.hiddenSizeProperty().set(8);
            vm.epochsProperty().set(2);
            vm.evaluateEveryProperty().set(1);
            vm.sentencesProperty().set(60);
            vm.learningRateProperty().set(0.05);
            vm.precisionProperty().set(Precision.FLOAT64);
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> view.dispose());
        FxToolkit.cleanupStages();
        // put back what the build set: the tests after this one keep out of the user's data folder too
        if (dataDirBefore == null) {
            System.clearProperty(DataFolder.PROPERTY);
        } else {
            System.setProperty(DataFolder.PROPERTY, dataDirBefore);
        }
    }

    @Test
    void aLogWrittenForTheTerminalOpensInTheChart() throws Exception {
        Path log = DATA_DIR.resolve("from-the-terminal.jsonl");
        RunSettings settings = new RunSettings("RNN Lab (rnnlab train)", "fixture", "sha256:abc",
                RunSettings.vocabularyHash(data.vocabulary()), data.vocabulary().size(), 8, 4, "float32", 7, 0.01, 2, 1, false,
                100, 90, 10, 0.1);
        try (RunLogWriter w = RunLogWriter.create(log, data.vocabulary(), settings)) {
            w.on(new TrainingEvent.Evaluation(0, 0, 3.4, 0.01, 3.5));
            w.on(new TrainingEvent.Evaluation(90, 1, 3.0, 0.01, 3.2));
            w.on(new TrainingEvent.Evaluation(180, 2, 2.7, 0.01, 3.1));
            w.end(new RunEnd("finished", 180, 2.7, 0.01, null, 1_000_000, 0, 0, 0));
        }
        fx(() -> vm.runs().open(log));
        waitFor(30, () -> vm.runs().earlier().size() == 1);
        RunHistory.ShownRun r = vm.runs().earlier().get(0);
        assertEquals(7, r.settings().seed());
        assertEquals(List.of(0.0, 90.0, 180.0), List.of(r.lossX()[0], r.lossX()[1], r.lossX()[2]),
                "a log without a loss curve is drawn through its evaluations");
        assertEquals(3.1, r.heldY()[2]);
        waitFor(10, () -> view.lossChart().earlierDataSets() == 3);
        CheckBox box = (CheckBox) view.getPanel().lookup("#earlierRuns").lookupAll(".check-box").iterator().next();
        assertTrue(box.getText().contains("seed 7"), box.getText());
        fx(() -> box.setSelected(false));
        waitFor(10, () -> view.lossChart().earlierDataSets() == 0);
    }

    @Test
    void aSecondRunOverlaysTheFirstWhichIsSavedAndReopens() throws Exception {
        // Start is refused while a model loads; and a run this small can begin and end between two looks
        // at its state, so the wait is on what a run leaves behind (its saved log), not on seeing it run
        waitFor(30, () -> !session.models().loadingProperty().get());
        fx(() -> vm.start());
        waitFor(180, () -> vm.runs().lastSavedProperty().get() != null);
        waitFor(30, () -> vm.run().stateProperty().get() == TrainingRunState.State.IDLE);
        Path saved = vm.runs().lastSavedProperty().get();
        assertEquals(RunFolder.runs(), saved.getParent(), "saved in the data folder's runs");
        RunLog log = RunLog.read(saved);
        assertEquals(vm.run().evaluations().size(), log.evaluations().size());
        assertEquals(vm.run().smoothLoss().size(), log.losses().size(), "the smoothed curve is kept");
        assertNotNull(log.settings().corpusHash());
        assertEquals(RunSettings.vocabularyHash(data.vocabulary()), log.settings().vocabularyHash());
        assertEquals("finished", log.end().outcome());
        assertEquals(0, vm.runs().earlier().size(), "the run just made is the current one, not an earlier one");

        // export while it is there: the numbers as CSV, the chart as PNG
        Path csv = DATA_DIR.resolve("run.csv");
        Path png = DATA_DIR.resolve("chart.png");
        fx(() -> {
            vm.runs().exportCsv(vm.run(), csv);
            WritableImage image = RunMenu.snapshot(view.lossChart());
            vm.runs().exportPng(image, png);
        });
        waitFor(30, () -> Files.exists(csv) && Files.exists(png));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", RunExport.HEADER), lines.get(0));
        assertEquals(1 + vm.run().smoothLoss().size() + vm.run().evaluations().size(), lines.size());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 100 && image.getHeight() > 100, image.getWidth() + " x " + image.getHeight());
        try (Stream<Path> left = Files.list(DATA_DIR)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }

        fx(() -> vm.learningRateProperty().set(0.01));
        fx(() -> vm.start());
        waitFor(30, () -> vm.runs().earlier().size() == 1);
        RunHistory.ShownRun first = vm.runs().earlier().get(0);
        assertEquals(0.05, first.settings().learningRate());
        assertEquals(log.evaluations().size(), first.evalX().length);
        waitFor(30, () -> view.lossChart().earlierDataSets() == 3);
        waitFor(180, () -> vm.run().stateProperty().get() == TrainingRunState.State.IDLE);

        fx(() -> vm.runs().open(saved));
        waitFor(30, () -> vm.runs().earlier().size() == 2);
        assertEquals(first.lossY().length, vm.runs().earlier().get(1).lossY().length, "the saved run reopens with its curve");
    }
}
