package org.rnnlab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Ctrl + and Ctrl - as a teacher at a projector types them, on the keyboards people have. */
@ExtendWith(ApplicationExtension.class)
class TextSizeShortcutsTest {
    @Start
    void start(Stage stage) {
        // the toolkit up: the shortcut key (Ctrl, or Cmd on a Mac) is the platform's
    }

    private static KeyEvent pressed(KeyCode code, boolean shift) {
        boolean mac = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac");
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, !mac, false, mac);
    }

    private static boolean matches(List<KeyCombination> shortcuts, KeyEvent e) {
        return shortcuts.stream().anyMatch(k -> k.match(e));
    }

    @Test
    void ctrlPlusMakesTheTextLargerWithOrWithoutShift() {
        assertTrue(matches(Shortcuts.LARGER_TEXT, pressed(KeyCode.EQUALS, true)), "Ctrl+Shift+= : + on a US keyboard");
        assertTrue(matches(Shortcuts.LARGER_TEXT, pressed(KeyCode.PLUS, true)), "Ctrl++ reported as PLUS with Shift down");
        assertTrue(matches(Shortcuts.LARGER_TEXT, pressed(KeyCode.PLUS, false)), "+ as its own key (German layout)");
        assertTrue(matches(Shortcuts.LARGER_TEXT, pressed(KeyCode.EQUALS, false)), "Ctrl+= as browsers take it");
        assertTrue(matches(Shortcuts.LARGER_TEXT, pressed(KeyCode.ADD, false)), "the keypad's +");
        assertFalse(matches(Shortcuts.LARGER_TEXT, pressed(KeyCode.MINUS, false)));
    }

    @Test
    void ctrlMinusMakesItSmaller() {
        assertTrue(matches(Shortcuts.SMALLER_TEXT, pressed(KeyCode.MINUS, false)));
        assertTrue(matches(Shortcuts.SMALLER_TEXT, pressed(KeyCode.SUBTRACT, false)));
        assertFalse(matches(Shortcuts.SMALLER_TEXT, pressed(KeyCode.EQUALS, true)));
    }
}
