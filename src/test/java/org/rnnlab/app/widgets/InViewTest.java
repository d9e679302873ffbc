package org.rnnlab.app.widgets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A node below a scroll pane's fold is out of view until the pane scrolls to it. */
@ExtendWith(ApplicationExtension.class)
class InViewTest {
    private Label top;
    private Label bottom;
    private ScrollPane scroll;

    @Start
    void start(Stage stage) {
        top = new Label("top");
        Region tall = new Region();
        tall.setMinHeight(2000);
        bottom = new Label("bottom");
        scroll = new ScrollPane(new VBox(top, tall, bottom));
        stage.setScene(new Scene(scroll, 400, 300));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void whatTheViewportCutsOffIsNotInView(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(InView.of(top));
        assertFalse(InView.of(bottom), "below the fold");
        assertTrue(InView.any(bottom, top));
        robot.interact(() -> scroll.setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(InView.of(bottom), "scrolled to");
        assertFalse(InView.of(top), "scrolled away");
        robot.interact(() -> bottom.setVisible(false));
        assertFalse(InView.of(bottom), "hidden");
    }
}
