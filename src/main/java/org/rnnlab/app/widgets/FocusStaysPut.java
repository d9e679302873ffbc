package org.rnnlab.app.widgets;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Keeps the page where the learner is when the focused button disables itself. A button that starts
 * or stops work (Start, Pause, Stop, Compute, Run the check, Cancel) is disabled while it has the
 * focus; JavaFX then moves the focus on by keyboard traversal, and the scroll pane scrolls to the node
 * it lands on: at the end of a training run the Training step jumped from its charts to the top of
 * the page. Here the focus moves first, without traversal, to the nearest enabled control beside the
 * button (Start once the run has ended), or else to the button's row itself, so nothing scrolls and
 * Tab still goes on from where the learner was.
 */
public final class FocusStaysPut {
    private FocusStaysPut() {
    }

    /** Watches {@code scene}'s focused node from now on. */
    public static void install(Scene scene) {
        ChangeListener<Boolean> onDisabled = (o, was, disabled) -> {
            Node owner = scene.getFocusOwner();
            if (disabled && owner != null && owner.isDisabled()) {
                moveAside(owner);
            }
        };
        scene.focusOwnerProperty().addListener((o, before, now) -> {
            if (before != null) {
                before.disabledProperty().removeListener(onDisabled);
            }
            if (now != null) {
                now.disabledProperty().addListener(onDisabled);
            }
        });
    }

    /**
     * Focus to an enabled control beside {@code owner}, else to the nearest enabled container; a control
     * beside it that comes back a moment later (Start, enabled just after Stop was disabled) then gets it.
     */
    static void moveAside(Node owner) {
        for (Parent p = owner.getParent(); p != null; p = p.getParent()) {
            Node beside = enabledChild(p, owner);
            if (beside != null) {
                beside.requestFocus();
                return;
            }
            if (!p.isDisabled()) {
                Parent row = p;
                row.requestFocus();
                javafx.application.Platform.runLater(() -> {
                    Node later = enabledChild(row, owner);
                    if (later != null && row.getScene() != null && row.getScene().getFocusOwner() == row) {
                        later.requestFocus();
                    }
                });
                return;
            }
        }
    }

    private static Node enabledChild(Parent p, Node except) {
        for (Node child : p.getChildrenUnmodifiable()) {
            if (child != except && child.isFocusTraversable() && !child.isDisabled() && child.isVisible()) {
                return child;
            }
        }
        return null;
    }
}
