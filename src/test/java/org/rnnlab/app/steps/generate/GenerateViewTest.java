package org.rnnlab.app.steps.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.charts.ProbabilityBars;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.session.ModelSessionFixture;
import org.rnnlab.app.session.ModelSessionFixtureStage;
import org.rnnlab.text.Tokens;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class GenerateViewTest {
    private LessonSession session;
    private GenerateView view;

    @Start
    void start(Stage stage) {
        session = new LessonSession();
        view = new GenerateView(session);
        ModelSessionFixtureStage.show(stage, view.getPanel(), session);
    }

    @BeforeEach
    void corpusAndModel() throws Exception {
        ModelSessionFixture.install(session, 30);
        waitFor(60, () -> session.models().model() != null);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> session.dispose());
        FxToolkit.cleanupStages();
    }

    private List<ProbabilityBars.Bar> bars(FxRobot robot) {
        return robot.lookup("#predictionBars").queryAs(ProbabilityBars.class).bars();
    }

    @Test
    void typingAPrefixChangesTheBars(FxRobot robot) throws Exception {
        waitFor(30, () -> bars(robot).size() == GenerateViewModel.TOP_K);
        List<ProbabilityBars.Bar> first = bars(robot);
        robot.clickOn("#prefix").write("the president");
        waitFor(30, () -> !bars(robot).equals(first) && tokens(robot).size() == 3);
        List<ProbabilityBars.Bar> after = bars(robot);
        assertNotEquals(first, after);
        assertEquals(List.of(Tokens.START, "the", "president"), tokens(robot));
        for (int i = 1; i < after.size(); i++) {
            assertTrue(after.get(i - 1).probability() >= after.get(i).probability(), "most probable first");
        }
    }

    @Test
    void unknownWordsShowAsUnknownTokenAndAClickAppendsAWord(FxRobot robot) throws Exception {
        robot.clickOn("#prefix").write("zebra");
        waitFor(30, () -> tokens(robot).size() == 2);
        assertEquals("zebra → " + Tokens.UNKNOWN, tokens(robot).get(1));
        Node row = robot.lookup(".prob-row.clickable").query();
        String word = ((ProbabilityBars.Bar) row.getUserData()).word();
        robot.clickOn(row);
        assertEquals("zebra " + word + " ", robot.lookup("#prefix").queryAs(TextField.class).getText());
    }

    @Test
    void generatesSentences(FxRobot robot) throws Exception {
        fx(() -> view.viewModel().minLengthProperty().set(3));
        robot.clickOn("#generateButton");
        waitFor(60, () -> robot.lookup("#generatedSentences").queryAs(VBox.class).getChildren().size() == 5);
        FlowPane first = (FlowPane) robot.lookup("#generatedSentences").queryAs(VBox.class).getChildren().get(0);
        assertTrue(first.getChildren().size() >= 4, "a number and at least three words");
        assertEquals("1.", ((Label) first.getChildren().get(0)).getText());
        assertTrue(first.getChildren().get(1).getStyleClass().stream().anyMatch(c -> c.startsWith("p-")), "coloured by probability");
        assertTrue(robot.lookup("#generationSummary").queryAs(Label.class).getText().contains("UNKNOWN_TOKEN"));
    }

    private static List<String> tokens(FxRobot robot) {
        return robot.lookup("#prefixTokens").queryAs(FlowPane.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
    }
}
