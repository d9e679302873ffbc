package org.rnnlab.app;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.support.Theme;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Notices (ControlsFX) over the themed window style without a CSS warning: their stylesheet looks
 * up Modena's colours, which the app's stylesheet defines for the AtlantaFX theme.
 */
@ExtendWith(ApplicationExtension.class)
class NoticeStyleTest {
    private final List<String> warnings = new ArrayList<>();
    private final Logger css = Logger.getLogger("javafx.css");
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (warnings) {
                warnings.add(String.valueOf(r.getMessage()) + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private LessonSession session;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Theme.apply();
        session = new LessonSession();
        window = new MainWindow(session);
        stage.setScene(RnnLabApp.scene(window, 1280, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        css.removeHandler(recorder);
        fx(() -> window.dispose());
        FxToolkit.cleanupStages();
    }

    @Test
    void noticesStyleWithoutCssWarnings() throws Exception {
        css.addHandler(recorder);
        fx(() -> {
            session.notices().info("Sample corpus", "The sample corpus is open.");
            session.notices().warn("Vocabulary", "C is at most the number of distinct words.");
        });
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        long popups = Window.getWindows().stream().filter(w -> w != window.root().getScene().getWindow()).count();
        assertTrue(popups > 0, "the notices opened");
        synchronized (warnings) {
            assertTrue(warnings.isEmpty(), warnings.size() + " CSS warnings: " + warnings);
        }
    }
}
