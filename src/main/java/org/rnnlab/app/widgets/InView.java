package org.rnnlab.app.widgets;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;

/** Whether any part of a node can be seen: in its scene, inside every clipping ancestor (a scroll pane's viewport). */
public final class InView {
    private InView() {
    }

    public static boolean any(Node... nodes) {
        for (Node n : nodes) {
            if (of(n)) {
                return true;
            }
        }
        return false;
    }

    public static boolean of(Node node) {
        if (node.getScene() == null || !node.isVisible()) {
            return false;
        }
        Bounds seen = node.localToScene(node.getLayoutBounds());
        seen = intersect(seen, new BoundingBox(0, 0, node.getScene().getWidth(), node.getScene().getHeight()));
        for (Parent p = node.getParent(); p != null && seen != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
            if (p.getClip() != null) {
                seen = intersect(seen, p.localToScene(p.getClip().getBoundsInParent()));
            }
        }
        return seen != null;
    }

    private static Bounds intersect(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX > minX && maxY > minY ? new BoundingBox(minX, minY, maxX - minX, maxY - minY) : null;
    }
}
