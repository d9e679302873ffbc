package org.rnnlab.app.steps.loss;

import org.rnnlab.app.i18n.I18n;
import atlantafx.base.theme.Styles;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.rnnlab.app.charts.Charts;
import org.rnnlab.app.charts.Series;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.OnScreen;
import org.rnnlab.app.steps.StepPage;
import org.rnnlab.app.widgets.Fields;
import org.rnnlab.app.widgets.NumberField;
import org.rnnlab.app.widgets.Wrapping;
import org.rnnlab.common.LessonDefaults;

/** Loss: ln C, the loss of knowing nothing, against the model's mean loss on the first N sentences. */
public final class LossView implements LessonStep {
    private static final String[] EXPLANATION = {
        I18n.key("app.loss.explain.1"), I18n.key("app.loss.explain.2"), I18n.key("app.loss.explain.3"),
        I18n.key("app.loss.explain.4"),
    };
    /** The formula has words in it ("random weights"): its LaTeX is in the bundles. */
    private static final String LATEX = I18n.key("app.loss.formula");

    private final LossViewModel vm;
    private final Node panel;
    private final DefaultNumericAxis xAxis = Charts.axis("");
    private final DefaultNumericAxis yAxis = Charts.axis("");
    private final XYChart chart = Charts.chart(xAxis, yAxis);
    private final Series meanData;
    private final YValueIndicator lnC = Charts.horizontal(yAxis, Math.log(LessonDefaults.WORD_DIM), "ln C");

    public LossView(LessonSession session) {
        vm = new LossViewModel(session.models(), session.work(), session.notices());

        NumberField n = new NumberField(vm.sentencesInput()).setFieldId("lossSentences").columns(7);
        xAxis.nameProperty().bind(I18n.bind("app.loss.axis.x"));
        yAxis.nameProperty().bind(I18n.bind("app.loss.axis.y"));
        Button compute = new Button(null, new FontIcon(MaterialDesignP.PLAY));
        compute.textProperty().bind(I18n.bind("app.loss.compute"));
        compute.setId("computeLoss");
        compute.getStyleClass().add(Styles.ACCENT);
        compute.setOnAction(e -> vm.compute());
        compute.disableProperty().bind(vm.computeDisabledProperty());
        Button cancel = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        cancel.textProperty().bind(I18n.bind("app.status.cancel"));
        cancel.setId("cancelLoss");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        FlowPane controls = Fields.flowWithField(n, bound(I18n.key("app.loss.first")), n, bound(I18n.key("app.corpus.sentences")), compute, cancel);

        Label expected = new Label();
        expected.setId("expectedLoss");
        expected.textProperty().bind(Bindings.createStringBinding(() -> format(vm.expectedProperty().get()), vm.expectedProperty()));
        Label actual = new Label();
        actual.setId("actualLoss");
        actual.textProperty().bind(Bindings.createStringBinding(() -> format(vm.actualProperty().get()), vm.actualProperty()));
        Label lesson = new Label();
        lesson.setId("lessonLoss");
        lesson.textProperty().bind(Bindings.createStringBinding(() -> format(vm.lessonLossProperty().get()), vm.lessonLossProperty()));
        Node expectedCard = card(I18n.key("app.loss.card.expected"), expected, vm.expectedCaption());
        Node lessonCard = card(I18n.key("app.loss.card.lesson"), lesson, vm.lessonCaption());
        Node actualCard = card(I18n.key("app.loss.card.actual"), actual, vm.actualCaption());
        // a flow: at large text the cards go below each other rather than cut their words
        FlowPane cards = new FlowPane(12, 12, expectedCard, lessonCard, actualCard);
        cards.setMinHeight(Region.USE_PREF_SIZE); // all its rows: a flow's own minimum is its tallest card's

        ProgressBar progress = new ProgressBar(0);
        progress.setId("lossProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());

        Label explanation = Wrapping.wrap(new Label());
        explanation.setId("lossExplanation");
        explanation.getStyleClass().add("lm-summary");
        explanation.textProperty().bind(vm.explanationProperty());

        ErrorDataSetRenderer lines = Charts.lines();
        meanData = new Series(lines, I18n.text("app.loss.series"), Charts.lineStyle(Charts.BLUE, 3));
        chart.getRenderers().add(lines);
        chart.getPlugins().add(lnC);
        lnC.setLabelPosition(0.5);
        // From 0, so that noise in the fourth decimal does not look like a trend.
        yAxis.setAutoRanging(false);
        yAxis.setMin(0);
        yAxis.setMax(vm.chartTopProperty().get());
        vm.chartTopProperty().addListener((o, a, top) -> yAxis.setMax(top.doubleValue()));
        xAxis.setAutoRanging(true);
        Charts.plainNumbers(xAxis);
        chart.setId("lossChart");
        Charts.heightsFollowingText(chart, 180, 400, 4096);
        VBox.setVgrow(chart, Priority.ALWAYS);
        vm.chartVersionProperty().addListener((o, a, b) -> showChart());

        VBox content = new VBox(12, controls, cards, progress, explanation, chart);
        content.setPadding(new Insets(0, 4, 4, 0));
        panel = StepPage.build("lossStep", I18n.key("app.nav.loss"), EXPLANATION, LATEX, content);
    }

    public LossViewModel viewModel() {
        return vm;
    }

    private static Label bound(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.bind(key));
        return l;
    }

    private static Node card(String titleKey, Label number, StringBinding caption) {
        number.getStyleClass().add("big-number");
        Label under = new Label();
        under.getStyleClass().add("muted");
        Wrapping.wrap(under);
        under.textProperty().bind(caption);
        Label heading = bound(titleKey);
        Wrapping.wrap(heading);
        number.setMinWidth(Region.USE_PREF_SIZE);
        VBox card = new VBox(4, heading, number, under);
        card.getStyleClass().add("card");
        // about a third of the row each, in em so that it grows with the text
        card.prefWidthProperty().bind(org.rnnlab.app.support.Theme.fontSizeProperty().multiply(17));
        card.setMinWidth(Region.USE_PREF_SIZE);
        return card;
    }

    private void showChart() {
        meanData.set(vm.runningMean().xValues(), vm.runningMean().yValues());
        double c = vm.expectedProperty().get();
        if (Double.isFinite(c)) {
            lnC.setValue(c);
            lnC.setText(String.format(Locale.ROOT, "ln C = %.3f", c));
        }
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    @Override
    public OnScreen.Follower follower() {
        return vm;
    }

    @Override
    public void dispose() {
        vm.cancel();
    }

    @Override
    public Node getPanel() {
        return panel;
    }

    /** The running mean on the chart (tests). */
    Series meanSeries() {
        return meanData;
    }
}
