package org.rnnlab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.support.Notices;
import org.rnnlab.app.support.Theme;
import org.rnnlab.common.SampleFiles;

/** The JavaFX application: one window, the lesson's steps, the sample corpus open at start. */
public final class RnnLabApp extends Application {
    private MainWindow window;

    public static void launchApp(String[] args) {
        Application.launch(RnnLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Theme.apply();
        LessonSession session = new LessonSession();
        window = new MainWindow(session);
        // -Drnnlab.size=1920x1080 and -Drnnlab.step=vocabularyStep help screenshots and demos.
        String[] size = System.getProperty("rnnlab.size", "1280x800").split("x");
        Scene scene = new Scene(window.root(), Double.parseDouble(size[0]), Double.parseDouble(size[1]));
        for (String css : new String[] {"rnnlab.css", "steps-text.css", "steps-model.css"}) {
            scene.getStylesheets().add(RnnLabApp.class.getResource("/org/rnnlab/app/" + css).toExternalForm());
        }
        stage.setTitle("RNN Lab: a recurrent neural network language model, step by step");
        var icon = RnnLabApp.class.getResourceAsStream("/org/rnnlab/app/icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setScene(scene);
        window.installShortcuts();
        stage.setOnCloseRequest(e -> window.dispose());
        stage.show();
        String step = System.getProperty("rnnlab.step");
        if (step != null) {
            window.select(step);
        }
        // After the window is up: the engine loads and the sample corpus opens in the background.
        session.warmUpEngine();
        try {
            session.corpus().open(SampleFiles.corpus());
        } catch (RuntimeException e) {
            session.notices().failure("Sample corpus", e);
        }
    }

    /** The window, once started (tests look inside). */
    public MainWindow window() {
        return window;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
    }
}
