package org.rnnlab.app.steps.vocabulary;

import org.rnnlab.app.i18n.I18n;
import atlantafx.base.theme.Styles;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.StepPage;
import org.rnnlab.app.steps.vocabulary.VocabularyViewModel.Row;
import org.rnnlab.app.support.Theme;
import org.rnnlab.app.widgets.Fields;
import org.rnnlab.app.widgets.NumberField;
import org.rnnlab.app.widgets.TokenChips;
import org.rnnlab.app.support.NumberText;
import org.rnnlab.app.widgets.Wrapping;
import org.rnnlab.common.LessonDefaults;

/** Vocabulary: pick C, see which words stay, how many tokens become UNKNOWN_TOKEN, and why (Zipf). */
public final class VocabularyView implements LessonStep {
    static final String[] EXPLANATION = {
        I18n.key("app.vocab.explain.1"), I18n.key("app.vocab.explain.2"), I18n.key("app.vocab.explain.3"),
        I18n.key("app.vocab.explain.4"),
    };
    static final String FORMULA = "\\begin{array}{l}\\mathrm{count}(r) \\approx k / r\\\\ \\\\"
            + "\\mathrm{coverage}(C) = \\dfrac{\\sum_{r=1}^{C-1} \\mathrm{count}(r)}{\\sum_{r} \\mathrm{count}(r)}"
            + "\\end{array}";
    private static final PseudoClass OUTSIDE = PseudoClass.getPseudoClass("outside");

    private final VocabularyViewModel model;
    private final Node panel;
    private final Slider slider = new Slider();
    private final TableView<Row> table = new TableView<>();
    /** The table's yes/no follow the language. */
    private final javafx.beans.InvalidationListener refreshTable = o -> table.refresh();
    private final VocabularyCharts.Plot zipf = VocabularyCharts.zipf();
    private final VocabularyCharts.Plot coverage = VocabularyCharts.coverage();
    private boolean syncing;

    public VocabularyView(LessonSession lesson) {
        model = new VocabularyViewModel(lesson.corpus().corpusProperty(), lesson.corpus().vocabularySizeProperty());
        VBox live = new VBox(10, controls(), numbers(), middle(), example());
        live.getStyleClass().add("step-live");
        panel = StepPage.build("vocabularyStep", I18n.key("app.nav.vocabulary"), EXPLANATION, FORMULA, live);

        model.maxVocabularySizeProperty().addListener((obs, old, now) -> updateSliderRange());
        model.vocabularySizeProperty().addListener((obs, old, now) -> showSize());
        model.keptWordsProperty().addListener((obs, old, now) -> table.refresh());
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(refreshTable));
        model.zipfProperty().addListener((obs, old, now) -> zipf.show(now));
        model.coverageCurveProperty().addListener((obs, old, now) -> coverage.show(now));
        model.markersProperty().addListener((obs, old, now) -> showMarkers(now));
        updateSliderRange();
        showSize();
        zipf.show(model.zipfProperty().get());
        coverage.show(model.coverageCurveProperty().get());
        showMarkers(model.markersProperty().get());
    }

    // ---------------------------------------------------------------- C

    private Node controls() {
        Label title = caption(I18n.key("app.vocab.size"));
        title.getStyleClass().remove("muted");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        slider.setId("vocabularySlider");
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        slider.setTooltip(tip(I18n.key("app.vocab.slider.tip")));
        slider.valueProperty().addListener((obs, old, now) -> {
            if (!syncing) {
                model.chooseFromSlider(now.doubleValue());
            }
        });
        NumberField sizeField = new NumberField(model.vocabularySizeInput()).setFieldId("vocabularySizeField");
        Button lesson = new Button();
        lesson.textProperty().bind(I18n.bind("app.vocab.lesson", LessonDefaults.WORD_DIM));
        lesson.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        lesson.setId("lessonVocabulary");
        lesson.setTooltip(tip(I18n.key("app.vocab.lesson.tip")));
        lesson.setOnAction(e -> model.lessonVocabularySize());
        // the range of C is the line under the field
        HBox row = Fields.rowWithField(sizeField, title, slider, sizeField, lesson);
        row.setSpacing(10);
        for (Region c : new Region[] {title, sizeField, lesson}) {
            c.setMinWidth(Region.USE_PREF_SIZE);   // the slider gives way, never the words
        }
        return row;
    }

    private void updateSliderRange() {
        syncing = true;
        slider.setMin(model.sliderMin());
        slider.setMax(model.sliderMax());
        syncing = false;
        showSize();
    }

    private void showSize() {
        int c = model.vocabularySizeProperty().get();
        syncing = true;
        slider.setValue(VocabularyViewModel.sliderPosition(c));
        syncing = false;
    }

    // ---------------------------------------------------------------- numbers

    private Node numbers() {
        Label kept = stat("keptWords");
        kept.textProperty().bind(model.keptText());
        Label least = stat("leastFrequentWord");
        least.textProperty().bind(model.leastFrequentText());
        Label unknown = stat("unknownShare");
        unknown.textProperty().bind(model.unknownShareText());
        Label unknownCaption = caption("");
        unknownCaption.textProperty().bind(model.unknownTokensText());
        // A flow, not a grid: with large text a number moves to the next line instead of being cut.
        FlowPane pane = new FlowPane(16, 6, new VBox(kept, statCaption(caption(I18n.key("app.vocab.kept")))),
                new VBox(least, statCaption(caption(I18n.key("app.vocab.least")))), new VBox(unknown, statCaption(unknownCaption)));
        pane.getStyleClass().add("card");
        pane.setMinHeight(Region.USE_PREF_SIZE);
        return pane;
    }

    // ---------------------------------------------------------------- table and charts

    private Node middle() {
        atlantafx.base.controls.CustomTextField search = new atlantafx.base.controls.CustomTextField();
        search.setId("wordSearch");
        search.promptTextProperty().bind(I18n.bind("app.vocab.find"));
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        search.textProperty().bindBidirectional(model.searchProperty());

        TableColumn<Row, Number> rank = column(I18n.key("app.vocab.col.rank"));
        rank.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rank()));
        em(rank, 3.6);
        TableColumn<Row, String> word = column(I18n.key("app.vocab.col.word"));
        word.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().word()));
        em(word, 11.6);   // SENTENCE_START whole
        TableColumn<Row, Number> count = column(I18n.key("app.vocab.col.count"));
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        count.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : NumberText.count(item.longValue()));
            }
        });
        em(count, 4.8);
        TableColumn<Row, Row> in = column(I18n.key("app.vocab.col.kept"));
        in.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        in.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : model.inVocabulary(item) ? I18n.text("app.vocab.yes") : I18n.text("app.vocab.no"));
            }
        });
        em(in, 4.2);
        table.getColumns().setAll(java.util.List.of(rank, word, count, in));
        table.setItems(model.filteredRows());
        table.setId("frequencyTable");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(OUTSIDE, !empty && item != null && !model.inVocabulary(item));
            }
        });
        table.setPlaceholder(caption(I18n.key("app.vocab.noMatch")));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox left = new VBox(6, search, table);
        // Widths in em: they follow the font-size control like the rest of the page.
        left.minWidthProperty().bind(Theme.fontSizeProperty().multiply(25.4));
        left.prefWidthProperty().bind(Theme.fontSizeProperty().multiply(25.8));
        left.maxWidthProperty().bind(Theme.fontSizeProperty().multiply(31));

        VBox charts = new VBox(6, titled(I18n.key("app.vocab.zipf"), zipf.chart()),
                titled(I18n.key("app.vocab.coverage"), coverage.chart()));
        VBox.setVgrow(charts.getChildren().get(0), Priority.ALWAYS);
        VBox.setVgrow(charts.getChildren().get(1), Priority.ALWAYS);
        charts.setMinWidth(240);

        // side by side, or the charts under the table where large text leaves no room for both
        org.rnnlab.app.widgets.SideBySide box = new org.rnnlab.app.widgets.SideBySide(12, left, charts);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private static void em(TableColumn<?, ?> column, double ems) {
        column.prefWidthProperty().bind(Theme.fontSizeProperty().multiply(ems));
    }

    private static Node titled(String titleKey, Node chart) {
        Label l = new Label();
        l.textProperty().bind(I18n.bind(titleKey));
        l.getStyleClass().add("chart-title-label");
        Wrapping.wrap(l);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return new VBox(2, l, chart);
    }

    private void showMarkers(VocabularyViewModel.Markers m) {
        zipf.mark(m.zipfRank(), m.zipfText(), Double.NaN, null);
        coverage.mark(m.coverageC(), m.coverageText(), m.coveragePercent(), m.coveragePercentText());
    }

    // ---------------------------------------------------------------- example sentence

    private Node example() {
        FlowPane before = TokenChips.row(java.util.List.of());
        before.setId("exampleBefore");
        FlowPane after = TokenChips.row(java.util.List.of());
        after.setId("exampleAfter");
        // Each caption leads its own row of chips, in the flow: a grid beside wrapping chips
        // under-reported their height and the page spilled past the window with large text.
        Label beforeCaption = rowCaption(I18n.key("app.vocab.before"));
        Label afterCaption = rowCaption(I18n.key("app.vocab.after"));
        Runnable refresh = () -> {
            var b = model.exampleBeforeProperty().get();
            var a = model.exampleAfterProperty().get();
            TokenChips.fill(before, b, i -> i < a.size() && !a.get(i).equals(b.get(i)));
            TokenChips.fill(after, a, i -> false);
            before.getChildren().add(0, beforeCaption);
            after.getChildren().add(0, afterCaption);
        };
        model.exampleAfterProperty().addListener((obs, old, now) -> refresh.run());
        refresh.run();
        Button next = new Button(null, new FontIcon(MaterialDesignS.SKIP_NEXT));
        next.textProperty().bind(I18n.bind("app.vocab.another"));
        next.setId("nextExample");
        next.getStyleClass().add(Styles.SMALL);
        next.setOnAction(e -> model.nextExample());
        Label title = caption(I18n.key("app.vocab.example"));
        title.getStyleClass().remove("muted");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        Wrapping.wrap(title);
        javafx.scene.layout.FlowPane head = new javafx.scene.layout.FlowPane(10, 4, title, next); // the button under the title at large text
        head.setAlignment(Pos.CENTER_LEFT);
        head.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(6, head, before, after);
        box.setPadding(new Insets(2, 0, 0, 0));
        return box;
    }

    // ---------------------------------------------------------------- helpers

    private static Label stat(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("stat-number");
        return l;
    }

    /** A number's caption, a little smaller than the text: the three numbers fit one line at large text. */
    private static Tooltip tip(String key) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(I18n.bind(key));
        return t;
    }

    private static <S, T> TableColumn<S, T> column(String key) {
        TableColumn<S, T> c = new TableColumn<>();
        c.textProperty().bind(I18n.bind(key));
        return c;
    }

    private static Label statCaption(Label l) {
        l.getStyleClass().add("stat-caption");
        return l;
    }

    private static Label rowCaption(String text) {
        Label l = caption(text);
        l.minWidthProperty().bind(Theme.fontSizeProperty().multiply(3.6));
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

    VocabularyViewModel model() {
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
