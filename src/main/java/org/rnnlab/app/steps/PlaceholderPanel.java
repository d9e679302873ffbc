package org.rnnlab.app.steps;

import javafx.scene.Node;
import javafx.scene.control.Label;

/** What a step shows before it is built: says so plainly. */
public final class PlaceholderPanel {
    private PlaceholderPanel() {
    }

    public static Node of(String id, String title, String summary) {
        Label note = new Label("This step is not built yet.\n\n" + summary);
        note.setWrapText(true);
        return StepPage.build(id, title, new String[] {summary}, null, note);
    }
}
