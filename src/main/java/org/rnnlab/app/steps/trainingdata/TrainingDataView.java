package org.rnnlab.app.steps.trainingdata;

import javafx.scene.Node;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.PlaceholderPanel;

/** Training data: not built yet. */
public final class TrainingDataView implements LessonStep {
    private final Node panel;

    public TrainingDataView(LessonSession session) {
        panel = PlaceholderPanel.of("trainingDataStep", "Training data", "Each sentence gives an input x and a target y, shifted by one word.");
    }

    @Override
    public Node getPanel() {
        return panel;
    }
}
