package org.rnnlab.app.steps;

/**
 * Whether a step is on screen, for the work that follows the model but matters only when seen. A
 * training run publishes a snapshot of its parameters every few seconds: a step the learner left
 * recomputes once, when shown again, instead of at every snapshot (each costs the training CPU and
 * the FX thread a redraw nobody sees). A step that starts hidden refreshes at its first showing.
 */
public final class OnScreen {
    /** A view-model that follows the screen: its step tells it when it is shown and hidden. */
    public interface Follower {
        /** The learner navigated to the step. */
        void shown();

        /** The learner navigated to another step. */
        void hidden();
    }

    private final Runnable refresh;
    private boolean shown;
    private boolean stale;

    /**
     * @param shownAtFirst whether the step counts as on screen before {@link #shown()} is called
     *                     (true for view-models that compute as soon as they are made)
     * @param refresh      brings the step up to date with the model (FX thread)
     */
    public OnScreen(boolean shownAtFirst, Runnable refresh) {
        this.refresh = refresh;
        this.shown = shownAtFirst;
        this.stale = !shownAtFirst;
    }

    /** The model changed: refresh now if on screen, else at the next {@link #shown()}. */
    public void changed() {
        if (shown) {
            stale = false;
            refresh.run();
        } else {
            stale = true;
        }
    }

    /** The learner navigated to the step: refresh if something changed while it was away; true if it did. */
    public boolean shown() {
        shown = true;
        if (stale) {
            stale = false;
            refresh.run();
            return true;
        }
        return false;
    }

    /** The learner navigated to another step. */
    public void hidden() {
        shown = false;
    }
}
