package org.rnnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.support.AppMemory;
import org.rnnlab.app.support.Theme;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window remembers the step, the theme, the text size and the corpora opened; a step can be saved as a picture. */
@ExtendWith(ApplicationExtension.class)
class RememberedWindowTest {
    @TempDir
    Path dir;

    private LessonSession session;
    private MainWindow window;
    private Scene scene;
    private final AppMemory memory = AppMemory.inMemory();
    private boolean darkBefore;
    private double fontBefore;

    @Start
    void start(Stage stage) {
        darkBefore = Theme.darkProperty().get();
        fontBefore = Theme.fontSizeProperty().get();
        session = new LessonSession();
        window = new MainWindow(session);
        scene = RnnLabApp.scene(window, 1280, 800);
        window.remember(memory);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            Theme.darkProperty().set(darkBefore);
            Theme.changeFontSize(fontBefore - Theme.fontSizeProperty().get());
            window.dispose();
        });
        FxToolkit.cleanupStages();
    }

    @Test
    void theStepThemeTextSizeAndCorporaOpenedAreRememberedAndOfferedAgain() throws Exception {
        fx(() -> window.select("lossStep"));
        assertEquals(Optional.of("lossStep"), memory.lastStep());
        fx(() -> Theme.darkProperty().set(!darkBefore));
        assertEquals(Optional.of(!darkBefore), memory.dark());
        fx(() -> Theme.changeFontSize(Theme.FONT_STEP));
        assertEquals(fontBefore + Theme.FONT_STEP, memory.fontSize().getAsDouble(), 1e-9);

        Path corpus = Files.writeString(dir.resolve("speeches.csv"), "id,text\n1,\"We will build. We can lead.\"\n");
        fx(() -> session.corpus().open(corpus, "text"));
        waitFor(60, () -> session.corpus().corpusProperty().get() != null
                && corpus.equals(session.corpus().corpusProperty().get().path()));
        assertEquals(new AppMemory.RecentCorpus(corpus.toAbsolutePath().normalize(), "text"), memory.lastCorpus().orElseThrow());
        Menu[] recent = new Menu[1];
        fx(() -> {
            MenuButton open = (MenuButton) scene.lookup("#openCorpusMenu");
            open.getOnShowing().handle(null);
            for (MenuItem item : open.getItems()) {
                if ("recentCorpora".equals(item.getId())) {
                    recent[0] = (Menu) item;
                }
            }
        });
        assertTrue(recent[0].isVisible());
        assertEquals("speeches.csv (text)", recent[0].getItems().get(0).getText());
    }

    @Test
    void aStepIsSavedAsAPictureTwiceItsSize() throws Exception {
        Path png = dir.resolve("step.png");
        fx(() -> window.savePicture(scene.lookup("#stepContent"), png));
        waitFor(30, () -> Files.exists(png));
        var image = javax.imageio.ImageIO.read(png.toFile());
        double[] width = new double[1];
        fx(() -> width[0] = scene.lookup("#stepContent").getBoundsInLocal().getWidth());
        assertEquals(2 * width[0], image.getWidth(), 2, "twice the step's width, for slides and print");
    }
}
