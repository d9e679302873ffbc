package org.rnnlab.app.steps.languagemodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.session.ModelSessionFixture;
import org.rnnlab.app.session.ModelSessionFixtureStage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LanguageModelViewTest {
    private LessonSession session;
    private LanguageModelView view;

    @Start
    void start(Stage stage) {
        session = new LessonSession();
        view = new LanguageModelView(session);
        ModelSessionFixtureStage.show(stage, view.getPanel(), session);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> session.dispose());
        FxToolkit.cleanupStages();
    }

    @Test
    void bothSentencesAreScoredAndCompared(FxRobot robot) throws Exception {
        ModelSessionFixture.install(session, 30);
        waitFor(60, () -> view.viewModel().scoreAProperty().get() != null && view.viewModel().scoreBProperty().get() != null);
        String summary = robot.lookup("#summaryA").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("ln P = "), summary);
        assertTrue(!robot.lookup("#comparison").queryAs(Label.class).getText().isEmpty());

        fx(() -> view.viewModel().sentenceAProperty().set("The people needs peace."));
        waitFor(30, () -> view.viewModel().scoreAProperty().get().predictions() == 6);
        var score = view.viewModel().scoreAProperty().get();
        assertEquals(0, score.unknownWords(), "every word is in the fixture's vocabulary");
        assertEquals(6, robot.lookup("#barsA").queryAs(SentenceBars.class).getChildren().size(), "five words and END");
    }
}
