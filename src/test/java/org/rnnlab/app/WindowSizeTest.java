package org.rnnlab.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The window opens sized to the screen: 85 % of it, at least 1280x800 where it fits; -Drnnlab.size wins. */
class WindowSizeTest {
    @Test
    void aFullHdScreenGetsEightyFivePercent() {
        assertArrayEquals(new double[] {1632, 884}, RnnLabApp.windowSize(null, new Rectangle2D(0, 0, 1920, 1040)));
    }

    @Test
    void aSmallerScreenGetsTheLessonsSizeWhereItFits() {
        assertArrayEquals(new double[] {1280, 800}, RnnLabApp.windowSize(null, new Rectangle2D(0, 0, 1440, 860)));
        assertArrayEquals(new double[] {1280, 728}, RnnLabApp.windowSize(null, new Rectangle2D(0, 0, 1366, 728)));
    }

    @Test
    void theSizePropertyWins() {
        assertArrayEquals(new double[] {1280, 800}, RnnLabApp.windowSize("1280x800", new Rectangle2D(0, 0, 3840, 2160)));
    }
}
