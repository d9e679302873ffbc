package org.rnnlab.app.steps.training;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.widgets.TextRoom;
import org.rnnlab.app.widgets.Wrapping;

/**
 * What the model writes while it learns ({@link SampleSentences}), in a card. The sentences' lines
 * are kept and filled in, and each is three lines high from the start, whatever it holds: the first
 * sentences 12 s into a run (and each new draw) do not move the page below them.
 */
final class SamplesCard extends VBox {
    private final VBox lines = new VBox(3);
    private final ObservableList<String> samples;
    private final javafx.beans.InvalidationListener relabel = o -> show();

    SamplesCard(ObservableList<String> samples, ObservableValue<String> title) {
        super(4);
        this.samples = samples;
        Label heading = new Label();
        heading.getStyleClass().add("card-title");
        Wrapping.wrap(heading);
        heading.textProperty().bind(title);
        lines.setId("trainingSamples");
        for (int i = 0; i < SampleSentences.SAMPLE_SENTENCES; i++) {
            // three lines hold a 35-word sentence at 1280x800; a longer one ends in an ellipsis (whole in
            // its tooltip): with two lines kept and room to grow, a 3-line sample 12 s into a run grew
            // the card by 36 px and laid the whole page out again
            Label l = TextRoom.fixed(3);
            l.setMaxWidth(Double.MAX_VALUE);
            lines.getChildren().add(l);
        }
        samples.addListener((ListChangeListener<String>) c -> show());
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
        show();
        getChildren().setAll(heading, lines);
        getStyleClass().add("card");
    }

    /** The sentences, or before any a line that says when they come. */
    private void show() {
        List<String> now = samples;
        boolean waiting = now.isEmpty();
        for (int i = 0; i < lines.getChildren().size(); i++) {
            Label l = (Label) lines.getChildren().get(i);
            l.setText(i < now.size() ? now.get(i)
                    : waiting && i == 0 ? I18n.text("training.samples.waiting", TrainingViewModel.SAMPLE_NANOS / 1_000_000_000L) : "");
            l.getStyleClass().setAll("label", waiting ? "muted" : "sample-sentence");
        }
    }
}
