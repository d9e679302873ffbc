package org.rnnlab.app;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.rnnlab.app.support.Theme;

/**
 * The window's keyboard shortcuts, as a teacher at a projector types them: Ctrl+O opens a corpus,
 * Ctrl+Shift+S saves the step as a picture, Ctrl + and Ctrl - size the text, and Ctrl+Page Down / Up
 * go to the next / previous step wherever the focus is, as a presenter moves through slides.
 */
final class Shortcuts {
    private Shortcuts() {
    }

    /**
     * Ctrl and + (the keypad's too) makes the text larger. Shift may be down: on a US keyboard + is
     * Shift and =, which a combination asking for Shift up never matched, so Ctrl++ did nothing there.
     */
    static final List<KeyCombination> LARGER_TEXT = List.of(
            new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY),
            new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY),
            new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN));
    /** Ctrl and - (the keypad's too) makes the text smaller. */
    static final List<KeyCombination> SMALLER_TEXT = List.of(
            new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN));

    /** Puts the shortcuts on {@code scene}; {@code moveStep} takes +1 (the next step) or -1. */
    static void install(Scene scene, Runnable openCorpus, Runnable savePicture, IntConsumer moveStep) {
        var accelerators = scene.getAccelerators();
        accelerators.put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), openCorpus);
        accelerators.put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), savePicture);
        accelerators.put(new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN), () -> moveStep.accept(1));
        accelerators.put(new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN), () -> moveStep.accept(-1));
        for (KeyCombination k : LARGER_TEXT) {
            accelerators.put(k, () -> Theme.changeFontSize(Theme.FONT_STEP));
        }
        for (KeyCombination k : SMALLER_TEXT) {
            accelerators.put(k, () -> Theme.changeFontSize(-Theme.FONT_STEP));
        }
    }
}
