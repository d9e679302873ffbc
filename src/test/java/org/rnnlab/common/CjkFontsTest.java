package org.rnnlab.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The check for a font that draws Chinese agrees with the fonts installed. */
class CjkFontsTest {
    @Test
    void latinTextIsDrawnBySomeFontAndTheAnswerIsKept() {
        assertTrue(CjkFonts.anyFamilyDraws("RNN Lab"), "some installed font draws Latin letters");
        assertEquals(CjkFonts.available(), CjkFonts.available());
    }

    @Test
    void withACjkFamilyInstalledChineseIsAvailable() {
        boolean cjkFamily = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                .anyMatch(f -> f.contains("WenQuanYi") || f.contains("Noto Sans CJK") || f.contains("Droid Sans Fallback"));
        if (cjkFamily) {
            assertTrue(CjkFonts.available(), "a CJK family is installed, yet Chinese is said to be unavailable");
        }
    }
}
