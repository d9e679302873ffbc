package org.rnnlab.app.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.rnnlab.app.session.ModelSessionFixture.fx;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A focused button that disables itself leaves the page where it was: the Training step jumped from its
 * charts to the top when a run ended, its focused Pause or Stop button disabled.
 */
@ExtendWith(ApplicationExtension.class)
class FocusStaysPutTest {
    private Button start;
    private Button stop;
    private ScrollPane page;

    @Start
    void start(Stage stage) {
        start = new Button("Start");
        stop = new Button("Stop");
        page = new ScrollPane();
        TextField top = new TextField("a field at the top of the page");
        Region tall = new Region();
        tall.setMinHeight(2000);
        start.setDisable(true);
        stop.setOnAction(e -> { // as a run's end does: Stop off, Start on
            stop.setDisable(true);
            start.setDisable(false);
        });
        page.setContent(new VBox(top, tall, new HBox(8, start, stop)));
        Scene scene = new Scene(page, 400, 300);
        FocusStaysPut.install(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aButtonThatDisablesItselfMovesNoPage(FxRobot robot) throws Exception {
        fx(() -> page.setVvalue(page.getVmax()));
        robot.clickOn(stop);
        for (int i = 0; i < 3; i++) { // the scene moves a disabled focus at its next pulse
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(50);
        }
        assertEquals(page.getVmax(), page.getVvalue(), 1e-9, "the page stays at its bottom");
        assertSame(start, start.getScene().getFocusOwner(), "the focus goes to Start, beside Stop");
    }
}
