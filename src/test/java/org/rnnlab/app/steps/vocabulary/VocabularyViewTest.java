package org.rnnlab.app.steps.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.session.CorpusSessionFixtures;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.steps.vocabulary.VocabularyViewModel.Row;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class VocabularyViewTest {
    private LessonSession session;
    private int max;

    @Start
    void start(Stage stage) {
        session = new LessonSession();
        CorpusSessionFixtures.install(session.corpus(), 8000);
        max = session.corpus().maxVocabularySizeProperty().get();
        VocabularyView view = new VocabularyView(session);
        CorpusSessionFixtures.show(stage, (javafx.scene.Parent) view.getPanel());
    }

    @AfterEach
    void tearDown() throws Exception {
        // The training data, then a model, follow C once it stays still: let them, so that the session
        // is not closed between the two (the model's work, refused by a closed session, would surface
        // as an exception in the next test).
        CorpusSessionFixtures.await(30, () -> session.corpus().preparedProperty().get().vocabulary().size()
                == session.corpus().vocabularySizeProperty().get() && session.models().matchesCorpusProperty().get()
                && !session.models().loadingProperty().get());
        session.dispose();
        FxToolkit.cleanupStages();
    }

    private static double marker(FxRobot robot, String chart, Class<?> type) {
        XYChart c = robot.lookup(chart).queryAs(XYChart.class);
        return c.getPlugins().stream().filter(type::isInstance).findFirst()
                .map(p -> type == XValueIndicator.class ? ((XValueIndicator) p).getValue() : ((YValueIndicator) p).getValue())
                .orElseThrow();
    }

    /** The text of the "kept?" cell of the row with this rank, if that row is on screen. */
    private static Optional<String> kept(FxRobot robot, int rank) {
        return robot.lookup("#frequencyTable .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getItem() instanceof Row r && r.rank() == rank && c.getTableColumn().getText().equals("kept?"))
                .map(TableCell::getText).findFirst();
    }

    private void typeC(FxRobot robot, int c) {
        robot.doubleClickOn("#vocabularySizeField").eraseText(8).write(Integer.toString(c)).type(KeyCode.ENTER);
    }

    @Test
    void startsAtTheLargestCThisCorpusAllows(FxRobot robot) {
        assertEquals(Integer.toString(max), robot.lookup("#vocabularySizeField").queryAs(javafx.scene.control.TextField.class).getText());
        assertEquals(Integer.toString(max - 1), robot.lookup("#keptWords").queryAs(Label.class).getText());
        assertEquals("0.0%", robot.lookup("#unknownShare").queryAs(Label.class).getText());
    }

    @Test
    void changingCUpdatesTheTableTheMarkersAndTheSession(FxRobot robot) throws Exception {
        typeC(robot, 6);
        assertEquals(6, session.corpus().vocabularySizeProperty().get());
        assertEquals("5", robot.lookup("#keptWords").queryAs(Label.class).getText());
        assertEquals(Optional.of("yes"), kept(robot, 5));
        assertEquals(Optional.of("no"), kept(robot, 6));
        assertEquals(5, marker(robot, "#zipfChart", XValueIndicator.class), 1e-9);
        assertEquals(6, marker(robot, "#coverageChart", XValueIndicator.class), 1e-9);
        double coverage = session.corpus().corpusProperty().get().frequencies().coverage(6);
        assertEquals(100 * coverage, marker(robot, "#coverageChart", YValueIndicator.class), 1e-9);
        assertTrue(robot.lookup("#unknownShare").queryAs(Label.class).getText().endsWith("%"));
        // The training data follow once C stays still.
        CorpusSessionFixtures.await(20, () -> session.corpus().preparedProperty().get().vocabulary().size() == 6);

        typeC(robot, 10);
        assertEquals(Optional.of("yes"), kept(robot, 6));
        assertEquals(9, marker(robot, "#zipfChart", XValueIndicator.class), 1e-9);
    }

    /** Near either end of the axes the markers' labels turn to the side with room, not cut at the plot's edge. */
    @Test
    void theMarkersLabelsTurnToTheSideWithRoom(FxRobot robot) {
        typeC(robot, 3);
        XYChart c = robot.lookup("#coverageChart").queryAs(XYChart.class);
        XValueIndicator x = c.getPlugins().stream().filter(XValueIndicator.class::isInstance).map(XValueIndicator.class::cast)
                .findFirst().orElseThrow();
        YValueIndicator y = c.getPlugins().stream().filter(YValueIndicator.class::isInstance).map(YValueIndicator.class::cast)
                .findFirst().orElseThrow();
        assertEquals(javafx.geometry.HPos.LEFT, x.getLabelHorizontalAnchor(), "C = 3 at the axis's left end: its label right of the line");
        assertEquals(y.getValue() < 50 ? javafx.geometry.VPos.BOTTOM : javafx.geometry.VPos.TOP, y.getLabelVerticalAnchor(),
                "coverage " + y.getValue() + "%: its label on the side with room");
        assertEquals(y.getValue() < 50 ? 0.88 : 0.12, x.getLabelPosition(), 1e-9, "C's label clear of the coverage's");
        typeC(robot, max);
        assertEquals(javafx.geometry.HPos.RIGHT, x.getLabelHorizontalAnchor(), "C at the right end: its label left of the line");
        assertEquals(javafx.geometry.VPos.TOP, y.getLabelVerticalAnchor(), "100% covered: its label under the line");
    }

    @Test
    void theSliderMovesCOnALogScale(FxRobot robot) {
        Slider slider = robot.lookup("#vocabularySlider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(1));   // 10^1
        assertEquals(10, session.corpus().vocabularySizeProperty().get());
        assertEquals("10", robot.lookup("#vocabularySizeField").queryAs(javafx.scene.control.TextField.class).getText());
    }

    @Test
    void aValueOutOfRangeIsRefusedInlineAndLettersCannotBeTyped(FxRobot robot) {
        typeC(robot, 1);
        assertEquals(max, session.corpus().vocabularySizeProperty().get(), "refused, not clamped to 3");
        assertEquals("1 is too small (3 to " + max + ").", robot.lookup(".number-field-hint").queryAs(Label.class).getText());
        robot.doubleClickOn("#vocabularySizeField").eraseText(8).write("many").type(KeyCode.ENTER);
        assertEquals(max, session.corpus().vocabularySizeProperty().get());
        assertEquals("", robot.lookup("#vocabularySizeField").queryAs(javafx.scene.control.TextField.class).getText(),
                "letters do not get into the field");
        typeC(robot, 3);
        assertEquals(3, session.corpus().vocabularySizeProperty().get());
        assertEquals("3", robot.lookup("#vocabularySizeField").queryAs(javafx.scene.control.TextField.class).getText());
    }

    @Test
    void searchFindsAWordAndItsRank(FxRobot robot) {
        typeC(robot, 6);
        robot.clickOn("#wordSearch").write("rare17");
        @SuppressWarnings("unchecked")
        TableView<Row> table = robot.lookup("#frequencyTable").queryAs(TableView.class);
        assertEquals(1, table.getItems().size());
        assertEquals("rare17", table.getItems().get(0).word());
        assertFalse(table.getItems().get(0).rank() <= 5);
        assertEquals(Optional.of("no"), kept(robot, table.getItems().get(0).rank()));
    }
}
