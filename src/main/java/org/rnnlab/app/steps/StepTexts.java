package org.rnnlab.app.steps;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.rnnlab.app.i18n.I18n;

/** Binds a page that {@link StepPage#build} made from plain strings to the language: its heading and its paragraphs. */
public final class StepTexts {
    private StepTexts() {
    }

    /**
     * @param titleKey      the heading's key
     * @param paragraphKeys the explanation's keys, in order (marked with I18n.key where they are written)
     * @param args          the paragraphs' arguments, the same for each
     */
    public static void bind(BorderPane page, String titleKey, String[] paragraphKeys, Object... args) {
        if (page.getTop() instanceof Label heading) {
            heading.textProperty().bind(I18n.bind(titleKey));
        }
        if (page.getLeft() instanceof ScrollPane scroll && scroll.getContent() instanceof Pane side) {
            int p = 0;
            for (Node n : side.getChildren()) {
                if (n instanceof TextFlow flow && p < paragraphKeys.length && !flow.getChildren().isEmpty()
                        && flow.getChildren().get(0) instanceof Text text) {
                    text.textProperty().bind(I18n.bind(paragraphKeys[p++], args));
                }
            }
        }
    }

    /** The paragraphs in the current language, for {@link StepPage#build}. */
    public static String[] now(String[] paragraphKeys, Object... args) {
        String[] out = new String[paragraphKeys.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = I18n.text(paragraphKeys[i], args);
        }
        return out;
    }
}
