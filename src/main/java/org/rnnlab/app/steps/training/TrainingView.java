package org.rnnlab.app.steps.training;

import javafx.scene.Node;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.PlaceholderPanel;

/** Training: not built yet. */
public final class TrainingView implements LessonStep {
    private final Node panel;

    public TrainingView(LessonSession session) {
        panel = PlaceholderPanel.of("trainingStep", "Training", "Stochastic gradient descent, live: watch the loss fall.");
    }

    @Override
    public Node getPanel() {
        return panel;
    }
}
