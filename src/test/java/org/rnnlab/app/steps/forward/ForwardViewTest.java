package org.rnnlab.app.steps.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.charts.ProbabilityBars;
import org.rnnlab.app.charts.StateStrip;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.session.ModelSessionFixture;
import org.rnnlab.app.session.ModelSessionFixtureStage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ForwardViewTest {
    private LessonSession session;
    private ForwardView view;

    @Start
    void start(Stage stage) {
        session = new LessonSession();
        view = new ForwardView(session);
        ModelSessionFixtureStage.show(stage, view.getPanel(), session);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> view.dispose());
        fx(() -> session.dispose());
        FxToolkit.cleanupStages();
    }

    @Test
    void aClassBasedModelShowsTheFormulaThatRunsUnderTheLessonsOne(FxRobot robot) throws Exception {
        ModelSessionFixture.install(session, 30);
        waitFor(60, () -> session.models().model() != null);
        javafx.scene.Node note = robot.lookup("#classBasedNote").query();
        assertTrue(!note.isVisible() && !note.isManaged(), "the lesson's softmax: no note, and no room kept");
        fx(() -> session.files().initialiseRandom(16, 10, org.rnnlab.engine.Precision.FLOAT32,
                org.rnnlab.training.OutputLayer.CLASS_BASED));
        waitFor(60, () -> session.models().model() != null && session.models().model().classes() != null);
        waitFor(5, note::isVisible);
        String words = robot.lookup("#classBasedNoteText").queryAs(javafx.scene.text.Text.class).getText();
        assertTrue(words.contains(session.models().model().classes().count() + " word classes"), words);
    }

    @Test
    void steppingMovesThroughTheSentence(FxRobot robot) throws Exception {
        ModelSessionFixture.install(session, 30);
        waitFor(60, () -> view.viewModel().traceProperty().get() != null);
        var trace = view.viewModel().traceProperty().get();
        assertEquals(0, view.viewModel().timeProperty().get());
        assertTrue(robot.lookup("#inputWord").queryAs(Label.class).getText().startsWith("x_0 = \"SENTENCE_START\""));
        assertEquals(session.models().model().hiddenDim(), robot.lookup("#stateStrip").queryAs(StateStrip.class).values().length);

        robot.clickOn("#stepForward");
        assertEquals(1, view.viewModel().timeProperty().get());
        assertTrue(robot.lookup("#inputWord").queryAs(Label.class).getText().contains(trace.inputs().get(1)));
        var bars = robot.lookup("#topBars").queryAs(ProbabilityBars.class).bars();
        assertTrue(bars.stream().anyMatch(b -> b.marked() && b.word().equals(trace.targets().get(1))), "the true next word is marked");
        assertTrue(robot.lookup("#verdict").queryAs(Label.class).getText().contains("true next word: \"" + trace.targets().get(1) + "\""));

        robot.clickOn("#stepBack");
        assertEquals(0, view.viewModel().timeProperty().get());
    }

    @Test
    void hoveringTheHeatmapTellsTheExactProbability(FxRobot robot) throws Exception {
        ModelSessionFixture.install(session, 30);
        waitFor(60, () -> view.viewModel().traceProperty().get() != null);
        robot.clickOn("Whole sentence");
        javafx.scene.canvas.Canvas canvas = robot.lookup("#forwardHeatmap").queryAs(javafx.scene.layout.BorderPane.class)
                .lookupAll(".chart").stream().findFirst().map(n -> ((io.fair_acc.chartfx.XYChart) n).getCanvas()).orElseThrow();
        robot.moveTo(canvas);
        waitFor(10, () -> robot.lookup(".heatmap-hover").queryAs(Label.class).getText().contains("o_t["));
        String text = robot.lookup(".heatmap-hover").queryAs(Label.class).getText();
        assertTrue(text.matches("t = \\d+, after .*: o_t\\[.*\\] = 0\\.\\d{6} .*"), text);
    }
}
