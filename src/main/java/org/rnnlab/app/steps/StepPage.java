package org.rnnlab.app.steps;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.support.Formula;
import org.rnnlab.app.support.Theme;

/**
 * The common layout of a lesson step: a title, a narrow column with the explanation and the
 * step's formula, and the interactive part filling the rest.
 */
public final class StepPage {
    private static final double SIDE_SHARE = 0.3;
    private static final double SIDE_MIN = 280;
    private static final double SIDE_MAX_EM = 25;

    private StepPage() {
    }

    /**
     * @param id          the page's node id (tests look it up), e.g. {@code "corpusStep"}
     * @param titleKey    the step's heading (a bundle key, marked with I18n.key at the call)
     * @param explanation paragraphs for the learner (bundle keys): they follow the language
     * @param latex       the step's formula, or null; a bundle key when the formula has words in it (redrawn on a language switch)
     * @param interactive the live part
     */
    public static BorderPane build(String id, String titleKey, String[] explanation, String latex, Node interactive) {
        return build(id, titleKey, explanation, latex, null, interactive);
    }

    /** As above, with {@code belowFormula} (or null) under the formula, in the explanation's column. */
    public static BorderPane build(String id, String titleKey, String[] explanation, String latex, Node belowFormula,
                                   Node interactive) {
        Label heading = new Label();
        heading.textProperty().bind(textOf(titleKey));
        heading.getStyleClass().add(Styles.TITLE_2);

        VBox side = new VBox(12);
        side.getStyleClass().add("explanation");
        side.setPadding(new Insets(4, 16, 8, 0));
        for (String paragraph : explanation) {
            Text text = new Text();
            text.textProperty().bind(textOf(paragraph));
            TextFlow flow = new TextFlow(text);
            flow.getStyleClass().add("explanation-text");
            side.getChildren().add(flow);
        }
        if (latex != null) {
            side.getChildren().add(I18n.has(latex) ? translatedFormula(latex) : Formula.of(latex));
        }
        if (belowFormula != null) {
            side.getChildren().add(belowFormula);
        }
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        org.rnnlab.app.widgets.Scrollers.uncached(sideScroll);

        BorderPane page = new Page();
        // The explanation takes 30 % of the page, between 280 px and 25 em: larger text makes it
        // longer rather than wider, and leaves the interactive part its room.
        DoubleBinding sideWidth = Bindings.createDoubleBinding(() -> Math.max(SIDE_MIN,
                Math.min(SIDE_SHARE * page.getWidth(), SIDE_MAX_EM * Theme.fontSizeProperty().get())),
                page.widthProperty(), Theme.fontSizeProperty());
        sideScroll.prefWidthProperty().bind(sideWidth);
        sideScroll.minWidthProperty().bind(sideWidth);
        sideScroll.maxWidthProperty().bind(sideWidth);
        page.setId(id);
        page.setTop(heading);
        BorderPane.setMargin(heading, new Insets(0, 0, 10, 0));
        page.setLeft(sideScroll);
        page.setCenter(org.rnnlab.app.code.CodeTab.around(id, interactive)); // the steps that run code get a Code tab
        VBox.setVgrow(page, Priority.ALWAYS);
        page.setPadding(new Insets(16, 20, 12, 20));
        return page;
    }

    /** A formula whose words are in the bundles: drawn again when the language changes. */
    private static Node translatedFormula(String key) {
        StackPane box = new StackPane(Formula.of(I18n.text(key)));
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.beans.InvalidationListener redraw = o -> box.getChildren().setAll(Formula.of(I18n.text(key)));
        // the box keeps its listener; the weak wrapper lets a discarded page be collected
        box.getProperties().put("rnnlab.redrawFormula", redraw);
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(redraw));
        return box;
    }

    /** A bundle key's text, following the language; a step whose words are not yet in the bundles passes them as they are. */
    private static javafx.beans.value.ObservableValue<String> textOf(String keyOrText) {
        return I18n.has(keyOrText) ? I18n.bind(keyOrText) : new javafx.beans.property.SimpleStringProperty(keyOrText);
    }

    /**
     * A scroll pane for a step's live part: as wide as the page, at least as high, and scrolling
     * down when its content needs more height at the width it has.
     */
    public static ScrollPane scroller(Node content) {
        ScrollPane scroll = new ScrollPane(new WidthAwarePane(content));
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        return org.rnnlab.app.widgets.Scrollers.uncached(scroll);
    }

    /**
     * A pane that tells its minimum height for the width it has. A scroll pane that fits its
     * content to its height asks for that height without a width; content whose height depends
     * on its width (wrapping text, flows of chips and buttons) then answers for a wider pane,
     * one line per paragraph, and the scroll pane offers no scroll bar for what it cut off.
     */
    public static final class WidthAwarePane extends StackPane {
        public WidthAwarePane(Node... children) {
            super(children);
            // JavaFX keeps a parent's minimum height until it lays out again; a new width alone does not ask.
            widthProperty().addListener((obs, old, now) -> requestLayout());
        }

        @Override
        protected double computeMinHeight(double width) {
            return super.computeMinHeight(width < 0 && getWidth() > 0 ? getWidth() : width);
        }
    }

    /**
     * A page that reports the height its interactive part needs at the width it really has.
     * BorderPane asks its centre without that width, and wrapping text and flows of chips then
     * say one line where they take two: with large text the page spilled past the window instead
     * of letting the window's scroll pane scroll it.
     */
    private static final class Page extends BorderPane {
        Page() {
            // The height depends on the width: measure again (JavaFX keeps a parent's minimum
            // height until it is asked to lay out again, and a new width alone does not ask).
            widthProperty().addListener((obs, old, now) -> requestLayout());
        }

        @Override
        protected double computeMinHeight(double width) {
            double w = width > 0 ? width : getWidth();
            Node center = getCenter();
            if (w <= 0 || center == null) {
                return super.computeMinHeight(width);
            }
            Node top = getTop();
            Node left = getLeft();
            // snapped, as BorderPane lays it out: 353.7 measured the centre 0.3 px wider than it is, and a
            // flow that fits one more card at that width asked for a row less than it took (Vocabulary, 22 px)
            double leftWidth = left == null ? 0 : snapSizeX(left.prefWidth(-1));
            double centerWidth = Math.max(0, w - snappedLeftInset() - snappedRightInset() - leftWidth);
            double topHeight = 0;
            if (top != null) {
                Insets m = BorderPane.getMargin(top);
                topHeight = top.prefHeight(w) + (m == null ? 0 : m.getTop() + m.getBottom());
            }
            double middle = Math.max(center.minHeight(centerWidth), left == null ? 0 : left.minHeight(-1));
            return snappedTopInset() + topHeight + middle + snappedBottomInset();
        }
    }
}
