package org.rnnlab.app.steps.training;

import org.rnnlab.app.i18n.I18n;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rnnlab.app.charts.Charts;
import org.rnnlab.app.charts.Series;
import org.rnnlab.common.LessonDefaults;

/**
 * The live loss chart: each sentence's loss, smoothed, the evaluations on the whole training set,
 * ln C, and a marker where the learning rate was halved. Draws what {@link TrainingRunState} holds.
 */
final class LossChart extends VBox {
    private final TrainingRunState run;
    private final DefaultNumericAxis xAxis = Charts.axis("");
    private final DefaultNumericAxis yAxis = Charts.axis("");
    private final XYChart chart = Charts.chart(xAxis, yAxis);
    private final Series stepData;
    private final Series smoothData;
    private final Series evalData;
    private final Series heldOutData;
    private final List<XValueIndicator> rateMarkers = new ArrayList<>();
    private final YValueIndicator lnC = Charts.horizontal(yAxis, Math.log(LessonDefaults.WORD_DIM), "ln C");
    private final List<XValueIndicator> halvingMarkers = new ArrayList<>();
    private final RunHistory history;
    private final ErrorDataSetRenderer earlierLines = Charts.lines();
    private final ErrorDataSetRenderer earlierPoints = Charts.points();
    private final FlowPane earlierLegend = new FlowPane(12, 2);
    private long earlierShown = -1;

    LossChart(TrainingRunState run, RunHistory history) {
        super(2);
        this.run = run;
        this.history = history;
        chart.getRenderers().addAll(earlierLines, earlierPoints); // under the current run
        ErrorDataSetRenderer lines = Charts.lines();
        stepData = new Series(lines, "loss of each sentence", Charts.lineStyle(Charts.LIGHT_BLUE, 1));
        smoothData = new Series(lines, "smoothed", Charts.lineStyle(Charts.BLUE, 2.5));
        ErrorDataSetRenderer points = Charts.points();
        evalData = new Series(points, "loss on the whole training set", Charts.pointStyle(Charts.ORANGE, 6));
        heldOutData = new Series(points, "loss on the held-out sentences", Charts.pointStyle(GREEN, 6));
        chart.getRenderers().addAll(lines, points);
        chart.getPlugins().add(lnC);
        lnC.setLabelPosition(0.9);
        xAxis.setAutoRanging(true);
        Charts.plainNumbers(xAxis);
        yAxis.setAutoRanging(false);
        yAxis.setMin(0);
        yAxis.setMax(10);
        chart.setId("trainingChart");
        Charts.heightsFollowingText(chart, 200, 280, 4096); // room under it for the probe and the live check
        VBox.setVgrow(chart, Priority.ALWAYS);
        xAxis.nameProperty().bind(I18n.bind("training.chart.x"));
        yAxis.nameProperty().bind(I18n.bind("training.chart.y"));
        FlowPane legend = new FlowPane(14, 2, legendItem("—", Charts.LIGHT_BLUE, I18n.bind("training.legend.each")),
                legendItem("—", Charts.BLUE, I18n.bind("training.legend.smoothed")),
                legendItem("●", Charts.ORANGE, I18n.bind("training.legend.train")),
                legendItem("●", GREEN, I18n.bind("training.legend.heldOut")),
                legendItem("- -", Charts.GREY, I18n.bind("training.legend.lnC")),
                legendItem("|", Charts.RED, I18n.bind("training.legend.markers")));
        legend.setAlignment(Pos.CENTER);
        legend.setMinWidth(0);
        earlierLegend.setId("earlierRuns");
        earlierLegend.setAlignment(Pos.CENTER);
        earlierLegend.setMinWidth(0);
        earlierLegend.managedProperty().bind(earlierLegend.visibleProperty());
        history.earlier().addListener((javafx.collections.ListChangeListener<RunHistory.ShownRun>) c -> fillLegend());
        fillLegend();
        getChildren().setAll(chart, legend, earlierLegend);
        VBox.setVgrow(this, Priority.ALWAYS);
    }

    /** A check box per earlier run, in its colour, with its settings: unticked hides it. */
    private void fillLegend() {
        earlierLegend.getChildren().clear();
        Label title = new Label();
        title.textProperty().bind(org.rnnlab.app.i18n.I18n.bind("training.runs.earlier"));
        title.getStyleClass().add("stat-caption");
        earlierLegend.getChildren().add(title);
        for (RunHistory.ShownRun r : history.earlier()) {
            javafx.scene.control.CheckBox box = new javafx.scene.control.CheckBox();
            box.textProperty().bind(Bindings.createStringBinding(() -> RunHistory.legend(r),
                    org.rnnlab.app.i18n.I18n.languageProperty()));
            box.selectedProperty().bindBidirectional(r.visible());
            box.setStyle("-fx-text-fill: " + r.colour() + ";");
            box.getStyleClass().add("stat-caption");
            javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
            tip.textProperty().bind(Bindings.createStringBinding(() -> RunHistory.hashes(r),
                    org.rnnlab.app.i18n.I18n.languageProperty()));
            box.setTooltip(tip);
            earlierLegend.getChildren().add(box);
        }
        earlierLegend.setVisible(!history.earlier().isEmpty());
    }

    /** Draws the earlier runs that are ticked: the smoothed loss dashed-thin, the evaluations as rings. */
    private double showEarlier(double top) {
        if (earlierShown != history.revisionProperty().get()) {
            earlierShown = history.revisionProperty().get();
            List<io.fair_acc.dataset.DataSet> lines = new ArrayList<>();
            List<io.fair_acc.dataset.DataSet> points = new ArrayList<>();
            for (RunHistory.ShownRun r : history.earlier()) {
                if (!r.visible().get()) {
                    continue;
                }
                lines.add(dataSet(r.name(), r.lossX(), r.lossY(), Charts.lineStyle(r.colour(), 1.5)));
                points.add(dataSet(r.name() + " train", r.evalX(), r.evalY(), Charts.pointStyle(r.colour(), 5)));
                points.add(dataSet(r.name() + " held-out", r.heldX(), r.heldY(), Charts.pointStyle(r.colour(), 3)));
            }
            earlierLines.getDatasets().setAll(lines);
            earlierPoints.getDatasets().setAll(points);
        }
        for (RunHistory.ShownRun r : history.earlier()) {
            if (r.visible().get()) {
                for (double y : r.evalY()) {
                    top = Double.isFinite(y) ? Math.max(top, y) : top;
                }
            }
        }
        return top;
    }

    private static DoubleDataSet dataSet(String name, double[] x, double[] y, String style) {
        DoubleDataSet d = new DoubleDataSet(name, x.clone(), y.clone(), x.length, false);
        d.setStyle(style);
        return d;
    }

    /** The earlier runs' data sets drawn now (lines, then points), for tests. */
    int earlierDataSets() {
        return earlierLines.getDatasets().size() + earlierPoints.getDatasets().size();
    }

    /** The held-out loss's colour: apart from the training set's orange. */
    static final String GREEN = "#2f9e44";

    private static Label legendItem(String symbol, String colour, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.textProperty().bind(text);
        Label s = new Label(symbol);
        s.setStyle("-fx-text-fill: " + colour + "; -fx-font-weight: bold;");
        l.setGraphic(s);
        l.getStyleClass().add("stat-caption");
        return l;
    }

    /** The chart's data sets, for tests: per-sentence loss, smoothed, evaluations. */
    List<DoubleDataSet> data() {
        return List.of(stepData.data(), smoothData.data(), evalData.data(), heldOutData.data());
    }

    /** ln C of the corpus: where a model that knows nothing starts. */
    void showLnC(double value) {
        lnC.setValue(value);
        lnC.setText(String.format(Locale.ROOT, "ln C = %.2f", value));
    }

    /** Shows the run's series as they are now. */
    void refresh() {
        if (halvingMarkers.size() > run.halvings().size()) {
            halvingMarkers.forEach(chart.getPlugins()::remove);
            halvingMarkers.clear();
        }
        stepData.set(run.stepLoss().xValues(), run.stepLoss().yValues());
        smoothData.set(run.smoothLoss().xValues(), run.smoothLoss().yValues());
        double[] ex = new double[run.evaluations().size()];
        double[] ey = new double[ex.length];
        double top = lnC.getValue();
        for (int i = 0; i < ex.length; i++) {
            ex[i] = run.evaluations().get(i).examplesSeen();
            ey[i] = run.evaluations().get(i).loss();
            if (Double.isFinite(ey[i])) {
                top = Math.max(top, ey[i]);
            }
        }
        evalData.set(ex, ey);
        int held = 0;
        for (TrainingRunState.Evaluation e : run.evaluations()) {
            held += Double.isNaN(e.validationLoss()) ? 0 : 1;
        }
        double[] hx = new double[held];
        double[] hy = new double[held];
        int k = 0;
        for (TrainingRunState.Evaluation e : run.evaluations()) {
            if (!Double.isNaN(e.validationLoss())) {
                hx[k] = e.examplesSeen();
                hy[k++] = e.validationLoss();
                if (Double.isFinite(e.validationLoss())) {
                    top = Math.max(top, e.validationLoss());
                }
            }
        }
        heldOutData.set(hx, hy);
        top = showEarlier(top);
        if (rateMarkers.size() > run.rateSets().size()) {
            rateMarkers.forEach(chart.getPlugins()::remove);
            rateMarkers.clear();
        }
        for (int i = rateMarkers.size(); i < run.rateSets().size(); i++) {
            TrainingRunState.RateSet r = run.rateSets().get(i);
            XValueIndicator m = Charts.vertical(xAxis, r.examplesSeen(),
                    I18n.text("training.chart.rateSet", String.format(Locale.ROOT, "%.3g", r.learningRate())));
            m.setLabelPosition(0.85); // above the halvings' labels, which sit low
            rateMarkers.add(m);
            chart.getPlugins().add(m);
        }
        for (int i = halvingMarkers.size(); i < run.halvings().size(); i++) {
            TrainingRunState.Halving h = run.halvings().get(i);
            XValueIndicator m = Charts.vertical(xAxis, h.examplesSeen(),
                    I18n.text("training.chart.halved", String.format(Locale.ROOT, "%.3g", h.learningRate())));
            halvingMarkers.add(m);
            chart.getPlugins().add(m);
        }
        // The per-sentence losses can be large early on; keep the axis on the interesting part.
        yAxis.setMax(Math.ceil(Math.max(top, 1) * 1.2));
    }
}
