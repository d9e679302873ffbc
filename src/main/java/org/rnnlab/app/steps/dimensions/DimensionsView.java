package org.rnnlab.app.steps.dimensions;

import org.rnnlab.app.i18n.I18n;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.StepPage;
import org.rnnlab.app.steps.dimensions.DimensionsViewModel.Cost;
import org.rnnlab.app.steps.dimensions.DimensionsViewModel.Numbers;
import org.rnnlab.app.steps.dimensions.DimensionsViewModel.Shape;
import org.rnnlab.app.support.Formula;
import org.rnnlab.app.support.Theme;
import org.rnnlab.app.support.NumberText;
import org.rnnlab.app.widgets.Fields;
import org.rnnlab.app.widgets.NumberField;
import org.rnnlab.app.widgets.Wrapping;
import org.rnnlab.common.LessonDefaults;

/** Dimensions: the shapes of x, o, s, U, V, W for the current C and H, the parameter count, memory and work. */
public final class DimensionsView implements LessonStep {
    static final String[] EXPLANATION = {
        I18n.key("app.dim.explain.1"), I18n.key("app.dim.explain.2"), I18n.key("app.dim.explain.3"),
    };
    static final String FORMULA = "\\begin{array}{l}s_t = \\tanh(U x_t + W s_{t-1})\\\\ o_t = \\mathrm{softmax}(V s_t)"
            + "\\\\ \\\\ \\#\\mathrm{params} = 2HC + H^2\\end{array}";

    /** The slider's end; larger H can still be typed. */
    private static final int SLIDER_MAX_HIDDEN = 1000;
    /** The symbol column of the cost bars, and the room of the number after a bar ("800,000  ← the largest"), in em. */
    private static final double NAME_EM = 4.6;
    private static final double VALUE_EM = 13;

    private final DimensionsViewModel model;
    private final Node panel;
    private final Slider slider = new Slider(DimensionsViewModel.MIN_HIDDEN, SLIDER_MAX_HIDDEN, LessonDefaults.HIDDEN_DIM);
    private final Label cLabel = new Label();
    private final GridPane table = new GridPane();
    private final Label parameters = new Label();
    private final StackPane filled = new StackPane();
    private final Label memory32 = new Label();
    private final Label memory64 = new Label();
    private final VBox bars = new VBox(8);
    private boolean syncing;

    public DimensionsView(LessonSession lesson) {
        model = new DimensionsViewModel(lesson.corpus().vocabularySizeProperty());
        VBox live = new VBox(12, controls(), tableCard(), parameterCard(), workCard(),
                OutputLayerCostCard.build(new OutputLayerCostViewModel(model.wordDimProperty(), model.hiddenDimProperty(),
                        Bindings.createObjectBinding(() -> lesson.corpus().preparedProperty().get() == null ? null
                                : lesson.corpus().preparedProperty().get().vocabulary(), lesson.corpus().preparedProperty()))));
        live.getStyleClass().add("step-live");
        ScrollPane scroll = new ScrollPane(live);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        panel = StepPage.build("dimensionsStep", I18n.key("app.nav.dimensions"), EXPLANATION, FORMULA, scroll);

        model.numbersProperty().addListener((obs, old, now) -> show(now));
        Theme.darkProperty().addListener((obs, old, now) -> show(model.numbersProperty().get()));
        show(model.numbersProperty().get());
    }

    private Node controls() {
        cLabel.setId("dimensionsC");
        cLabel.textProperty().bind(model.wordDimText());
        cLabel.getStyleClass().add(Styles.TEXT_BOLD);
        Tooltip cTip = new Tooltip();
        cTip.textProperty().bind(I18n.bind("app.dim.c.tip"));
        cLabel.setTooltip(cTip);
        Label h = bold(I18n.text("app.dim.hidden"));
        h.textProperty().bind(I18n.bind("app.dim.hidden"));
        h.getStyleClass().add(Styles.TEXT_BOLD);
        slider.setId("hiddenSlider");
        slider.setBlockIncrement(10);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setMaxWidth(Double.MAX_VALUE);
        slider.valueProperty().addListener((obs, old, now) -> {
            if (!syncing) {
                model.chooseHidden((int) Math.round(now.doubleValue()));
            }
        });
        NumberField hiddenField = new NumberField(model.hiddenInput()).setFieldId("hiddenField").columns(5);
        Button lessonH = new Button();
        lessonH.textProperty().bind(I18n.bind("app.vocab.lesson", LessonDefaults.HIDDEN_DIM));
        lessonH.setId("lessonHidden");
        lessonH.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        lessonH.setOnAction(e -> model.lessonHidden());
        Label sep = new Label("\u00b7");
        HBox row = Fields.rowWithField(hiddenField, cLabel, sep, h, slider, hiddenField, lessonH);
        row.setSpacing(10);
        for (Region c : new Region[] {cLabel, sep, h, lessonH, hiddenField}) {
            c.setMinWidth(Region.USE_PREF_SIZE);   // the slider gives way, never the words
        }
        model.hiddenDimProperty().addListener((obs, old, now) -> showHidden());
        showHidden();
        Label what = new Label();
        what.textProperty().bind(I18n.bind("app.dim.hidden.note"));
        what.setId("hiddenNote");
        what.setWrapText(true);
        what.getStyleClass().add("muted");
        return new VBox(4, row, what);
    }

    private void showHidden() {
        int h = model.hiddenDimProperty().get();
        syncing = true;
        slider.setValue(Math.min(h, slider.getMax()));
        syncing = false;
    }

    private Node tableCard() {
        table.setId("shapeTable");
        table.setHgap(18);
        table.setVgap(4);
        table.getStyleClass().add("card");
        ColumnConstraints right = new ColumnConstraints();
        right.setHalignment(HPos.RIGHT);
        table.getColumnConstraints().setAll(new ColumnConstraints(), new ColumnConstraints(), new ColumnConstraints(),
                new ColumnConstraints(), right);
        return table;
    }

    private Node parameterCard() {
        parameters.setId("parameterCount");
        parameters.textProperty().bind(model.parametersText());
        parameters.getStyleClass().add("stat-number");
        memory32.setId("memory32");
        memory32.textProperty().bind(model.memory32Text());
        memory64.setId("memory64");
        memory64.textProperty().bind(model.memory64Text());
        filled.setId("parameterFormula");
        filled.setAlignment(Pos.CENTER_LEFT);
        Label title = bold("");
        title.textProperty().bind(I18n.bind("app.dim.parameters"));
        VBox count = new VBox(2, title, parameters);
        VBox memory = new VBox(2, boundBold(I18n.key("app.dim.memory.title")), memory32, memory64);
        HBox top = new HBox(36, count, memory);
        VBox card = new VBox(8, top, filled);
        card.getStyleClass().add("card");
        return card;
    }

    private Node workCard() {
        bars.setId("costBars");
        Label title = boundBold(I18n.key("app.dim.work.title"));
        Label note = new Label();
        note.textProperty().bind(I18n.bind("app.dim.work.note"));
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        VBox card = new VBox(8, title, bars, note);
        card.getStyleClass().add("card");
        return card;
    }

    private void show(Numbers n) {
        table.getChildren().clear();
        String[] heads = {"", I18n.text("app.dim.head.what"), I18n.text("app.dim.head.shape"), I18n.text("app.dim.head.here"),
            I18n.text("app.dim.head.numbers")};
        for (int i = 0; i < heads.length; i++) {
            Label l = bold(heads[i]);
            l.getStyleClass().add("muted");
            table.add(whole(l), i, 0);
        }
        int r = 1;
        for (Shape s : n.shapes()) {
            table.add(symbol(s.symbol()), 0, r);
            table.add(whole(new Label(s.role())), 1, r);
            table.add(whole(new Label(s.shape())), 2, r);
            Label size = whole(new Label(s.size()));
            size.setId("shape-" + s.symbol().replace("_", ""));
            table.add(size, 3, r);
            table.add(whole(new Label(NumberText.count(s.entries()))), 4, r);
            r++;
        }
        filled.getChildren().setAll(Formula.live(n.filledFormula(), 16f));

        bars.getChildren().clear();
        long max = Math.max(1, n.largest().multiplyAdds());
        for (Cost c : n.costs()) {
            Region name = (Region) symbol(c.name());
            name.minWidthProperty().bind(Theme.fontSizeProperty().multiply(NAME_EM));
            Region bar = new Region();
            bar.getStyleClass().addAll("cost-bar", c.largest() ? "largest" : "other");
            double share = c.multiplyAdds() / (double) max;
            bar.setMinWidth(3);
            // The room the name and the number need comes off first (in em: it grows with the text);
            // the bar is the one that gives way when the line is short.
            bar.prefWidthProperty().bind(bars.widthProperty().subtract(Theme.fontSizeProperty().multiply(VALUE_EM + NAME_EM))
                    .multiply(share).add(3));
            bar.minHeightProperty().bind(Theme.fontSizeProperty().multiply(1.15));
            Label value = whole(new Label(c.valueText()));
            value.setId("cost-" + c.name().replace(" ", "").replace("_", ""));
            if (c.largest()) {
                value.getStyleClass().add(Styles.TEXT_BOLD);
            }
            Label how = new Label(c.how());
            how.getStyleClass().add("muted");
            Wrapping.wrap(how);
            HBox line = new HBox(10, name, bar, value);
            line.setAlignment(Pos.CENTER_LEFT);
            bars.getChildren().add(new VBox(0, line, indent(how)));
        }
    }

    /** A symbol such as x_t or W s_t-1, typeset (LaTeX) so that subscripts look like the lesson's. */
    private static Node symbol(String name) {
        String latex = name.replace("s_t-1", "s_{t-1}").replace(" ", "\\,");
        StackPane box = new StackPane(Formula.live(latex, 17f));
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Node indent(Label l) {
        HBox box = new HBox(l);
        // Under the bar, past the symbol's column and the gap.
        box.paddingProperty().bind(Bindings.createObjectBinding(() -> new javafx.geometry.Insets(0, 0, 0,
                Theme.fontSizeProperty().get() * NAME_EM + 10), Theme.fontSizeProperty()));
        return box;
    }

    /** A label that keeps its whole text: its column grows rather than cut it. */
    private static Label whole(Label l) {
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label boundBold(String key) {
        Label l = bold("");
        l.textProperty().bind(I18n.bind(key));
        return l;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }

    DimensionsViewModel model() {
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
