package org.rnnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnnlab.app.session.ModelSessionFixture.fx;

import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonSteps;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Ctrl+Page Down and Ctrl+Page Up move through the steps as through slides, with the focus in a step's field. */
@ExtendWith(ApplicationExtension.class)
class StepShortcutsTest {
    private LessonSession session;
    private MainWindow window;
    private Scene scene;

    @Start
    void start(Stage stage) {
        org.rnnlab.app.support.Theme.apply(); // as the app: the steps' colours are the theme's looked-up ones
        session = new LessonSession();
        window = new MainWindow(session);
        scene = RnnLabApp.scene(window, 1280, 800);
        stage.setScene(scene);
        stage.show();
        window.installShortcuts();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> window.dispose());
        FxToolkit.cleanupStages();
    }

    private String shown() {
        @SuppressWarnings("unchecked")
        ListView<LessonSteps.Entry> steps = (ListView<LessonSteps.Entry>) scene.lookup("#stepList");
        return steps.getSelectionModel().getSelectedItem().id();
    }

    private void press(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlPageDownAndUpGoToTheNextAndPreviousStep(FxRobot robot) throws Exception {
        String first = LessonSteps.ALL.get(0).id();
        String second = LessonSteps.ALL.get(1).id();
        String last = LessonSteps.ALL.get(LessonSteps.ALL.size() - 1).id();
        fx(() -> window.select(first));
        TextField field = robot.lookup(".text-field").queryAll().stream()
                .filter(n -> n instanceof TextField && n.isVisible() && n.getScene() == scene)
                .map(TextField.class::cast).findFirst().orElseThrow();
        robot.clickOn(field); // typing in a sentence: the shortcut still moves on
        press(robot, KeyCode.PAGE_DOWN);
        assertEquals(second, shown());
        press(robot, KeyCode.PAGE_UP);
        assertEquals(first, shown());
        press(robot, KeyCode.PAGE_UP);
        assertEquals(first, shown(), "nothing before the first step");
        fx(() -> window.select(last));
        press(robot, KeyCode.PAGE_DOWN);
        assertEquals(last, shown(), "nothing after the last");
    }
}
