package org.rnnlab.app.steps.gradcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.session.ModelSessionFixtureStage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class GradientCheckViewTest {
    private GradientCheckView view;
    private LessonSession session;

    @Start
    void start(Stage stage) {
        session = new LessonSession();
        view = new GradientCheckView(session);
        ModelSessionFixtureStage.show(stage, view.getPanel(), session);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            view.dispose();
            session.dispose();
        });
        FxToolkit.cleanupStages();
    }

    @Test
    void theLessonsCheckPassesForUVAndW(FxRobot robot) throws Exception {
        robot.clickOn("#runGradientCheck");
        waitFor(180, () -> !view.viewModel().runningProperty().get() && !view.viewModel().summaryProperty().get().isEmpty());
        for (String p : new String[] {"U", "V", "W"}) {
            String verdict = robot.lookup("#gcVerdict" + p).queryAs(Label.class).getText();
            assertEquals("Gradient check for parameter " + p + " passed (" + (p.equals("W") ? "100" : "1,000") + " elements).", verdict);
            assertEquals(1.0, robot.lookup("#gcProgress" + p).queryAs(ProgressBar.class).getProgress(), 1e-9);
        }
        assertEquals(2100, robot.lookup("#gcTable").queryAs(TableView.class).getItems().size(),
                "every element of U (10 x 100), V (100 x 10) and W (10 x 10) is listed");
        assertTrue(view.viewModel().summaryProperty().get().contains("the gradients are right"));
    }

    @Test
    void aBadExampleIsSaidBesideRunAndMarksItsField(FxRobot robot) throws Exception {
        javafx.scene.control.TextField x = robot.lookup("#gcX").queryAs(javafx.scene.control.TextField.class);
        robot.clickOn(x);
        fx(x::selectAll);
        robot.write("[0, 1, 200, 3]"); // typed over the lesson's example
        assertTrue(robot.lookup("#runGradientCheck").queryButton().isDisabled(), "nothing to run");
        String problem = robot.lookup("#gcInputProblem").queryAs(Label.class).getText();
        assertEquals("x holds 200, but word indices go from 0 to C - 1 = 99.", problem);
        assertTrue(x.getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER), "the field to change");
        fx(() -> {
            view.getPanel().setStyle("-fx-font-size: 18px;"); // two sizes up, for a projector
            view.viewModel().xProperty().set("[0, 1, 2, three hundred and twenty-one thousand]"); // the longest line
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Button runButton = robot.lookup("#runGradientCheck").queryButton();
        javafx.scene.control.Button cancelButton = robot.lookup("#cancelGradientCheck").queryButton();
        assertTrue(runButton.getWidth() >= runButton.prefWidth(-1) - 0.5, "Run keeps its words: " + runButton.getWidth());
        assertTrue(cancelButton.getWidth() >= cancelButton.prefWidth(-1) - 0.5, "so does Cancel: " + cancelButton.getWidth());
        fx(() -> view.viewModel().xProperty().set("[0, 1, 200, 3]"));
        fx(() -> view.viewModel().xProperty().set("[0, 1, 2, 3]"));
        assertFalse(robot.lookup("#runGradientCheck").queryButton().isDisabled());
        assertFalse(x.getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER));
        assertEquals(false, view.viewModel().runningProperty().get());
    }

    @Test
    void aChosenBugIsExplainedAndCaughtOnTheParametersItBreaks(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.rnnlab.engine.ReferenceRnn.Bug> bugs =
                robot.lookup("#gcBug").queryAs(javafx.scene.control.ComboBox.class);
        assertTrue(robot.lookup("#gcBugWhy").queryAs(Label.class).getText().contains("should pass"));
        fx(() -> bugs.setValue(org.rnnlab.engine.ReferenceRnn.Bug.TRUNCATION_KEPT));
        assertTrue(robot.lookup("#gcBugWhy").queryAs(Label.class).getText().contains("after 1 step back"),
                robot.lookup("#gcBugWhy").queryAs(Label.class).getText());
        robot.clickOn("#runGradientCheck");
        waitFor(180, () -> !view.viewModel().runningProperty().get() && !view.viewModel().summaryProperty().get().isEmpty());
        assertTrue(robot.lookup("#gcVerdictU").queryAs(Label.class).getText().startsWith("Gradient Check ERROR: parameter=U"));
        assertTrue(robot.lookup("#gcVerdictV").queryAs(Label.class).getText().contains("passed"));
        assertTrue(robot.lookup("#gcVerdictW").queryAs(Label.class).getText().startsWith("Gradient Check ERROR: parameter=W"));
    }
}
