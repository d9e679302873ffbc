package org.rnnlab.app.steps.loss;

import atlantafx.base.theme.Styles;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.rnnlab.app.charts.Charts;
import org.rnnlab.app.charts.Series;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.session.ModelStore;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.StepPage;
import org.rnnlab.app.support.BackgroundWork;
import org.rnnlab.app.support.FxBatcher;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.Vocabulary;

/** Loss: ln C, the loss of knowing nothing, against the model's mean loss on the first N sentences. */
public final class LossView implements LessonStep {
    private static final String[] EXPLANATION = {
        "How wrong is the model? The cross-entropy loss adds up, for every word of the training data, "
                + "-ln of the probability the model gave the true next word, and divides by the number of words.",
        "A perfect model would give each true word probability 1: a loss of 0. A model that knows "
                + "nothing gives every one of the C words about 1/C, so its loss is about -ln(1/C) = ln C "
                + "(8.987 for C = 8000).",
        "Before any training, the weights are random and small, so every word should get about 1/C. "
                + "Comparing ln C with the actual loss on the first 1,000 sentences checks that the forward "
                + "pass and the loss are right before we spend hours training.",
        "After training, the loss should be well below ln C.",
    };
    private static final String LATEX = "\\begin{array}{l}L(y,o)=-\\frac{1}{N}\\sum_{n\\in N}\\ln o_n[y_n]"
            + "\\\\\\text{random weights: } L\\approx -\\ln\\frac{1}{C}=\\ln C\\end{array}";

    private final ModelStore model;
    private final LessonSession session;
    private final BackgroundWork work;
    private final LossViewModel vm = new LossViewModel();
    private final Node panel;
    private final DefaultNumericAxis xAxis = Charts.axis("sentences read");
    private final DefaultNumericAxis yAxis = Charts.axis("mean loss per word so far");
    private final XYChart chart = Charts.chart(xAxis, yAxis);
    private Series meanData;
    private final YValueIndicator lnC = Charts.horizontal(yAxis, Math.log(8000), "ln C");
    private final Spinner<Integer> n = new Spinner<>();
    private org.rnnlab.app.support.Background.Running task;
    private boolean shown;

    public LossView(LessonSession session) {
        this.session = session;
        this.model = session.models();
        this.work = session.work();

        n.setId("lossSentences");
        n.setEditable(true);
        n.setPrefWidth(130);
        n.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1_000_000, LossViewModel.DEFAULT_SENTENCES, 100));
        n.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.sentencesProperty().set(b);
            }
        });
        Button compute = new Button("Compute the loss", new FontIcon(MaterialDesignP.PLAY));
        compute.setId("computeLoss");
        compute.getStyleClass().add(Styles.ACCENT);
        compute.setOnAction(e -> compute());
        compute.disableProperty().bind(vm.runningProperty().or(model.modelProperty().isNull()));
        Button cancel = new Button("Cancel", new FontIcon(MaterialDesignC.CLOSE));
        cancel.setId("cancelLoss");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> work.cancelCurrent());
        Label first = new Label("First");
        Label sentencesLabel = new Label("sentences");
        HBox controls = new HBox(8, first, n, sentencesLabel, compute, cancel);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label expected = new Label();
        expected.setId("expectedLoss");
        expected.getStyleClass().add("big-number");
        expected.textProperty().bind(Bindings.createStringBinding(() -> format(vm.expectedProperty().get()), vm.expectedProperty()));
        Label expectedCaption = new Label();
        expectedCaption.getStyleClass().add("muted");
        expectedCaption.setWrapText(true);
        expectedCaption.textProperty().bind(Bindings.createStringBinding(() -> {
            RnnModel m = model.model();
            return m == null ? "ln C: guessing uniformly"
                    : String.format(Locale.ROOT, "ln C, with C = %,d words", m.wordDim());
        }, model.modelProperty()));
        VBox expectedCard = new VBox(4, new Label("Expected for random weights"), expected, expectedCaption);
        expectedCard.getStyleClass().add("card");

        Label actual = new Label();
        actual.setId("actualLoss");
        actual.getStyleClass().add("big-number");
        actual.textProperty().bind(Bindings.createStringBinding(() -> format(vm.actualProperty().get()), vm.actualProperty()));
        Label actualCaption = new Label();
        actualCaption.getStyleClass().add("muted");
        actualCaption.setWrapText(true);
        actualCaption.textProperty().bind(Bindings.createStringBinding(() -> vm.doneProperty().get() == 0
                ? "mean loss per word"
                : String.format(Locale.ROOT, "per word, %,d sentences (%,d words)",
                        vm.doneProperty().get(), vm.wordsProperty().get()), vm.doneProperty(), vm.wordsProperty()));
        VBox actualCard = new VBox(4, new Label("This model"), actual, actualCaption);
        actualCard.getStyleClass().add("card");
        HBox cards = new HBox(12, expectedCard, actualCard);
        HBox.setHgrow(expectedCard, Priority.ALWAYS);
        HBox.setHgrow(actualCard, Priority.ALWAYS);
        expectedCard.setMaxWidth(Double.MAX_VALUE);
        actualCard.setMaxWidth(Double.MAX_VALUE);

        ProgressBar progress = new ProgressBar(0);
        progress.setId("lossProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            int total = vm.sentencesProperty().get();
            PreparedData d = model.prepared();
            if (d != null) {
                total = Math.min(total, d.size());
            }
            return total <= 0 ? 0 : (double) vm.doneProperty().get() / total;
        }, vm.doneProperty(), vm.sentencesProperty()));

        Label explanation = new Label();
        explanation.setId("lossExplanation");
        explanation.setWrapText(true);
        explanation.getStyleClass().add("lm-summary");
        explanation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        explanation.textProperty().bind(vm.explanationProperty());

        ErrorDataSetRenderer lines = Charts.lines();
        meanData = new Series(lines, "mean loss", Charts.lineStyle(Charts.BLUE, 3));
        chart.getRenderers().add(lines);
        chart.getPlugins().add(lnC);
        lnC.setLabelPosition(0.5);
        // From 0, so that noise in the fourth decimal does not look like a trend.
        yAxis.setAutoRanging(false);
        yAxis.setMin(0);
        yAxis.setMax(10);
        xAxis.setAutoRanging(true);
        Charts.plainNumbers(xAxis);
        chart.setId("lossChart");
        Charts.heights(chart, 180, 400, 4096);
        VBox.setVgrow(chart, Priority.ALWAYS);

        VBox content = new VBox(12, controls, cards, progress, explanation, chart);
        content.setPadding(new Insets(0, 4, 4, 0));
        panel = StepPage.build("lossStep", "Loss", EXPLANATION, LATEX, content);

        model.revisionProperty().addListener((o, a, b) -> {
            if (shown && !vm.runningProperty().get()) {
                compute();
            }
        });
        session.corpus().preparedProperty().addListener((o, a, d) -> limitToCorpus(d));
        limitToCorpus(model.prepared());
    }

    public LossViewModel viewModel() {
        return vm;
    }

    private void limitToCorpus(PreparedData d) {
        if (d != null) {
            ((SpinnerValueFactory.IntegerSpinnerValueFactory) n.getValueFactory()).setMax(Math.max(1, d.size()));
        }
    }

    private static String format(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
    }

    @Override
    public void onShown() {
        shown = true;
        if (!vm.runningProperty().get() && vm.computedRevision() != model.revisionProperty().get()) {
            compute();
        }
    }

    private void compute() {
        PreparedData d = model.prepared();
        RnnModel m = model.model();
        Vocabulary v = model.vocabulary();
        if (d == null || m == null || v == null || vm.runningProperty().get()) {
            return;
        }
        boolean same = model.matchesCorpusProperty().get();
        int count = Math.min(vm.sentencesProperty().get(), d.size());
        vm.start(v.size(), model.revisionProperty().get());
        meanData.clear();
        lnC.setValue(vm.expectedProperty().get());
        lnC.setText(String.format(Locale.ROOT, "ln C = %.3f", vm.expectedProperty().get()));
        FxBatcher<LossViewModel.Progress> batcher = new FxBatcher<>(batch -> {
            vm.progress(batch);
            meanData.set(vm.runningMean().xValues(), vm.runningMean().yValues());
            double top = Math.max(vm.expectedProperty().get(), vm.actualProperty().get());
            if (Double.isFinite(top)) {
                yAxis.setMax(Math.ceil(top * 1.15));
            }
        });
        task = work.submit(String.format(Locale.ROOT, "Loss on the first %,d sentences", count), job -> {
            double total = 0;
            long words = 0;
            int every = Math.max(1, count / 400);
            for (int i = 0; i < count; i++) {
                job.cancel().throwIfCancelled();
                int[] x;
                int[] y;
                if (same) {
                    x = d.x(i);
                    y = d.y(i);
                } else {
                    // the model has its own vocabulary: read the sentence's words with it
                    int[] w = v.encode(d.sentenceTokens(i));
                    x = java.util.Arrays.copyOfRange(w, 0, w.length - 1);
                    y = java.util.Arrays.copyOfRange(w, 1, w.length);
                }
                total += m.sentenceLoss(x, y);
                words += y.length;
                if ((i + 1) % every == 0 || i + 1 == count) {
                    batcher.post(new LossViewModel.Progress(i + 1, words, total / words));
                    job.progress().progress(i + 1, count, String.format(Locale.ROOT, "Loss: %,d of %,d sentences", i + 1, count));
                }
            }
            return total / Math.max(1, words);
        }, mean -> {
            batcher.drain();
            vm.finish(true);
        }, e -> {
            batcher.drain();
            vm.finish(false);
            session.notices().failure("Loss", e);
        }, () -> vm.finish(false));
    }

    @Override
    public void dispose() {
        if (task != null) {
            task.cancel();
        }
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
