package org.rnnlab.app.steps.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.app.session.CorpusSessionFixtures;
import org.rnnlab.app.session.LessonSession;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CorpusViewTest {
    @TempDir
    Path dir;
    private LessonSession session;

    @Start
    void start(Stage stage) {
        session = new LessonSession();
        CorpusSessionFixtures.install(session.corpus(), 8000);
        CorpusView view = new CorpusView(session);
        CorpusSessionFixtures.show(stage, (javafx.scene.Parent) view.getPanel());
        session.notices().setOwner(view.getPanel());
    }

    @AfterEach
    void tearDown() throws Exception {
        session.dispose();
        FxToolkit.cleanupStages();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void showsTheCorpusNumbersAndTheFirstCommentTakenApart(FxRobot robot) {
        assertEquals("40", text(robot, "#corpusDocuments"));
        assertEquals(CorpusSessionFixtures.comments().get(0), text(robot, "#rawText"));
        assertEquals(CorpusSessionFixtures.comments().get(0).toLowerCase(java.util.Locale.ROOT), text(robot, "#lowerText"));
        Pane blocks = robot.lookup("#sentenceBlocks").queryAs(Pane.class);
        Pane tokens = robot.lookup("#sentenceTokens").queryAs(Pane.class);
        assertEquals(blocks.getChildren().size(), tokens.getChildren().size());
        FlowPane first = (FlowPane) tokens.getChildren().get(0);
        Label start = (Label) first.getChildren().get(0);
        assertEquals("SENTENCE_START", start.getText());
        assertTrue(start.getStyleClass().contains("special"));
    }

    @Test
    void theNumberFieldPicksAnotherCommentCountingFromOne(FxRobot robot) {
        robot.doubleClickOn("#commentSpinner").eraseText(4).write("4").type(KeyCode.ENTER);
        assertEquals(CorpusSessionFixtures.comments().get(3), text(robot, "#rawText"));
        robot.doubleClickOn("#commentSpinner").eraseText(4).write("41").type(KeyCode.ENTER);
        assertEquals(CorpusSessionFixtures.comments().get(3), text(robot, "#rawText"), "41 of 40 is refused");
        assertEquals("41 is too large (1 to 40).", robot.lookup(".number-field-hint").queryAs(Label.class).getText());
    }

    @Test
    void theLessonsExampleIsOneClickAway(FxRobot robot) {
        robot.clickOn("Spaces vs Treebank");
        robot.interact(() -> robot.lookup("#compareText").queryAs(javafx.scene.control.TextField.class).setText("x"));
        robot.clickOn("#lessonExample");
        FlowPane ws = robot.lookup("#whitespaceTokens").queryAs(FlowPane.class);
        FlowPane tb = robot.lookup("#treebankTokens").queryAs(FlowPane.class);
        assertEquals(List.of("he", "left!"), ws.getChildren().stream().map(n -> ((Label) n).getText()).toList());
        assertEquals(List.of("he", "left", "!"), tb.getChildren().stream().map(n -> ((Label) n).getText()).toList());
        assertTrue(ws.getChildren().get(1).getStyleClass().contains("different"));
        assertTrue(!tb.getChildren().get(0).getStyleClass().contains("different"));
        assertTrue(tb.getChildren().get(2).getStyleClass().contains("different"));
    }

    @Test
    void typedTextIsTokenizedAsYouType(FxRobot robot) {
        robot.clickOn("Try it");
        robot.clickOn("#tryText").write("Hi there. Bye!");
        Pane rows = robot.lookup("#tryTokens").queryAs(Pane.class);
        assertEquals(2, rows.getChildren().size());
        FlowPane second = (FlowPane) rows.getChildren().get(1);
        assertEquals(List.of("SENTENCE_START", "bye", "!", "SENTENCE_END"),
                second.getChildren().stream().map(n -> ((Label) n).getText()).toList());
        assertTrue(text(robot, "#tryCounts").startsWith("2 sentences"));
    }

    @Test
    void opensTheRedditSampleAndCounts212Comments(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Files.exists(CorpusSessionFixtures.REDDIT_SAMPLE),
                "../shared/data absent: the lesson's reddit sample is only on the team's machines");
        robot.interact(() -> session.corpus().open(CorpusSessionFixtures.REDDIT_SAMPLE));
        CorpusSessionFixtures.await(60, () -> "212".equals(text(robot, "#corpusDocuments"))
                && !session.corpus().loadingProperty().get());
        assertTrue(text(robot, "#corpusDescription").startsWith("reddit-comments-sample.csv"));
        assertEquals("of 212", robot.lookup("of 212").queryAs(Label.class).getText());
    }

    @Test
    void aBadFileLeavesTheOldCorpusOnScreen(FxRobot robot) throws Exception {
        Path binary = dir.resolve("archive.csv");
        Files.write(binary, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
        String before = session.notices().lastMessage();
        robot.interact(() -> session.corpus().open(binary));
        CorpusSessionFixtures.await(30, () -> !session.corpus().loadingProperty().get()
                && session.notices().lastMessage() != null && !session.notices().lastMessage().equals(before));
        assertTrue(session.notices().lastMessage().contains("binary"), session.notices().lastMessage());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("fixture", text(robot, "#corpusDescription"));
        assertEquals("40", text(robot, "#corpusDocuments"));
        assertEquals(CorpusSessionFixtures.comments().get(0), text(robot, "#rawText"));
        Node note = robot.lookup("#corpusNote").query();
        assertTrue(((Label) note).getText().startsWith("Tokens include"), ((Label) note).getText());
    }
}
