package org.rnnlab.app.steps.forward;

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
import java.util.Random;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.rnnlab.app.charts.Charts;
import org.rnnlab.app.charts.Series;
import org.rnnlab.app.charts.Heatmap;
import org.rnnlab.app.charts.ProbabilityBars;
import org.rnnlab.app.charts.StateStack;
import org.rnnlab.app.charts.StateStrip;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.session.ModelStore;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.StepPage;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.Vocabulary;

/** Forward pass: one sentence through the network, one time step at a time. */
public final class ForwardView implements LessonStep {
    private static final String[] EXPLANATION = {
        "Forward propagation reads a sentence one word at a time. At step t the input x_t is one word; "
                + "the network mixes it with what it remembers, s_(t-1), into a new hidden state s_t.",
        "s_t is H numbers between -1 and 1 (tanh keeps them there): the strip shows them as colours, "
                + "blue for -1 and red for +1. It is all the network knows about the sentence so far.",
        "From s_t the network predicts the next word: o_t is a probability for every word of the "
                + "vocabulary. The bars show its top guesses; the true next word y_t is marked green.",
        "The loss of a step is -ln o_t[y_t]: small when the model gave the true word a high "
                + "probability. \"Whole sentence\" shows every step at once: a heatmap of the words that "
                + "matter (each row's top guesses and the true next words) and the loss at each position.",
        "Note that U x_t is simply column x_t of U: x_t is a one-hot vector, so no multiplication is needed.",
    };
    private static final String LATEX = "\\begin{array}{l}s_t=\\tanh(U x_t+W s_{t-1})\\\\o_t=\\mathrm{softmax}(V s_t)"
            + "\\\\L_t=-\\ln o_t[y_t]\\end{array}";

    private final ModelStore model;
    private final LessonSession session;
    private final ForwardViewModel vm = new ForwardViewModel();
    private final Node panel;
    private final Spinner<Integer> sentence = new Spinner<>();
    private final Label sentenceCount = new Label();
    private final Label status = new Label();
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
    private final YValueIndicator lnC = Charts.horizontal(lossY, Math.log(8000), "ln C");
    private final Label sentenceSummary = new Label();
    private final Button play = new Button();
    private final Timeline player = new Timeline(new KeyFrame(Duration.seconds(0.9), e -> vm.stepForward()));

    public ForwardView(LessonSession session) {
        this.session = session;
        this.model = session.models();
        sentence.setId("sentenceIndex");
        sentence.setEditable(true);
        sentence.setPrefWidth(120);
        sentence.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 0, 0));
        sentence.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.sentenceIndexProperty().set(b);
            }
        });
        vm.sentenceIndexProperty().addListener((o, a, b) -> {
            sentence.getValueFactory().setValue(b.intValue());
            recompute();
        });
        Button random = new Button("Random", new FontIcon(MaterialDesignD.DICE_5_OUTLINE));
        random.setId("randomSentence");
        random.setOnAction(e -> {
            PreparedData d = model.prepared();
            if (d != null && d.size() > 0) {
                vm.sentenceIndexProperty().set(new Random().nextInt(d.size()));
            }
        });
        sentenceCount.getStyleClass().add("muted");
        Label pick = new Label("Sentence");
        HBox picker = new HBox(8, pick, sentence, sentenceCount, random);
        picker.setAlignment(Pos.CENTER_LEFT);
        status.setId("forwardStatus");
        status.getStyleClass().add("muted");
        status.setWrapText(true);
        chips.setId("sentenceChips");

        TabPane tabs = new TabPane(new Tab("Step by step", stepPane()), new Tab("Whole sentence", sentencePane()));
        tabs.setId("forwardTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        VBox content = new VBox(8, picker, status, chips, tabs);
        content.setPadding(new Insets(0, 4, 0, 0));
        panel = StepPage.build("forwardStep", "Forward pass", EXPLANATION, LATEX, content);

        player.setCycleCount(Timeline.INDEFINITE);
        vm.playingProperty().addListener((o, a, on) -> {
            if (on) {
                player.play();
            } else {
                player.stop();
            }
            play.setGraphic(new FontIcon(on ? MaterialDesignP.PAUSE : MaterialDesignP.PLAY));
            play.setTooltip(new Tooltip(on ? "Pause" : "Play: one step every second"));
        });
        vm.timeProperty().addListener((o, a, b) -> showStep());
        vm.traceProperty().addListener((o, a, t) -> showTrace(t));
        model.revisionProperty().addListener((o, a, b) -> recompute());
        session.corpus().preparedProperty().addListener((o, a, d) -> corpusChanged(d));
        corpusChanged(model.prepared());
    }

    public ForwardViewModel viewModel() {
        return vm;
    }

    private Node stepPane() {
        Button back = new Button(null, new FontIcon(MaterialDesignS.SKIP_PREVIOUS));
        back.setId("stepBack");
        back.setTooltip(new Tooltip("One step back"));
        back.setOnAction(e -> {
            vm.playingProperty().set(false);
            vm.stepBack();
        });
        play.setId("play");
        play.setGraphic(new FontIcon(MaterialDesignP.PLAY));
        play.setTooltip(new Tooltip("Play: one step every second"));
        play.setOnAction(e -> vm.playingProperty().set(!vm.playingProperty().get()));
        Button next = new Button(null, new FontIcon(MaterialDesignS.SKIP_NEXT));
        next.setId("stepForward");
        next.setTooltip(new Tooltip("One step on"));
        next.setOnAction(e -> {
            vm.playingProperty().set(false);
            vm.stepForward();
        });
        for (Button b : List.of(back, play, next)) {
            b.getStyleClass().add(Styles.BUTTON_ICON);
        }
        slider.setId("timeSlider");
        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(0);
        slider.setSnapToTicks(true);
        slider.setBlockIncrement(1);
        slider.valueProperty().addListener((o, a, b) -> {
            int t = (int) Math.round(b.doubleValue());
            if (t != vm.timeProperty().get()) {
                vm.timeProperty().set(t);
            }
        });
        HBox.setHgrow(slider, Priority.ALWAYS);
        timeLabel.setId("timeLabel");
        timeLabel.setMinWidth(90);
        HBox controls = new HBox(6, back, play, next, slider, timeLabel);
        controls.setAlignment(Pos.CENTER_LEFT);

        inputLabel.setId("inputWord");
        inputLabel.getStyleClass().add("stat-value");
        strip.setId("stateStrip");
        strip.setPrefHeight(30);
        stripCaption.getStyleClass().add("stat-caption");
        topBars.setId("topBars");
        Label topCaption = new Label("o_t: the model's top guesses for the next word");
        topCaption.getStyleClass().add("card-title");
        verdict.setId("verdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("lm-summary");

        stack.setId("stateStack");
        Label stackCaption = new Label("The memory word by word: s_t after each input word (steps not read yet are faded)");
        stackCaption.getStyleClass().add("card-title");
        stackCaption.setWrapText(true);
        stackCaption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        verdict.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox.setVgrow(stack, Priority.ALWAYS);
        org.rnnlab.app.support.Theme.darkProperty().addListener((o, a, dark) -> stack.setTextColour(dark ? javafx.scene.paint.Color.gray(0.85) : javafx.scene.paint.Color.gray(0.2)));
        stack.setTextColour(org.rnnlab.app.support.Theme.isDark() ? javafx.scene.paint.Color.gray(0.85) : javafx.scene.paint.Color.gray(0.2));
        VBox box = new VBox(10, controls, inputLabel, new VBox(3, strip, stripCaption), topCaption, topBars, verdict,
                stackCaption, stack);
        box.setPadding(new Insets(10, 4, 4, 4));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private Node sentencePane() {
        heatmap.node().setId("forwardHeatmap");
        heatmap.setColourScale(p -> Math.log10(Math.max(p, 1e-12)));
        lossX.setOverlapPolicy(AxisLabelOverlapPolicy.SKIP_ALT);
        lossX.setAutoRanging(false);
        lossY.setAutoRanging(true);
        lossY.setForceZeroInRange(true);
        ErrorDataSetRenderer bars = Charts.bars();
        lossData = new Series(bars, "loss per position", Charts.lineStyle(Charts.ORANGE, 1));
        lossChart.getRenderers().add(bars);
        Charts.fitBars(lossChart, bars, () -> lossData.count());
        lossChart.getGridRenderer().getVerticalMajorGrid().setVisible(false);
        lnC.setLabelPosition(0.5);
        lossX.setUnit(null);
        lossChart.getPlugins().add(lnC);
        lossChart.setId("lossBars");
        Charts.heights(lossChart, 130, 150, 170);
        Charts.heights(heatmap.chart(), 150, 600, 4096);
        sentenceSummary.setId("sentenceSummary");
        sentenceSummary.setWrapText(true);
        sentenceSummary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox.setVgrow(heatmap.node(), Priority.ALWAYS);
        VBox box = new VBox(6, heatmap.node(), lossChart, sentenceSummary);
        box.setPadding(new Insets(6, 4, 4, 4));
        return new BorderPane(box);
    }

    private void corpusChanged(PreparedData d) {
        int n = d == null ? 0 : d.size();
        ((SpinnerValueFactory.IntegerSpinnerValueFactory) sentence.getValueFactory()).setMax(Math.max(0, n - 1));
        sentenceCount.setText(String.format(Locale.ROOT, "of %,d (numbered from 0)", n));
        if (d != null) {
            int good = ForwardViewModel.firstGoodSentence(i -> d.sentence(i).length - 2, Math.min(n, 2000));
            if (vm.sentenceIndexProperty().get() != good) {
                vm.sentenceIndexProperty().set(good);
                return;
            }
        }
        recompute();
    }

    private void recompute() {
        PreparedData d = model.prepared();
        RnnModel m = model.model();
        Vocabulary v = model.vocabulary();
        if (d == null || m == null || v == null) {
            status.setText("Waiting for the corpus and the model...");
            return;
        }
        int i = Math.min(vm.sentenceIndexProperty().get(), d.size() - 1);
        if (i < 0) {
            return;
        }
        status.setText(model.matchesCorpusProperty().get()
                ? "Model: " + model.descriptionProperty().get()
                : "Model: " + model.descriptionProperty().get() + ". Its vocabulary is not this corpus's: "
                        + "the sentence is read with the model's own vocabulary.");
        List<String> tokens = d.sentenceTokens(i);
        session.queries().query("forward", () -> {
            int[] w = v.encode(tokens);
            int[] x = java.util.Arrays.copyOfRange(w, 0, w.length - 1);
            int[] y = java.util.Arrays.copyOfRange(w, 1, w.length);
            return ForwardViewModel.trace(m, v, x, y);
        }, vm.traceProperty()::set, e -> session.notices().failure("Forward pass", e));
    }

    private void showTrace(ForwardViewModel.Trace t) {
        if (t == null) {
            return;
        }
        slider.setMax(Math.max(0, t.length() - 1));
        stack.setStates(t.s(), t.inputs());
        // rows of at least 12 px (the page scrolls on a small screen rather than squeezing them)
        stack.setMinHeight(Math.min(12 * t.length(), 320));
        slider.setDisable(t.length() <= 1);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < t.length(); i++) {
            rows.add(i + ": " + t.inputs().get(i));
        }
        List<String> cols = new ArrayList<>();
        for (int c : t.columns()) {
            String w = model.vocabulary().word(c);
            cols.add(w.length() > 14 ? w.substring(0, 13) + "…" : w);
        }
        double floor = Math.floor(Math.log10(1.0 / t.vocabularySize())) - 1;
        heatmap.setColourRange(floor, 0);
        heatmap.setCellText((r, c, p) -> String.format(Locale.ROOT, "t = %d, after \"%s\": o_t[%s] = %.6f (%s)%s",
                r, t.inputs().get(r), model.vocabulary().word(t.columns().get(c)), p, ProbabilityBars.percent(p),
                t.columns().get(c) == t.y()[r] ? "  <- the true next word" : ""));
        heatmap.setData(rows, cols, t.heat());

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
        lnC.setValue(Math.log(t.vocabularySize()));
        lnC.setText(String.format(Locale.ROOT, "ln C = %.2f (random guessing)", Math.log(t.vocabularySize())));
        sentenceSummary.setText(String.format(Locale.ROOT,
                "Mean loss over this sentence: %.3f (ln C = %.3f). The best guess was the true next word %d of %d times.",
                t.meanLoss(), Math.log(t.vocabularySize()), t.correct(), t.length()));
        showStep();
    }

    private void showStep() {
        ForwardViewModel.Trace tr = vm.traceProperty().get();
        if (tr == null || tr.length() == 0) {
            return;
        }
        int t = Math.min(vm.timeProperty().get(), tr.length() - 1);
        if (Math.round(slider.getValue()) != t) {
            slider.setValue(t);
        }
        timeLabel.setText(String.format(Locale.ROOT, "t = %d of %d", t, tr.length() - 1));
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
        Vocabulary v = model.vocabulary();
        inputLabel.setText(String.format(Locale.ROOT, "x_%d = \"%s\" (word %,d of the vocabulary)", t, tr.inputs().get(t), tr.x()[t]));
        strip.setValues(tr.s()[t]);
        stack.setCurrent(t);
        double largest = 0;
        for (double u : tr.s()[t]) {
            largest = Math.max(largest, Math.abs(u));
        }
        stripCaption.setText(String.format(Locale.ROOT,
                "s_%d: %d hidden units, blue = -1, red = +1 (hover for values); the largest |s_%d| is %.3f",
                t, tr.s()[t].length, t, largest));
        List<ProbabilityBars.Bar> bars = new ArrayList<>();
        boolean trueShown = false;
        for (int k = 0; k < tr.top()[t].length; k++) {
            int w = tr.top()[t][k];
            boolean truth = w == tr.y()[t];
            trueShown |= truth;
            bars.add(new ProbabilityBars.Bar(w, v.word(w), tr.topP()[t][k], truth, truth ? "true next word" : null));
        }
        if (!trueShown) {
            bars.add(new ProbabilityBars.Bar(tr.y()[t], tr.targets().get(t), tr.pTrue()[t], true,
                    String.format(Locale.ROOT, "true next word, rank %,d", tr.rank()[t])));
        }
        topBars.setBars(bars);
        int best = tr.top()[t][0];
        boolean right = best == tr.y()[t];
        verdict.getStyleClass().removeAll("verdict-passed", "verdict-failed");
        verdict.getStyleClass().add(right ? "verdict-passed" : "verdict-failed");
        verdict.setText(String.format(Locale.ROOT, "Best guess: \"%s\"   ·   true next word: \"%s\"   %s   ·   loss -ln o_t[y_t] = %.3f",
                v.word(best), tr.targets().get(t), right ? "✓ right" : "✗ wrong", tr.loss(t)));
    }

    @Override
    public void dispose() {
        player.stop();
    }

    @Override
    public Node getPanel() {
        return panel;
    }
}
