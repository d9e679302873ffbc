package org.rnnlab.app.steps.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.session.ModelSessionFixtureStage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class LiveRehearsalTest {
    private final StackPane host = new StackPane();
    private final Region like = new Region();
    private final SimpleBooleanProperty training = new SimpleBooleanProperty();
    private TrainingView view;

    @Start
    void start(Stage stage) {
        view = new TrainingView(new LessonSession()); // the tests' rehearsal flag is off: the view has none of its own
        like.setPrefSize(700, 10);
        host.getChildren().add(like);
        ModelSessionFixtureStage.show(stage, host);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> view.dispose());
        LiveRehearsal.forget();
        FxToolkit.cleanupStages();
    }

    /** Starts a rehearsal with the flag on, as the app does; null when it declines. */
    private LiveRehearsal startTurnedOn() throws Exception {
        AtomicReference<LiveRehearsal> r = new AtomicReference<>();
        fx(() -> {
            String was = System.getProperty(LiveRehearsal.FLAG);
            System.setProperty(LiveRehearsal.FLAG, "true");
            try {
                r.set(LiveRehearsal.start(host, like, view.viewModel().live(), training));
            } finally {
                if (was == null) {
                    System.clearProperty(LiveRehearsal.FLAG);
                } else {
                    System.setProperty(LiveRehearsal.FLAG, was);
                }
            }
        });
        return r.get();
    }

    private LiveRehearsal rehearse() throws Exception {
        fx(LiveRehearsal::forget);
        LiveRehearsal r = startTurnedOn();
        assertNotNull(r, "it starts when turned on");
        return r;
    }

    private int hostChildren() throws Exception {
        AtomicInteger n = new AtomicInteger();
        fx(() -> n.set(host.getChildren().size()));
        return n.get();
    }

    @Test
    void itDrawsItsFramesBehindThePageWithoutTheStepsIdsAndThenLeaves(FxRobot robot) throws Exception {
        LiveRehearsal r = rehearse();
        waitFor(30, () -> r.frames() > 10);
        assertEquals(2, hostChildren(), "its copy sits beside the page's own node while it runs");
        AtomicReference<Double> opacity = new AtomicReference<>();
        fx(() -> opacity.set(host.getChildren().get(0).getOpacity()));
        assertEquals(0.0, opacity.get(), "behind the page, and never painted");
        assertTrue(robot.lookup("#trainingChart").queryAll().isEmpty(), "its charts carry none of the step's ids");
        waitFor(60, r::finished);
        assertEquals(LiveRehearsal.FRAMES, r.frames(), "every frame was drawn");
        assertEquals(1, hostChildren(), "and its copy is gone");
        assertNull(startTurnedOn(), "once per process");
    }

    @Test
    void aRunStartingEndsItAtOnce() throws Exception {
        LiveRehearsal r = rehearse();
        waitFor(30, () -> r.frames() > 3);
        fx(() -> training.set(true));
        waitFor(10, r::finished);
        int frames = r.frames();
        assertTrue(frames < LiveRehearsal.FRAMES, "stopped early: " + frames);
        assertEquals(1, hostChildren(), "its copy is gone");
        Thread.sleep(200);
        assertEquals(frames, r.frames(), "and it draws no more");
    }

    @Test
    void notWhileARunIsUnderWay() throws Exception {
        fx(() -> training.set(true));
        fx(LiveRehearsal::forget);
        assertNull(startTurnedOn(), "a run is already training: no rehearsal");
        assertEquals(1, hostChildren());
    }
}
