package org.rnnlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.session.ModelSessionFixtureStage;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Rows are kept and filled anew when the words change; reserved rows wait hidden. */
@ExtendWith(ApplicationExtension.class)
class ProbabilityBarsTest {
    private ProbabilityBars bars;
    private ProbabilityBars roomy;

    @Start
    void start(Stage stage) {
        bars = new ProbabilityBars();
        bars.reserveRows(4, true);
        roomy = new ProbabilityBars();
        roomy.keepRoomFor(3);
        roomy.reserveRows(6, true);
        ModelSessionFixtureStage.show(stage, new javafx.scene.layout.VBox(bars, roomy));
    }

    @Test
    void theFirstRowsKeepTheirRoomSoThatUpToThatManyBarsChangeNoHeight() throws Exception {
        double empty = on(() -> roomy.prefHeight(-1));
        assertEquals(0, on(() -> bars.prefHeight(-1)), 0.5, "rows without room take none");
        fx(() -> roomy.setBars(List.of(bar(1, "a", 0.2, "top: b"), bar(2, "b", 0.3, "the top guess"), bar(3, "c", 0.1, ""))));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        double three = on(() -> roomy.prefHeight(-1));
        assertTrue(empty > 30, "three rows' room before any bar: " + empty);
        assertEquals(empty, three, 0.5, "three bars fill the room kept for them");
        fx(() -> roomy.setBars(List.of()));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(empty, on(() -> roomy.prefHeight(-1)), 0.5, "and leave it when they go");
        fx(() -> roomy.setBars(List.of(bar(1, "a", 0.2, ""), bar(2, "b", 0.3, ""), bar(3, "c", 0.1, ""), bar(4, "d", 0.1, ""),
                bar(5, "e", 0.1, ""))));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertTrue(on(() -> roomy.prefHeight(-1)) > three + 20, "more bars than the room take more");
    }

    @Test
    void reservedRowsAreHiddenThenFilledWithoutNewNodes() throws Exception {
        List<Node> reserved = on(() -> List.copyOf(bars.getChildren()));
        assertEquals(4, reserved.size());
        assertTrue(reserved.stream().noneMatch(Node::isVisible), "reserved rows wait hidden");
        fx(() -> bars.setBars(List.of(bar(3, "the", 0.5, "the top guess"), bar(8, "nation", 0.1, "top: people"))));
        List<Node> shown = on(() -> List.copyOf(bars.getChildren()));
        assertEquals(4, shown.size(), "no row made");
        assertSame(reserved.get(0), shown.get(0));
        assertEquals("the", word(shown.get(0)));
        assertEquals("nation", word(shown.get(1)));
        assertTrue(shown.get(0).isVisible() && shown.get(1).isVisible());
        assertFalse(shown.get(2).isVisible() || shown.get(3).isVisible(), "the rows not needed stay hidden");
        assertEquals("top: people", note(shown.get(1)));
    }

    @Test
    void otherWordsReuseTheRowsAndMoreWordsAddRows() throws Exception {
        fx(() -> bars.setBars(List.of(bar(1, "a", 0.2, ""), bar(2, "b", 0.3, ""))));
        Node first = on(() -> bars.getChildren().get(0));
        fx(() -> bars.setBars(List.of(bar(5, "c", 0.1, ""), bar(6, "d", 0.2, ""), bar(7, "e", 0.3, ""), bar(9, "f", 0.1, ""),
                bar(10, "g", 0.1, ""))));
        assertSame(first, on(() -> bars.getChildren().get(0)), "the row is filled anew, not made again");
        assertEquals(5, on(() -> bars.getChildren().size()));
        assertEquals("c", word(on(() -> bars.getChildren().get(0))));
        assertEquals("g", word(on(() -> bars.getChildren().get(4))));
        assertEquals(5, on(() -> bars.bars().size()));
        fx(() -> bars.setBars(List.of()));
        assertTrue(on(() -> bars.getChildren().stream().noneMatch(Node::isVisible)), "an empty list hides every row");
    }

    private static <T> T on(java.util.concurrent.Callable<T> c) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(c).get();
    }

    private static ProbabilityBars.Bar bar(int index, String word, double p, String note) {
        return new ProbabilityBars.Bar(index, word, p, false, note);
    }

    private static String word(Node row) {
        return ((Label) ((HBox) row).getChildren().get(0)).getText();
    }

    private static String note(Node row) {
        return ((Label) ((HBox) row).getChildren().get(3)).getText();
    }
}
