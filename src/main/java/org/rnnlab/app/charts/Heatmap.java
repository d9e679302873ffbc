package org.rnnlab.app.charts;

import org.rnnlab.app.i18n.I18n;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.AxisLabelOverlapPolicy;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ContourType;
import io.fair_acc.chartfx.renderer.spi.ContourDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.utils.ColorGradient;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.spi.DoubleGridDataSet;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rnnlab.app.support.Theme;

/**
 * A ChartFX heatmap with a labelled row and column for every cell (words, positions, parameter
 * indices) and a line under it that tells the exact value of the cell under the mouse.
 */
public final class Heatmap {
    /** Says what a cell holds, for the hover line. */
    @FunctionalInterface
    public interface CellText {
        String describe(int row, int column, double value);
    }

    // Numeric axes with one tick per cell, labelled by the cell's name (ChartFX's CategoryAxis puts
    // its labels one or more cells off on an inverted or short axis).
    /** The tick labels' size, in em (the app's stylesheet sets ChartFX's to 0.8em). */
    static final double TICK_EM = 0.8;
    // ChartFX asks for two font sizes per label before it labels every tick; when every cell is to
    // be labelled, the chart's minimum size already leaves room for one line per cell.
    private final DefaultNumericAxis xAxis = new DefaultNumericAxis() {
        @Override
        public double computePreferredTickUnit(double axisLength) {
            return everyColumn ? 1 : super.computePreferredTickUnit(axisLength);
        }
    };
    private final DefaultNumericAxis yAxis = new DefaultNumericAxis() {
        @Override
        public double computePreferredTickUnit(double axisLength) {
            return everyRow ? 1 : super.computePreferredTickUnit(axisLength);
        }
    };
    private List<String> rowLabels = List.of();
    private List<String> columnLabels = List.of();
    private final DefaultNumericAxis zAxis = new DefaultNumericAxis();
    private final ContourDataSetRenderer renderer = new ContourDataSetRenderer();
    private final XYChart chart;
    private final Label hover = new Label(" ");
    private final BorderPane root = new BorderPane();
    private double[][] values = new double[0][0];
    private DoubleUnaryOperator colourScale = DoubleUnaryOperator.identity();
    private CellText cellText = (r, c, v) -> I18n.text("app.chart.cell", r, c, String.format(java.util.Locale.ROOT, "%.4g", v));
    private boolean everyRow;
    private boolean everyColumn;
    private double preferredHeight = 450;
    // Held by the node: the weak wrapper lets a discarded page be collected.
    private final javafx.beans.InvalidationListener resize = o -> fitCells();

    /** Axis names that follow the language (the constructor's names are fixed). */
    public void bindAxisNames(javafx.beans.value.ObservableValue<String> xName, javafx.beans.value.ObservableValue<String> yName,
                              javafx.beans.value.ObservableValue<String> zName) {
        xAxis.nameProperty().bind(xName);
        yAxis.nameProperty().bind(yName);
        zAxis.nameProperty().bind(zName);
    }

    public Heatmap(String xName, String yName, String zName) {
        xAxis.setName(xName);
        yAxis.setName(yName);
        zAxis.setName(zName);
        for (var axis : List.of(xAxis, yAxis, zAxis)) {
            axis.setAnimated(false);
            axis.setAutoRangeRounding(false);
        }
        xAxis.setAutoRanging(false);
        yAxis.setAutoRanging(false);
        xAxis.setUnit(null);
        yAxis.setUnit(null);
        zAxis.setUnit(null);
        xAxis.setTickLabelFormatter(labels(() -> columnLabels));
        yAxis.setTickLabelFormatter(labels(() -> reversed(rowLabels)));
        xAxis.setOverlapPolicy(AxisLabelOverlapPolicy.SKIP_ALT);
        xAxis.getTickLabelStyle().setRotate(90);
        yAxis.setOverlapPolicy(AxisLabelOverlapPolicy.SKIP_ALT);
        // Rows read from the top down, like the sentence does. Not by inverting the axis: ChartFX
        // keeps an inverted axis's old offset when it is resized, and the rows slide off their
        // labels. Row r is drawn at y = rows - 1 - r instead.
        zAxis.setSide(Side.RIGHT);
        zAxis.setAutoRanging(true);
        chart = new XYChart(xAxis, yAxis);
        ChartNumbers.offer(chart);
        chart.getAxes().add(zAxis);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        renderer.getAxes().addAll(xAxis, yAxis, zAxis);
        renderer.setContourType(ContourType.HEATMAP);
        renderer.setColorGradient(ColorGradient.VIRIDIS);
        renderer.setSmooth(false);
        chart.getRenderers().setAll(renderer);
        chart.getCanvas().addEventHandler(MouseEvent.MOUSE_MOVED, this::onHover);
        chart.getCanvas().addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setText(" "));
        chart.setMinWidth(200);
        Charts.redrawOnResize(chart);
        Charts.hideToolBar(chart);
        Charts.heights(chart, 150, 450, 4096);
        chart.getStyleClass().add("heatmap");
        chart.getGridRenderer().getHorizontalMajorGrid().setVisible(false);
        chart.getGridRenderer().getVerticalMajorGrid().setVisible(false);
        chart.getGridRenderer().getHorizontalMinorGrid().setVisible(false);
        chart.getGridRenderer().getVerticalMinorGrid().setVisible(false);
        xAxis.getAxisLabelFormatter().setTickUnitSupplier(Heatmap::wholeCellStep);
        yAxis.getAxisLabelFormatter().setTickUnitSupplier(Heatmap::wholeCellStep);
        hover.getStyleClass().add("heatmap-hover");
        hover.setMaxWidth(Double.MAX_VALUE);
        hover.setPadding(new Insets(2, 6, 2, 6));
        hover.setAlignment(Pos.CENTER_LEFT);
        root.setCenter(chart);
        root.setBottom(hover);
        VBox.setVgrow(root, Priority.ALWAYS);
        Theme.fontSizeProperty().addListener(new javafx.beans.WeakInvalidationListener(resize));
    }

    /**
     * Asks for a label on every row, and on every column where they fit. The chart's minimum
     * height then follows the number of rows and the text size (a scroll pane around it scrolls
     * rather than let ChartFX skip row labels); columns that do not fit keep every other label,
     * so the chart never scrolls sideways. For a few dozen rows (the words of a sentence), not for 100 x 100.
     */
    public void labelEveryCell(boolean rows, boolean columns) {
        this.everyRow = rows;
        this.everyColumn = columns;
        fitCells();
    }

    /**
     * The chart's preferred height (450 px unless set); its minimum still follows the rows and the
     * text size. Set here rather than on the chart: each new data fits the heights again, and a
     * height set on the chart was replaced at the first data, which changed the chart's inline
     * style, restyled the whole chart and laid the page out again in the middle of a training run.
     */
    public void setPreferredHeight(double height) {
        preferredHeight = height;
        fitCells();
    }

    /**
     * Room for {@code rows} labelled rows at the current text size, and at each later one, kept from the
     * start (for a chart whose column labels stand upright): data of up to that many rows leave the chart's
     * heights as they are, so its first data do not move the page, nor restyle the chart mid-run.
     */
    public void setPreferredRows(int rows) {
        preferredRows = rows;
        fitCells();
    }

    private int preferredRows;

    /** The height of one cell when every row is labelled: a tick label and its spacing, in em. */
    static final double CELL_EM = 1.3;

    private void fitCells() {
        double em = Theme.fontSizeProperty().get();
        double tick = TICK_EM * em;
        double cell = CELL_EM * em;
        double minHeight = 150 * em / Theme.DEFAULT_FONT;
        if (everyRow && !rowLabels.isEmpty()) {
            // the rows, then the x axis under them: its rotated labels, the axis name, the ticks
            minHeight = rowLabels.size() * cell + longest(columnLabels, tick) + 2.5 * em + 16;
        }
        xAxis.setMaxMajorTickLabelCount(everyColumn ? Math.max(20, columnLabels.size() + 2) : 20);
        yAxis.setMaxMajorTickLabelCount(everyRow ? Math.max(20, rowLabels.size() + 2) : 20);
        if (preferredRows > 0) {
            // the rows, then the x axis: its tick labels upright, its name and its ticks
            double kept = Math.max(preferredRows, rowLabels.size()) * cell + 2 * tick + 2.5 * em + 16;
            Charts.heights(chart, kept, kept, 4096);
        } else {
            Charts.heights(chart, minHeight, Math.max(preferredHeight, minHeight), 4096);
        }
        chart.requestLayout();
    }

    /** The width of the longest label at the tick labels' font size. */
    private static double longest(List<String> labels, double size) {
        javafx.scene.text.Text t = new javafx.scene.text.Text();
        t.setFont(javafx.scene.text.Font.font(size));
        double w = 0;
        for (String l : labels) {
            t.setText(l);
            w = Math.max(w, t.getLayoutBounds().getWidth());
        }
        return w;
    }

    public BorderPane node() {
        return root;
    }

    public XYChart chart() {
        return chart;
    }

    /** Maps a cell's value to its colour position (e.g. log10 of a probability); the hover line shows the raw value. */
    public void setColourScale(DoubleUnaryOperator scale) {
        this.colourScale = scale;
    }

    public void setCellText(CellText text) {
        this.cellText = text;
    }

    /** Fixes the colour range (in colour-scale units); NaN for automatic. */
    public void setColourRange(double min, double max) {
        if (Double.isNaN(min) || Double.isNaN(max)) {
            zAxis.setAutoRanging(true);
        } else {
            zAxis.setAutoRanging(false);
            zAxis.setMin(min);
            zAxis.setMax(max);
        }
    }

    /** A value beyond the fixed colour range, which ChartFX leaves blank. */
    private double blank() {
        return zAxis.getMax() + (zAxis.getMax() - zAxis.getMin()) + 1;
    }

    /**
     * Shows {@code values[row][column]}; the labels name the rows (top to bottom) and columns. A
     * NaN value (nothing there yet) is left blank when the colour range is fixed.
     */
    public void setData(List<String> rowLabels, List<String> columnLabels, double[][] values) {
        this.values = values;
        int rows = rowLabels.size();
        int cols = columnLabels.size();
        if (rows == 0 || cols == 0) {
            renderer.getDatasets().clear();
            chart.invalidate();
            return;
        }
        // ChartFX stretches the n cells of a row over [first grid value, last grid value]; spreading
        // the grid over [-0.5, n - 0.5] puts cell i right on category i. One cell is drawn as two halves.
        int gx = Math.max(cols, 2);
        int gy = Math.max(rows, 2);
        double[] x = spread(gx, cols);
        double[] y = spread(gy, rows);
        // ChartFX's grid data: x varies fastest.
        double[] z = new double[gx * gy];
        for (int r = 0; r < gy; r++) {
            for (int c = 0; c < gx; c++) {
                int row = rows - 1 - Math.min(r, rows - 1); // grid row 0 is the bottom
                double v = colourScale.applyAsDouble(values[Math.max(0, row)][Math.min(c, cols - 1)]);
                // Outside a fixed colour range ChartFX leaves the cell blank: pin a value to the nearest
                // end, and send a missing one (NaN) beyond it, so that it shows blank instead of in the
                // colour of the range's low end (an unchecked gradient looked like a tiny error)
                z[r * gx + c] = zAxis.isAutoRanging() ? v
                        : Double.isNaN(v) ? blank() : Math.max(zAxis.getMin(), Math.min(zAxis.getMax(), v));
            }
        }
        xAxis.setMin(-0.5);
        xAxis.setMax(cols - 0.5);
        yAxis.setMin(-0.5);
        yAxis.setMax(rows - 0.5);
        this.columnLabels = List.copyOf(columnLabels);
        this.rowLabels = List.copyOf(rowLabels);
        fitCells();
        chart.invalidate();
        DoubleGridDataSet data = new DoubleGridDataSet("heatmap", false, new double[][] {x, y}, z);
        renderer.getDatasets().setAll(data);
        chart.invalidate();
    }

    /**
     * Tick steps of whole cells only (1, 2, 5, 10, 20, ...): ChartFX grows the step until the labels
     * stop overlapping, so every cell is labelled when there is room, every second one when not.
     */
    static double wholeCellStep(double reference) {
        double r = Math.max(1, reference);
        double decade = Math.pow(10, Math.floor(Math.log10(r)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * decade >= r - 1e-9) {
                return m * decade;
            }
        }
        return 10 * decade;
    }

    private static javafx.util.StringConverter<Number> labels(java.util.function.Supplier<List<String>> names) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number value) {
                double v = value.doubleValue();
                long i = Math.round(v);
                List<String> n = names.get();
                return Math.abs(v - i) < 1e-6 && i >= 0 && i < n.size() ? n.get((int) i) : "";
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        };
    }

    private static List<String> reversed(List<String> labels) {
        List<String> out = new java.util.ArrayList<>(labels);
        java.util.Collections.reverse(out);
        return out;
    }

    private static double[] spread(int points, int cells) {
        double[] v = new double[points];
        for (int i = 0; i < points; i++) {
            v[i] = -0.5 + i * (double) cells / (points - 1);
        }
        return v;
    }

    /** The cell under a point of the plot canvas, or null. */
    int[] cellAt(double canvasX, double canvasY) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        if (rows == 0 || cols == 0) {
            return null;
        }
        int c = (int) Math.round(xAxis.getValueForDisplay(canvasX));
        int r = rows - 1 - (int) Math.round(yAxis.getValueForDisplay(canvasY));
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            return null;
        }
        return new int[] {r, c};
    }

    private void onHover(MouseEvent e) {
        int[] cell = cellAt(e.getX(), e.getY());
        hover.setText(cell == null ? " " : cellText.describe(cell[0], cell[1], values[cell[0]][cell[1]]));
    }
}
