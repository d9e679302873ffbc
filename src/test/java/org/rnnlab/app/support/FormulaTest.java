package org.rnnlab.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
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
 * A formula is drawn at the pixels it is shown at: at its full size one to one with the window's
 * pixels, and shrunk to a narrow column, drawn again at that size, never sampled down.
 */
@ExtendWith(ApplicationExtension.class)
class FormulaTest {
    // the Language model step's, whose "=" on the second line had vanished in its 300-px column
    private static final String LATEX = "\\begin{array}{l}P(w_1,\\dots,w_m)=\\prod_{i=1}^{m}P(w_i\\mid w_1,\\dots,w_{i-1})"
            + "\\\\\\mathrm{perplexity}=\\exp\\left(-\\frac{1}{N}\\ln P\\right)\\end{array}";
    private Formula formula;
    private VBox column;

    @Start
    void start(Stage stage) {
        formula = Formula.of(LATEX);
        column = new VBox(formula);
        column.setMaxWidth(Double.MAX_VALUE);
        stage.setScene(new Scene(new StackPane(column), 900, 300));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aNarrowColumnGetsTheFormulaDrawnAtItsSize(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double natural = formula.naturalWidth();
        assertTrue(natural > 200 && natural < 900, "room for the whole formula: " + natural);
        double px = formula.getScene().getWindow().getRenderScaleX();
        // drawn at twice the size and shown at half, as it was, the minus of w_{i-1} fell between the samples
        assertEquals(px, formula.pixelsPerPoint(), 0.01, "drawn at the window's pixels a point");
        for (double share : new double[] {0.8, 0.55, 0.4}) {
            robot.interact(() -> column.setMaxWidth(natural * share));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(natural * share, formula.getWidth(), 1.0, "shrunk to its column");
            double ratio = formula.pixelsPerPoint();
            // drawn in steps of 1/16 at or above the size shown (and whole pixels): never sampled down 2 to 1
            double drawn = Math.ceil(share * 16) / 16;
            assertTrue(ratio >= px * 0.98 && ratio <= px * drawn / share * 1.03, share + " of its width: " + ratio + " pixels a point");
        }
        robot.interact(() -> column.setMaxWidth(Double.MAX_VALUE));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(px, formula.pixelsPerPoint(), 0.01, "full size again");
    }

    @Test
    void aPictureAtTwiceTheSizeGetsTheFormulaDrawnAtTwiceThePixels(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        double px = formula.getScene().getWindow().getRenderScaleX();
        double[] during = new double[1];
        robot.interact(() -> Formula.drawnForPicture(2, () -> {
            javafx.scene.image.WritableImage picture = ImageFiles.snapshot(column, 2);
            during[0] = formula.pixelsPerPoint();
            return picture;
        }));
        // upscaled from the screen's pixels, a picture for slides had blurred every formula
        assertEquals(2 * px, during[0], 0.01, "drawn for the picture");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(px, formula.pixelsPerPoint(), 0.01, "and for the screen again");
    }
}
