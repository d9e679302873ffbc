package org.rnnlab.app.steps.trainingdata;

import org.rnnlab.app.i18n.I18n;
import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.util.Random;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.StepPage;
import org.rnnlab.app.support.NumberText;
import org.rnnlab.app.widgets.NumberField;
import org.rnnlab.app.support.Theme;
import org.rnnlab.app.widgets.Wrapping;
import org.rnnlab.common.LessonDefaults;

/** Training data: a sentence becomes the pair (x, y), and x_t becomes a one-hot vector that picks a column of U. */
public final class TrainingDataView implements LessonStep {
    static final String[] EXPLANATION = {
        I18n.key("app.data.explain.1"), I18n.key("app.data.explain.2"), I18n.key("app.data.explain.3"),
        I18n.key("app.data.explain.4"),
    };
    static final String FORMULA = "\\begin{array}{l}x = (w_0, \\dots, w_{T-1})\\\\ y = (w_1, \\dots, w_T)\\\\ \\\\"
            + "U x_t = U_{:,\\,x_t}\\end{array}";
    private static final int PREVIEW_ROWS = 5;

    private final TrainingDataViewModel model;
    private final Node panel;
    private final ShiftDiagram diagram = new ShiftDiagram();
    private final Canvas oneHot = new Canvas(200, 150);
    private final Canvas matrix = new Canvas(200, 150);
    private final Label oneHotTitle = new Label();
    private final Label oneHotCaption = new Label();
    private final Label matrixTitle = new Label();
    private final Label matrixCaption = new Label();
    private final Label stepTitle = new Label();
    private final Label compareTitle = new Label();
    private final GridPane values = new GridPane();
    private final Label[][] cells = valueCells(); // [row][column] of values: row 0 the headers
    private final Label verdict = new Label();
    private final Label cost = new Label();
    private final Label originLabel = new Label();
    /** The step's sentences are worded again when the language changes. */
    private final javafx.beans.InvalidationListener reword = o -> showStep();

    public TrainingDataView(LessonSession lesson) {
        model = new TrainingDataViewModel(lesson.corpus().preparedProperty(), lesson.work(), InputWeights.lesson(),
                InputWeights.seeded(LessonDefaults.SEED), new Random());
        VBox live = new VBox(10, controls(), pairCard(), stepTitle, oneHotRow(), cost, origin());
        live.getStyleClass().add("step-live");
        // The two drawings grow with the window (a projector at 1920 x 1080 has room for them).
        live.widthProperty().addListener((obs, old, now) -> resizeDrawings(now.doubleValue()));
        Theme.fontSizeProperty().addListener((obs, old, now) -> resizeDrawings(live.getWidth()));
        ScrollPane scroll = new ScrollPane(live);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        panel = StepPage.build("trainingDataStep", I18n.key("app.nav.trainingData"), EXPLANATION, FORMULA, scroll);

        model.pairProperty().addListener((obs, old, now) -> diagram.show(now));
        model.stepProperty().addListener((obs, old, now) -> diagram.select(now.intValue()));
        diagram.setOnPick(model::chooseStep);
        model.productProperty().addListener((obs, old, now) -> showStep());
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(reword));
        diagram.show(model.pairProperty().get());
        diagram.select(model.stepProperty().get());
        showStep();
    }

    // ---------------------------------------------------------------- sentence

    private Node controls() {
        NumberField sentence = new NumberField(model.sentenceInput()).setFieldId("sentenceSpinner").columns(6);
        Label of = new Label();
        of.textProperty().bind(Bindings.createStringBinding(
                () -> I18n.text("app.corpus.of", model.sentenceCountProperty().get()), model.sentenceCountProperty(),
                I18n.languageProperty()));
        Button example = new Button(null, new FontIcon(MaterialDesignB.BOOK_OPEN_VARIANT));
        example.textProperty().bind(I18n.bind("app.data.lessonExample"));
        example.setId("lessonPair");
        example.setOnAction(e -> model.lessonExample());
        Button randomButton = new Button(null, new FontIcon(MaterialDesignD.DICE_5_OUTLINE));
        randomButton.textProperty().bind(I18n.bind("app.corpus.random"));
        randomButton.setId("randomSentence");
        randomButton.setOnAction(e -> model.randomSentence());
        // A flow: with large text the buttons go to a second line rather than lose their words.
        FlowPane row = new FlowPane(8, 6, bound(I18n.key("app.data.sentence")), sentence, of, example, randomButton);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node pairCard() {
        diagram.setId("shiftDiagram");
        // The pane grows by its scroll bar when a long sentence needs one: laid over the last row,
        // the bar hid the y words, and this pane cannot scroll up and down to them.
        ScrollPane scroll = new ScrollPane(diagram) {
            @Override
            protected double computePrefHeight(double width) {
                double bar = 0;
                for (Node n : lookupAll(".scroll-bar")) {
                    if (n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()) {
                        bar = b.prefHeight(-1);
                    }
                }
                return super.computePrefHeight(width) + bar;
            }
        };
        scroll.skinProperty().addListener((obs, old, skin) -> scroll.lookupAll(".scroll-bar").forEach(
                bar -> bar.visibleProperty().addListener((o, was, now) -> Platform.runLater(scroll::requestLayout))));
        scroll.setFitToHeight(true);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        scroll.setMinHeight(Region.USE_PREF_SIZE);
        Label caption = bound(I18n.key("app.data.arrows"));
        caption.getStyleClass().add("muted");
        caption.setWrapText(true);
        VBox card = new VBox(6, scroll, caption);
        card.getStyleClass().add("card");
        return card;
    }

    // ---------------------------------------------------------------- x_t and U

    private Node oneHotRow() {
        stepTitle.setId("stepTitle");
        stepTitle.getStyleClass().add(Styles.TITLE_4);
        stepTitle.setWrapText(true);
        oneHot.setId("oneHotCanvas");
        matrix.setId("matrixCanvas");
        oneHotCaption.setId("oneHotCaption");
        for (Label l : new Label[] {oneHotCaption, matrixCaption}) {
            l.getStyleClass().add("muted");
            l.setWrapText(true);
            l.setMaxWidth(200);
        }
        for (Label l : new Label[] {oneHotTitle, matrixTitle, compareTitle}) {
            l.getStyleClass().add(Styles.TEXT_BOLD);
            Wrapping.wrap(l);
        }
        for (Label l : new Label[] {stepTitle, oneHotCaption, matrixCaption, verdict, cost}) {
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        VBox a = new VBox(4, oneHotTitle, oneHot, oneHotCaption);
        Label times = bound(I18n.key("app.data.picks"));
        times.getStyleClass().add("muted");
        VBox b = new VBox(4, matrixTitle, matrix, matrixCaption);
        values.setId("columnValues");
        values.setHgap(12);
        values.setVgap(2);
        verdict.setId("sameVerdict");
        verdict.setWrapText(true);
        verdict.maxWidthProperty().bind(Theme.fontSizeProperty().multiply(15.7));
        VBox c = new VBox(4, compareTitle, values, verdict);
        HBox row = new HBox(12, a, b, c);
        row.setAlignment(Pos.TOP_LEFT);
        cost.setId("costNote");
        cost.setWrapText(true);
        return row;
    }

    private void resizeDrawings(double liveWidth) {
        // The values' column keeps about 19 em (its numbers and headers whole); the drawings share the rest.
        double reserve = 19 * Theme.fontSizeProperty().get();
        double w = Math.max(160, Math.min(380, Math.floor((liveWidth - reserve) / 2)));
        double h = Math.round(w * 0.72);
        if (w != oneHot.getWidth() || h != oneHot.getHeight()) {
            for (Canvas c : new Canvas[] {oneHot, matrix}) {
                c.setWidth(w);
                c.setHeight(h);
            }
                for (Label l : new Label[] {oneHotTitle, oneHotCaption, matrixTitle, matrixCaption}) {
                l.setMaxWidth(w);
            }
            showStep();
        }
    }

    private void showStep() {
        int k = model.hotIndexProperty().get();
        int h = model.hiddenDimProperty().get();
        StepText text = model.textProperty().get();
        VectorCanvas.oneHot(oneHot, model.wordDimProperty().get(), k);
        VectorCanvas.matrix(matrix, model.uProperty().get(), k);
        stepTitle.setText(text.title());
        oneHotTitle.setText(text.oneHotTitle());
        oneHotCaption.setText(text.oneHotCaption());
        matrixTitle.setText(text.matrixTitle());
        matrixCaption.setText(text.matrixCaption());
        compareTitle.setText(text.compareTitle());
        verdict.setText(text.verdict());
        verdict.getStyleClass().setAll("label", switch (text.verdictKind()) {
            case SAME -> Styles.SUCCESS;
            case DIFFERENT -> Styles.DANGER;
            case DRAWING, NONE -> "muted";
        });
        cost.setText(text.cost());
        double[] prod = model.productProperty().get();
        double[] col = model.columnProperty().get();
        // The same labels each time, their texts changed: labels made afresh here had no skin yet, so a layout
        // pass that came before their CSS gave each row no height, and a redraw at every width change of the
        // page (its scroll bar coming and going) kept them so: the table was never seen.
        values.setVisible(col.length > 0);
        values.setManaged(col.length > 0);
        if (col.length == 0) {
            return;
        }
        cells[0][0].setText(I18n.text("app.data.row"));
        cells[0][1].setText("U x_t");
        cells[0][2].setText("U[:, " + k + "]");
        int shown = Math.min(PREVIEW_ROWS, h);
        for (int r = 0; r < PREVIEW_ROWS; r++) {
            boolean on = r < shown;
            cells[r + 1][0].setText(on ? Integer.toString(r) : "");
            cells[r + 1][1].setText(on ? String.format(Locale.ROOT, "%+.4f", prod[r]) : "");
            cells[r + 1][2].setText(on ? String.format(Locale.ROOT, "%+.4f", col[r]) : "");
        }
        for (Label more : cells[PREVIEW_ROWS + 1]) {
            more.setText(h > shown ? "\u2026" : "");
        }
    }

    /** The values' table, made once: a header row, PREVIEW_ROWS rows of numbers and a row of "...". */
    private Label[][] valueCells() {
        Label[][] c = new Label[PREVIEW_ROWS + 2][3];
        for (int r = 0; r < c.length; r++) {
            for (int j = 0; j < 3; j++) {
                c[r][j] = r == 0 ? header() : j == 0 || r == PREVIEW_ROWS + 1 ? new Label() : number();
                values.add(c[r][j], j, r);
            }
        }
        return c;
    }

    private static Label bound(String key) {
        Label l = new Label();
        l.textProperty().bind(I18n.bind(key));
        return l;
    }

    private Node origin() {
        originLabel.setId("uOrigin");
        originLabel.textProperty().bind(model.originProperty());
        originLabel.getStyleClass().add("muted");
        Wrapping.wrap(originLabel); // its second line, not "...", when the page is just short of room
        return originLabel;
    }

    private static Label header() {
        Label l = new Label();
        l.getStyleClass().addAll(Styles.TEXT_BOLD, "muted");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label number() {
        Label l = new Label();
        l.getStyleClass().add("mono-number");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    TrainingDataViewModel model() {
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
