package org.rnnlab.app.steps.corpus;

import javafx.scene.Node;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.PlaceholderPanel;

/** Corpus and tokens: not built yet. */
public final class CorpusView implements LessonStep {
    private final Node panel;

    public CorpusView(LessonSession session) {
        panel = PlaceholderPanel.of("corpusStep", "Corpus and tokens", "Raw text becomes sentences, and sentences become word tokens.");
    }

    @Override
    public Node getPanel() {
        return panel;
    }
}
