package org.rnnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.steps.LessonSteps;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the whole app headless and visits every step of the lesson. */
@ExtendWith(ApplicationExtension.class)
class AppSmokeTest {
    private RnnLabApp app;

    @Start
    void start(Stage stage) {
        app = new RnnLabApp();
        app.start(stage);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void everyStepOpensFromTheNavigationList(FxRobot robot) {
        ListView<?> steps = robot.lookup("#stepList").queryAs(ListView.class);
        assertEquals(LessonSteps.ALL.size(), steps.getItems().size());
        for (LessonSteps.Entry entry : LessonSteps.ALL) {
            robot.clickOn("#nav-" + entry.id());
            WaitForAsyncUtils.waitForFxEvents();
            StackPane content = robot.lookup("#stepContent").queryAs(StackPane.class);
            assertEquals(entry.id(), content.getChildren().get(0).getId(), "step " + entry.title());
            // a run's parameters are copied out every few seconds only for the steps that show them
            boolean showsTheModel = Set.of("forwardStep", "lossStep", "bpttStep", "languageModelStep", "generateStep").contains(entry.id());
            assertEquals(showsTheModel, app.window().session().training().followsModel(), "step " + entry.title());
        }
    }

    @Test
    void statusBarNamesTheSampleCorpus(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#corpusLabel").queryAs(Label.class).getText().contains("state-of-the-union"));
        assertNotNull(robot.lookup("#statusBar").query());
    }

    @Test
    void closingTheWindowDuringTrainingEndsEveryThreadWithinThreeSeconds(FxRobot robot) throws Exception {
        var session = app.window().session();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> session.models().matchesCorpusProperty().get() && !session.models().loadingProperty().get()
                        && !robot.lookup("#engineLabel").queryAs(Label.class).getText().contains("loading"));
        robot.clickOn("#nav-trainingStep");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#startTraining").queryButton().fire()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> session.models().isTraining());
        long t0 = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> app.window().dispose()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(3, TimeUnit.SECONDS, () -> session.liveThreads().isEmpty());
        assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "closed within 3 s");
    }

    @Test
    void resetToTheLessonBringsBackTheSampleCorpusTheShippedModelAndTheSettings(FxRobot robot) throws Exception {
        var session = app.window().session();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> session.models().matchesCorpusProperty().get()
                && !session.models().loadingProperty().get() && session.corpus().preparedProperty().get() != null);
        robot.clickOn("#nav-trainingStep");
        WaitForAsyncUtils.asyncFx(() -> session.corpus().vocabularySizeProperty().set(500)).get(10, TimeUnit.SECONDS);
        // at C = 500 the shipped model does not fit: the lesson's random model takes its place (waited for, not
        // sampled once: a shipped-model load still under way from the start may land just before the new corpus)
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> session.corpus().preparedProperty().get().vocabulary().size() == 500
                    && session.models().matchesCorpusProperty().get() && !session.models().loadingProperty().get()
                    && !org.rnnlab.app.session.ModelFiles.SAMPLE_DESCRIPTION.equals(session.models().descriptionProperty().get()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("at C = 500 the shipped model does not fit, yet the model is: "
                    + session.models().descriptionProperty().get(), e);
        }
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#resetToLesson").queryButton().fire()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> session.corpus().preparedProperty().get().vocabulary().size() == 8000
                && org.rnnlab.app.session.ModelFiles.SAMPLE_DESCRIPTION.equals(session.models().descriptionProperty().get()));
        assertEquals(8000, session.corpus().vocabularySizeProperty().get());
        assertEquals(100, session.models().model().hiddenDim());
    }

    @Test
    void workStartingAndEndingLeavesTheStepPageItsSize(FxRobot robot) throws Exception {
        // a status bar that grew when work started (its Cancel button) resized the page above it: the
        // page laid out anew and the whole window repainted, twice a job, as when Start makes a fresh model
        var session = app.window().session();
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !session.work().busyProperty().get()
                && !session.models().loadingProperty().get() && session.corpus().preparedProperty().get() != null);
        robot.clickOn("#nav-trainingStep");
        WaitForAsyncUtils.waitForFxEvents();
        StackPane content = robot.lookup("#stepContent").queryAs(StackPane.class);
        java.util.List<String> resized = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        WaitForAsyncUtils.asyncFx(() -> {
            content.heightProperty().addListener((o, was, now) -> resized.add(was + " -> " + now));
            session.work().submit("A job", job -> {
                release.await(10, TimeUnit.SECONDS);
                return null;
            }, done -> { }, null);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#cancelWork").query().isVisible());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // a few layout passes with the job showing
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#cancelWork").query().isVisible());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(java.util.List.of(), resized, "the step page changed height while work started and ended");
    }

    @Test
    void engineLoadsInTheBackground(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> !robot.lookup("#engineLabel").queryAs(Label.class).getText().contains("loading"));
        assertTrue(robot.lookup("#engineLabel").queryAs(Label.class).getText().contains("ready"));
    }
}
