package org.rnnlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import io.fair_acc.chartfx.axes.spi.AbstractAxis;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.session.ModelSessionFixtureStage;
import org.rnnlab.app.support.Theme;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A heatmap asked to label every row does, at the default text size and two sizes up. */
@ExtendWith(ApplicationExtension.class)
class HeatmapTest {
    private static final int ROWS = 34;
    private Heatmap heatmap;

    @Start
    void start(Stage stage) {
        heatmap = new Heatmap("next word", "input word x_t", "log10 o_t[word]");
        ScrollPane scroll = new ScrollPane(heatmap.node());
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        ModelSessionFixtureStage.show(stage, scroll);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> Theme.fontSizeProperty().set(Theme.DEFAULT_FONT));
        FxToolkit.cleanupStages();
    }

    @Test
    void everyRowOfALongSentenceHasItsLabel() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(i + ": word" + i);
        }
        List<String> columns = List.of("the", "of", "and", "to", "a", "in", "we", "our");
        double[][] values = new double[ROWS][columns.size()];
        fx(() -> {
            heatmap.labelEveryCell(true, true);
            heatmap.setData(rows, columns, values);
        });
        for (double font : new double[] {Theme.DEFAULT_FONT, Theme.DEFAULT_FONT + 2 * Theme.FONT_STEP}) {
            fx(() -> Theme.fontSizeProperty().set(font));
            try {
                waitFor(10, () -> labelled((AbstractAxis) heatmap.chart().getYAxis()) == ROWS);
            } catch (java.util.concurrent.TimeoutException e) {
                // the assertion below says how many
            }
            assertEquals(ROWS, labelled((AbstractAxis) heatmap.chart().getYAxis()), "rows labelled at " + font + " px");
            assertEquals(columns.size(), labelled((AbstractAxis) heatmap.chart().getXAxis()), "columns labelled at " + font + " px");
        }
    }

    /** New data keep the chart's style: a changed inline style restyles the whole chart, mid-run. */
    @Test
    void newDataKeepThePreferredHeightAndTheStyle() throws Exception {
        String[] styles = new String[2];
        fx(() -> {
            heatmap.setPreferredHeight(230);
            styles[0] = heatmap.chart().getStyle();
            heatmap.setData(List.of("the", "cat"), List.of("100", "200"), new double[][] {{0.1, 0.2}, {0.3, 0.4}});
            styles[1] = heatmap.chart().getStyle();
        });
        assertTrue(styles[0].contains("-fx-pref-height: 230px"), styles[0]);
        assertEquals(styles[0], styles[1]);
    }

    /**
     * Room kept for a number of labelled rows (the training probe's 16 at most): data of that many rows
     * then change nothing in the chart's heights, at two text sizes, so the first probe moves no page.
     */
    @Test
    void roomKeptForItsRowsIsEnoughForThem() throws Exception {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            rows.add("word" + i);
        }
        List<String> columns = List.of("0", "1,553", "2,701", "4,496", "6,002", "7,201", "9,000");
        for (double font : new double[] {Theme.DEFAULT_FONT, Theme.DEFAULT_FONT + 2 * Theme.FONT_STEP}) {
            String[] styles = new String[2];
            fx(() -> {
                Theme.fontSizeProperty().set(font);
                heatmap.labelEveryCell(true, false);
                heatmap.setPreferredRows(16);
                heatmap.setData(List.of(), List.of(), new double[0][0]);
                styles[0] = heatmap.chart().getStyle();
                heatmap.setData(rows, columns, new double[16][columns.size()]);
                styles[1] = heatmap.chart().getStyle();
            });
            assertEquals(styles[0], styles[1], "the heights at " + font + " px");
            try {
                waitFor(10, () -> labelled((AbstractAxis) heatmap.chart().getYAxis()) == 16);
            } catch (java.util.concurrent.TimeoutException e) {
                // the assertion below says how many
            }
            assertEquals(16, labelled((AbstractAxis) heatmap.chart().getYAxis()), "every row named in that room at " + font + " px");
        }
    }

    @Test
    void noToolBarSlidesOverTheTopRow(FxRobot robot) throws Exception {
        fx(() -> heatmap.setData(List.of("a", "b"), List.of("x", "y"), new double[2][2]));
        var canvas = heatmap.chart().getCanvas();
        javafx.geometry.Bounds b = canvas.localToScreen(canvas.getLayoutBounds());
        robot.moveTo(new javafx.geometry.Point2D(b.getCenterX(), b.getMinY() + 3));
        Thread.sleep(800);   // ChartFX shows it after a delay, animated
        WaitForAsyncUtils.waitForFxEvents();
        var bar = heatmap.chart().getToolBar();
        boolean shown = bar.isVisible() && bar.getScene() != null && bar.localToScene(bar.getLayoutBounds()).getHeight() > 0
                && heatmap.chart().getMenuPane().getTriggerDistance() >= 0;
        assertFalse(shown, "ChartFX's empty tool bar stays hidden");
    }

    private static int labelled(AbstractAxis axis) {
        return (int) axis.getTickMarks().stream()
                .filter(m -> m.isVisible() && m.getText() != null && !m.getText().isEmpty()).count();
    }

    @Test
    void aMissingValueIsSentBeyondAFixedColourRangeSoItShowsBlank() throws Exception {
        double[][] values = {{Double.NaN, -12}, {0, 5}};
        fx(() -> {
            heatmap.setColourRange(-12, 0);
            heatmap.setData(List.of("r0", "r1"), List.of("c0", "c1"), values);
        });
        io.fair_acc.dataset.DataSet data = heatmap.chart().getRenderers().get(0).getDatasets().get(0);
        // grid row 0 is the bottom row (r1), x fastest: r0 c0 is index 2, r0 c1 index 3, r1 c1 index 1
        double missing = data.get(io.fair_acc.dataset.DataSet.DIM_Z, 2);
        assertTrue(missing > 0, "a NaN cell is given " + missing + ", inside the range [-12, 0]: drawn as the lowest colour");
        assertEquals(-12, data.get(io.fair_acc.dataset.DataSet.DIM_Z, 3), 0.0);
        assertEquals(0, data.get(io.fair_acc.dataset.DataSet.DIM_Z, 1), 0.0, "a value above the range is pinned to its end");
    }
}
