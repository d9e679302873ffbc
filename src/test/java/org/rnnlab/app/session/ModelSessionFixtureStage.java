package org.rnnlab.app.session;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.rnnlab.app.RnnLabApp;

/** Shows one step's panel in a window the way the app does (same stylesheets), for view tests. */
public final class ModelSessionFixtureStage {
    private ModelSessionFixtureStage() {
    }

    /** Shows {@code panel}; the session's notices appear over it. */
    public static void show(Stage stage, javafx.scene.Node panel, LessonSession session) {
        show(stage, panel);
        session.notices().setOwner(panel);
    }

    public static void show(Stage stage, javafx.scene.Node panel) {
        org.rnnlab.app.support.Theme.apply();
        Scene scene = new Scene((Parent) panel, 1280, 800);
        for (String css : RnnLabApp.STYLESHEETS) {
            scene.getStylesheets().add(RnnLabApp.class.getResource("/org/rnnlab/app/" + css).toExternalForm());
        }
        stage.setScene(scene);
        stage.show();
    }
}
