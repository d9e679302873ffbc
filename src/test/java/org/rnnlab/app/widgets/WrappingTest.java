package org.rnnlab.app.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
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

/**
 * In a column too short for everything, a wrapping label keeps all its lines and the column
 * overflows, where a label that only wraps is cut to one line and an ellipsis.
 */
@ExtendWith(ApplicationExtension.class)
class WrappingTest {
    private static final String TEXT = "a sentence long enough to need three or four lines in a column of this width";
    private Label wrapped;
    private Label onlyWraps;

    @Start
    void start(Stage stage) {
        wrapped = Wrapping.wrap(new Label(TEXT));
        onlyWraps = new Label(TEXT);
        onlyWraps.setWrapText(true);
        VBox column = new VBox(wrapped, onlyWraps);
        column.setMaxSize(160, 60); // less than the two labels' lines need
        stage.setScene(new Scene(new VBox(column), 400, 300));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aWrappedLabelKeepsAllItsLinesWhereAWrappingOneIsCut(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(wrapped.isWrapText());
        double lines = wrapped.prefHeight(wrapped.getWidth());
        assertTrue(lines > 2.5 * onlyWraps.minHeight(onlyWraps.getWidth()), "several lines: " + lines);
        assertEquals(lines, wrapped.getHeight(), 0.5, "all of them laid out");
        assertTrue(onlyWraps.getHeight() < lines - 10, "the other was given less: " + onlyWraps.getHeight());
        assertFalse(wrapped.getHeight() < wrapped.minHeight(wrapped.getWidth()) - 0.5);
    }
}
