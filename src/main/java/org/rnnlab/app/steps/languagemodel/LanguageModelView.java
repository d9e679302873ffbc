package org.rnnlab.app.steps.languagemodel;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.session.ModelStore;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.StepPage;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.Vocabulary;

/** Language model: type two sentences and see how probable the model finds each word, and each sentence. */
public final class LanguageModelView implements LessonStep {
    private static final String[] EXPLANATION = {
        "A language model gives every sentence a probability. It builds it one word at a time: the "
                + "probability of each word given the words to its left, all multiplied together.",
        "Type a sentence. Each bar is the probability the model gives that word, knowing only the words "
                + "before it (the scale is logarithmic: the top is certainty, the bottom one in a million). "
                + "The last bar, END, is how likely the sentence stops there. The thin line marks 1/C, "
                + "the probability a model that knows nothing would give.",
        "Multiplying many small numbers gives tiny ones, so we add their logarithms instead: ln P. "
                + "Perplexity turns ln P into a number per word (over the N predictions, END included): a "
                + "perplexity of 100 means the model was, on average, as unsure as when picking one word out of 100.",
        "With random weights every word gets about 1/C, so the perplexity is close to C. After "
                + "training, a real sentence should beat the same words shuffled by a wide margin.",
    };
    private static final String LATEX = "\\begin{array}{l}P(w_1,\\dots,w_m)=\\prod_{i=1}^{m}P(w_i\\mid w_1,\\dots,w_{i-1})"
            + "\\\\\\mathrm{perplexity}=\\exp\\left(-\\frac{1}{N}\\ln P\\right)\\end{array}";

    private final ModelStore model;
    private final LessonSession session;
    private final LanguageModelViewModel vm = new LanguageModelViewModel();
    private final Node panel;
    private final SentenceBars barsA = new SentenceBars();
    private final SentenceBars barsB = new SentenceBars();
    private final Label summaryA = new Label();
    private final Label summaryB = new Label();

    public LanguageModelView(LessonSession session) {
        this.session = session;
        this.model = session.models();
        Label modelLine = new Label();
        modelLine.setId("lmModel");
        modelLine.getStyleClass().add("muted");
        modelLine.setWrapText(true);
        modelLine.textProperty().bind(Bindings.createStringBinding(model::summaryLine,
                model.modelProperty(), model.descriptionProperty()));

        TextField a = new TextField();
        a.setId("sentenceA");
        a.textProperty().bindBidirectional(vm.sentenceAProperty());
        TextField b = new TextField();
        b.setId("sentenceB");
        b.textProperty().bindBidirectional(vm.sentenceBProperty());
        barsA.setId("barsA");
        barsB.setId("barsB");
        summaryA.setId("summaryA");
        summaryB.setId("summaryB");
        Label comparison = new Label();
        comparison.setId("comparison");
        comparison.getStyleClass().add("lm-comparison");
        comparison.setWrapText(true);
        comparison.textProperty().bind(vm.comparisonProperty());

        VBox content = new VBox(12, modelLine,
                card("Sentence A", a, barsA, summaryA),
                card("Sentence B", b, barsB, summaryB),
                comparison);
        content.setPadding(new Insets(0, 8, 8, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        panel = StepPage.build("languageModelStep", "Language model", EXPLANATION, LATEX, scroll);

        vm.sentenceAProperty().addListener((o, x, y) -> rescore("A"));
        vm.sentenceBProperty().addListener((o, x, y) -> rescore("B"));
        model.revisionProperty().addListener((o, x, y) -> {
            rescore("A");
            rescore("B");
        });
        vm.scoreAProperty().addListener((o, x, s) -> show(s, barsA, summaryA));
        vm.scoreBProperty().addListener((o, x, s) -> show(s, barsB, summaryB));
        rescore("A");
        rescore("B");
    }

    private Node card(String title, TextField field, SentenceBars bars, Label summary) {
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        summary.getStyleClass().add("lm-summary");
        summary.setWrapText(true);
        VBox box = new VBox(8, heading, field, bars, summary);
        box.getStyleClass().add("card");
        return box;
    }

    private void rescore(String which) {
        RnnModel m = model.model();
        Vocabulary v = model.vocabulary();
        if (m == null || v == null) {
            return;
        }
        String text = "A".equals(which) ? vm.sentenceAProperty().get() : vm.sentenceBProperty().get();
        var tokens = TypedText.tokens(text);
        session.queries().query("languageModel" + which, () -> LanguageModelViewModel.score(m, v, tokens), score -> {
            if ("A".equals(which)) {
                vm.scoreAProperty().set(score);
            } else {
                vm.scoreBProperty().set(score);
            }
        }, e -> session.notices().failure("Language model", e));
    }

    private static void show(LanguageModelViewModel.Score s, SentenceBars bars, Label summary) {
        if (s == null) {
            bars.getChildren().clear();
            summary.setText("");
            return;
        }
        bars.show(s.words(), s.vocabularySize());
        String unknown = s.unknownWords() == 0 ? ""
                : String.format(Locale.ROOT, "   ·   %d word%s not in the vocabulary (read as UNKNOWN_TOKEN)",
                        s.unknownWords(), s.unknownWords() == 1 ? "" : "s");
        summary.setText(String.format(Locale.ROOT, "ln P = %.2f   ·   perplexity %,.1f (the model knows %,d words)%s",
                s.logProbability(), s.perplexity(), s.vocabularySize(), unknown));
    }

    public LanguageModelViewModel viewModel() {
        return vm;
    }

    @Override
    public Node getPanel() {
        return panel;
    }
}
