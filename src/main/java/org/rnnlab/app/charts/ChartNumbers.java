package org.rnnlab.app.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.dataset.DataSet;
import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.stage.FileChooser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.common.AtomicFiles;

/**
 * The numbers behind a chart, as the learner sees them: a right click on any chart offers to save
 * them as CSV (one row a point: the series, x, y, and z for a heatmap), written atomically off the
 * FX thread.
 */
public final class ChartNumbers {
    static final String[] HEADER = {"series", "x", "y", "z"};

    private ChartNumbers() {
    }

    /** Adds "Save the numbers as CSV..." to the chart's context menu. */
    public static void offer(XYChart chart) {
        MenuItem save = new MenuItem();
        save.textProperty().bind(I18n.bind("app.chart.csv"));
        save.setOnAction(e -> choose(chart));
        ContextMenu menu = new ContextMenu(save);
        chart.setOnContextMenuRequested(e -> menu.show(chart, e.getScreenX(), e.getScreenY()));
    }

    private static void choose(XYChart chart) {
        FileChooser c = new FileChooser();
        c.setTitle(I18n.text("app.chart.csv"));
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        c.setInitialFileName((chart.getId() == null ? "chart" : chart.getId()) + ".csv");
        File f = c.showSaveDialog(chart.getScene() == null ? null : chart.getScene().getWindow());
        if (f != null) {
            save(rows(chart), f.toPath());
        }
    }

    /** Writes the rows in the background; a failure is said in a dialog. */
    static void save(List<Object[]> rows, Path file) {
        Thread writer = new Thread(() -> {
            try {
                write(rows, file);
            } catch (IOException e) {
                Platform.runLater(() -> new Alert(Alert.AlertType.WARNING,
                        I18n.text("app.chart.csvFailed", file, org.rnnlab.common.IoReason.of(e))).show());
            }
        }, "rnnlab-chart-csv");
        writer.setDaemon(true);
        writer.start();
    }

    static void write(List<Object[]> rows, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
            for (Object[] r : rows) {
                csv.printRecord(r);
            }
            csv.flush();
        });
    }

    /** Every point of every data set the chart draws, read now (FX thread). */
    static List<Object[]> rows(XYChart chart) {
        Set<DataSet> sets = new LinkedHashSet<>(chart.getDatasets());
        for (Renderer r : chart.getRenderers()) {
            sets.addAll(r.getDatasets());
        }
        List<Object[]> rows = new ArrayList<>();
        for (DataSet ds : sets) {
            String name = ds.getName() == null ? "" : ds.getName();
            boolean z = ds.getDimension() > 2;
            int n = ds.getDataCount();
            for (int i = 0; i < n; i++) {
                rows.add(new Object[] {name, ds.get(DataSet.DIM_X, i), ds.get(DataSet.DIM_Y, i),
                    z ? ds.get(DataSet.DIM_Z, i) : ""});
            }
        }
        return rows;
    }
}
