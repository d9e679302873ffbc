package org.rnnlab.app.steps;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.rnnlab.app.support.Formula;

/**
 * The common layout of a lesson step: a title, a narrow column with the explanation and the
 * step's formula, and the interactive part filling the rest.
 */
public final class StepPage {
    private StepPage() {
    }

    /**
     * @param id          the page's node id (tests look it up), e.g. {@code "corpusStep"}
     * @param title       the step's heading
     * @param explanation paragraphs for the learner
     * @param latex       the step's formula, or null
     * @param interactive the live part
     */
    public static BorderPane build(String id, String title, String[] explanation, String latex, Node interactive) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_2);

        VBox side = new VBox(12);
        side.getStyleClass().add("explanation");
        side.setPadding(new Insets(4, 16, 8, 0));
        for (String paragraph : explanation) {
            TextFlow flow = new TextFlow(new Text(paragraph));
            flow.getStyleClass().add("explanation-text");
            side.getChildren().add(flow);
        }
        if (latex != null) {
            side.getChildren().add(Formula.of(latex));
        }
        side.setPrefWidth(330);
        side.setMinWidth(260);
        side.setMaxWidth(360);
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        sideScroll.setPrefWidth(350);
        sideScroll.setMinWidth(280);

        BorderPane page = new BorderPane();
        page.setId(id);
        page.setTop(heading);
        BorderPane.setMargin(heading, new Insets(0, 0, 10, 0));
        page.setLeft(sideScroll);
        page.setCenter(interactive);
        VBox.setVgrow(page, Priority.ALWAYS);
        page.setPadding(new Insets(16, 20, 12, 20));
        return page;
    }
}
