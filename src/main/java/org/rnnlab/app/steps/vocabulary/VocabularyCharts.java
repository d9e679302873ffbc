package org.rnnlab.app.steps.vocabulary;

import org.rnnlab.app.i18n.I18n;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.css.ColorPalette;
import io.fair_acc.dataset.spi.DoubleDataSet;
import org.rnnlab.app.charts.Charts;

/** The two ChartFX plots of the Vocabulary step, each with a marker at the current C. */
final class VocabularyCharts {
    /** A chart, its data and its markers. */
    record Plot(XYChart chart, DoubleDataSet data, XValueIndicator xMarker, YValueIndicator yMarker) {
        void show(Curve curve) {
            data.set(curve.x(), curve.y(), true);
            // Both x axes start at 1, a whole decade: ChartFX places a log axis's name badly otherwise.
            DefaultNumericAxis x = (DefaultNumericAxis) chart.getXAxis();
            x.setAutoRanging(false);
            x.setMin(1);
            x.setMax(curve.size() == 0 ? 10 : Math.max(10, curve.x()[curve.size() - 1]));
        }

        /**
         * Moves the markers to C and its coverage, each label on the side of its line with room: right of
         * the C line in the left half of the (log) axis, left of it in the right half; above the coverage
         * line below 50 %, under it above, and C's label then at the top of its line, clear of it. At C = 3
         * fixed sides had cut "C = 3" at the plot's left edge and "8.9%" under the x axis.
         */
        void mark(double x, String xText, double y, String yText) {
            DefaultNumericAxis axis = (DefaultNumericAxis) chart.getXAxis();
            double from = Math.log10(Math.max(1e-9, axis.getMin()));
            double to = Math.log10(Math.max(1e-9, axis.getMax()));
            boolean leftHalf = to <= from || (Math.log10(Math.max(1e-9, x)) - from) / (to - from) < 0.5;
            xMarker.setLabelHorizontalAnchor(leftHalf ? javafx.geometry.HPos.LEFT : javafx.geometry.HPos.RIGHT);
            xMarker.setValue(x);
            xMarker.setText(xText);
            if (yMarker != null) {
                // a low coverage's label sits low, above its line: C's label then goes up, out of its way
                xMarker.setLabelPosition(y < 50 ? 0.88 : 0.12);
                yMarker.setLabelVerticalAnchor(y < 50 ? javafx.geometry.VPos.BOTTOM : javafx.geometry.VPos.TOP);
                yMarker.setValue(y);
                yMarker.setText(yText);
            }
        }
    }

    private VocabularyCharts() {
    }

    /** Zipf plot: log rank against log count; the marker stands at the last word kept (rank C - 1). */
    static Plot zipf() {
        DefaultNumericAxis x = axis(I18n.key("app.vocab.axis.rank"), true);
        DefaultNumericAxis y = axis(I18n.key("app.vocab.axis.count"), true);
        return plot("zipfChart", x, y, "words", false);
    }

    /** Coverage: % of the corpus's tokens in the vocabulary against C (log scale). */
    static Plot coverage() {
        DefaultNumericAxis x = axis(I18n.key("app.vocab.axis.size"), true);
        DefaultNumericAxis y = axis(I18n.key("app.vocab.axis.covered"), false);
        y.setAutoRanging(false);
        y.setMin(0);
        y.setMax(100);
        y.setTickUnit(20);
        return plot("coverageChart", x, y, "coverage", true);
    }

    private static DefaultNumericAxis axis(String nameKey, boolean log) {
        DefaultNumericAxis a = new DefaultNumericAxis(I18n.text(nameKey));
        a.nameProperty().bind(I18n.bind(nameKey));
        a.setLogAxis(log);
        a.setAutoRangeRounding(false);
        a.setAnimated(false);
        a.setUnit(null);
        a.setMinorTickCount(0);
        a.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                if (v >= 1_000_000) {
                    return String.format(java.util.Locale.ROOT, "%.0fM", v / 1e6);
                }
                if (v >= 10_000) {
                    return String.format(java.util.Locale.ROOT, "%.0fk", v / 1e3);
                }
                return v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%,d", (long) v)
                        : String.format(java.util.Locale.ROOT, "%.1f", v);
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s);
            }
        });
        return a;
    }

    private static Plot plot(String id, DefaultNumericAxis x, DefaultNumericAxis y, String name, boolean withY) {
        XYChart chart = new XYChart(x, y);
        chart.setId(id);
        org.rnnlab.app.charts.ChartNumbers.offer(chart);
        chart.getStyleClass().add("lesson-chart");
        chart.setColorPalette(ColorPalette.ATLANTAFX);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        ErrorDataSetRenderer renderer = org.rnnlab.app.charts.Charts.lines();
        renderer.setPointReduction(false);
        DoubleDataSet data = new DoubleDataSet(name);
        renderer.getDatasets().add(data);
        chart.getRenderers().setAll(renderer);
        XValueIndicator xMarker = new XValueIndicator(x, 1, "");
        xMarker.setEditable(false);
        xMarker.setLabelPosition(0.12);
        // The label sits left of the line, C being usually near the right end of the axis (Plot.mark moves it).
        xMarker.setLabelHorizontalAnchor(javafx.geometry.HPos.RIGHT);
        chart.getPlugins().add(xMarker);
        YValueIndicator yMarker = null;
        if (withY) {
            yMarker = new YValueIndicator(y, 0, "");
            yMarker.setEditable(false);
            yMarker.setLabelPosition(0.3);
            yMarker.setLabelVerticalAnchor(javafx.geometry.VPos.TOP);
            chart.getPlugins().add(yMarker);
        }
        // Heights inline: ChartFX's stylesheet sets them on every chart and wins over setMinHeight.
        Charts.heightsFollowingText(chart, 110, 220, 4096);
        chart.setMinWidth(200);
        Charts.fitAxesToLabels(chart);
        Charts.hideToolBar(chart);
        return new Plot(chart, data, xMarker, yMarker);
    }
}
