package org.rnnlab.app.steps.bptt;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.OnScreen;
import org.rnnlab.app.steps.StepPage;
import org.rnnlab.app.steps.StepTexts;
import org.rnnlab.app.support.Formula;
import org.rnnlab.app.widgets.Wrapping;
import org.rnnlab.common.LessonDefaults;

/** Backpropagation through time: how the error of one output flows back, lag by lag, and what truncation cuts. */
public final class BpttView implements LessonStep {
    private final BpttViewModel vm;
    private final SpeedViewModel speed;
    private final Node panel;
    private final FlowColumn initial;
    private final FlowColumn current;

    public BpttView(LessonSession session) {
        this(new BpttViewModel(BpttSource.of(session.models()), session.work()), session);
    }

    BpttView(BpttViewModel vm, LessonSession session) {
        this.vm = vm;
        this.speed = new SpeedViewModel(session.work());
        TextField sentence = new TextField();
        sentence.setId("bpttSentence");
        sentence.textProperty().bindBidirectional(vm.sentenceProperty());
        sentence.setOnAction(e -> vm.useSentence());
        HBox.setHgrow(sentence, Priority.ALWAYS);
        Button show = new Button(null, new FontIcon(MaterialDesignP.PLAY));
        show.setId("bpttShow");
        show.textProperty().bind(I18n.bind("bptt.sentence.show"));
        show.getStyleClass().add(Styles.ACCENT);
        show.setOnAction(e -> vm.useSentence());
        javafx.scene.control.ProgressBar busy = new javafx.scene.control.ProgressBar(); // indeterminate while computing
        busy.setPrefWidth(60);
        busy.setMinWidth(Region.USE_PREF_SIZE);
        busy.visibleProperty().bind(vm.runningProperty());
        Label sentenceLabel = bound("bptt.sentence.label");
        HBox sentenceRow = new HBox(8, sentenceLabel, sentence, show, busy);
        sentenceRow.setAlignment(Pos.CENTER_LEFT);

        Slider t = new Slider(0, 1, 0);
        t.setId("bpttOutput");
        t.setMajorTickUnit(1);
        t.setMinorTickCount(0);
        t.setSnapToTicks(true);
        t.setShowTickMarks(true);
        t.maxProperty().bind(vm.lastTProperty());
        t.valueProperty().bindBidirectional(vm.tProperty());
        HBox.setHgrow(t, Priority.ALWAYS);
        SimpleObjectProperty<Object> predicted = new SimpleObjectProperty<>("");
        SimpleObjectProperty<Object> after = new SimpleObjectProperty<>("");
        Label tLabel = new Label();
        tLabel.setId("bpttOutputLabel");
        tLabel.textProperty().bind(I18n.bind("bptt.output.label", vm.tProperty(), predicted, after));
        tLabel.setMinWidth(Region.USE_PREF_SIZE);

        Slider k = new Slider(0, 12, LessonDefaults.BPTT_TRUNCATE);
        k.setId("bpttTruncation");
        k.setMajorTickUnit(1);
        k.setMinorTickCount(0);
        k.setSnapToTicks(true);
        k.setShowTickMarks(true);
        k.setShowTickLabels(true);
        k.setLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double d) {
                int v = (int) Math.round(d);
                return v == LessonDefaults.BPTT_TRUNCATE ? v + "\u2605" : Integer.toString(v); // the lesson's 4, starred
            }

            @Override
            public Double fromString(String s) {
                return Double.parseDouble(s.replace("\u2605", ""));
            }
        });
        k.valueProperty().bindBidirectional(vm.truncationProperty());
        HBox.setHgrow(k, Priority.ALWAYS);
        Label kLabel = new Label();
        kLabel.setId("bpttTruncationLabel");
        kLabel.textProperty().bind(I18n.bind("bptt.truncation.label", vm.truncationProperty()));
        kLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox tRow = new HBox(8, tLabel, t);
        tRow.setAlignment(Pos.CENTER_LEFT);
        HBox kRow = new HBox(8, kLabel, k);
        kRow.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("bpttProblem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.getStyleClass().add(Styles.WARNING);

        SimpleObjectProperty<Object> seed = new SimpleObjectProperty<>(LessonDefaults.SEED);
        Label initialTitle = new Label();
        initialTitle.textProperty().bind(I18n.bind("bptt.initial.title", seed));
        Label currentTitle = new Label();
        currentTitle.textProperty().bind(I18n.bind("bptt.current.title", session == null ? "" : session.models().descriptionProperty()));
        initial = new FlowColumn("bpttInitial", initialTitle);
        current = new FlowColumn("bpttCurrent", currentTitle);
        // side by side when both tables fit, else one above the other
        javafx.scene.layout.FlowPane columns = new javafx.scene.layout.FlowPane(16, 16, initial, current);
        for (FlowColumn column : new FlowColumn[] {initial, current}) {
            column.prefWidthProperty().bind(columns.widthProperty().subtract(17).divide(2));
        }

        vm.resultProperty().addListener((o, was, r) -> {
            if (r != null) {
                initial.show(r.initial(), r.words());
                current.show(r.current(), r.words());
                seed.set(r.seed());
                predicted.set(r.words().get(r.t() + 1));
                after.set(r.words().get(r.t()));
            }
        });

        Label derivationTitle = bound("bptt.derivation.title");
        derivationTitle.getStyleClass().add(Styles.TITLE_4);
        VBox derivation = new VBox(8, derivationTitle, paragraph("bptt.derivation.v"), Formula.of(BpttText.DL_DV),
                paragraph("bptt.derivation.w"), Formula.of(BpttText.DL_DW), paragraph("bptt.derivation.u"),
                Formula.of(BpttText.DL_DU));
        derivation.setId("bpttDerivation");

        VBox content = new VBox(12, sentenceRow, tRow, kRow, problem, columns, derivation, new SpeedSection(speed));
        content.setPadding(new Insets(0, 4, 4, 0));
        BorderPane page = StepPage.build("bpttStep", I18n.text("bptt.step.title"), StepTexts.now(BpttText.paragraphs()),
                BpttText.DELTA, org.rnnlab.app.steps.ClassBasedNote.delta(session.models().modelProperty()),
                StepPage.scroller(content));
        StepTexts.bind(page, I18n.key("bptt.step.title"), BpttText.paragraphs());
        panel = page;
    }

    private static Label bound(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.bind(key));
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label paragraph(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.bind(key));
        Wrapping.wrap(l);
        return l;
    }

    public BpttViewModel viewModel() {
        return vm;
    }

    public SpeedViewModel speedViewModel() {
        return speed;
    }

    @Override
    public Node getPanel() {
        return panel;
    }

    @Override
    public OnScreen.Follower follower() {
        return vm;
    }

    @Override
    public void dispose() {
        vm.dispose();
        speed.dispose();
    }
}
