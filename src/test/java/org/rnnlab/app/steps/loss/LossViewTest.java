package org.rnnlab.app.steps.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.session.ModelSessionFixture;
import org.rnnlab.app.session.ModelSessionFixtureStage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LossViewTest {
    private LessonSession session;
    private LossView view;

    @Start
    void start(Stage stage) {
        session = new LessonSession();
        view = new LossView(session);
        ModelSessionFixtureStage.show(stage, view.getPanel(), session);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> view.dispose());
        fx(() -> session.dispose());
        FxToolkit.cleanupStages();
    }

    @Test
    void randomWeightsGiveALossCloseToLnC(FxRobot robot) throws Exception {
        var data = ModelSessionFixture.install(session, 30);
        waitFor(60, () -> session.models().model() != null);
        robot.clickOn("#computeLoss");
        waitFor(60, () -> !view.viewModel().runningProperty().get() && !view.viewModel().explanationProperty().get().isEmpty());
        double lnC = Math.log(data.vocabulary().size());
        assertEquals(String.format(java.util.Locale.ROOT, "%.3f", lnC), robot.lookup("#expectedLoss").queryAs(Label.class).getText());
        assertEquals(lnC, view.viewModel().actualProperty().get(), 0.1, "random weights: about 1/C for every word");
        assertEquals(data.size(), view.viewModel().doneProperty().get(), "the fixture has fewer than 1,000 sentences: all are read");
        assertTrue(robot.lookup("#lossExplanation").queryAs(Label.class).getText().contains("close to ln C"));
    }
}
