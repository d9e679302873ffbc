package org.rnnlab.app.steps.languagemodel;

import org.rnnlab.app.support.NumberText;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rnnlab.text.Tokens;

/**
 * One column per word of a scored sentence: a bar for P(word | words before) on a log scale (from
 * one in a million at the bottom to certainty at the top), the percentage above, the word below.
 * A thin line in each column marks 1/C, what a model that knows nothing would give.
 */
public final class SentenceBars extends FlowPane {
    static final double FLOOR_LOG10 = -6;
    private static final double TRACK_HEIGHT = 90;

    public SentenceBars() {
        super(6, 8);
        getStyleClass().add("sentence-bars");
        setAlignment(Pos.BOTTOM_LEFT);
    }

    /** Height share of a probability on the log scale: 0 at 1e-6 and below, 1 at 1. */
    public static double share(double p) {
        if (!(p > 0)) {
            return 0;
        }
        return Math.max(0, Math.min(1, (Math.log10(p) - FLOOR_LOG10) / -FLOOR_LOG10));
    }

    /** A column per word of the score; empty for null. */
    public void show(LanguageModelViewModel.Score score) {
        getChildren().clear();
        if (score == null) {
            return;
        }
        for (LanguageModelViewModel.WordScore w : score.words()) {
            getChildren().add(column(w, score.vocabularySize()));
        }
    }

    private VBox column(LanguageModelViewModel.WordScore w, int c) {
        Pane track = new Pane();
        track.getStyleClass().add("lm-track");
        track.setPrefSize(34, TRACK_HEIGHT);
        track.setMinSize(34, TRACK_HEIGHT);
        track.setMaxSize(34, TRACK_HEIGHT);
        Region bar = new Region();
        bar.getStyleClass().add("lm-bar");
        if (w.unknown()) {
            bar.getStyleClass().add("unknown");
        } else if (Tokens.END.equals(w.token())) {
            bar.getStyleClass().add("special");
        }
        double h = Math.max(2, share(w.probability()) * TRACK_HEIGHT);
        bar.resizeRelocate(5, TRACK_HEIGHT - h, 24, h);
        bar.setManaged(false);
        Region chance = new Region();
        chance.getStyleClass().add("lm-chance");
        double y = TRACK_HEIGHT - share(1.0 / Math.max(1, c)) * TRACK_HEIGHT;
        chance.resizeRelocate(0, y, 34, 1);
        chance.setManaged(false);
        track.getChildren().addAll(bar, chance);
        Label value = new Label(NumberText.percent(w.probability()));
        value.getStyleClass().add("lm-value");
        Label word = new Label(w.unknown() ? w.token() + "\n(" + Tokens.UNKNOWN + ")" : display(w.token()));
        word.getStyleClass().add("lm-word");
        if (w.unknown()) {
            word.getStyleClass().add("unknown");
        }
        VBox col = new VBox(2, value, track, word);
        col.setAlignment(Pos.BOTTOM_CENTER);
        col.setMinWidth(Region.USE_PREF_SIZE);
        col.getStyleClass().add("lm-column");
        Tooltip.install(col, new Tooltip(String.format(Locale.ROOT, "P(%s | the words before) = %.6g%s",
                w.token(), w.probability(), w.unknown() ? "\nNot in the vocabulary: the model reads it as " + Tokens.UNKNOWN + "." : "")));
        return col;
    }

    private static String display(String token) {
        return Tokens.END.equals(token) ? "END" : token;
    }
}
