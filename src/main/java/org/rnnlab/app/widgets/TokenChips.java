package org.rnnlab.app.widgets;

import org.rnnlab.app.i18n.I18n;
import java.util.List;
import java.util.function.IntPredicate;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import org.rnnlab.text.Tokens;

/**
 * Tokens drawn as chips, the way the lesson's steps show a tokenized sentence: SENTENCE_START and
 * SENTENCE_END in green, UNKNOWN_TOKEN in amber, tokens flagged as different in red.
 */
public final class TokenChips {
    private TokenChips() {
    }

    /** One chip. */
    public static Label chip(String token) {
        Label chip = new Label(token);
        chip.getStyleClass().add("token-chip");
        chip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (Tokens.START.equals(token) || Tokens.END.equals(token)) {
            chip.getStyleClass().add("special");
        } else if (Tokens.UNKNOWN.equals(token)) {
            chip.getStyleClass().add("unknown");
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(I18n.bind("app.chips.unknown"));
            chip.setTooltip(tip);
        }
        return chip;
    }

    /** A wrapping row of chips. */
    public static FlowPane row(List<String> tokens) {
        return row(tokens, i -> false);
    }

    /** A wrapping row of chips; tokens whose position satisfies {@code different} are highlighted. */
    public static FlowPane row(List<String> tokens, IntPredicate different) {
        FlowPane pane = new FlowPane(4, 4);
        pane.getStyleClass().add("token-row");
        fill(pane, tokens, different);
        return pane;
    }

    /** Replaces the chips of {@code pane}. */
    public static void fill(FlowPane pane, List<String> tokens, IntPredicate different) {
        pane.getChildren().clear();
        for (int i = 0; i < tokens.size(); i++) {
            Label chip = chip(tokens.get(i));
            if (different.test(i)) {
                chip.getStyleClass().add("different");
            }
            pane.getChildren().add(chip);
        }
    }
}
