package org.rnnlab.app.steps.forward;

import javafx.scene.Node;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.PlaceholderPanel;

/** Forward pass: not built yet. */
public final class ForwardView implements LessonStep {
    private final Node panel;

    public ForwardView(LessonSession session) {
        panel = PlaceholderPanel.of("forwardStep", "Forward pass", "Step through a sentence: the hidden state and the predicted next word.");
    }

    @Override
    public Node getPanel() {
        return panel;
    }
}
