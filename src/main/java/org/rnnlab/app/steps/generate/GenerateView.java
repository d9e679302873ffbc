package org.rnnlab.app.steps.generate;

import javafx.scene.Node;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.PlaceholderPanel;

/** Generate and predict: not built yet. */
public final class GenerateView implements LessonStep {
    private final Node panel;

    public GenerateView(LessonSession session) {
        panel = PlaceholderPanel.of("generateStep", "Generate and predict", "Type a prefix to see the next word; generate whole sentences.");
    }

    @Override
    public Node getPanel() {
        return panel;
    }
}
