package org.rnnlab.app.session;

import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.rnnlab.app.support.Fakes;
import org.rnnlab.engine.Precision;
import org.rnnlab.text.PreparedData;

/**
 * The services the model steps' view-models receive, with fakes: a {@link ModelStore} over a plain
 * prepared-corpus property, fed by {@link ModelFiles} whose work runs at once, and a query lane that
 * answers at once. No window, no threads.
 */
public final class ModelStoreFixture {
    public final SimpleObjectProperty<PreparedData> prepared = new SimpleObjectProperty<>();
    public final Fakes.RecordingNotifier notifier = new Fakes.RecordingNotifier();
    public final Fakes.DirectBackground work = new Fakes.DirectBackground(notifier);
    public final Fakes.DirectQueries queries = new Fakes.DirectQueries();
    public final ModelStore store = new ModelStore(prepared);
    public final ModelFiles files = new ModelFiles(store, prepared, work, notifier, Optional::empty);

    /** Prepares {@link ModelSessionFixture#texts()} with vocabulary size {@code c}: the store gets the lesson's random model at once. */
    public PreparedData corpus(int c) {
        PreparedData data = PreparedData.fromSentences(Corpus.of("fixture.txt", ModelSessionFixture.texts()).sentences(), c);
        prepared.set(data);
        return data;
    }

    /** Publishes a new random model for the prepared corpus. */
    public void newModel(int hidden, long seed) {
        files.initialiseRandom(hidden, seed, Precision.FLOAT64);
    }

    /** Makes {@code m} (same vocabulary as the corpus) the current model, as a finished training does. */
    public void adopt(org.rnnlab.engine.RnnModel m, String description) {
        store.publishParameters(m, description);
    }

    /**
     * Starts {@code request} on {@code training} and ends the run when it has seen {@code stopAt}
     * examples, as a closing window or a killed app does; returns, once the run ended, the examples
     * seen when it was told to stop (0: it never got there).
     */
    public long runCutShort(TrainingController training, TrainingControl.Request request, long stopAt) throws InterruptedException {
        long[] stoppedAt = new long[1];
        training.start(request, batch -> {
            for (org.rnnlab.training.TrainingEvent e : batch) {
                if (e instanceof org.rnnlab.training.TrainingEvent.Step s && s.examplesSeen() == stopAt) {
                    stoppedAt[0] = s.examplesSeen();
                    // here, on the run's own thread, so that the stop comes before the run can end by itself
                    // (from another thread it raced the last steps of a short run); the join is not waited for
                    training.shutdown(1);
                }
            }
        });
        waitUntilIdle();
        return stoppedAt[0];
    }

    /** Waits up to two minutes for the store's run to end, and fails if it did not. */
    public void waitUntilIdle() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
        while (store.isTraining() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        org.junit.jupiter.api.Assertions.assertFalse(store.isTraining(), "the run ended");
    }
}
