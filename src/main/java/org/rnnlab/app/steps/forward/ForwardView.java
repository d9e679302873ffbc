package org.rnnlab.app.steps.forward;

import org.rnnlab.app.i18n.I18n;
import atlantafx.base.theme.Styles;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.AxisLabelOverlapPolicy;
import io.fair_acc.chartfx.axes.spi.CategoryAxis;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.rnnlab.app.charts.Charts;
import org.rnnlab.app.charts.Heatmap;
import org.rnnlab.app.charts.ProbabilityBars;
import org.rnnlab.app.charts.Series;
import org.rnnlab.app.charts.StateStack;
import org.rnnlab.app.charts.StateStrip;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.OnScreen;
import org.rnnlab.app.steps.StepPage;
import org.rnnlab.app.support.Theme;
import org.rnnlab.app.widgets.Fields;
import org.rnnlab.app.widgets.NumberField;
import org.rnnlab.app.widgets.Wrapping;
import org.rnnlab.common.LessonDefaults;

/** Forward pass: one sentence through the network, one time step at a time. */
public final class ForwardView implements LessonStep {
    private static final String[] EXPLANATION = {
        I18n.key("app.fwd.explain.1"), I18n.key("app.fwd.explain.2"), I18n.key("app.fwd.explain.3"),
        I18n.key("app.fwd.explain.4"), I18n.key("app.fwd.explain.5"),
    };
    private static final String LATEX = "\\begin{array}{l}s_t=\\tanh(U x_t+W s_{t-1})\\\\o_t=\\mathrm{softmax}(V s_t)"
            + "\\\\L_t=-\\ln o_t[y_t]\\end{array}";

    private final ForwardViewModel vm;
    private final Node panel;
    private final FlowPane chips = new FlowPane(4, 4);
    private final Slider slider = new Slider(0, 1, 0);
    private final Label timeLabel = new Label();
    private final Label inputLabel = new Label();
    private final StateStrip strip = new StateStrip();
    private final Label stripCaption = new Label();
    private final ProbabilityBars topBars = new ProbabilityBars();
    private final StateStack stack = new StateStack();
    private final Label verdict = new Label();
    private final Heatmap heatmap = new Heatmap("next word", "input word x_t", "log10 o_t[word]");
    private final CategoryAxis lossX = new CategoryAxis("true next word y_t");
    private final DefaultNumericAxis lossY = Charts.axis("loss");
    private final XYChart lossChart = Charts.chart(lossX, lossY);
    private Series lossData;
    private final YValueIndicator lnC = Charts.horizontal(lossY, Math.log(LessonDefaults.WORD_DIM), "ln C");
    private final Label sentenceSummary = new Label();
    private final Button play = new Button();
    private final Tooltip playTip = new Tooltip();
    private final Timeline player;

    public ForwardView(LessonSession session) {
        vm = new ForwardViewModel(session.models(), session.queries(), session.notices());
        player = new Timeline(new KeyFrame(Duration.seconds(0.9), e -> vm.stepForward()));
        NumberField sentence = new NumberField(vm.sentenceInput()).setFieldId("sentenceIndex").columns(6);
        Button random = new Button(null, new FontIcon(MaterialDesignD.DICE_5_OUTLINE));
        random.textProperty().bind(I18n.bind("app.corpus.random"));
        lossX.nameProperty().bind(I18n.bind("app.fwd.axis.trueShort"));
        heatmap.bindAxisNames(I18n.bind("app.fwd.axis.next"), I18n.bind("app.fwd.axis.input"), I18n.bind("app.fwd.axis.log"));
        lossY.nameProperty().bind(I18n.bind("app.fwd.axis.loss"));
        random.setId("randomSentence");
        random.setOnAction(e -> vm.pickRandom());
        Label sentenceCount = new Label();
        sentenceCount.getStyleClass().add("muted");
        sentenceCount.textProperty().bind(I18n.bind("app.corpus.of", vm.sentenceCountProperty()));
        javafx.scene.layout.FlowPane picker = Fields.flowWithField(sentence, bound(I18n.key("app.data.sentence")), sentence, sentenceCount, random);
        Label status = new Label();
        status.setId("forwardStatus");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        chips.setId("sentenceChips");

        Tab stepTab = new Tab(null, stepPane());
        stepTab.textProperty().bind(I18n.bind("app.fwd.tab.step"));
        Tab sentenceTab = new Tab(null, sentencePane());
        sentenceTab.textProperty().bind(I18n.bind("app.fwd.tab.sentence"));
        TabPane tabs = new TabPane(stepTab, sentenceTab);
        tabs.setId("forwardTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        VBox content = new VBox(8, picker, status, chips, tabs);
        content.setPadding(new Insets(0, 4, 0, 0));
        panel = StepPage.build("forwardStep", I18n.key("app.nav.forward"), EXPLANATION, LATEX,
                org.rnnlab.app.steps.ClassBasedNote.of(session.models().modelProperty()), content);

        player.setCycleCount(Timeline.INDEFINITE);
        vm.playingProperty().addListener((o, a, on) -> {
            if (on) {
                player.play();
            } else {
                player.stop();
            }
            play.setGraphic(new FontIcon(on ? MaterialDesignP.PAUSE : MaterialDesignP.PLAY));
            playTip.textProperty().bind(on ? I18n.bind("app.fwd.pause") : I18n.bind("app.fwd.play"));
        });
        vm.stepProperty().addListener((o, a, st) -> showStep(st));
        vm.traceProperty().addListener((o, a, t) -> showTrace(t));
        showTrace(vm.traceProperty().get());
    }

    private static Label bound(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.bind(key));
        return l;
    }

    private static Tooltip tip(String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(I18n.bind(key));
        return t;
    }

    public ForwardViewModel viewModel() {
        return vm;
    }

    private Node stepPane() {
        Button back = new Button(null, new FontIcon(MaterialDesignS.SKIP_PREVIOUS));
        back.setId("stepBack");
        back.setTooltip(tip(I18n.key("app.fwd.back")));
        back.setOnAction(e -> vm.stepBackByHand());
        play.setId("play");
        play.setGraphic(new FontIcon(MaterialDesignP.PLAY));
        playTip.textProperty().bind(I18n.bind("app.fwd.play"));
        play.setTooltip(playTip);
        play.setOnAction(e -> vm.togglePlaying());
        Button next = new Button(null, new FontIcon(MaterialDesignS.SKIP_NEXT));
        next.setId("stepForward");
        next.setTooltip(tip(I18n.key("app.fwd.next")));
        next.setOnAction(e -> vm.stepForwardByHand());
        for (Button b : List.of(back, play, next)) {
            b.getStyleClass().add(Styles.BUTTON_ICON);
            b.accessibleTextProperty().bind(b.getTooltip().textProperty()); // what a screen reader says of an icon
        }
        slider.setId("timeSlider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setBlockIncrement(1);
        slider.valueProperty().addListener((o, a, b) -> vm.timeProperty().set((int) Math.round(b.doubleValue())));
        HBox.setHgrow(slider, Priority.ALWAYS);
        timeLabel.setId("timeLabel");
        timeLabel.setMinWidth(90);
        HBox controls = new HBox(6, back, play, next, slider, timeLabel);
        controls.setAlignment(Pos.CENTER_LEFT);

        inputLabel.setId("inputWord");
        inputLabel.getStyleClass().add("stat-value");
        Wrapping.wrap(inputLabel); // the word and its index on two lines rather than cut, at large text
        strip.setId("stateStrip");
        strip.setPrefHeight(30);
        stripCaption.getStyleClass().add("stat-caption");
        Wrapping.wrap(stripCaption);
        topBars.setId("topBars");
        Label topCaption = bound(I18n.key("app.fwd.top"));
        topCaption.getStyleClass().add("card-title");
        verdict.setId("verdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("lm-summary");

        stack.setId("stateStack");
        Label stackCaption = bound(I18n.key("app.fwd.stack"));
        stackCaption.getStyleClass().add("card-title");
        Wrapping.wrap(stackCaption);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(stack, Priority.ALWAYS);
        Theme.darkProperty().addListener((o, a, dark) -> stack.setTextColour(textColour(dark)));
        stack.setTextColour(textColour(Theme.isDark()));
        VBox box = new VBox(10, controls, inputLabel, new VBox(3, strip, stripCaption), topCaption, topBars, verdict,
                stackCaption, stack);
        box.setPadding(new Insets(10, 4, 4, 4));
        return StepPage.scroller(box);
    }

    private Node sentencePane() {
        heatmap.node().setId("forwardHeatmap");
        heatmap.setColourScale(p -> Math.log10(Math.max(p, 1e-12)));
        heatmap.labelEveryCell(true, true);
        lossX.setOverlapPolicy(AxisLabelOverlapPolicy.SKIP_ALT);
        // Upright words, one per bar: side by side, only every other one had room.
        lossX.getTickLabelStyle().setRotate(90);
        lossX.setAutoRanging(false);
        lossY.setAutoRanging(true);
        lossY.setForceZeroInRange(true);
        ErrorDataSetRenderer bars = Charts.bars();
        lossData = new Series(bars, I18n.text("app.fwd.lossSeries"), Charts.lineStyle(Charts.ORANGE, 1));
        lossChart.getRenderers().add(bars);
        Charts.fitBars(lossChart, bars, () -> lossData.count());
        lossChart.getGridRenderer().getVerticalMajorGrid().setVisible(false);
        lnC.setLabelPosition(0.5);
        lossX.setUnit(null);
        lossChart.getPlugins().add(lnC);
        lossChart.setId("lossBars");
        Theme.fontSizeProperty().addListener((o, a, b) -> fitLossChart());
        sentenceSummary.setId("sentenceSummary");
        Wrapping.wrap(sentenceSummary);
        sentenceSummary.textProperty().bind(vm.summaryProperty());
        VBox.setVgrow(heatmap.node(), Priority.ALWAYS);
        VBox box = new VBox(6, heatmap.node(), lossChart, sentenceSummary);
        box.setPadding(new Insets(6, 4, 4, 4));
        // The heatmap labels every row: a long sentence scrolls rather than lose labels.
        return new BorderPane(StepPage.scroller(box));
    }

    /** Room under the loss bars for their upright words (the longest true next word). */
    private void fitLossChart() {
        ForwardTrace t = vm.traceProperty().get();
        double em = Theme.fontSizeProperty().get();
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(javafx.scene.text.Font.font(0.8 * em));
        double longest = 0;
        if (t != null) {
            for (String w : t.targets()) {
                probe.setText(w);
                longest = Math.max(longest, probe.getLayoutBounds().getWidth());
            }
        }
        double height = 7 * em + longest + 2.5 * em + 16;
        Charts.heights(lossChart, height, height, height + 3 * em);
    }

    private static Color textColour(boolean dark) {
        return dark ? Color.gray(0.85) : Color.gray(0.2);
    }

    private void showTrace(ForwardTrace t) {
        if (t == null) {
            return;
        }
        slider.setMax(Math.max(0, t.length() - 1));
        slider.setDisable(t.length() <= 1);
        stack.setStates(t.s(), t.inputs());
        // rows of at least 0.9 em (the page scrolls on a small screen rather than squeezing them)
        stack.setMinHeight(Math.min(0.9 * Theme.fontSizeProperty().get() * t.length(), 23 * Theme.fontSizeProperty().get()));
        heatmap.setColourRange(t.colourFloor(), 0);
        heatmap.setCellText((r, c, p) -> t.cellText(r, c, p));
        heatmap.setData(t.rowLabels(), t.columnLabels(), t.heat());

        lossX.setCategories(new ArrayList<>(t.targets()));
        lossX.setMin(-0.5);
        lossX.setMax(t.length() - 0.5);
        lossX.setMaxMajorTickLabelCount(t.length() + 1);
        double[] xs = new double[t.length()];
        double[] ys = new double[t.length()];
        for (int i = 0; i < t.length(); i++) {
            xs[i] = i;
            ys[i] = t.loss(i);
        }
        lossData.set(xs, ys);
        Charts.refitBars(lossChart);
        lnC.setValue(t.lnC());
        // The line's value goes in the axis name: a label box on the line covered the tallest bars.
        lnC.setText("");
        lossX.nameProperty().bind(I18n.bind("app.fwd.axis.true", String.format(Locale.ROOT, "%.2f", t.lnC())));
        fitLossChart();
        showStep(vm.stepProperty().get());
    }

    private void showStep(ForwardViewModel.Step st) {
        ForwardTrace tr = vm.traceProperty().get();
        if (st == null || tr == null) {
            return;
        }
        int t = st.t();
        if (Math.round(slider.getValue()) != t) {
            slider.setValue(t);
        }
        timeLabel.setText(st.timeText());
        chips.getChildren().clear();
        for (int i = 0; i <= tr.length(); i++) {
            String word = i < tr.length() ? tr.inputs().get(i) : tr.targets().get(tr.length() - 1);
            Label chip = new Label(word);
            chip.getStyleClass().add("token-chip");
            if (i == t) {
                chip.getStyleClass().add("current");
            } else if (i == t + 1) {
                chip.getStyleClass().add("next");
            }
            int target = Math.min(i, tr.length() - 1);
            chip.setOnMouseClicked(e -> vm.timeProperty().set(target));
            chips.getChildren().add(chip);
        }
        inputLabel.setText(st.inputText());
        strip.setValues(tr.s()[t]);
        stack.setCurrent(t);
        stripCaption.setText(st.stripCaption());
        List<ProbabilityBars.Bar> bars = new ArrayList<>();
        for (ForwardViewModel.Guess g : st.guesses()) {
            bars.add(new ProbabilityBars.Bar(g.index(), g.word(), g.probability(), g.truth(), g.note()));
        }
        topBars.setBars(bars);
        verdict.getStyleClass().removeAll("verdict-passed", "verdict-failed");
        verdict.getStyleClass().add(st.right() ? "verdict-passed" : "verdict-failed");
        verdict.setText(st.verdict());
    }

    @Override
    public void dispose() {
        player.stop();
        vm.playingProperty().set(false);
    }

    @Override
    public OnScreen.Follower follower() {
        return vm;
    }

    @Override
    public Node getPanel() {
        return panel;
    }
}
