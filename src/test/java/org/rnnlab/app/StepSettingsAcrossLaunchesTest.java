package org.rnnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rnnlab.app.session.ModelSessionFixture.fx;

import java.util.List;
import java.util.Map;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.generate.GenerateView;
import org.rnnlab.app.steps.gradcheck.GradientCheckView;
import org.rnnlab.app.steps.training.TrainingView;
import org.rnnlab.app.support.AppMemory;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The steps' number fields as typed in one launch are there in the next (the same memory, new views). */
@ExtendWith(ApplicationExtension.class)
class StepSettingsAcrossLaunchesTest {
    private final AppMemory memory = AppMemory.inMemory();

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @org.junit.jupiter.api.AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
    }

    /** Typed and committed with Enter, as a learner does. */
    private static final Map<String, String> TYPED = Map.of("#epochs", "3", "#learningRate", "0.02", "#gcC", "40",
            "#gcStep", "1e-5", "#minLength", "12", "#temperature", "0.5");

    @Test
    void typedFieldsAreThereAtTheNextLaunch() throws Exception {
        fx(() -> {
            LessonSession session = new LessonSession(memory);
            List<LessonStep> views = views(session);
            for (var e : TYPED.entrySet()) {
                TextField f = field(views, e.getKey());
                f.setText(e.getValue());
                f.fireEvent(new ActionEvent());
            }
            views.forEach(LessonStep::dispose);
            session.dispose();
        });
        fx(() -> {
            LessonSession session = new LessonSession(memory);
            List<LessonStep> views = views(session);
            for (var e : TYPED.entrySet()) {
                assertEquals(e.getValue(), field(views, e.getKey()).getText(), e.getKey());
            }
            assertEquals("10", field(views, "#trainSeed").getText(), "a field not typed keeps the lesson's value");
            views.forEach(LessonStep::dispose);
            session.dispose();
        });
    }

    /** The three steps in the window (skinned: their fields sit inside scroll and tab panes). */
    private List<LessonStep> views(LessonSession session) {
        List<LessonStep> views = List.of(new TrainingView(session), new GradientCheckView(session), new GenerateView(session));
        javafx.scene.layout.VBox root = new javafx.scene.layout.VBox();
        views.forEach(v -> root.getChildren().add(v.getPanel()));
        stage.setScene(new javafx.scene.Scene(root, 1280, 800));
        stage.show();
        root.applyCss();
        root.layout();
        return views;
    }

    private static TextField field(List<LessonStep> views, String id) {
        for (LessonStep v : views) {
            Node n = v.getPanel().lookup(id);
            if (n instanceof TextField f) {
                return f;
            }
        }
        throw new AssertionError("no field " + id);
    }
}
