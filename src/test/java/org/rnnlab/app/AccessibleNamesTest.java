package org.rnnlab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.session.ModelSessionFixture;
import org.rnnlab.app.steps.LessonSteps;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every button that shows only an icon has a name a screen reader can say (its accessible text), on
 * every step: the toolbar's camera and text-size buttons, the forward pass's play controls.
 */
@ExtendWith(ApplicationExtension.class)
class AccessibleNamesTest {
    private LessonSession session;
    private MainWindow window;
    private Scene scene;

    @Start
    void start(Stage stage) {
        session = new LessonSession();
        WindowWalk.Opened opened = WindowWalk.openInEnglish(stage, session);
        window = opened.window();
        scene = opened.scene();
    }

    @AfterEach
    void tearDown() throws Exception {
        WindowWalk.close(window);
    }

    @Test
    void everyIconButtonHasAName() throws Exception {
        ModelSessionFixture.install(session, 30);
        waitFor(60, () -> session.models().model() != null && !session.models().loadingProperty().get());
        Set<String> unnamed = new LinkedHashSet<>();
        for (LessonSteps.Entry step : LessonSteps.ALL) {
            fx(() -> window.select(step.id()));
            WindowWalk.settle();
            fx(() -> {
                scene.getRoot().applyCss();
                visit(scene.getRoot(), step.id(), unnamed);
            });
        }
        assertTrue(unnamed.isEmpty(), "icon buttons without an accessible name:\n" + String.join("\n", unnamed));

        // at a large text size the step list shows numbers only: each still has its step's name
        fx(() -> org.rnnlab.app.support.Theme.fontSizeProperty().set(org.rnnlab.app.support.Theme.DEFAULT_FONT
                + 4 * org.rnnlab.app.support.Theme.FONT_STEP));
        WindowWalk.settle();
        List<String> names = new ArrayList<>();
        fx(() -> scene.getRoot().lookupAll(".list-cell").forEach(c -> {
            if (c instanceof Labeled cell && cell.getText() != null && cell.getText().matches("\\d+")) {
                names.add(cell.getAccessibleText());
            }
        }));
        fx(() -> org.rnnlab.app.support.Theme.fontSizeProperty().set(org.rnnlab.app.support.Theme.DEFAULT_FONT));
        assertTrue(!names.isEmpty() && names.stream().allMatch(n -> n != null && n.matches("\\d+\\. .+")), names.toString());
    }

    private static void visit(Node n, String where, Set<String> unnamed) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof ButtonBase b && (b.getText() == null || b.getText().isBlank()) && b.getGraphic() != null
                && (b.getAccessibleText() == null || b.getAccessibleText().isBlank())) {
            unnamed.add(where + ": " + b.getClass().getSimpleName() + (b.getId() == null ? "" : " #" + b.getId())
                    + (b.getTooltip() == null ? "" : " (tooltip \"" + b.getTooltip().getText() + "\")"));
        }
        if (n instanceof Parent p) {
            for (Node c : new ArrayList<>(p.getChildrenUnmodifiable())) {
                visit(c, where, unnamed);
            }
        }
    }
}
