package org.rnnlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Every chart's numbers, as the learner sees them, to CSV. */
@ExtendWith(ApplicationExtension.class)
class ChartNumbersTest {
    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // the toolkit is up; the charts are built in the test
    }

    @Test
    void everyPointOfEverySeriesIsARowAndTheFileIsCsv() throws Exception {
        List<Object[]>[] rows = new List[1];
        WaitForAsyncUtils.asyncFx(() -> {
            XYChart chart = Charts.chart(Charts.axis("x"), Charts.axis("y"));
            ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
            renderer.getDatasets().add(new DoubleDataSet("loss", new double[] {0, 10, 20}, new double[] {8.99, 6.5, 5.25}, 3, false));
            renderer.getDatasets().add(new DoubleDataSet("held out", new double[] {0}, new double[] {9.1}, 1, false));
            chart.getRenderers().add(renderer);
            rows[0] = ChartNumbers.rows(chart);
            assertTrue(chart.getOnContextMenuRequested() != null, "a right click offers the numbers");
        }).get();
        assertEquals(4, rows[0].size());
        assertEquals("loss", rows[0].get(0)[0]);
        assertEquals(6.5, rows[0].get(1)[2]);
        Path file = dir.resolve("loss.csv");
        ChartNumbers.write(rows[0], file);
        assertEquals(List.of("series,x,y,z", "loss,0.0,8.99,", "loss,10.0,6.5,", "loss,20.0,5.25,", "held out,0.0,9.1,"),
                Files.readAllLines(file));
    }
}
