package org.rnnlab.archfixture;

/** Breaks the view-model rule on purpose, in a nested class, to show the rule sees it. */
public final class PaintingViewModel {
    public static final class Cell {
        public Object colour() {
            return javafx.scene.paint.Color.RED;
        }
    }
}
