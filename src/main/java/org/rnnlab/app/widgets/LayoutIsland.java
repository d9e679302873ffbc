package org.rnnlab.app.widgets;

import javafx.geometry.Orientation;
import javafx.scene.layout.Region;

/**
 * A region whose content lays out on its own. JavaFX lays a change out from the nearest layout
 * root down, and without one every new counter or chart point while training laid out the whole
 * step page again, its wrapped text measured anew (15-45 ms a time on the FX thread at 1280x800).
 * An unmanaged node is a layout root: the island holds its content unmanaged, sizes it itself,
 * and asks its own parent again only when the content needs another height for its width (a
 * counter that wraps to a second line, a longer sentence).
 */
public final class LayoutIsland extends Region {
    private final Region content;
    /** The content was laid out since the last look at its height. */
    private boolean look;
    /** After the layout pass: a change made during the pass (new fonts from CSS) is seen there. */
    private final Runnable afterLayout = () -> {
        if (look) {
            look = false;
            if (outgrown()) {
                requestLayout();
            }
        }
    };

    public LayoutIsland(Region content) {
        this.content = content;
        content.setManaged(false);
        getChildren().add(content);
        content.needsLayoutProperty().addListener((o, was, needs) -> {
            if (needs) {
                look = true;
                if (outgrown()) {
                    requestLayout(); // the page makes room (or takes it back): a layout beyond the island only then
                }
            }
        });
        sceneProperty().addListener((o, old, now) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
    }

    /** Whether the content now needs another height than the one it has (or is narrower than it must be). */
    private boolean outgrown() {
        double w = content.getWidth();
        if (w <= 0) {
            return false; // not laid out yet: the first layout sizes it
        }
        return Math.abs(content.prefHeight(w) - content.getHeight()) > 0.5 || content.minWidth(-1) > w + 0.5;
    }

    @Override
    public Orientation getContentBias() {
        return content.getContentBias();
    }

    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(height) + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return content.minHeight(inner(width)) + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height) + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(inner(width)) + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMaxWidth(double height) {
        return content.maxWidth(height);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return content.maxHeight(inner(width));
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(snappedLeftInset(), snappedTopInset(), inner(getWidth()),
                getHeight() - snappedTopInset() - snappedBottomInset());
    }

    private double inner(double width) {
        return width < 0 ? width : Math.max(0, width - snappedLeftInset() - snappedRightInset());
    }
}
