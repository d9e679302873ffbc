package org.rnnlab.app.widgets;

import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

/**
 * Text that wraps onto as many lines as it needs and is never cut. A wrapping label's minimum
 * height is one line, so a page laid out tight (large text, a narrow window) cut the rest of its
 * text to an ellipsis; these keep the height their lines need at the width they are given.
 */
public final class Wrapping {
    private Wrapping() {
    }

    /** Makes {@code labeled} wrap its text and keep the height of all its lines; returns it. */
    public static <T extends Labeled> T wrap(T labeled) {
        labeled.setWrapText(true);
        labeled.setMinHeight(Region.USE_PREF_SIZE);
        return labeled;
    }
}
