package org.rnnlab.app.steps.dimensions;

import javafx.scene.Node;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.PlaceholderPanel;

/** Dimensions: not built yet. */
public final class DimensionsView implements LessonStep {
    private final Node panel;

    public DimensionsView(LessonSession session) {
        panel = PlaceholderPanel.of("dimensionsStep", "Dimensions", "The shapes of x, o, s, U, V and W, and what they cost.");
    }

    @Override
    public Node getPanel() {
        return panel;
    }
}
