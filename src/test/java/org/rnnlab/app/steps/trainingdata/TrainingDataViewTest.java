package org.rnnlab.app.steps.trainingdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.session.CorpusSessionFixtures;
import org.rnnlab.app.session.LessonSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class TrainingDataViewTest {
    private LessonSession session;
    private TrainingDataView view;

    @Start
    void start(Stage stage) {
        session = new LessonSession();
        CorpusSessionFixtures.install(session.corpus(), 20);
        view = new TrainingDataView(session);
        CorpusSessionFixtures.show(stage, (javafx.scene.Parent) view.getPanel());
    }

    @AfterEach
    void tearDown() throws Exception {
        session.dispose();
        FxToolkit.cleanupStages();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** The clickable word chips of the x row, in time order. */
    private static List<Node> xChips(FxRobot robot) {
        return robot.lookup("#shiftDiagram .token-chip.pickable").queryAll().stream().toList();
    }

    /** U is drawn in the background with the engine (which may still be loading). */
    private static void awaitU(FxRobot robot) throws Exception {
        CorpusSessionFixtures.await(90, () -> text(robot, "#sameVerdict").startsWith("All 100"));
    }

    @Test
    void showsThePairAndTheFirstWordsOneHotVector(FxRobot robot) throws Exception {
        awaitU(robot);
        TrainingDataViewModel.Pair pair = view.model().pairProperty().get();
        assertEquals(pair.steps(), xChips(robot).size());
        int k = pair.x()[1];
        assertTrue(text(robot, "#stepTitle").startsWith("Step t = 1:"), text(robot, "#stepTitle"));
        assertTrue(text(robot, "#stepTitle").endsWith("index " + k), text(robot, "#stepTitle"));
        assertEquals("20 numbers, all 0 except entry " + k + ", which is 1", text(robot, "#oneHotCaption"));
        assertTrue(text(robot, "#sameVerdict").startsWith("All 100 numbers are the same"));
        javafx.scene.layout.GridPane values = robot.lookup("#columnValues").queryAs(javafx.scene.layout.GridPane.class);
        List<String> shown = values.getChildren().stream().map(n -> ((Label) n).getText()).toList();
        assertTrue(shown.contains("U[:, " + k + "]"), "the first rows of U x_t beside U's column: " + shown);
        assertTrue(values.getHeight() > 50, "and they take room on screen: " + values.getHeight());
        // a width change of the page redraws the drawings; the table keeps its labels (new ones had no height
        // until their CSS came, and a scroll bar coming and going redrew the step at every layout)
        List<Node> before = List.copyOf(values.getChildren());
        robot.interact(() -> values.getScene().getWindow().setWidth(values.getScene().getWindow().getWidth() - 120));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, values.getChildren(), "the same labels, their texts changed");
        assertTrue(values.getChildren().stream().allMatch(n -> ((Label) n).getHeight() > 0), "every row has its height");
        // The lesson's U when the engine loads, or the stand-in and why: either way the line says which.
        assertTrue(text(robot, "#uOrigin").contains("as in the lesson") || text(robot, "#uOrigin").contains("could not load"),
                text(robot, "#uOrigin"));
    }

    @Test
    void clickingAColumnChoosesT(FxRobot robot) throws Exception {
        awaitU(robot);
        robot.clickOn(xChips(robot).get(2));
        TrainingDataViewModel.Pair pair = view.model().pairProperty().get();
        assertEquals(2, view.model().stepProperty().get());
        assertTrue(text(robot, "#stepTitle").startsWith("Step t = 2: x_t is \u201c" + pair.xWord(2) + "\u201d"));
        assertTrue(xChips(robot).get(2).getStyleClass().contains("selected"));
        assertTrue(text(robot, "#costNote").contains("100 \u00d7 20 = 2,000 multiply-adds"), text(robot, "#costNote"));
    }

    @Test
    void aNewCResizesTheOneHotVector(FxRobot robot) throws Exception {
        robot.interact(() -> session.corpus().vocabularySizeProperty().set(8));
        CorpusSessionFixtures.await(20, () -> text(robot, "#oneHotCaption").startsWith("8 numbers"));
        awaitU(robot);
        int k = view.model().hotIndexProperty().get();
        assertTrue(k < 8);
    }
}
