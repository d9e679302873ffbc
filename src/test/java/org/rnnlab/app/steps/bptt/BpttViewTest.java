package org.rnnlab.app.steps.bptt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.charts.LogBars;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.session.ModelSessionFixture;
import org.rnnlab.app.session.ModelSessionFixtureStage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class BpttViewTest {
    private LessonSession session;
    private BpttView view;

    @Start
    void start(Stage stage) {
        session = new LessonSession();
        view = new BpttView(session);
        ModelSessionFixtureStage.show(stage, view.getPanel(), session);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> view.dispose());
        fx(() -> session.dispose());
        FxToolkit.cleanupStages();
    }

    @Test
    void barsFollowTheSentenceAndTruncationGreysOutTheCutLags(FxRobot robot) throws Exception {
        ModelSessionFixture.install(session, 30);
        waitFor(60, () -> session.models().model() != null);
        fx(() -> view.onShown()); // as the window does when the step is chosen
        fx(() -> view.viewModel().sentenceProperty().set("the a the a the a the a"));
        robot.clickOn("#bpttShow");
        try {
            waitFor(60, () -> view.viewModel().resultProperty().get() != null && !view.viewModel().runningProperty().get()
                    && view.viewModel().resultProperty().get().words().size() == 10);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no result: " + view.viewModel().problemProperty().get() + " / "
                    + view.viewModel().resultProperty().get(), e);
        }
        LogBars bars = robot.lookup("#bpttCurrentBars").queryAs(LogBars.class);
        assertEquals(9, bars.values().length, "one bar per input word, SENTENCE_START included");
        boolean[] greyed = bars.greyed();
        // oldest on the left: with K = 4 the last five bars (lags 0..4) are kept
        for (int i = 0; i < 9; i++) {
            assertEquals(i < 4, greyed[i], "bar " + i);
        }
        Slider k = robot.lookup("#bpttTruncation").queryAs(Slider.class);
        fx(() -> k.setValue(8));
        waitFor(60, () -> !view.viewModel().runningProperty().get() && view.viewModel().resultProperty().get().bpttTruncate() == 8);
        waitFor(10, () -> !robot.lookup("#bpttCurrentBars").queryAs(LogBars.class).greyed()[0]);
        String error = robot.lookup("#bpttCurrentError").queryAs(Label.class).getText();
        assertTrue(error.contains("0.00 %"), "nothing is cut at K = 8 on 9 steps: " + error);
        assertTrue(robot.lookup("#bpttOutputLabel").queryAs(Label.class).getText().contains("SENTENCE_END"));
        assertTrue(robot.lookup("#bpttDerivation").tryQuery().isPresent());
    }

    @Test
    void theCodeTabShowsTheStepsFunctionInNumpyAndJava(FxRobot robot) throws Exception {
        robot.clickOn("#bpttStepCodeTab");
        waitFor(10, () -> robot.lookup("#codeNumpy").tryQuery().isPresent());
        String numpy = robot.lookup("#codeNumpy").queryAs(org.fxmisc.richtext.CodeArea.class).getText();
        String java = robot.lookup("#codeJava").queryAs(org.fxmisc.richtext.CodeArea.class).getText();
        assertTrue(numpy.startsWith("def bptt(self, x, y):"), numpy);
        assertTrue(java.contains("public double[][][] bptt(int[] x, int[] y)"), java);
        assertTrue(robot.lookup("#codeJavaCopy").tryQuery().isPresent());
    }
}
