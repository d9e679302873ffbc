package org.rnnlab.app.widgets;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Small layout pieces the step forms share. */
public final class Fields {
    private Fields() {
    }

    /** A control with its caption above it (style class {@code stat-caption}). */
    public static VBox labelled(String caption, Node control) {
        Label l = new Label(caption);
        l.getStyleClass().add("stat-caption");
        return new VBox(2, l, control);
    }
}
