package org.rnnlab.app.steps.corpus;

import org.rnnlab.app.i18n.I18n;
import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Random;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.rnnlab.app.session.CorpusSession;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.StepPage;
import org.rnnlab.app.widgets.Fields;
import org.rnnlab.app.widgets.NumberField;
import org.rnnlab.app.widgets.TokenChips;

/** Corpus and tokens: the corpus in numbers, then one comment taken apart the lesson's way. */
public final class CorpusView implements LessonStep {
    static final String[] EXPLANATION = {
        I18n.key("app.corpus.explain.1"), I18n.key("app.corpus.explain.2"), I18n.key("app.corpus.explain.3"),
    };
    static final String FORMULA = "\\begin{array}{l}\\text{he left!}\\;\\mapsto\\\\"
            + "[\\,\\mathrm{START},\\ \\mathrm{he},\\ \\mathrm{left},\\ \\mathrm{!},\\ \\mathrm{END}\\,]\\end{array}";

    private final CorpusViewModel model;
    private final Node panel;

    public CorpusView(LessonSession lesson) {
        CorpusSession corpus = lesson.corpus();
        model = new CorpusViewModel(corpus.corpusProperty(), corpus.summaryProperty(), corpus.loadingProperty(),
                new Random());

        TabPane tabs = new TabPane(commentTab(), compareTab(), tryTab());
        tabs.setId("corpusTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);

        VBox live = new VBox(10, summaryCard(), tabs);
        live.getStyleClass().add("step-live");
        panel = StepPage.build("corpusStep", I18n.key("app.nav.corpus"), EXPLANATION, FORMULA, live);
    }

    // ---------------------------------------------------------------- the numbers

    private Node summaryCard() {
        Label description = new Label();
        description.textProperty().bind(model.descriptionText());
        Label documentsCaption = caption("");
        documentsCaption.textProperty().bind(model.unitsText());
        Label note = new Label();
        note.textProperty().bind(model.noteText());
        description.setId("corpusDescription");
        description.getStyleClass().add(Styles.TEXT_BOLD);
        description.setGraphic(new FontIcon(MaterialDesignD.DATABASE_OUTLINE));
        FlowPane numbers = new FlowPane(24, 6,
                stat(number("corpusDocuments", model.documentsText()), documentsCaption),
                stat(number("corpusSentences", model.sentencesText()), caption(I18n.key("app.corpus.sentences"))),
                stat(number("corpusTokens", model.tokensText()), caption(I18n.key("app.corpus.tokens"))),
                stat(number("corpusDistinct", model.distinctText()), caption(I18n.key("app.corpus.distinct"))),
                stat(number("corpusMalformed", model.malformedText()), caption(I18n.key("app.corpus.replaced"))));
        note.setId("corpusNote");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        VBox card = new VBox(6, description, numbers, note);
        card.getStyleClass().add("card");
        card.setMinHeight(Region.USE_PREF_SIZE);   // the tabs below give way, not the numbers
        return card;
    }

    private static Node stat(Label value, Label caption) {
        VBox box = new VBox(0, value, caption);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label number(String id, javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setId(id);
        l.getStyleClass().add("stat-number");
        return l;
    }

    private static Label caption(String key) {
        Label l = new Label();
        if (!key.isEmpty()) {
            l.textProperty().bind(I18n.bind(key));
        }
        l.getStyleClass().add("muted");
        return l;
    }

    // ---------------------------------------------------------------- one comment

    private Tab commentTab() {
        NumberField commentField = new NumberField(model.commentInput()).setFieldId("commentSpinner").columns(6);
        Label commentOf = new Label();
        commentOf.textProperty().bind(model.commentOfText());
        Button randomButton = new Button(null, new FontIcon(MaterialDesignD.DICE_5_OUTLINE));
        randomButton.textProperty().bind(I18n.bind("app.corpus.random"));
        randomButton.setId("randomComment");
        randomButton.setOnAction(e -> model.pickRandomComment());
        Label pick = new Label();
        pick.textProperty().bind(model.unitTitle());
        javafx.scene.layout.FlowPane picker = Fields.flowWithField(commentField, pick, commentField, commentOf, randomButton);

        Label raw = wrapped("rawText");
        raw.textProperty().bind(model.rawTextProperty());
        Label lower = wrapped("lowerText");
        lower.textProperty().bind(model.lowerTextProperty());

        VBox sentenceBox = new VBox(4);
        sentenceBox.setId("sentenceBlocks");
        Label sentencesTitle = sectionTitle("");
        sentencesTitle.textProperty().bind(I18n.bind("app.corpus.split",
                javafx.beans.binding.Bindings.createIntegerBinding(() -> model.sentencesProperty().get().size(), model.sentencesProperty())));
        VBox tokenBox = new VBox(6);
        tokenBox.setId("sentenceTokens");
        model.sentencesProperty().addListener((obs, old, now) -> showSentences(sentencesTitle, sentenceBox, now));
        model.sentenceTokensProperty().addListener((obs, old, now) -> showTokens(tokenBox, now));
        showSentences(sentencesTitle, sentenceBox, model.sentencesProperty().get());
        showTokens(tokenBox, model.sentenceTokensProperty().get());

        VBox steps = new VBox(8,
                sectionTitle(I18n.key("app.corpus.raw")), raw,
                sectionTitle(I18n.key("app.corpus.lower")), lower,
                sentencesTitle, sentenceBox,
                sectionTitle(I18n.key("app.corpus.tokensSeen")), tokenBox);
        steps.setPadding(new Insets(4, 12, 12, 2));
        ScrollPane scroll = new ScrollPane(steps);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox content = new VBox(8, picker, scroll);
        content.setPadding(new Insets(10, 0, 0, 0));
        Tab tab = new Tab(null, content);
        tab.textProperty().bind(I18n.bind("app.corpus.tab.comment"));
        tab.setId("commentTab");
        return tab;
    }

    private static void showSentences(Label title, VBox box, List<String> sentences) {
        box.getChildren().clear();
        for (int i = 0; i < sentences.size(); i++) {
            Label number = new Label(Integer.toString(i + 1));
            number.getStyleClass().add("sentence-number");
            number.setMinWidth(Region.USE_PREF_SIZE);
            Label text = new Label(sentences.get(i));
            text.setWrapText(true);
            HBox block = new HBox(8, number, text);
            HBox.setHgrow(text, Priority.ALWAYS);
            block.getStyleClass().addAll("sentence-block", i % 2 == 0 ? "even" : "odd");
            box.getChildren().add(block);
        }
    }

    private static void showTokens(VBox box, List<List<String>> sentences) {
        box.getChildren().clear();
        for (List<String> s : sentences) {
            box.getChildren().add(TokenChips.row(s));
        }
    }

    // ---------------------------------------------------------------- two tokenizers

    private Tab compareTab() {
        Label intro = new Label();
        intro.textProperty().bind(I18n.bind("app.corpus.compare.intro"));
        intro.setWrapText(true);
        TextField input = new TextField();
        input.setId("compareText");
        input.textProperty().bindBidirectional(model.compareTextProperty());
        HBox.setHgrow(input, Priority.ALWAYS);

        Button lesson = new Button("he left!");
        lesson.setId("lessonExample");
        lesson.setOnAction(e -> model.compare(CorpusViewModel.LESSON_EXAMPLE));
        Button contractions = new Button("I'd ... aren't");
        contractions.setId("contractionsExample");
        contractions.setOnAction(e -> model.compare(CorpusViewModel.MORE_EXAMPLES.get(0)));
        Button quotes = new Button();
        quotes.textProperty().bind(I18n.bind("app.corpus.compare.quotes"));
        quotes.setOnAction(e -> model.compare(CorpusViewModel.MORE_EXAMPLES.get(1)));
        Button fromComment = new Button();
        fromComment.textProperty().bind(I18n.bind("app.corpus.compare.fromComment"));
        fromComment.setId("compareFromComment");
        fromComment.setOnAction(e -> model.compareSentenceOfComment());
        FlowPane examples = new FlowPane(6, 6, sectionLabel(I18n.key("app.corpus.compare.examples")), lesson, contractions, quotes, fromComment);
        examples.setAlignment(Pos.CENTER_LEFT);

        Label wsTitle = sectionTitle("");
        wsTitle.textProperty().bind(I18n.bind("app.corpus.compare.spaces",
                javafx.beans.binding.Bindings.createIntegerBinding(() -> model.whitespaceTokensProperty().get().size(), model.whitespaceTokensProperty())));
        FlowPane ws = TokenChips.row(List.of());
        ws.setId("whitespaceTokens");
        Label tbTitle = sectionTitle("");
        tbTitle.textProperty().bind(I18n.bind("app.corpus.compare.treebank",
                javafx.beans.binding.Bindings.createIntegerBinding(() -> model.treebankTokensProperty().get().size(), model.treebankTokensProperty())));
        FlowPane tb = TokenChips.row(List.of());
        tb.setId("treebankTokens");
        Runnable refresh = () -> {
            List<CorpusViewModel.Token> a = model.whitespaceTokensProperty().get();
            List<CorpusViewModel.Token> b = model.treebankTokensProperty().get();
            TokenChips.fill(ws, a.stream().map(CorpusViewModel.Token::text).toList(), i -> a.get(i).different());
            TokenChips.fill(tb, b.stream().map(CorpusViewModel.Token::text).toList(), i -> b.get(i).different());
        };
        model.treebankTokensProperty().addListener((obs, old, now) -> refresh.run());
        refresh.run();

        VBox content = new VBox(10, intro, input, examples, wsTitle, ws, tbTitle, tb);
        content.setPadding(new Insets(12, 12, 12, 2));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        Tab tab = new Tab(null, scroll);
        tab.textProperty().bind(I18n.bind("app.corpus.tab.compare"));
        tab.setId("compareTab");
        return tab;
    }

    // ---------------------------------------------------------------- try it

    private Tab tryTab() {
        TextArea input = new TextArea();
        input.setId("tryText");
        input.promptTextProperty().bind(I18n.bind("app.corpus.try.prompt"));
        input.setWrapText(true);
        input.setPrefRowCount(3);
        input.textProperty().bindBidirectional(model.tryTextProperty());
        Label counts = new Label();
        counts.setId("tryCounts");
        counts.getStyleClass().add("muted");
        counts.textProperty().bind(model.tryCountsProperty());
        VBox rows = new VBox(6);
        rows.setId("tryTokens");
        model.tryTokensProperty().addListener((obs, old, now) -> showTokens(rows, now));
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox content = new VBox(10, input, counts, scroll);
        content.setPadding(new Insets(12, 12, 12, 2));
        Tab tab = new Tab(null, content);
        tab.textProperty().bind(I18n.bind("app.corpus.tab.try"));
        tab.setId("tryTab");
        return tab;
    }

    // ---------------------------------------------------------------- helpers

    private static Label sectionTitle(String key) {
        Label l = new Label();
        if (!key.isEmpty()) {
            l.textProperty().bind(I18n.bind(key));
        }
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label sectionLabel(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.bind(key));
        return l;
    }

    private static Label wrapped(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("comment-text");
        return l;
    }

    CorpusViewModel model() {
        return model;
    }

    @Override
    public Node getPanel() {
        return panel;
    }

    @Override
    public void dispose() {
        model.dispose();
    }
}
