package org.rnnlab.app.widgets;

import javafx.geometry.Orientation;
import javafx.scene.layout.Region;

/**
 * Two regions side by side where both fit at their minimum widths, else the second under the
 * first. Side by side the first gets its preferred width (within its minimum and maximum) and the
 * second the rest, as an HBox that grows the second would; stacked, both get the whole width, the
 * first its preferred height and the second the rest (the page around scrolls for them). An
 * HBox of the Vocabulary step's table and charts needed 1,216 px of a 1,179 px page at 22 px text
 * (1280 x 800), and the page scrolled sideways.
 */
public final class SideBySide extends Region {
    private final Region first;
    private final Region second;
    private final double gap;

    public SideBySide(double gap, Region first, Region second) {
        this.first = first;
        this.second = second;
        this.gap = gap;
        getChildren().addAll(first, second);
    }

    /**
     * Whether both fit side by side in {@code width} (unknown: yes), in whole pixels: a page measures
     * its parts at widths such as 785.3 and lays them out at 785, and a test on the exact width made
     * the two disagree at the edge (measured side by side, laid out stacked, 70 px taller than asked).
     */
    boolean sideBySide(double width) {
        return width < 0 || Math.floor(inside(width)) >= Math.ceil(first.minWidth(-1) + gap + second.minWidth(-1));
    }

    private double inside(double width) {
        return width - snappedLeftInset() - snappedRightInset();
    }

    private double insetsHigh() {
        return snappedTopInset() + snappedBottomInset();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + Math.max(first.minWidth(-1), second.minWidth(-1)) + snappedRightInset();
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + first.prefWidth(-1) + gap + second.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        if (sideBySide(width)) {
            return insetsHigh() + Math.max(first.minHeight(-1), second.minHeight(-1));
        }
        double w = inside(width);
        return insetsHigh() + first.prefHeight(w) + gap + second.minHeight(w); // the page scrolls rather than squeeze the first
    }

    @Override
    protected double computePrefHeight(double width) {
        if (sideBySide(width)) {
            return insetsHigh() + Math.max(first.prefHeight(-1), second.prefHeight(-1));
        }
        double w = inside(width);
        return insetsHigh() + first.prefHeight(w) + gap + second.prefHeight(w);
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = inside(getWidth());
        double h = getHeight() - insetsHigh();
        if (sideBySide(getWidth())) {
            double most = Math.min(first.maxWidth(-1), w - gap - second.minWidth(-1));
            double fw = Math.max(first.minWidth(-1), Math.min(first.prefWidth(-1), most));
            first.resizeRelocate(x, y, fw, h);
            second.resizeRelocate(x + fw + gap, y, w - fw - gap, h);
            return;
        }
        // stacked: the first at its preferred height (a table squeezed to its minimum showed one row), the second the rest
        double fh = Math.max(first.minHeight(w), Math.min(first.prefHeight(w), h - gap - second.minHeight(w)));
        first.resizeRelocate(x, y, w, fh);
        second.resizeRelocate(x, y + fh + gap, w, Math.max(second.minHeight(w), h - fh - gap));
    }
}
