package org.rnnlab.app.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * A label that keeps room for two lines is as high, empty, as a label showing two lines, at any text
 * size, and never less high than its text needs, even in a parent that gives it only its minimum.
 */
@ExtendWith(ApplicationExtension.class)
class TextRoomTest {
    private Label reserved;
    private Label twoLines;
    private Label fixed;

    @Start
    void start(Stage stage) {
        reserved = TextRoom.label(2);
        twoLines = new Label("the first line\nthe second");
        fixed = TextRoom.fixed(2);
        stage.setScene(new Scene(new VBox(reserved, twoLines, fixed), 400, 300));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void roomForTwoLinesIsTheHeightOfTwoLinesAndFollowsTheTextSize(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double small = reserved.getHeight();
        assertEquals(twoLines.getHeight(), small, 0.5, "empty, it already takes two lines");
        robot.interact(() -> {
            reserved.setStyle("-fx-font-size: 28px;");
            twoLines.setStyle("-fx-font-size: 28px;");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(reserved.getHeight() > 1.6 * small, "larger text, more room: " + reserved.getHeight());
        assertEquals(twoLines.getHeight(), reserved.getHeight(), 0.5);
        robot.interact(() -> reserved.setText("one\ntwo\nthree"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(reserved.getHeight() > twoLines.getHeight() + 10, "text that needs more lines gets them");
        assertEquals(reserved.prefHeight(-1), reserved.minHeight(-1), 0.5, "and cannot be squeezed below them");
    }

    @Test
    void aFixedRoomKeepsItsHeightWhateverItsTextAndTellsTheWholeInItsTooltip(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double empty = fixed.getHeight();
        assertEquals(twoLines.getHeight(), empty, 0.5, "empty, it already takes two lines");
        assertEquals(null, fixed.getTooltip(), "no tooltip over an empty line");
        String sentence = "one\ntwo\nthree\nfour";
        robot.interact(() -> fixed.setText(sentence));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(empty, fixed.getHeight(), 0.5, "four lines of text do not make it grow");
        assertEquals(sentence, fixed.getTooltip().getText());
    }
}
