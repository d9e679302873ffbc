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
import org.rnnlab.app.support.AppMemory;
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

    /**
     * JavaFX's own logger. At every start it warns "Unsupported JavaFX configuration: classes were loaded
     * from 'unnamed module'", because the jar puts JavaFX on the class path (ControlsFX, ChartFX and
     * AtlantaFX reach JavaFX's internals, which the module path would close to them). The window runs fully
     * there, so that one line is left out of the learner's terminal; every other JavaFX message still shows.
     * Held here: the logging framework keeps loggers only weakly, and a collected one loses its filter.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    /** Leaves JavaFX's class-path warning out of the terminal (see {@link #JAVAFX_LOG}). */
    static void quietClassPathWarning() {
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    public static void launchApp(String[] args) {
        quietClassPathWarning();
        try {
            Application.launch(RnnLabApp.class, args);
        } catch (UnsupportedOperationException e) {
            // JavaFX found no display or no GTK 3: one line saying what to do, not the toolkit's stack trace
            System.err.println("rnnlab: the window cannot open here (" + e.getMessage() + "). It needs a display and GTK 3 "
                    + "(Debian, Ubuntu: sudo apt-get install libgtk-3-0); every lesson step also runs as a command: rnnlab --help");
            System.exit(1);
        }
    }

    @Override
    public void start(Stage stage) {
        // -Drnnlab.theme=dark and -Drnnlab.fontSize=18 start the way a projector demo needs; else as last time
        AppMemory memory = AppMemory.forUser();
        String theme = System.getProperty("rnnlab.theme");
        Theme.darkProperty().set(theme != null ? "dark".equalsIgnoreCase(theme) : memory.dark().orElse(false));
        String font = System.getProperty("rnnlab.fontSize");
        double fontSize = font != null ? Double.parseDouble(font) : memory.fontSize().orElse(Theme.fontSizeProperty().get());
        Theme.changeFontSize(fontSize - Theme.fontSizeProperty().get());
        Theme.apply();
        // -Drnnlab.language=zh|en, else the learner's last choice, else the system's locale
        I18n.setLanguage(LanguagePreference.initial());
        LessonSession session = new LessonSession(memory);
        session.keepWorkOnExit();
        org.rnnlab.app.support.QuietExit.install(Thread.currentThread());
        window = new MainWindow(session);
        // -Drnnlab.size=1920x1080 and -Drnnlab.step=vocabularyStep help screenshots and demos.
        String sizeFlag = System.getProperty("rnnlab.size");
        AppMemory.WindowPlace place = sizeFlag == null ? memory.window().filter(RnnLabApp::onAScreen).orElse(null) : null;
        double[] size = place != null ? new double[] {place.width(), place.height()}
                : windowSize(sizeFlag, Screen.getPrimary().getVisualBounds());
        Scene scene = scene(window, size[0], size[1]);
        stage.titleProperty().bind(I18n.bind("app.window.title"));
        var icon = RnnLabApp.class.getResourceAsStream("/org/rnnlab/app/icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setScene(scene);
        if (place != null) {
            stage.setX(place.x());
            stage.setY(place.y());
            stage.setMaximized(place.maximized());
        } else {
            stage.centerOnScreen();
        }
        stage.setOnCloseRequest(e -> {
            memory.setWindow(new AppMemory.WindowPlace(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                    stage.isMaximized()));
            window.dispose();
        });
        stage.show();
        String step = System.getProperty("rnnlab.step", memory.lastStep().orElse(null));
        if (step != null) {
            window.select(step);
        }
        window.remember(memory);
        // After the window is up: the engine loads and the sample corpus opens in the background; the model
        // files wait for the engine (EngineGate). No library may load while the engine's do (a glibc
        // deadlock with JavaCPP): the renderer's first.
        org.rnnlab.app.support.RendererLibraries.loadEffects();
        MainWindow.warnIfNoChineseFont(session.notices());
        session.warmUpEngine();
        // the corpus open last time, when it is still there; else the sample the lesson starts from
        var last = memory.lastCorpus().orElse(null);
        try {
            if (last != null) {
                session.corpus().open(last.path(), last.column());
            } else {
                session.corpus().open(SampleFiles.corpus());
            }
        } catch (RuntimeException e) {
            session.notices().failure(I18n.text("app.notice.sample"), e);
        }
    }

    /** Whether most of a remembered window would show on one of today's screens (a projector may be gone). */
    static boolean onAScreen(AppMemory.WindowPlace place) {
        double w = Math.max(1, place.width());
        double h = Math.max(1, place.height());
        for (Screen screen : Screen.getScreensForRectangle(place.x(), place.y(), w, h)) {
            Rectangle2D b = screen.getVisualBounds();
            double ix = Math.min(b.getMaxX(), place.x() + w) - Math.max(b.getMinX(), place.x());
            double iy = Math.min(b.getMaxY(), place.y() + h) - Math.max(b.getMinY(), place.y());
            if (ix > 0 && iy > 0 && ix * iy >= 0.5 * w * h) {
                return true;
            }
        }
        return false;
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
        org.rnnlab.app.widgets.FocusStaysPut.install(scene);
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
