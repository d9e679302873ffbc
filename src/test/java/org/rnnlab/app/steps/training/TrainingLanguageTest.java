package org.rnnlab.app.steps.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.i18n.Language;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.session.ModelSessionFixture;
import org.rnnlab.app.session.ModelSessionFixtureStage;
import org.rnnlab.engine.Precision;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Switching the language mid-run redraws the step's words and leaves the run and its chart alone. */
@ExtendWith(ApplicationExtension.class)
class TrainingLanguageTest {
    private LessonSession session;
    private TrainingView view;
    private TrainingViewModel vm;

    @Start
    void start(Stage stage) {
        session = new LessonSession();
        view = new TrainingView(session);
        vm = view.viewModel();
        ModelSessionFixtureStage.show(stage, view.getPanel(), session);
    }

    @BeforeEach
    void corpusAndModel() throws Exception {
        ModelSessionFixture.install(session, 30);
        waitFor(60, () -> session.models().model() != null && session.models().matchesCorpusProperty().get());
        fx(() -> {
            vm.hiddenSizeProperty().set(8);
            vm.epochsProperty().set(1000);
            vm.sentencesProperty().set(60);
            vm.learningRateProperty().set(0.01);
            vm.precisionProperty().set(Precision.FLOAT64);
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> I18n.setLanguage(Language.ENGLISH));
        fx(() -> view.dispose());
        FxToolkit.cleanupStages();
    }

    @Test
    void aRunGoesOnAndKeepsItsPointsWhenTheLanguageChanges(FxRobot robot) throws Exception {
        Button start = robot.lookup("#startTraining").queryAs(Button.class);
        Label caption = (Label) robot.lookup("#splitNote").queryLabeled();
        assertEquals("Start", start.getText());
        fx(() -> vm.start());
        waitFor(60, () -> session.models().isTraining() && view.chartData().get(0).getDataCount() > 5);
        long seen = vm.run().examplesSeenProperty().get();
        int points = vm.run().smoothLoss().size();
        int evaluations = vm.run().evaluations().size();

        fx(() -> I18n.setLanguage(Language.SIMPLIFIED_CHINESE));
        assertEquals("开始", start.getText());
        assertTrue(caption.getText().contains("留出"), caption.getText());
        assertTrue(session.models().isTraining(), "the run goes on");
        assertEquals(TrainingRunState.State.RUNNING, vm.run().stateProperty().get());
        assertTrue(vm.run().smoothLoss().size() >= points, "the chart keeps its points");
        assertTrue(vm.run().evaluations().size() >= evaluations);
        waitFor(60, () -> vm.run().examplesSeenProperty().get() > seen + 20 && view.chartData().get(1).getDataCount() > points);

        fx(() -> vm.stop()); // (a fast machine may have finished all epochs already)
        waitFor(60, () -> vm.run().stateProperty().get() == TrainingRunState.State.IDLE && !session.models().isTraining());
        String outcome = vm.run().outcomeProperty().get();
        assertTrue(outcome.contains("个样本"), outcome);
        fx(() -> I18n.setLanguage(Language.ENGLISH));
        String english = vm.run().outcomeProperty().get();
        assertTrue(english.startsWith("Stopped after") || english.startsWith("Finished"), "the outcome follows the language: " + english);
        assertEquals("Start", start.getText());
    }
}
