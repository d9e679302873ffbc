package org.rnnlab.app.steps.training;

import atlantafx.base.theme.Styles;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.widgets.LayoutIsland;
import org.rnnlab.app.widgets.RecentMenus;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.StepPage;
import org.rnnlab.engine.Precision;
import org.rnnlab.app.widgets.Fields;
import org.rnnlab.app.widgets.NumberField;
import org.rnnlab.app.widgets.Wrapping;
import org.rnnlab.training.OutputLayer;

/** Training: SGD with BPTT on the corpus, live: the loss falls while the learner watches. */
public final class TrainingView implements LessonStep {
    /** The explanation's paragraphs, by key. */
    private static final String[] EXPLANATION = {
        I18n.key("training.explanation.1"), I18n.key("training.explanation.2"), I18n.key("training.explanation.3"),
        I18n.key("training.explanation.4"), I18n.key("training.explanation.5"),
    };
    private static final String LATEX = "\\begin{array}{l}\\theta\\leftarrow\\theta-\\eta\\,\\frac{\\partial L}{\\partial\\theta}"
            + "\\quad\\theta\\in\\{U,V,W\\}\\end{array}";
    private final TrainingViewModel vm;
    private final TrainingRunState run;
    private final Node panel;
    private final LossChart chart;
    private final LivePanels livePanels;
    private final Button start = Words.button(I18n.bind("training.button.start"), MaterialDesignP.PLAY);
    private final Button pause = Words.button(I18n.bind("training.button.pause"), MaterialDesignP.PAUSE);
    private final Button step = Words.button(I18n.bind("training.button.step"), MaterialDesignS.STEP_FORWARD);
    private final Button stop = Words.button(I18n.bind("training.button.stop"), MaterialDesignS.STOP);

    /** What is worded anew when the language changes (held here: the language's listener is weak). */
    private final java.util.List<Runnable> onLanguage = new java.util.ArrayList<>();
    private final javafx.beans.InvalidationListener reword = o -> onLanguage.forEach(Runnable::run);

    public TrainingView(LessonSession session) {
        vm = new TrainingViewModel(session.models(), session.training(), session.files(), session.queries(),
                session.notices(), this::confirm, System::nanoTime,
                new RunHistory(session.work(), session.notices(), RunFolder.runs()));
        run = vm.run();
        TrainingInputs in = vm.inputs();
        new org.rnnlab.app.widgets.FormMemory(session.memory(), "training").keep("learningRate", in.learningRate())
                .keep("epochs", in.epochs()).keep("evaluateEvery", in.evaluateEvery()).keep("bpttTruncate", in.bpttTruncate())
                .keep("sentences", in.sentences()).keep("seed", in.seed()).keep("hiddenSize", in.hiddenSize())
                .keep("heldOut", in.heldOut());
        session.lessonResetsProperty().addListener((o, a, b) -> vm.resetToLesson());
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(reword));
        chart = new LossChart(run, vm.runs());
        livePanels = new LivePanels(vm, chart);

        Label modelLine = Wrapping.wrap(new Label());
        modelLine.setId("trainingModel");
        modelLine.getStyleClass().add("muted");
        modelLine.textProperty().bind(vm.modelLine());
        // the whole row: sized to its text, a longer count at each snapshot wrapped it at the old width and
        // laid the whole page out again (LayoutIsland), a 50-60 ms pause of the window 2 s into a run
        modelLine.setMaxWidth(Double.MAX_VALUE);

        Label stepResult = Wrapping.wrap(new Label());
        stepResult.setId("stepResult");
        stepResult.textProperty().bind(vm.stepResultProperty());
        stepResult.managedProperty().bind(stepResult.textProperty().isNotEmpty());

        Label sentencesNote = new Label();
        sentencesNote.setId("sentencesNote");
        sentencesNote.getStyleClass().add("muted");
        sentencesNote.textProperty().bind(vm.sentencesNote());

        Label splitNote = new Label();
        splitNote.setId("splitNote");
        splitNote.getStyleClass().add("muted");
        Wrapping.wrap(splitNote);
        splitNote.textProperty().bind(vm.live().splitNote());

        // what changes while training lays out on its own, not the whole page at every counter (LayoutIsland)
        VBox content = new VBox(10, new LayoutIsland(modelLine), form(session), sentencesNote, splitNote, buttons(session), stepResult,
                new LayoutIsland(stats()), new LayoutIsland(livePanels.node()), new LayoutIsland(new SamplesCard(vm.samples(), vm.samplesTitleProperty())), outcome());
        content.setPadding(new Insets(0, 4, 4, 0));
        panel = StepPage.build("trainingStep", I18n.text("training.title"), Words.texts(EXPLANATION), LATEX,
                StepPage.scroller(content));
        Words.followLanguage((javafx.scene.layout.BorderPane) panel, I18n.key("training.title"), EXPLANATION);

        run.stateProperty().addListener((o, a, s) -> stateChanged(s));
        if (Boolean.getBoolean(PulseMonitor.FLAG)) {
            PulseMonitor.install(session, vm);
        }
        vm.chartVersionProperty().addListener((o, a, b) -> livePanels.refresh());
        vm.runs().revisionProperty().addListener((o, a, b) -> chart.refresh());
        vm.lnCProperty().addListener((o, a, b) -> chart.showLnC(b.doubleValue()));
        chart.showLnC(vm.lnCProperty().get());
        stateChanged(run.stateProperty().get());
        // the rehearsal ends at the press of Start, not when the run begins: the fresh model comes first
        LiveRehearsal.start((javafx.scene.layout.Pane) panel, livePanels.node(), vm.live(),
                session.models().trainingProperty().or(vm.startAcceptedProperty()));
    }

    public TrainingViewModel viewModel() {
        return vm;
    }

    /** The probe heatmap and the live check chart, for tests. */
    LivePanels livePanels() {
        return livePanels;
    }

    /** The loss chart, for tests (its earlier runs, a snapshot). */
    LossChart lossChart() {
        return chart;
    }

    /** The chart's data sets, for tests: per-sentence loss, smoothed, evaluations, held-out evaluations. */
    public List<DoubleDataSet> chartData() {
        return chart.data();
    }

    // ---- building -----------------------------------------------------------------------------

    private Node form(LessonSession session) {
        TrainingInputs in = vm.inputs();
        NumberField lr = new NumberField(in.learningRate()).setFieldId("learningRate");
        NumberField epochs = new NumberField(in.epochs()).setFieldId("epochs").columns(4);
        NumberField evaluate = new NumberField(in.evaluateEvery()).setFieldId("evaluateEvery").columns(4);
        NumberField bptt = new NumberField(in.bpttTruncate()).setFieldId("bpttTruncate").columns(4);
        NumberField sentences = new NumberField(in.sentences()).setFieldId("trainSentences").columns(7);
        NumberField seed = new NumberField(in.seed()).setFieldId("trainSeed").columns(8);
        ComboBox<Precision> precision = Words.choice("precision", vm.precisionProperty(), Precision::dtypeName,
                Precision.FLOAT64, Precision.FLOAT32);
        ComboBox<OutputLayer> layer = Words.choice("outputLayer", vm.outputLayerProperty(),
                l -> I18n.text(l == OutputLayer.FULL ? "training.outputLayer.full" : "training.outputLayer.classBased"),
                OutputLayer.FULL, OutputLayer.CLASS_BASED);
        layer.setTooltip(Words.tooltip(I18n.bind("training.outputLayer.tooltip")));
        layer.setStyle("-fx-pref-width: 17em;"); // as wide as its list: it grew when first opened, and moved the fields after it
        NumberField hidden = new NumberField(in.hiddenSize()).setFieldId("hiddenSize").columns(4);
        NumberField heldOut = new NumberField(in.heldOut()).setFieldId("heldOutFraction").columns(4);

        // the learning rate stays editable during a run: Apply (or Enter) sets it on the run at once
        Button applyRate = new Button();
        applyRate.textProperty().bind(I18n.bind("training.apply"));
        applyRate.setId("applyLearningRate");
        applyRate.setTooltip(Words.tooltip(I18n.bind("training.apply.tooltip")));
        applyRate.setOnAction(e -> vm.live().applyLearningRate());
        // shown during a run only, its room kept: the fields do not move sideways at Start and Stop (and the
        // renderer repaints the button, not the whole row)
        applyRate.visibleProperty().bind(session.models().trainingProperty());
        // beside the field's own Enter (which commits the text), not instead of it
        lr.editor().addEventHandler(javafx.event.ActionEvent.ACTION, e -> {
            if (session.models().isTraining()) {
                vm.live().applyLearningRate();
            }
        });
        HBox rate = new HBox(4, Words.labelled(I18n.bind("training.field.learningRate"), lr), applyRate);
        rate.setAlignment(Pos.BOTTOM_LEFT);
        Hyperlink lesson = new Hyperlink();
        lesson.textProperty().bind(I18n.bind("training.lessonSettings"));
        lesson.setId("lessonDefaults");
        lesson.setOnAction(e -> vm.lessonDefaults());
        FlowPane form = new FlowPane(10, 6,
                rate, Words.labelled(I18n.bind("training.field.epochs"), epochs),
                Words.labelled(I18n.bind("training.field.evaluateEvery"), evaluate), Words.labelled(I18n.bind("training.field.bptt"), bptt),
                Words.labelled(I18n.bind("training.field.sentences"), sentences), Words.labelled(I18n.bind("training.field.seed"), seed),
                Words.labelled(I18n.bind("training.field.precision"), precision), Words.labelled(I18n.bind("training.field.hidden"), hidden),
                Words.labelled(I18n.bind("training.field.outputLayer"), layer),
                Words.labelled(I18n.bind("training.field.heldOut"), heldOut), org.rnnlab.app.widgets.Fields.labelled("", lesson));
        form.setAlignment(Pos.BOTTOM_LEFT);
        // a field's caption on one line with the others' when its problem takes more lines than its range
        form.setRowValignment(javafx.geometry.VPos.TOP);
        for (Node n : form.getChildren()) {
            if (n != rate) {
                n.disableProperty().bind(session.models().trainingProperty());
            }
        }
        return form;
    }

    private Node buttons(LessonSession session) {
        start.setId("startTraining");
        start.getStyleClass().add(Styles.ACCENT);
        start.setOnAction(e -> vm.start());
        vm.inputs().forStart().validProperty().addListener((o, a, b) -> stateChanged(run.stateProperty().get()));
        pause.setId("pauseTraining");
        pause.setOnAction(e -> vm.pauseOrResume());
        step.setId("stepTraining");
        step.setTooltip(Words.tooltip(I18n.bind("training.step.tooltip")));
        step.setOnAction(e -> vm.step());
        stop.setId("stopTraining");
        stop.getStyleClass().add(Styles.DANGER);
        stop.setOnAction(e -> vm.stop());

        MenuButton file = new MenuButton("", new FontIcon(MaterialDesignF.FILE_OUTLINE));
        file.textProperty().bind(I18n.bind("training.model.menu"));
        file.setId("modelMenu");
        MenuItem fresh = Words.item(I18n.bind("training.model.new"), new FontIcon(MaterialDesignD.DICE_5_OUTLINE));
        fresh.setId("newModel");
        fresh.setOnAction(e -> vm.menu().newModel());
        fresh.disableProperty().bind(vm.inputs().forNewModel().validProperty().not());
        MenuItem save = Words.item(I18n.bind("training.model.save"), new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setOnAction(e -> save());
        MenuItem load = Words.item(I18n.bind("training.model.load"), new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        load.setOnAction(e -> load());
        MenuItem importLesson = Words.item(I18n.bind("training.model.import"), new FontIcon(MaterialDesignF.FILE_DOWNLOAD_OUTLINE));
        importLesson.setOnAction(e -> importLesson());
        MenuItem shipped = Words.item(I18n.bind("training.model.shipped"), new FontIcon(MaterialDesignP.PACKAGE_VARIANT));
        shipped.setId("shippedModel");
        shipped.setOnAction(e -> vm.menu().loadShipped());
        Menu earlier = new Menu("", new FontIcon(MaterialDesignH.HISTORY));
        earlier.textProperty().bind(I18n.bind("training.model.earlier"));
        earlier.setId("earlierModels");
        Runnable fill = () -> {
            earlier.getItems().clear();
            for (var kept : vm.menu().earlierModels()) {
                MenuItem item = new MenuItem(vm.menu().label(kept));
                item.setMnemonicParsing(false);
                item.setOnAction(e -> vm.menu().restore(kept));
                earlier.getItems().add(item);
            }
            earlier.setDisable(earlier.getItems().isEmpty());
        };
        vm.menu().earlierModels().addListener((javafx.collections.ListChangeListener<Object>) c -> fill.run());
        onLanguage.add(fill);
        fill.run();
        Menu recentModels = RecentMenus.models(session.memory(), path -> vm.menu().load(path));
        MenuItem resume = new MenuItem();
        resume.setId("resumeInterrupted");
        resume.setMnemonicParsing(false);
        resume.setOnAction(e -> vm.interrupted().resume());
        resume.setVisible(false);
        file.setOnShowing(e -> {
            RecentMenus.refill(recentModels);
            String label = vm.interrupted().label();
            resume.setText(label);
            resume.setVisible(label != null);
        });
        file.getItems().addAll(fresh, shipped, earlier, resume, new SeparatorMenuItem(), save, load, recentModels, importLesson);
        file.disableProperty().bind(session.models().trainingProperty());

        ChoiceBox<TrainingViewModel.StartFrom> from = new ChoiceBox<>();
        from.setId("startFrom");
        from.getItems().setAll(TrainingViewModel.StartFrom.values());
        from.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TrainingViewModel.StartFrom f) {
                return f == TrainingViewModel.StartFrom.CURRENT_MODEL ? I18n.text("training.startFrom.current")
                        : I18n.text("training.startFrom.fresh");
            }

            @Override
            public TrainingViewModel.StartFrom fromString(String text) {
                return null;
            }
        });
        from.valueProperty().bindBidirectional(vm.startFromProperty());
        onLanguage.add(() -> { // the choice box draws its items anew in the new language
            var chosen = from.getValue();
            from.getItems().setAll(TrainingViewModel.StartFrom.values());
            from.setValue(chosen);
        });
        from.disableProperty().bind(session.models().trainingProperty());
        Label trains = new Label();
        trains.textProperty().bind(I18n.bind("training.train"));
        Label which = Wrapping.wrap(new Label());
        which.setId("startsWith");
        which.getStyleClass().add("muted");
        which.textProperty().bind(vm.startsWith());

        // wraps rather than cutting the buttons' names when the page is narrow
        FlowPane box = new FlowPane(8, 6, start, trains, from, pause, step, stop, file,
                RunMenu.build(vm, chart, () -> panel.getScene() == null ? null : panel.getScene().getWindow()));
        box.setAlignment(Pos.CENTER_LEFT);
        Label fieldsProblem = Fields.problemLine(vm.inputs().forStart().problemProperty());
        fieldsProblem.setId("trainingInputProblem");
        return new VBox(4, box, fieldsProblem, which);
    }

    private Region stats() {
        ProgressBar bar = new ProgressBar(0);
        bar.setId("trainingProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(run.progressProperty());
        Label examples = stat("examplesSeen", Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d / %,d",
                run.examplesSeenProperty().get(), run.totalExamplesProperty().get()), run.examplesSeenProperty(), run.totalExamplesProperty()));
        Label rate = stat("sentencesPerSecond", Bindings.createStringBinding(() -> {
            double r = run.sentencesPerSecondProperty().get();
            return Double.isFinite(r) ? String.format(Locale.ROOT, "%.1f", r) : "–";
        }, run.sentencesPerSecondProperty()));
        Label ms = stat("msPerStep", Bindings.createStringBinding(
                () -> TrainingText.stepTimeText(run.msPerStepProperty().get()), run.msPerStepProperty()));
        Label left = stat("timeLeft", run.timeLeftProperty());
        Label epochLr = stat("epochAndRate", Bindings.createStringBinding(() -> {
            int e = run.epochProperty().get();
            return String.format(Locale.ROOT, "%s · %s", e == 0 ? "–" : e + " / " + vm.epochsProperty().get(),
                    TrainingText.rateText(run.currentLearningRateProperty().get()));
        }, run.epochProperty(), vm.epochsProperty(), run.currentLearningRateProperty()));
        Label loss = stat("smoothedLoss", Bindings.createStringBinding(() -> {
            double l = run.smoothedLossProperty().get();
            return Double.isFinite(l) ? String.format(Locale.ROOT, "%.3f", l) : "–";
        }, run.smoothedLossProperty()));
        HBox row = new HBox(18,
                caption(examples, I18n.bind("training.stat.examples")), caption(rate, I18n.bind("training.stat.rate")),
                caption(ms, I18n.bind("training.stat.ms", org.rnnlab.engine.SpeedLesson.LESSON_NUMPY_MS, org.rnnlab.engine.SpeedLesson.LESSON_THEANO_CPU_MS)),
                caption(left, I18n.bind("training.stat.timeLeft")), caption(epochLr, I18n.bind("training.stat.epochRate")),
                caption(loss, I18n.bind("training.stat.loss")),
                caption(stat("perplexity", LivePanels.perplexities(run)), I18n.bind("training.stat.perplexity")));
        row.setAlignment(Pos.CENTER_LEFT);
        FlowPane wrap = new FlowPane(18, 4);
        wrap.getChildren().setAll(row.getChildren());
        return new VBox(6, bar, wrap);
    }

    private static Label stat(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("stat-value");
        l.textProperty().bind(text);
        return l;
    }

    private static VBox caption(Label value, javafx.beans.value.ObservableValue<String> caption) {
        Label c = new Label();
        c.textProperty().bind(caption);
        c.getStyleClass().add("stat-caption");
        return new VBox(0, value, c);
    }

    private Node outcome() {
        Label l = Wrapping.wrap(new Label());
        l.setId("trainingOutcome");
        l.textProperty().bind(run.outcomeProperty());
        run.divergedProperty().addListener((o, a, bad) -> {
            l.getStyleClass().remove("verdict-failed");
            if (bad) {
                l.getStyleClass().add("verdict-failed");
            }
        });
        return l;
    }

    private void stateChanged(TrainingRunState.State s) {
        boolean idle = s == TrainingRunState.State.IDLE;
        start.setDisable(!idle || !vm.inputs().forStart().isValid());
        pause.setDisable(idle);
        stop.setDisable(idle);
        step.setDisable(s != TrainingRunState.State.PAUSED);
        boolean paused = s == TrainingRunState.State.PAUSED;
        pause.textProperty().bind(paused ? I18n.bind("training.button.resume") : I18n.bind("training.button.pause"));
        pause.setGraphic(new FontIcon(paused ? MaterialDesignP.PLAY : MaterialDesignP.PAUSE));
    }

    private File chooseNpz(String title, boolean save) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(I18n.text("training.model.filter"), "*.npz"));
        if (save) {
            chooser.setInitialFileName("rnnlab-model.npz");
            return chooser.showSaveDialog(panel.getScene() == null ? null : panel.getScene().getWindow());
        }
        return chooser.showOpenDialog(panel.getScene() == null ? null : panel.getScene().getWindow());
    }

    private void save() {
        File f = chooseNpz(I18n.text("training.model.save"), true);
        if (f != null) {
            vm.menu().save(f.toPath());
        }
    }

    private void load() {
        File f = chooseNpz(I18n.text("training.model.load"), false);
        if (f != null) {
            vm.menu().load(f.toPath());
        }
    }

    private void importLesson() {
        File f = chooseNpz(I18n.text("training.model.importTitle"), false);
        if (f != null) {
            vm.menu().importLesson(f.toPath());
        }
    }

    /** The app's {@link ModelMenuViewModel.Confirm}: a dialog over the window. */
    private boolean confirm(String title, String header, String text, String yes) {
        ButtonType use = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, use, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(header);
        if (panel.getScene() != null) {
            alert.initOwner(panel.getScene().getWindow());
        }
        return alert.showAndWait().filter(b -> b == use).isPresent();
    }

    @Override
    public Node getPanel() {
        return panel;
    }

    @Override
    public void onShown() {
        vm.interrupted().shown();
    }

    @Override
    public void onHidden() {
        vm.interrupted().hidden();
    }
}
