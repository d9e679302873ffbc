package org.rnnlab.app.session;

import org.rnnlab.app.support.BackgroundWork;

/** The model of the lesson: initialised, trained, saved, loaded; observed by the later steps. */
public final class ModelSession {
    private final BackgroundWork work;

    public ModelSession(BackgroundWork work) {
        this.work = work;
    }

    BackgroundWork work() {
        return work;
    }
}
