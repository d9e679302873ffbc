package org.rnnlab.app.steps.gradcheck;

import javafx.scene.Node;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.PlaceholderPanel;

/** Gradient check: not built yet. */
public final class GradientCheckView implements LessonStep {
    private final Node panel;

    public GradientCheckView(LessonSession session) {
        panel = PlaceholderPanel.of("gradientCheckStep", "Gradient check", "Backpropagation through time checked against numerical gradients.");
    }

    @Override
    public Node getPanel() {
        return panel;
    }
}
