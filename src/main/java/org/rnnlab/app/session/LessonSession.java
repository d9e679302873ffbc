package org.rnnlab.app.session;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rnnlab.app.support.BackgroundWork;

/** What every step of the lesson shares: the corpus, the model, the background work and the engine's state. */
public final class LessonSession {
    private final BackgroundWork work = new BackgroundWork();
    private final CorpusSession corpus = new CorpusSession(work);
    private final ModelSession model = new ModelSession(work, corpus);
    private final StringProperty engineStatus = new SimpleStringProperty("Engine: loading...");

    public BackgroundWork work() {
        return work;
    }

    public CorpusSession corpus() {
        return corpus;
    }

    public ModelSession model() {
        return model;
    }

    public ReadOnlyStringProperty engineStatusProperty() {
        return engineStatus;
    }

    /** Loads ND4J's native backend on a background thread, so the window appears first. */
    public void warmUpEngine() {
        Thread t = new Thread(() -> {
            String status;
            try {
                org.nd4j.linalg.api.ndarray.INDArray probe = org.nd4j.linalg.factory.Nd4j.ones(2, 2);
                probe.mmul(probe);
                status = "Engine: ND4J ready";
            } catch (Throwable e) {
                status = "Engine: ND4J failed to load (" + e.getClass().getSimpleName() + ")";
            }
            String text = status;
            javafx.application.Platform.runLater(() -> engineStatus.set(text));
        }, "rnnlab-engine-warmup");
        t.setDaemon(true);
        t.start();
    }

    public void dispose() {
        work.shutdown();
    }
}
