package org.rnnlab.app.steps.training;

import org.rnnlab.app.i18n.I18n;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rnnlab.app.charts.Charts;
import org.rnnlab.app.charts.DecimatedSeries;
import org.rnnlab.app.charts.Series;
import org.rnnlab.app.widgets.Wrapping;
import org.rnnlab.common.LessonDefaults;

/**
 * The live gradient check over training: the largest (solid) and median (thin) relative error of
 * U, V and W per check, on a log axis with the lesson's threshold as a line; under it a verdict
 * per parameter and the first failure, as the lesson prints it, or "passed".
 */
final class LiveCheckChart extends VBox {
    private static final Map<String, String> COLOURS = Map.of("U", Charts.BLUE, "V", Charts.ORANGE, "W", "#7048e8");
    private static final java.util.List<String> LESSON_PARAMETERS = java.util.List.of("U", "V", "W");
    private final LiveCheckState check;
    private final DefaultNumericAxis xAxis = Charts.axis("");
    private final DefaultNumericAxis yAxis = Charts.axis("");
    private final XYChart chart = Charts.chart(xAxis, yAxis);
    private final ErrorDataSetRenderer lines = Charts.lines();
    private final Map<String, Series> max = new HashMap<>();
    private final Map<String, Series> median = new HashMap<>();
    private final VBox verdicts = new VBox(1);
    // three lines, as the text before the first check takes in the card: the first check's shorter one moves nothing
    private final Label summary = org.rnnlab.app.widgets.TextRoom.label(3);
    private final javafx.scene.control.Tooltip recheck = new javafx.scene.control.Tooltip();
    private long shown = -1;

    LiveCheckChart(LiveCheckState check) {
        super(4);
        this.check = check;
        Label title = new Label();
        title.textProperty().bind(I18n.bind("training.check.title"));
        xAxis.nameProperty().bind(I18n.bind("training.check.x"));
        yAxis.nameProperty().bind(I18n.bind("training.check.y"));
        title.getStyleClass().add("card-title");
        Wrapping.wrap(title);
        for (String p : new String[] {"U", "V", "W"}) {
            max.put(p, new Series(lines, p + " max", Charts.lineAndPointStyle(COLOURS.get(p), 2.5, 3)));
            median.put(p, new Series(lines, p + " median", Charts.lineAndPointStyle(COLOURS.get(p), 1, 2)));
        }
        lines.setPointReduction(false);
        lines.setDrawMarker(true); // a check a point: after the first check a line alone would show nothing
        chart.getRenderers().add(lines);
        yAxis.setLogAxis(true);
        yAxis.setAutoRanging(false);
        yAxis.setMin(1e-10);
        yAxis.setMax(1);
        // from 0, as the loss chart: the first check is a point inside the plot, not on its edge
        xAxis.setAutoRanging(false);
        xAxis.setMin(0);
        xAxis.setMax(1);
        Charts.plainNumbers(xAxis);
        var threshold = Charts.horizontal(yAxis, LessonDefaults.GRADCHECK_THRESHOLD, I18n.text("training.check.threshold"));
        // above its line: on the log axis the dashed line is drawn across a label centred on it, and hides its text
        threshold.setLabelVerticalAnchor(javafx.geometry.VPos.BOTTOM);
        threshold.textProperty().bind(I18n.bind("training.check.threshold"));
        chart.getPlugins().add(threshold);
        chart.setId("liveCheckChart");
        // its preferred height is its least: beside the loss chart, the card takes that chart's height and the
        // plot what the texts leave, so verdicts that wrap to two lines at the first check do not move the page;
        // both grow with the text, else at 22 px the title's six lines left the plot too short for its axis's name
        Charts.heightsFollowingText(chart, 150, 150, 400);
        VBox.setVgrow(chart, Priority.ALWAYS);
        verdicts.setId("liveCheckVerdicts");
        summary.setId("liveCheckSummary");
        summary.setText(check.summary());
        summary.setTooltip(recheck); // why a failing element is looked at again (GradientCheck.runSample)
        recheck.setWrapText(true);
        recheck.setMaxWidth(420);
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        getChildren().setAll(title, chart, verdicts, summary);
        getStyleClass().add("card");
        setPadding(new Insets(6));
        refresh(); // the verdict lines are there before the first check, which then does not move the page
    }

    /** The verdicts and summary are written anew in the new language. */
    private final javafx.beans.InvalidationListener relabel = o -> {
        shown = -1;
        refresh();
    };

    /** Redraws when a check came in since the last time. */
    void refresh() {
        if (check.revision() == shown) {
            return;
        }
        shown = check.revision();
        // the threshold's line stays in the plot, and with no check yet the axis keeps its whole range
        double low = check.parameters().isEmpty() ? 1e-9 : LessonDefaults.GRADCHECK_THRESHOLD;
        double right = 1;
        for (String p : max.keySet()) {
            DecimatedSeries mx = check.maxSeries(p);
            for (double x : mx.xValues()) {
                right = Math.max(right, x);
            }
            DecimatedSeries md = check.medianSeries(p);
            max.get(p).set(mx.xValues(), positive(mx.yValues()));
            median.get(p).set(md.xValues(), positive(md.yValues()));
            for (double y : positive(md.yValues())) {
                low = Math.min(low, y);
            }
        }
        // a decade below the smallest error, so the line sits inside the plot
        yAxis.setMin(Math.max(1e-16, Math.pow(10, Math.floor(Math.log10(low)) - 1)));
        xAxis.setMax(right * 1.08);
        // before the first check, the lesson's three ("U: not checked yet"): they keep the lines' room
        java.util.List<String> parameters = check.parameters().isEmpty() ? LESSON_PARAMETERS : check.parameters();
        if (verdicts.getChildren().size() != parameters.size()) { // new labels only when the lines change, not at every check
            verdicts.getChildren().clear();
            for (int i = 0; i < parameters.size(); i++) {
                // "U passed: max 1.2e-05, median 3.4e-07 (20 elements)" takes two lines in the card at 1280x800
                Label l = org.rnnlab.app.widgets.TextRoom.label(2);
                verdicts.getChildren().add(l);
            }
        }
        for (int i = 0; i < parameters.size(); i++) {
            String p = parameters.get(i);
            Label l = (Label) verdicts.getChildren().get(i);
            l.setText(check.verdictLine(p));
            l.setStyle("-fx-text-fill: " + COLOURS.getOrDefault(p, Charts.GREY) + ";");
            l.getStyleClass().remove("verdict-failed");
            if (check.latest(p) != null && !check.latest(p).passed()) {
                l.getStyleClass().add("verdict-failed");
            }
        }
        summary.setText(check.summary());
        recheck.setText(I18n.text("training.check.recheck"));
        chart.invalidate();
    }

    /** A log axis cannot show 0: an exact gradient is drawn at the axis's floor. */
    private static double[] positive(double[] y) {
        double[] out = y.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] > 0 ? out[i] : 1e-16;
        }
        return out;
    }

    /** The y axis's floor, for tests. */
    double floor() {
        return yAxis.getMin();
    }

    /** Points of U's largest-error line, for tests. */
    int points() {
        return max.get("U").count();
    }
}
