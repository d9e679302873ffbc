package org.rnnlab.app.widgets;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;

/**
 * Room kept for text that comes later. A label that fills in while a training runs (a sentence the
 * model wrote, a check's verdict) changed its height when its text came, and the page below it moved
 * and was laid out and drawn again: a pause of the window on two cores. Keeping the room from the
 * start avoids both.
 */
public final class TextRoom {
    private TextRoom() {
    }

    /**
     * The label is at least {@code lines} lines of its font high (it follows the text size and
     * style), and higher when its text needs more.
     */
    public static void reserveLines(Label label, int lines) {
        label.minHeightProperty().bind(Bindings.createDoubleBinding(
                () -> linesHeight(label, lines) + label.snappedTopInset() + label.snappedBottomInset(),
                label.fontProperty(), label.paddingProperty(), label.lineSpacingProperty()));
    }

    /** The height of {@code lines} lines of the label's font as the label measures its own text. */
    static double linesHeight(Label label, int lines) {
        Text text = new Text("Ag" + "\nAg".repeat(Math.max(0, lines - 1)));
        text.setFont(label.getFont());
        text.setLineSpacing(label.getLineSpacing());
        // the bounds Labeled uses for its text: with plain logical bounds a line is 1-2 px less
        text.setBoundsType(TextBoundsType.LOGICAL_VERTICAL_CENTER);
        return Math.ceil(text.getLayoutBounds().getHeight());
    }
}
