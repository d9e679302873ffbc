package org.rnnlab.app.steps.languagemodel;

import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.support.NumberText;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rnnlab.app.support.Theme;
import org.rnnlab.text.Tokens;

/**
 * One column per word of a scored sentence: a bar for P(word | words before) on a log scale (from
 * one in a million at the bottom to certainty at the top), the percentage above, the word below.
 * A thin line in each column marks 1/C, what a model that knows nothing would give.
 */
public final class SentenceBars extends FlowPane {
    static final double FLOOR_LOG10 = -6;
    /** The track of a bar at the default text size, in px. */
    private static final double TRACK_WIDTH = 34;
    private static final double TRACK_HEIGHT = 90;

    // Held by the node: the weak wrapper lets a discarded page be collected.
    private LanguageModelViewModel.Score score;
    private final InvalidationListener redraw = o -> show(score);

    public SentenceBars() {
        super(6, 8);
        getStyleClass().add("sentence-bars");
        // Columns hang from the top: a word on two lines (an unknown word) leaves the bars of its
        // row level, where bottom alignment pushed them up.
        setAlignment(Pos.TOP_LEFT);
        setRowValignment(VPos.TOP);
        Theme.fontSizeProperty().addListener(new WeakInvalidationListener(redraw));
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
        this.score = score;
        getChildren().clear();
        if (score == null) {
            return;
        }
        for (LanguageModelViewModel.WordScore w : score.words()) {
            getChildren().add(column(w, score.vocabularySize()));
        }
    }

    private VBox column(LanguageModelViewModel.WordScore w, int c) {
        // The bars grow with the text, like the words under them.
        double k = Theme.fontSizeProperty().get() / Theme.DEFAULT_FONT;
        double trackWidth = Math.round(TRACK_WIDTH * k);
        double trackHeight = Math.round(TRACK_HEIGHT * k);
        Pane track = new Pane();
        track.getStyleClass().add("lm-track");
        track.setPrefSize(trackWidth, trackHeight);
        track.setMinSize(trackWidth, trackHeight);
        track.setMaxSize(trackWidth, trackHeight);
        Region bar = new Region();
        bar.getStyleClass().add("lm-bar");
        if (w.unknown()) {
            bar.getStyleClass().add("unknown");
        } else if (Tokens.END.equals(w.token())) {
            bar.getStyleClass().add("special");
        }
        double h = Math.max(2, share(w.probability()) * trackHeight);
        double inset = Math.round(5 * k);
        bar.resizeRelocate(inset, trackHeight - h, trackWidth - 2 * inset, h);
        bar.setManaged(false);
        Region chance = new Region();
        chance.getStyleClass().add("lm-chance");
        // 2 px, over the bar: the 1/C mark stays visible on both themes.
        double y = trackHeight - share(1.0 / Math.max(1, c)) * trackHeight;
        chance.resizeRelocate(0, Math.round(y - 1), trackWidth, 2);
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
        col.setAlignment(Pos.TOP_CENTER);
        col.setMinWidth(Region.USE_PREF_SIZE);
        col.getStyleClass().add("lm-column");
        Tooltip.install(col, new Tooltip(I18n.text("app.lm.bar.tip", w.token(), String.format(Locale.ROOT, "%.6g", w.probability()))
                + (w.unknown() ? "\n" + I18n.text("app.lm.bar.unknown", Tokens.UNKNOWN) : "")));
        return col;
    }

    private static String display(String token) {
        return Tokens.END.equals(token) ? "END" : token;
    }
}
