package org.rnnlab.app.steps.dimensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.session.CorpusSessionFixtures;
import org.rnnlab.app.session.LessonSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class DimensionsViewTest {
    private LessonSession session;

    @Start
    void start(Stage stage) {
        session = new LessonSession();   // no corpus yet: C is the lesson's 8,000
        DimensionsView view = new DimensionsView(session);
        CorpusSessionFixtures.show(stage, (javafx.scene.Parent) view.getPanel());
    }

    @AfterEach
    void tearDown() throws Exception {
        session.dispose();
        FxToolkit.cleanupStages();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theLessonsTable(FxRobot robot) {
        assertEquals("C = 8,000", text(robot, "#dimensionsC"));
        assertEquals("1,610,000", text(robot, "#parameterCount"));
        assertEquals("100 \u00d7 8,000", text(robot, "#shape-U"));
        assertEquals("8,000 \u00d7 100", text(robot, "#shape-V"));
        assertTrue(text(robot, "#memory32").endsWith("6.4 MB"));
        assertTrue(text(robot, "#memory64").endsWith("12.9 MB"));
        assertTrue(text(robot, "#cost-Vst").contains("the largest"));
        assertTrue(!text(robot, "#cost-Wst-1").contains("the largest"));
        assertTrue(text(robot, "#hiddenNote").contains("sizes this table only"), "the H field says it drives nothing else");
    }

    @Test
    void followsHAndC(FxRobot robot) {
        robot.doubleClickOn("#hiddenField").eraseText(6).write("50").type(KeyCode.ENTER);
        assertEquals("802,500", text(robot, "#parameterCount"));   // 2*50*8000 + 50^2
        robot.interact(() -> session.corpus().vocabularySizeProperty().set(4000));
        assertEquals("402,500", text(robot, "#parameterCount"));
        assertEquals("50 \u00d7 4,000", text(robot, "#shape-U"));
        robot.clickOn("#lessonHidden");
        assertEquals("100", robot.lookup("#hiddenField").queryAs(javafx.scene.control.TextField.class).getText());
        assertEquals("810,000", text(robot, "#parameterCount"));
    }

    @Test
    void wWinsWhenHIsBiggerThanC(FxRobot robot) {
        robot.interact(() -> session.corpus().vocabularySizeProperty().set(100));
        robot.doubleClickOn("#hiddenField").eraseText(6).write("500").type(KeyCode.ENTER);
        assertTrue(text(robot, "#cost-Wst-1").contains("the largest"));
        assertTrue(!text(robot, "#cost-Vst").contains("the largest"));
    }
}
