package org.rnnlab.app.steps.loss;

import javafx.scene.Node;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.PlaceholderPanel;

/** Loss: not built yet. */
public final class LossView implements LessonStep {
    private final Node panel;

    public LossView(LessonSession session) {
        panel = PlaceholderPanel.of("lossStep", "Loss", "Cross-entropy loss, compared with ln C for random weights.");
    }

    @Override
    public Node getPanel() {
        return panel;
    }
}
