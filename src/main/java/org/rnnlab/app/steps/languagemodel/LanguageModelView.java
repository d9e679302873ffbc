package org.rnnlab.app.steps.languagemodel;

import org.rnnlab.app.i18n.I18n;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.OnScreen;
import org.rnnlab.app.steps.StepPage;
import org.rnnlab.app.steps.languagemodel.LanguageModelViewModel.Which;

/** Language model: type two sentences and see how probable the model finds each word, and each sentence. */
public final class LanguageModelView implements LessonStep {
    private static final String[] EXPLANATION = {
        I18n.key("app.lm.explain.1"), I18n.key("app.lm.explain.2"), I18n.key("app.lm.explain.3"), I18n.key("app.lm.explain.4"),
    };
    private static final String LATEX = "\\begin{array}{l}P(w_1,\\dots,w_m)=\\prod_{i=1}^{m}P(w_i\\mid w_1,\\dots,w_{i-1})"
            + "\\\\\\mathrm{perplexity}=\\exp\\left(-\\frac{1}{N}\\ln P\\right)\\end{array}";

    private final LanguageModelViewModel vm;
    private final Node panel;

    public LanguageModelView(LessonSession session) {
        vm = new LanguageModelViewModel(session.models(), session.queries(), session.notices());
        Label modelLine = new Label();
        modelLine.setId("lmModel");
        modelLine.getStyleClass().add("muted");
        modelLine.setWrapText(true);
        modelLine.textProperty().bind(vm.modelLine());

        Label comparison = new Label();
        comparison.setId("comparison");
        comparison.getStyleClass().add("lm-comparison");
        comparison.setWrapText(true);
        comparison.textProperty().bind(vm.comparisonProperty());

        VBox content = new VBox(12, modelLine, card(Which.A), card(Which.B), comparison);
        content.setPadding(new Insets(0, 8, 8, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        panel = StepPage.build("languageModelStep", I18n.key("app.nav.languageModel"), EXPLANATION, LATEX, scroll);
    }

    /** A sentence's card: its text field, its bars and its summary line. */
    private Node card(Which which) {
        Label heading = new Label();
        heading.textProperty().bind(I18n.bind("app.lm.sentence", which.name()));
        heading.getStyleClass().add("card-title");
        TextField field = new TextField();
        field.setId("sentence" + which);
        field.textProperty().bindBidirectional(vm.sentenceProperty(which));
        SentenceBars bars = new SentenceBars();
        bars.setId("bars" + which);
        vm.scoreProperty(which).addListener((o, a, s) -> bars.show(s));
        Label summary = new Label();
        summary.setId("summary" + which);
        summary.getStyleClass().add("lm-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summary(which));
        bars.show(vm.scoreProperty(which).get());
        VBox box = new VBox(8, heading, field, bars, summary);
        box.getStyleClass().add("card");
        return box;
    }

    public LanguageModelViewModel viewModel() {
        return vm;
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
