package org.rnnlab.app.steps;

import javafx.scene.Node;

/**
 * One step of the lesson as the app shows it. Each step is a view class (this interface) with a
 * view-model of JavaFX properties beside it in the same package; the view only builds nodes and
 * binds them, the view-model holds the logic.
 */
public interface LessonStep {
    /** The step's content, built once and kept. */
    Node getPanel();

    /** The step's view-model when it follows the screen ({@link OnScreen}), else null. */
    default OnScreen.Follower follower() {
        return null;
    }

    /** Called each time the learner navigates to this step. */
    default void onShown() {
        if (follower() != null) {
            follower().shown();
        }
    }

    /** Called when the learner navigates from this step to another (see {@link OnScreen}). */
    default void onHidden() {
        if (follower() != null) {
            follower().hidden();
        }
    }

    /** Called when the window closes: stop background work, drop listeners. */
    default void dispose() {
    }
}
