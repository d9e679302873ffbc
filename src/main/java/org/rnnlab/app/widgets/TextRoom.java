package org.rnnlab.app.widgets;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;

/**
 * Labels that keep room for text that comes later. A label that fills in while a training runs (a
 * sentence the model wrote, a check's verdict) changed its height when its text came, and the page
 * below it moved and was laid out and drawn again: a pause of the window on two cores. Keeping the
 * room from the start avoids both.
 */
public final class TextRoom {
    private TextRoom() {
    }

    /**
     * A wrapping label at least {@code lines} lines of its font high (following the text size and
     * style), and as high as its text needs when that is more: it is never cut.
     */
    public static Label label(int lines) {
        return label(lines, false);
    }

    /**
     * A wrapping label exactly {@code lines} lines of its font high, whatever its text: a longer text
     * ends in an ellipsis, its whole in the tooltip. For text that changes while a run goes on and
     * must never move the page (the sentences the model writes, drawn anew every 12 s).
     */
    public static Label fixed(int lines) {
        Label label = label(lines, true);
        Tooltip whole = new Tooltip();
        whole.setWrapText(true);
        whole.setMaxWidth(600);
        whole.textProperty().bind(label.textProperty());
        label.tooltipProperty().bind(javafx.beans.binding.Bindings.when(label.textProperty().isEmpty())
                .then((Tooltip) null).otherwise(whole)); // no empty box over an empty line
        return label;
    }

    private static Label label(int lines, boolean fixed) {
        Label label = new Label() {
            // the room, measured again only when the font or the line spacing changed (layout asks at every pass)
            private javafx.scene.text.Font measuredFont;
            private double measuredSpacing;
            private double measured;

            private double room() {
                if (getFont() != measuredFont || getLineSpacing() != measuredSpacing) {
                    measuredFont = getFont();
                    measuredSpacing = getLineSpacing();
                    measured = linesHeight(this, lines);
                }
                return measured + snappedTopInset() + snappedBottomInset();
            }

            @Override
            protected double computeMinHeight(double width) {
                return fixed ? room() : Math.max(room(), super.computePrefHeight(width));
            }

            @Override
            protected double computePrefHeight(double width) {
                return fixed ? room() : Math.max(room(), super.computePrefHeight(width));
            }

            @Override
            protected double computeMaxHeight(double width) {
                return fixed ? room() : super.computeMaxHeight(width);
            }
        };
        label.setWrapText(true);
        return label;
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
