package org.rnnlab.app.steps.generate;

import org.rnnlab.app.i18n.I18n;
import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.rnnlab.app.charts.ProbabilityBars;
import org.rnnlab.app.charts.WordColours;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.OnScreen;
import org.rnnlab.app.steps.StepPage;
import org.rnnlab.app.widgets.Fields;
import org.rnnlab.app.widgets.NumberField;
import org.rnnlab.text.Tokens;

/** Generate and predict: the next word as the learner types, and whole sentences sampled from the model. */
public final class GenerateView implements LessonStep {
    private static final String[] EXPLANATION = {
        I18n.key("app.gen.explain.1"), I18n.key("app.gen.explain.2"), I18n.key("app.gen.explain.3"),
        I18n.key("app.gen.explain.4"), I18n.key("app.gen.explain.5"),
    };
    private static final String LATEX = "w_{t+1}\\sim o_t=\\mathrm{softmax}(V s_t)";

    private final GenerateViewModel vm;
    private final Node panel;
    private final FlowPane prefixTokens = new FlowPane(4, 4);
    private final ProbabilityBars bars = new ProbabilityBars();
    private final VBox sentences = new VBox(6);

    public GenerateView(LessonSession session) {
        vm = new GenerateViewModel(session.models(), session.queries(), session.notices());
        new org.rnnlab.app.widgets.FormMemory(session.memory(), "generate").keep("sentences", vm.countInput())
                .keep("minLength", vm.minLengthInput()).keep("temperature", vm.temperatureInput()).keep("seed", vm.seedInput());
        session.lessonResetsProperty().addListener((o, a, b) -> vm.resetToLesson());

        Label modelLine = new Label();
        modelLine.setId("generateModel");
        modelLine.getStyleClass().add("muted");
        modelLine.setWrapText(true);
        modelLine.textProperty().bind(vm.modelLine());

        TextField prefix = new TextField();
        prefix.setId("prefix");
        prefix.promptTextProperty().bind(I18n.bind("app.gen.prompt"));
        prefix.textProperty().bindBidirectional(vm.prefixProperty());
        prefixTokens.setId("prefixTokens");
        bars.setId("predictionBars");
        bars.setOnWordClicked(index -> {
            vm.pickWord(index);
            prefix.end();
        });
        Label predictHeading = bound(I18n.key("app.gen.predictHeading"));
        predictHeading.getStyleClass().add("card-title");
        Label hint = new Label();
        hint.setId("predictHint");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        hint.managedProperty().bind(hint.visibleProperty());
        hint.textProperty().bind(vm.hintProperty());
        hint.visibleProperty().bind(vm.hintProperty().isNotEmpty());
        VBox predictCard = new VBox(8, predictHeading, prefix, prefixTokens, bars, hint);
        predictCard.getStyleClass().add("card");

        NumberField count = new NumberField(vm.countInput()).setFieldId("generateCount").columns(4);
        NumberField minLength = new NumberField(vm.minLengthInput()).setFieldId("minLength").columns(4);
        NumberField temperature = new NumberField(vm.temperatureInput()).setFieldId("temperature").columns(4);
        NumberField seed = new NumberField(vm.seedInput()).setFieldId("generateSeed").columns(8);
        Button generate = new Button(null, new FontIcon(MaterialDesignD.DICE_MULTIPLE_OUTLINE));
        generate.setId("generateButton");
        generate.getStyleClass().add(Styles.ACCENT);
        generate.setOnAction(e -> vm.generate());
        generate.textProperty().bind(Bindings.when(vm.generatingProperty()).then(I18n.bind("app.gen.generating"))
                .otherwise(I18n.bind("app.gen.generate")));
        generate.disableProperty().bind(vm.generateDisabledProperty());
        javafx.scene.control.CheckBox fromPrefix = new javafx.scene.control.CheckBox();
        fromPrefix.textProperty().bind(I18n.bind("app.gen.fromPrefix"));
        fromPrefix.setId("continuePrefix");
        fromPrefix.selectedProperty().bindBidirectional(vm.continuePrefixProperty());
        FlowPane controls = new FlowPane(12, 8,
                Fields.labelled(I18n.key("app.gen.field.count"), count), Fields.labelled(I18n.key("app.gen.field.minLength"), minLength),
                Fields.labelled(I18n.key("app.gen.field.temperature"), temperature), Fields.labelled(I18n.key("app.gen.field.seed"), seed),
                fromPrefix, generate);
        controls.setAlignment(Pos.BOTTOM_LEFT);
        Label fieldsProblem = Fields.problemLine(vm.inputs().problemProperty());
        fieldsProblem.setId("generateInputProblem");

        Label genHeading = bound(I18n.key("app.gen.generated"));
        genHeading.getStyleClass().add("card-title");
        sentences.setId("generatedSentences");
        Label summary = new Label();
        summary.setId("generationSummary");
        summary.getStyleClass().add("muted");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.generationSummaryProperty());
        VBox genCard = new VBox(8, genHeading, controls, fieldsProblem, legend(), new Separator(), sentences, summary);
        genCard.getStyleClass().add("card");

        VBox content = new VBox(12, modelLine, predictCard, genCard);
        content.setPadding(new Insets(0, 8, 8, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        panel = StepPage.build("generateStep", I18n.key("app.nav.generate"), EXPLANATION, LATEX,
                org.rnnlab.app.steps.ClassBasedNote.of(session.models().modelProperty()), scroll);

        vm.predictionsProperty().addListener((o, a, p) -> showPredictions(p));
        vm.generated().addListener((ListChangeListener<GenerateViewModel.Generated>) c -> showSentences());
        showPredictions(vm.predictionsProperty().get());
    }

    @Override
    public OnScreen.Follower follower() {
        return vm;
    }

    public GenerateViewModel viewModel() {
        return vm;
    }

    private Node legend() {
        FlowPane box = new FlowPane(6, 4);   // wraps with large text rather than cut the swatches
        box.setAlignment(Pos.CENTER_LEFT);
        Label caption = bound(I18n.key("app.gen.legend"));
        caption.getStyleClass().add("muted");
        box.getChildren().add(caption);
        for (int i = 0; i < WordColours.CLASSES.length; i++) {
            Label l = new Label(WordColours.LEGEND[i]);
            l.getStyleClass().addAll("gen-word", WordColours.CLASSES[i]);
            box.getChildren().add(l);
        }
        return box;
    }

    private void showPredictions(GenerateViewModel.Predictions p) {
        prefixTokens.getChildren().clear();
        if (p == null) {
            bars.setBars(List.of());
            return;
        }
        prefixTokens.getChildren().add(chip(Tokens.START, "special", null));
        for (GenerateViewModel.PrefixToken t : p.tokens()) {
            prefixTokens.getChildren().add(t.unknown()
                    ? chip(t.typed() + " → " + Tokens.UNKNOWN, "unknown", I18n.text("app.gen.unknownTip", t.typed(), Tokens.UNKNOWN))
                    : chip(t.typed(), null, null));
        }
        List<ProbabilityBars.Bar> list = new ArrayList<>();
        for (GenerateViewModel.Prediction pr : p.top()) {
            list.add(new ProbabilityBars.Bar(pr.index(), pr.word(), pr.probability(), false));
        }
        bars.setBars(list);
    }

    private static Label bound(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.bind(key));
        return l;
    }

    private static Label chip(String text, String style, String tip) {
        Label l = new Label(text);
        l.getStyleClass().add("token-chip");
        if (style != null) {
            l.getStyleClass().add(style);
        }
        if (tip != null) {
            l.setTooltip(new Tooltip(tip));
        }
        return l;
    }

    private void showSentences() {
        sentences.getChildren().clear();
        int n = 0;
        for (GenerateViewModel.Generated g : vm.generated()) {
            FlowPane line = new FlowPane(3, 3);
            line.getStyleClass().add("generated-sentence");
            Label number = new Label(++n + ".");
            number.getStyleClass().add("muted");
            number.setMinWidth(Region.USE_PREF_SIZE);
            line.getChildren().add(number);
            for (int i = 0; i < g.words().size(); i++) {
                Label w = new Label(g.words().get(i));
                w.getStyleClass().addAll("gen-word", WordColours.styleClass(g.probabilities()[i]));
                w.setTooltip(new Tooltip(String.format(Locale.ROOT, "p = %.4g", g.probabilities()[i])));
                line.getChildren().add(w);
            }
            sentences.getChildren().add(line);
        }
    }

    @Override
    public Node getPanel() {
        return panel;
    }
}
