package org.rnnlab.app.charts;

import org.rnnlab.app.support.NumberText;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Horizontal bars for a few words and their probabilities: the word, a bar, the percentage. The
 * longest bar is the most probable word of the list (the percentages give the absolute values). A
 * word can be marked (the true next word) and the rows can be clickable.
 */
public final class ProbabilityBars extends VBox {
    /** One bar: a word (its vocabulary index and text), its probability, whether it is marked. */
    public record Bar(int index, String word, double probability, boolean marked, String note) {
        public Bar(int index, String word, double probability, boolean marked) {
            this(index, word, probability, marked, null);
        }
    }

    private IntConsumer onClick;
    private List<Bar> bars = List.of();
    private final List<Label> words = new java.util.ArrayList<>();
    private final List<Label> notes = new java.util.ArrayList<>();
    private boolean withNotes;

    public ProbabilityBars() {
        super(3);
        getStyleClass().add("probability-bars");
    }

    /** Called with the vocabulary index of a clicked row; null for rows that do nothing. */
    public void setOnWordClicked(IntConsumer onClick) {
        this.onClick = onClick;
    }

    public List<Bar> bars() {
        return bars;
    }

    public void setBars(List<Bar> bars) {
        List<Bar> before = this.bars;
        this.bars = List.copyOf(bars);
        aligned = -1;
        double max = 0;
        for (Bar b : bars) {
            max = Math.max(max, b.probability());
        }
        if (sameRows(before, bars)) {
            // the same words with new probabilities (a sentence watched as it trains): change the rows in place
            for (int i = 0; i < bars.size(); i++) {
                update((HBox) getChildren().get(i), bars.get(i), max, i);
            }
            return;
        }
        boolean notesNow = bars.stream().anyMatch(b -> b.note() != null);
        if (notesNow != withNotes && !bars.isEmpty()) { // another shape of row: made anew
            getChildren().clear();
            words.clear();
            notes.clear();
            withNotes = notesNow;
            for (Bar b : bars) {
                getChildren().add(row(b, max));
            }
            return;
        }
        // other words: the rows there are filled anew, more made or the rest hidden. A new row's
        // labels get their skins and styles on the FX thread, a few ms each: a probe's first bars
        // paused the window for 50 ms while a training ran, before the rows were kept
        for (int i = 0; i < bars.size(); i++) {
            if (i < getChildren().size()) {
                fill((HBox) getChildren().get(i), bars.get(i), max, i);
            } else {
                getChildren().add(row(bars.get(i), max));
            }
        }
        for (int i = bars.size(); i < getChildren().size(); i++) {
            hide((HBox) getChildren().get(i), i);
        }
    }

    /** Rows that keep their room while hidden (see {@link #keepRoomFor}). */
    private int roomFor;

    /**
     * The first {@code rows} rows take their room even while no bar is shown in them: a list of up to
     * that many bars that comes while a training runs then changes no height, and the page under it
     * is not laid out and drawn again (a pause of the window on two cores). Call before
     * {@link #reserveRows}.
     */
    public void keepRoomFor(int rows) {
        this.roomFor = rows;
    }

    /**
     * Makes {@code n} hidden rows now (with the notes' column or not), for a list that will be
     * shown later at a busier moment: the first {@link #setBars} then only fills them in.
     */
    public void reserveRows(int n, boolean withNotes) {
        if (!getChildren().isEmpty()) {
            return;
        }
        this.withNotes = withNotes;
        Bar empty = new Bar(-1, "", 0, false, withNotes ? "" : null);
        for (int i = 0; i < n; i++) {
            HBox row = row(empty, 0);
            getChildren().add(row);
            hide(row, i);
        }
    }

    /** A row there, shown with another word. */
    private void fill(HBox row, Bar b, double max, int i) {
        ((Label) row.getChildren().get(0)).setText(b.word());
        update(row, b, max, i);
        clickable(row, b);
        row.setManaged(true);
        row.setVisible(true);
    }

    /**
     * A row kept for later: its texts empty so the columns ignore it, and out of the layout unless it
     * is one of the first {@link #keepRoomFor} rows.
     */
    private void hide(HBox row, int i) {
        row.setVisible(false);
        row.setManaged(i < roomFor);
        clickable(row, null);
        ((Label) row.getChildren().get(0)).setText("");
        if (withNotes) {
            notes.get(i).setText("");
        }
    }

    /**
     * The words form one right-aligned column as wide as the widest word at the current text size
     * (SENTENCE_START, UNKNOWN_TOKEN and long words whole), so the bars start at one x.
     */
    @Override
    protected void layoutChildren() {
        // measuring every word is costly: only when the words or the text size changed, not at every layout pass
        double size = words.isEmpty() ? 0 : words.get(0).getFont().getSize();
        if (size != aligned) {
            alignColumn(words);
            alignColumn(notes);
            aligned = size;
        }
        super.layoutChildren();
    }

    /** The font size the columns were last aligned at; -1 after the rows changed. */
    private double aligned = -1;

    private boolean sameRows(List<Bar> before, List<Bar> after) {
        if (before.size() != after.size() || getChildren().size() < after.size() || after.isEmpty()
                || withNotes != after.stream().anyMatch(b -> b.note() != null)) {
            return false;
        }
        for (int i = 0; i < after.size(); i++) {
            if (before.get(i).index() != after.get(i).index() || !before.get(i).word().equals(after.get(i).word())) {
                return false;
            }
        }
        return true;
    }

    private void update(HBox row, Bar b, double max, int i) {
        StackPane track = (StackPane) row.getChildren().get(1);
        Region bar = (Region) track.getChildren().get(0);
        double share = max <= 0 ? 0 : b.probability() / max;
        bar.maxWidthProperty().bind(track.widthProperty().multiply(Math.max(0.01, share)));
        ((Label) row.getChildren().get(2)).setText(NumberText.percent(b.probability()));
        if (withNotes) {
            notes.get(i).setText(b.note() == null ? "" : b.note());
        }
        row.getStyleClass().remove("marked");
        if (b.marked()) {
            row.getStyleClass().add("marked");
        }
        row.setUserData(b);
        ((Tooltip) row.getProperties().get(TIP)).setText(String.format(Locale.ROOT, "%s: p = %.6f", b.word(), b.probability()));
    }

    private static final String TIP = "rnnlab.barTooltip";

    private static void alignColumn(List<Label> labels) {
        double widest = 0;
        for (Label l : labels) {
            widest = Math.max(widest, textWidth(l));
        }
        double column = Math.ceil(widest);
        for (Label l : labels) {
            if (l.getPrefWidth() != column) {
                l.setMinWidth(column);
                l.setPrefWidth(column);
            }
        }
    }

    /** The width a label's text needs in its current font (set by CSS before layout). */
    private static double textWidth(Label l) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(l.getText());
        t.setFont(l.getFont());
        return t.getLayoutBounds().getWidth() + l.snappedLeftInset() + l.snappedRightInset() + 1;
    }

    private HBox row(Bar b, double max) {
        Label word = new Label(b.word());
        word.getStyleClass().add("bar-word");
        word.setAlignment(Pos.CENTER_RIGHT);
        words.add(word);
        Region bar = new Region();
        bar.getStyleClass().add("bar");
        double share = max <= 0 ? 0 : b.probability() / max;
        StackPane track = new StackPane(bar);
        track.getStyleClass().add("bar-track");
        track.setAlignment(Pos.CENTER_LEFT);
        track.setMinWidth(60);
        bar.maxWidthProperty().bind(track.widthProperty().multiply(Math.max(0.01, share)));
        bar.setMinWidth(2);
        HBox.setHgrow(track, Priority.ALWAYS);
        Label value = new Label(NumberText.percent(b.probability()));
        value.getStyleClass().add("bar-value");
        value.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, word, track, value);
        if (withNotes) {
            // Every row gets the notes' column, empty or not: the percentages stay in one column.
            Label note = new Label(b.note() == null ? "" : b.note());
            note.getStyleClass().add("bar-note");
            notes.add(note);
            row.getChildren().add(note);
        }
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("prob-row");
        if (b.marked()) {
            row.getStyleClass().add("marked");
        }
        row.setUserData(b);
        Tooltip tip = new Tooltip(String.format(Locale.ROOT, "%s: p = %.6f", b.word(), b.probability()));
        Tooltip.install(row, tip);
        row.getProperties().put(TIP, tip);
        clickable(row, b);
        return row;
    }

    /** Clicks on {@code row} give b's word to the listener, if there is one and b is a word (null: no bar). */
    private void clickable(HBox row, Bar b) {
        row.getStyleClass().remove("clickable");
        row.setOnMouseClicked(null);
        if (onClick != null && b != null && b.index() >= 0) {
            row.getStyleClass().add("clickable");
            row.setOnMouseClicked(e -> onClick.accept(b.index()));
        }
    }

}
