package org.rnnlab.app.widgets;

import org.rnnlab.app.i18n.I18n;
import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.geometry.Pos;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Small layout pieces the step forms share. */
public final class Fields {
    private Fields() {
    }

    /** A control with its caption above it (style class {@code stat-caption}). */
    public static VBox labelled(String caption, Node control) {
        Label l = new Label(caption);
        // a bundle key follows the language; a caption not yet in the bundles shows as it is
        if (I18n.has(caption)) {
            l.textProperty().bind(I18n.bind(caption));
        }
        l.getStyleClass().add("stat-caption");
        return new VBox(2, l, control);
    }

    /**
     * A row of {@code nodes} around a number field, lined up with its text field rather than with the
     * range line under it: each node is at least as tall as the text field, the row aligned to the top.
     */
    public static HBox rowWithField(NumberField field, Node... nodes) {
        HBox row = new HBox(8, nodes);
        row.setAlignment(Pos.TOP_LEFT);
        asTallAsItsEditor(field, nodes);
        return row;
    }

    /**
     * As {@link #rowWithField}, for a row with nothing to stretch: its nodes go on to a second line
     * where the text is too large for one (a row of labels and buttons cut them to "Fi..." at 24 px).
     */
    public static FlowPane flowWithField(NumberField field, Node... nodes) {
        FlowPane row = new FlowPane(8, 6, nodes);
        row.setAlignment(Pos.TOP_LEFT);
        row.setRowValignment(javafx.geometry.VPos.TOP);
        row.setMinHeight(Region.USE_PREF_SIZE); // every line: a flow's own minimum is one line
        asTallAsItsEditor(field, nodes);
        return row;
    }

    private static void asTallAsItsEditor(NumberField field, Node... nodes) {
        for (Node n : nodes) {
            if (n instanceof Region r && n != field) {
                r.minHeightProperty().bind(field.editor().heightProperty());
            }
        }
    }

    /**
     * A red line beside a command saying why it is off ("Fix the temperature first: ..."); it takes
     * no room while {@code problem} is empty. Style class {@code input-problem}.
     */
    public static Label problemLine(ObservableStringValue problem) {
        Label l = new Label();
        l.getStyleClass().addAll("input-problem", Styles.DANGER);
        Wrapping.wrap(l);
        l.textProperty().bind(problem);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
