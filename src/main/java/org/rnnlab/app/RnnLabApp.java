package org.rnnlab.app;

import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.i18n.LanguagePreference;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.support.Theme;
import org.rnnlab.common.SampleFiles;

/** The JavaFX application: one window, the lesson's steps, the sample corpus open at start. */
public final class RnnLabApp extends Application {
    /** The app's own stylesheets, on top of the AtlantaFX theme. */
    public static final List<String> STYLESHEETS = List.of("rnnlab.css", "steps-text.css", "steps-model.css");

    /** The smallest window the lesson is laid out for (a common projector). */
    static final double MIN_WIDTH = 1280;
    static final double MIN_HEIGHT = 800;

    private MainWindow window;

    public static void launchApp(String[] args) {
        Application.launch(RnnLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        // -Drnnlab.theme=dark and -Drnnlab.fontSize=18 start the way a projector demo needs.
        Theme.darkProperty().set("dark".equalsIgnoreCase(System.getProperty("rnnlab.theme")));
        String font = System.getProperty("rnnlab.fontSize");
        if (font != null) {
            Theme.changeFontSize(Double.parseDouble(font) - Theme.fontSizeProperty().get());
        }
        Theme.apply();
        // -Drnnlab.language=zh|en, else the learner's last choice, else the system's locale
        I18n.setLanguage(LanguagePreference.initial());
        LessonSession session = new LessonSession();
        window = new MainWindow(session);
        // -Drnnlab.size=1920x1080 and -Drnnlab.step=vocabularyStep help screenshots and demos.
        double[] size = windowSize(System.getProperty("rnnlab.size"), Screen.getPrimary().getVisualBounds());
        Scene scene = scene(window, size[0], size[1]);
        stage.titleProperty().bind(I18n.bind("app.window.title"));
        var icon = RnnLabApp.class.getResourceAsStream("/org/rnnlab/app/icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setScene(scene);
        stage.centerOnScreen();
        stage.setOnCloseRequest(e -> window.dispose());
        stage.show();
        String step = System.getProperty("rnnlab.step");
        if (step != null) {
            window.select(step);
        }
        // After the window is up: the engine loads and the sample corpus opens in the background.
        MainWindow.warnIfNoChineseFont(session.notices());
        session.warmUpEngine();
        try {
            session.corpus().open(SampleFiles.corpus());
        } catch (RuntimeException e) {
            session.notices().failure(I18n.text("app.notice.sample"), e);
        }
    }

    /**
     * The window's size: {@code -Drnnlab.size=WxH} when given, else 85 % of the screen's usable
     * area, at least 1280x800 where the screen has room for it.
     */
    static double[] windowSize(String property, Rectangle2D screen) {
        if (property != null) {
            String[] wh = property.toLowerCase(java.util.Locale.ROOT).split("x");
            return new double[] {Double.parseDouble(wh[0].trim()), Double.parseDouble(wh[1].trim())};
        }
        return new double[] {
            Math.min(screen.getWidth(), Math.max(MIN_WIDTH, Math.rint(0.85 * screen.getWidth()))),
            Math.min(screen.getHeight(), Math.max(MIN_HEIGHT, Math.rint(0.85 * screen.getHeight())))};
    }

    /** The window's scene with the app's stylesheets and keyboard shortcuts (tests build it the same way). */
    public static Scene scene(MainWindow window, double width, double height) {
        Scene scene = new Scene(window.root(), width, height);
        for (String css : STYLESHEETS) {
            scene.getStylesheets().add(RnnLabApp.class.getResource("/org/rnnlab/app/" + css).toExternalForm());
        }
        window.installShortcuts();
        return scene;
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
