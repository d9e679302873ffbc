package org.rnnlab.app.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.utils.DataSetStyleBuilder;

/** The app's ChartFX set-up in one place: quiet charts (no animation), and renderers for lines, points and bars. */
public final class Charts {
    /** Colours readable on both the light and the dark theme. */
    public static final String BLUE = "#3a7bd5";
    public static final String LIGHT_BLUE = "rgba(58,123,213,0.30)";
    public static final String ORANGE = "#e8590c";
    public static final String GREY = "#868e96";
    public static final String RED = "#e03131";

    private Charts() {
    }

    public static DefaultNumericAxis axis(String name) {
        DefaultNumericAxis a = new DefaultNumericAxis(name);
        a.setUnit(null);
        a.setAnimated(false);
        a.setAutoRangeRounding(false);
        return a;
    }

    /** Tick labels as plain numbers with thousands separators (ChartFX would write 2.5E3). */
    public static void plainNumbers(io.fair_acc.chartfx.axes.spi.AbstractAxis axis) {
        axis.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                return v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%,.0f", v)
                        : String.format(java.util.Locale.ROOT, "%,.2f", v);
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s.replace(",", ""));
            }
        });
    }

    public static XYChart chart(Axis x, Axis y) {
        XYChart chart = new XYChart(x, y);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getRenderers().clear();
        redrawOnResize(chart);
        hideToolBar(chart);
        ChartNumbers.offer(chart);
        return chart;
    }

    /**
     * Turns off ChartFX's tool bar: it slides in, empty, as a grey flap over the top of the plot
     * when the mouse comes near (the lesson's charts have no tools in it).
     */
    public static void hideToolBar(XYChart chart) {
        chart.getToolBar().setVisible(false);
        chart.getMenuPane().setTriggerDistance(-1);
    }

    /**
     * Redraws a chart whenever its size changes. Without it, a chart that shrinks after its first
     * layout (a label above it grew) can keep drawing its axes for the old size, a row off.
     */
    public static void redrawOnResize(XYChart chart) {
        chart.widthProperty().addListener((o, a, b) -> chart.invalidate());
        chart.heightProperty().addListener((o, a, b) -> chart.invalidate());
        fitAxesToLabels(chart);
    }

    /**
     * Lays an axis out again when its tick labels change size: their first tick labels, longer
     * numbers, a larger text size. ChartFX measures the labels when it lays the axis out and keeps
     * that size; an axis first laid out without data (or at another text size) then draws its name
     * over its tick labels.
     */
    public static void fitAxesToLabels(XYChart chart) {
        java.util.function.Consumer<Axis> watch = axis -> {
            if (!(axis instanceof io.fair_acc.chartfx.axes.spi.AbstractAxis a)) {
                return;
            }
            String[] measured = {""};
            boolean[] pending = {false};
            // looked at once, after the pass that changed the marks, not inside ChartFX's layout at each
            // change: looking there kept the Training step's empty loss chart redrawing at every frame,
            // and the app took 4.0-7.1 s of CPU in 10 s while the learner only read the step (0.1 s
            // now, measure_idle_cpu.sh)
            Runnable check = () -> {
                if (pending[0]) {
                    return;
                }
                pending[0] = true;
                javafx.application.Platform.runLater(() -> {
                    pending[0] = false;
                    String now = labelsSize(a);
                    if (!now.equals(measured[0])) {
                        measured[0] = now;
                        a.requestAxisLayout();
                        chart.requestLayout();
                    }
                });
            };
            a.getTickMarks().addListener((javafx.collections.ListChangeListener<Object>) c -> check.run());
            a.getAxisLabel().fontProperty().addListener((o, was, now) -> check.run());
            a.getTickLabelStyle().fontProperty().addListener((o, was, now) -> check.run());
        };
        chart.getAxes().forEach(watch);
        chart.getAxes().addListener((javafx.collections.ListChangeListener<Axis>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(watch);
            }
        });
    }

    /** What decides an axis's size: how many tick labels, the longest one, the fonts. */
    private static String labelsSize(io.fair_acc.chartfx.axes.spi.AbstractAxis a) {
        int longest = 0;
        for (var mark : a.getTickMarks()) {
            longest = Math.max(longest, mark.getText() == null ? 0 : mark.getText().length());
        }
        return (a.getTickMarks().isEmpty() ? "none" : "some") + "/" + longest + "/"
                + a.getTickLabelStyle().getFont().getSize() + "/" + a.getAxisLabel().getFont().getSize();
    }

    /**
     * Sets a chart's heights. ChartFX's own stylesheet sets them on every chart and wins over
     * setPrefHeight and friends, so they go into the inline style, which wins over stylesheets.
     */
    public static void heights(XYChart chart, double min, double pref, double max) {
        chart.setStyle(String.format(java.util.Locale.ROOT, "-fx-min-height: %.0fpx; -fx-pref-height: %.0fpx; -fx-max-height: %.0fpx;",
                min, pref, max));
    }

    /**
     * Heights given for the default text size, scaled with the text size: the axes' labels grow,
     * and a chart kept at its old minimum had no room left for its plot and its axis names.
     */
    public static void heightsFollowingText(XYChart chart, double min, double pref, double max) {
        Runnable apply = () -> {
            double k = org.rnnlab.app.support.Theme.fontSizeProperty().get() / org.rnnlab.app.support.Theme.DEFAULT_FONT;
            heights(chart, min * k, pref * k, max);
        };
        // Held by the chart: the weak wrapper lets a discarded page be collected.
        javafx.beans.InvalidationListener follow = o -> apply.run();
        chart.getProperties().put("rnnlab.heightsFollowingText", follow);
        org.rnnlab.app.support.Theme.fontSizeProperty().addListener(new javafx.beans.WeakInvalidationListener(follow));
        apply.run();
    }

    /**
     * A renderer that computes its screen coordinates on the FX thread. ChartFX's default splits
     * them over a pool of its own threads and waits for them: while training keeps both cores busy,
     * those threads wait their turn and the FX thread with them (up to 20 ms a redraw), for series
     * of at most a few thousand points that take well under a millisecond on one thread.
     */
    private static ErrorDataSetRenderer renderer() {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setParallelImplementation(false);
        return r;
    }

    /** Lines without markers; the per-point reduction stays on so long series draw fast. */
    public static ErrorDataSetRenderer lines() {
        ErrorDataSetRenderer r = renderer();
        r.setErrorStyle(ErrorStyle.NONE);
        r.setPolyLineStyle(LineStyle.NORMAL);
        r.setDrawMarker(false);
        return r;
    }

    /** Markers only. */
    public static ErrorDataSetRenderer points() {
        ErrorDataSetRenderer r = renderer();
        r.setErrorStyle(ErrorStyle.NONE);
        r.setPolyLineStyle(LineStyle.NONE);
        r.setDrawMarker(true);
        r.setPointReduction(false);
        return r;
    }

    /** Bars from zero. */
    public static ErrorDataSetRenderer bars() {
        ErrorDataSetRenderer r = renderer();
        r.setErrorStyle(ErrorStyle.NONE);
        r.setPolyLineStyle(LineStyle.NONE);
        r.setDrawMarker(false);
        r.setDrawBars(true);
        // ChartFX's dynamic bar width comes out as zero without point reduction: set it ourselves.
        r.setDynamicBarWidth(false);
        r.setBarWidth(12);
        r.setPointReduction(false);
        return r;
    }

    /** Keeps bars at about 60 % of the space each of {@code count} categories gets, as the chart resizes. */
    public static void fitBars(XYChart chart, ErrorDataSetRenderer renderer, java.util.function.IntSupplier count) {
        Runnable fit = () -> {
            int n = Math.max(1, count.getAsInt());
            double plot = Math.max(50, chart.getWidth() - 90);
            renderer.setBarWidth((int) Math.max(2, Math.min(60, 0.6 * plot / n)));
            chart.invalidate();
        };
        chart.widthProperty().addListener((o, a, b) -> fit.run());
        chart.getProperties().put("rnnlab.fitBars", fit);
    }

    /** Re-fits bars after the number of categories changed. */
    public static void refitBars(XYChart chart) {
        Object fit = chart.getProperties().get("rnnlab.fitBars");
        if (fit instanceof Runnable r) {
            r.run();
        }
    }

    public static String lineStyle(String colour, double width) {
        return DataSetStyleBuilder.newInstance().setStroke(colour).setStrokeWidth(width).setLineWidth(width)
                .setLineColor(colour).setMarkerColor(colour).setFill(colour).build();
    }

    /** A line with a marker of {@code size} at each point (for a renderer that draws markers). */
    public static String lineAndPointStyle(String colour, double width, double size) {
        return DataSetStyleBuilder.newInstance().setStroke(colour).setStrokeWidth(width).setLineWidth(width)
                .setLineColor(colour).setMarkerType("circle").setMarkerSize(size).setMarkerColor(colour).setFill(colour)
                .build();
    }

    public static String pointStyle(String colour, double size) {
        return DataSetStyleBuilder.newInstance().setMarkerType("circle").setMarkerSize(size).setMarkerColor(colour)
                .setStroke(colour).setFill(colour).build();
    }

    /** A horizontal reference line with a label (not draggable). */
    public static YValueIndicator horizontal(Axis y, double value, String text) {
        YValueIndicator i = new YValueIndicator(y, value, text);
        i.setEditable(false);
        return i;
    }

    /** A vertical marker with a label (not draggable). */
    public static XValueIndicator vertical(Axis x, double value, String text) {
        XValueIndicator i = new XValueIndicator(x, value, text);
        i.setEditable(false);
        return i;
    }
}
