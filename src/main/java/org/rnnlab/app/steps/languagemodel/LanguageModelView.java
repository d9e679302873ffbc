package org.rnnlab.app.steps.languagemodel;

import javafx.scene.Node;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.PlaceholderPanel;

/** Language model: not built yet. */
public final class LanguageModelView implements LessonStep {
    private final Node panel;

    public LanguageModelView(LessonSession session) {
        panel = PlaceholderPanel.of("languageModelStep", "Language model", "A language model gives each sentence a probability, word by word.");
    }

    @Override
    public Node getPanel() {
        return panel;
    }
}
