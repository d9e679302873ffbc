package org.rnnlab.app.session;

import org.rnnlab.app.support.BackgroundWork;

/** The model of the lesson: initialised, trained, saved, loaded; observed by the later steps. */
public final class ModelSession {
    private final BackgroundWork work;
    private final CorpusSession corpus;

    public ModelSession(BackgroundWork work, CorpusSession corpus) {
        this.work = work;
        this.corpus = corpus;
    }

    CorpusSession corpus() {
        return corpus;
    }

    BackgroundWork work() {
        return work;
    }
}
