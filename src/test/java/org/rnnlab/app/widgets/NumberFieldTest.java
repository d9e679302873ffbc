package org.rnnlab.app.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Scene;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A problem under a field wraps onto more lines: the field keeps its width, its row does not reflow. */
@ExtendWith(ApplicationExtension.class)
class NumberFieldTest {
    private NumberField sentences;
    private Region after;

    @Start
    void start(Stage stage) {
        sentences = new NumberField(NumberInput.whole("the number of sentences", new SimpleIntegerProperty(1000), 1, 10_000_000))
                .setFieldId("sentences").columns(7);
        after = new Region();
        after.setPrefSize(60, 30);
        FlowPane row = new FlowPane(10, 6, sentences, after);
        stage.setScene(new Scene(row, 400, 200));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aLongProblemWrapsUnderTheFieldInsteadOfWideningIt(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double width = sentences.getWidth();
        double hintHeight = sentences.hint().getHeight();
        double nextX = after.getLayoutX();
        robot.interact(() -> {
            sentences.editor().setText("99999999999999");
            sentences.input().commit();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(sentences.showsProblem(), sentences.hint().getText());
        assertTrue(sentences.hint().getText().contains("too large"), sentences.hint().getText());
        assertEquals(width, sentences.getWidth(), 0.5, "the field keeps its width");
        assertEquals(nextX, after.getLayoutX(), 0.5, "what follows it in the row stays where it was");
        assertTrue(sentences.hint().getHeight() > hintHeight + 5, "the problem takes more lines than the range did");
    }
}
