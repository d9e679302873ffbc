package org.rnnlab.common;

import java.awt.Font;
import java.awt.GraphicsEnvironment;

/**
 * Whether this machine has a font that draws Chinese. Without one (a bare Linux without
 * fonts-wqy-microhei or fonts-noto-cjk) Chinese text shows as boxes, and the app says so once.
 */
public final class CjkFonts {
    /** A learner's sentence with common characters from the app's Chinese text. */
    static final String SAMPLE = "循环神经网络语言模型词汇表";

    private static volatile Boolean available;

    private CjkFonts() {
    }

    /** True when some installed font family draws every character of a Chinese sentence (looked up once). */
    public static boolean available() {
        Boolean a = available;
        if (a == null) {
            a = anyFamilyDraws(SAMPLE);
            available = a;
        }
        return a;
    }

    static boolean anyFamilyDraws(String text) {
        try {
            for (String family : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()) {
                // Java's logical families (Dialog, SansSerif...) may claim glyphs through a fallback that the window's toolkit lacks
                if (isLogical(family)) {
                    continue;
                }
                if (new Font(family, Font.PLAIN, 12).canDisplayUpTo(text) == -1) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException | Error e) {
            // no font system at all (a broken fontconfig): nothing can be promised
            return false;
        }
    }

    private static boolean isLogical(String family) {
        return switch (family) {
            case Font.DIALOG, Font.DIALOG_INPUT, Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED -> true;
            default -> false;
        };
    }
}
