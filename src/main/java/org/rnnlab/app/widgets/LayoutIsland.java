package org.rnnlab.app.widgets;

import javafx.geometry.Orientation;
import javafx.scene.layout.Region;

/**
 * A region whose content lays out on its own. JavaFX lays a change out from the nearest layout
 * root down, and without one every new counter or chart point while training laid out the whole
 * step page again, its wrapped text measured anew (15-45 ms a time on the FX thread at 1280x800).
 * An unmanaged node is a layout root: the island holds its content unmanaged, sizes it itself,
 * and asks its own parent again only when the content's sizes for its width changed since the
 * parent last laid the island out (a counter that wraps to a second line, a longer sentence).
 *
 * <p>The sizes are compared with those the parent saw, not with the height it gave: a page in a
 * ScrollPane that fits the window gives a tall island less than its preferred height (the Training
 * step's live panels 638 px of 768 at 1280x800), and comparing with that height asked for the
 * whole page's layout at every chart refresh, a page measured anew and a window-wide repaint
 * (50-80 ms a time on two cores under Xvfb).
 */
public final class LayoutIsland extends Region {
    private final Region content;
    /** The content was laid out since the last look at its height. */
    private boolean look;
    /** The content's preferred and minimum height and minimum width when the island was last laid out (-1: not yet). */
    private double laidPref = -1;
    private double laidMin = -1;
    private double laidMinWidth = -1;
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

    /** Whether the content's sizes changed since the island was laid out: its parent must then lay it out anew. */
    private boolean outgrown() {
        double w = content.getWidth();
        if (w <= 0 || laidPref < 0) {
            return false; // not laid out yet: the first layout sizes it
        }
        return differs(content.prefHeight(w), laidPref) || differs(content.minHeight(w), laidMin)
                || differs(content.minWidth(-1), laidMinWidth);
    }

    private static boolean differs(double a, double b) {
        return Math.abs(a - b) > 0.5;
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
        double w = inner(getWidth());
        content.resizeRelocate(snappedLeftInset(), snappedTopInset(), w, getHeight() - snappedTopInset() - snappedBottomInset());
        // what the parent went by (it measured the island for this width just before)
        laidPref = content.prefHeight(w);
        laidMin = content.minHeight(w);
        laidMinWidth = content.minWidth(-1);
    }

    private double inner(double width) {
        return width < 0 ? width : Math.max(0, width - snappedLeftInset() - snappedRightInset());
    }
}
