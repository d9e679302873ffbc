package org.rnnlab.app.steps.vocabulary;

import javafx.scene.Node;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.PlaceholderPanel;

/** Vocabulary: not built yet. */
public final class VocabularyView implements LessonStep {
    private final Node panel;

    public VocabularyView(LessonSession session) {
        panel = PlaceholderPanel.of("vocabularyStep", "Vocabulary", "Keep the most frequent words; every other word becomes UNKNOWN_TOKEN.");
    }

    @Override
    public Node getPanel() {
        return panel;
    }
}
