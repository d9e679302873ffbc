package org.rnnlab.app.steps.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.session.ModelSessionFixture;
import org.rnnlab.app.session.ModelSessionFixtureStage;
import org.rnnlab.engine.RnnModel;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {
    private LessonSession session;
    private TrainingView view;
    private TrainingViewModel vm;

    @Start
    void start(Stage stage) {
        session = new LessonSession();
        view = new TrainingView(session);
        vm = view.viewModel();
        ModelSessionFixtureStage.show(stage, view.getPanel(), session);
    }

    @BeforeEach
    void corpusAndModel() throws Exception {
        ModelSessionFixture.install(session, 30);
        waitFor(60, () -> session.models().model() != null && session.models().matchesCorpusProperty().get());
        fx(() -> {
            vm.hiddenSizeProperty().set(16);
            session.files().initialiseRandom(16, 10, org.rnnlab.engine.Precision.FLOAT64);
        });
        waitFor(60, () -> session.models().model() != null && session.models().model().hiddenDim() == 16);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> view.dispose());
        FxToolkit.cleanupStages();
    }

    @Test
    void aShortTrainingPutsPointsOnTheChartAndMovesTheProgressBar(FxRobot robot) throws Exception {
        fx(() -> {
            vm.epochsProperty().set(3);
            vm.evaluateEveryProperty().set(1);
            vm.sentencesProperty().set(100);
            vm.learningRateProperty().set(0.05);
        });
        ProgressBar bar = robot.lookup("#trainingProgress").queryAs(ProgressBar.class);
        assertEquals(0.0, bar.getProgress());
        press(robot, "#startTraining");
        waitFor(60, () -> view.chartData().get(0).getDataCount() > 0);
        waitFor(60, () -> bar.getProgress() > 0);
        waitFor(180, () -> vm.run().stateProperty().get() == TrainingRunState.State.IDLE);
        assertEquals(1.0, bar.getProgress(), 1e-9);
        assertTrue(view.chartData().get(1).getDataCount() > 0, "the smoothed line has points");
        assertEquals(4, view.chartData().get(2).getDataCount(), "an evaluation before each of the 3 epochs and one at the end");
        double first = vm.run().evaluations().get(0).loss();
        double last = vm.run().evaluations().get(vm.run().evaluations().size() - 1).loss();
        assertTrue(last < first, "the loss fell: " + first + " -> " + last);
        assertTrue(vm.run().outcomeProperty().get().startsWith("Finished"), vm.run().outcomeProperty().get());
        assertTrue(session.models().descriptionProperty().get().startsWith("trained in the app"));
    }

    @Test
    void aClassBasedModelChosenInTheOutputLayerFieldTrainsAndItsLossFalls(FxRobot robot) throws Exception {
        robot.clickOn("#outputLayer");
        robot.clickOn("class-based");
        assertEquals(org.rnnlab.training.OutputLayer.CLASS_BASED, vm.outputLayerProperty().get());
        String says = robot.lookup("#startsWith").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(says.contains("class-based output layer"), says);
        fx(() -> {
            vm.epochsProperty().set(3);
            vm.sentencesProperty().set(100);
            vm.learningRateProperty().set(0.05);
        });
        press(robot, "#startTraining");
        waitFor(180, () -> vm.run().stateProperty().get() == TrainingRunState.State.IDLE && vm.run().evaluations().size() == 4);
        RnnModel m = session.models().model();
        assertTrue(m.classes() != null && m.classes().count() > 1, "the run trained a class-based model");
        double first = vm.run().evaluations().get(0).loss();
        double last = vm.run().evaluations().get(vm.run().evaluations().size() - 1).loss();
        assertTrue(last < first, "the loss fell: " + first + " -> " + last);
        assertEquals(org.rnnlab.training.OutputLayer.CLASS_BASED, vm.outputLayerProperty().get(), "the field still says so");
    }

    @Test
    void pauseStepResumeAndStop(FxRobot robot) throws Exception {
        fx(() -> {
            // The most the form allows: the run must outlast the clicks below on a fast machine too.
            vm.epochsProperty().set(1000);
            vm.sentencesProperty().set(100);
        });
        press(robot, "#startTraining");
        waitFor(60, () -> vm.run().examplesSeenProperty().get() > 5);
        press(robot, "#pauseTraining");
        waitFor(30, () -> vm.run().stateProperty().get() == TrainingRunState.State.PAUSED);
        assertEquals("Resume", robot.lookup("#pauseTraining").queryAs(Button.class).getText());
        Thread.sleep(300);
        long paused = vm.run().examplesSeenProperty().get();
        Thread.sleep(700);
        assertEquals(paused, vm.run().examplesSeenProperty().get(), "nothing moves while paused");

        press(robot, "#stepTraining");
        waitFor(30, () -> vm.run().examplesSeenProperty().get() == paused + 1);
        assertEquals(TrainingRunState.State.PAUSED, vm.run().stateProperty().get());
        waitFor(30, () -> robot.lookup("#stepResult").queryLabeled().getText().startsWith("One step on sentence"));

        press(robot, "#pauseTraining");
        waitFor(30, () -> vm.run().stateProperty().get() == TrainingRunState.State.RUNNING);
        waitFor(30, () -> vm.run().examplesSeenProperty().get() > paused + 10);

        // Stop from a pause, so the run cannot have finished on its own before the click lands.
        press(robot, "#pauseTraining");
        waitFor(30, () -> vm.run().stateProperty().get() == TrainingRunState.State.PAUSED);
        press(robot, "#stopTraining");
        waitFor(30, () -> vm.run().stateProperty().get() == TrainingRunState.State.IDLE && !session.models().isTraining());
        assertTrue(vm.run().outcomeProperty().get().startsWith("Stopped"), vm.run().outcomeProperty().get());
    }

    @Test
    void aDivergingRunStopsWithANoticeAndKeepsTheLastGoodModel(FxRobot robot) throws Exception {
        fx(() -> {
            vm.epochsProperty().set(50);
            vm.sentencesProperty().set(100);
            // On the sample corpus a rate of 10 sends the loss to hundreds per word; on this tiny,
            // regular corpus it may not, so the test uses a rate that surely does.
            vm.learningRateProperty().set(1e6);
        });
        press(robot, "#startTraining");
        // Start first makes a fresh lesson model in the background, then the run begins
        waitFor(60, () -> session.models().isTraining() || vm.run().divergedProperty().get());
        waitFor(120, () -> vm.run().stateProperty().get() == TrainingRunState.State.IDLE && !session.models().isTraining());
        assertTrue(vm.run().divergedProperty().get(), vm.run().outcomeProperty().get());
        assertTrue(session.notices().lastMessage().startsWith("Training diverged"), session.notices().lastMessage());
        RnnModel kept = session.models().model();
        assertTrue(Double.isFinite(kept.U().sumNumber().doubleValue())
                && Double.isFinite(kept.V().sumNumber().doubleValue())
                && Double.isFinite(kept.W().sumNumber().doubleValue()), "the kept parameters are finite");
    }

    @Test
    void everyStreamFillsItsChartLiveAndTheLearningRateChangesMidRun(FxRobot robot) throws Exception {
        fx(() -> {
            vm.epochsProperty().set(1000);
            vm.sentencesProperty().set(100);
            vm.learningRateProperty().set(0.01);
            vm.hiddenSizeProperty().set(64); // steps slow enough that the run outlasts the first live checks on any machine
        });
        PulseMonitor pulses = new PulseMonitor();
        fx(pulses::start);
        press(robot, "#startTraining");
        waitFor(60, () -> session.models().isTraining());
        long startedAt = System.nanoTime();
        // from the first probe on, what streams in (probe bars, the first check's verdicts, held-out points,
        // the model line's counts) has its room already: no island of the page asks the page to lay out again
        // (on two cores each time paused the window)
        waitFor(60, () -> view.livePanels().probe().columns() >= 1);
        java.util.List<String> asked = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        fx(() -> {
            for (javafx.scene.Node n : robot.lookup(n -> n instanceof org.rnnlab.app.widgets.LayoutIsland).queryAll()) {
                org.rnnlab.app.widgets.LayoutIsland island = (org.rnnlab.app.widgets.LayoutIsland) n;
                island.needsLayoutProperty().addListener((o, was, needs) -> {
                    if (needs) {
                        javafx.scene.Node content = island.getChildrenUnmodifiable().get(0);
                        asked.add(content.getClass().getSimpleName() + " " + content.getId() + " at " + island.getHeight() + " px");
                    }
                });
            }
        });
        waitFor(60, () -> view.livePanels().probe().columns() >= 3);
        waitFor(60, () -> view.chartData().get(3).getDataCount() > 0);
        waitFor(90, () -> view.livePanels().check().points() > 0 || !session.models().isTraining());
        assertTrue(view.livePanels().check().points() > 0, "a live check while the run went on: " + vm.run().outcomeProperty().get());
        fx(() -> { }); // the check's redraw and its layout pass are done
        assertEquals(java.util.List.of(), asked, "the streams' first values changed no island's size");
        javafx.scene.control.Label summary = robot.lookup("#liveCheckSummary").queryAs(javafx.scene.control.Label.class);
        assertTrue(on(() -> summary.getTooltip() != null && summary.getTooltip().getText().contains("h ten times smaller")),
                "the check's summary says why a failing element is looked at again");

        // at 1280x800 the probe's panels are below the fold: they are drawn once scrolled into sight
        ProbeHeatmap probe = view.livePanels().probe();
        boolean below = !on(() -> org.rnnlab.app.widgets.InView.any(probe, probe.bars()));
        System.out.println("probe panels below the fold: " + below);
        if (below) {
            waitFor(10, () -> probe.columns() > 1);
            assertTrue(!on(probe::drawnUpToDate), "out of sight, the probe is not drawn anew");
            fx(() -> {
                javafx.scene.Node n = probe;
                while (!(n instanceof javafx.scene.control.ScrollPane)) {
                    n = n.getParent();
                }
                ((javafx.scene.control.ScrollPane) n).setVvalue(0.75);
            });
            assertTrue(on(() -> org.rnnlab.app.widgets.InView.any(probe, probe.bars())), "scrolled into sight");
            waitFor(10, () -> on(probe::drawnUpToDate) || !session.models().isTraining());
            assertTrue(on(probe::drawnUpToDate), "in sight, it is drawn within a second or two");
        }
        assertTrue(robot.lookup("#liveCheckVerdicts").queryAs(javafx.scene.layout.VBox.class).getChildren().size() == 3,
                "a verdict line per parameter");
        assertTrue(robot.lookup("#splitNote").queryLabeled().getText().contains("held out (10%, seed 10)"),
                robot.lookup("#splitNote").queryLabeled().getText());

        fx(() -> vm.learningRateProperty().set(0.02));
        press(robot, "#applyLearningRate");
        waitFor(30, () -> !vm.run().rateSets().isEmpty());
        assertEquals(0.02, vm.run().rateSets().get(0).learningRate());
        assertTrue(vm.run().currentLearningRateProperty().get() <= 0.02, "the run goes on from it (or from its halving)");

        long seenBefore = vm.run().examplesSeenProperty().get();
        Thread.sleep(4000);
        long seenAfter = vm.run().examplesSeenProperty().get();
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        fx(pulses::stop);
        if (session.models().isTraining()) { // a fast machine may have run all 1,000 epochs already
            press(robot, "#stopTraining");
        }
        waitFor(30, () -> vm.run().stateProperty().get() == TrainingRunState.State.IDLE && !session.models().isTraining());
        System.out.printf(java.util.Locale.ROOT,
                "live streams: %s; %.1f sentences/s over the run (%d in the last 4 s); "
                        + "live check %s%n", pulses.summary(), vm.run().averageSentencesPerSecond(System.nanoTime()),
                seenAfter - seenBefore, vm.run().check().summary());
        assertTrue(seconds > 0 && pulses.pulses() > 10, "the FX thread pulsed");
        // a generous bound for a shared test machine; the report gives the measured figure (target 50 ms)
        assertTrue(pulses.maxGapMillis() < 1000, "the FX thread stayed responsive: " + pulses.maxGapMillis() + " ms");
    }

    /**
     * Presses a control button as a user would, but through the button itself rather than the mouse:
     * a notice popping up over the window (the app shows them bottom-right) must not swallow the click.
     * The button has to be visible and enabled, as for a real press.
     */
    private static void press(FxRobot robot, String query) throws Exception {
        Button button = robot.lookup(query).queryAs(Button.class);
        fx(() -> {
            assertTrue(button.isVisible() && !button.isDisabled(), query + " cannot be pressed now");
            button.fire();
        });
    }

    private static <T> T on(java.util.concurrent.Callable<T> c) {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(c).get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
