package org.rnnlab.common.archfixture;

/** Uses JavaFX by its full name, no import, in a layer that must not: the layer rules must see it. */
public final class QualifiedFxName {
    public Object label() {
        return new javafx.scene.control.Label("x");
    }
}
