package org.rnnlab.app.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.rnnlab.app.support.Batches;
import org.rnnlab.app.support.SessionThreads;
import org.rnnlab.engine.Precision;
import org.rnnlab.training.TrainingEvent;

/** A run publishes copies of its parameters every few seconds only while a step that follows the model is on screen. */
class ModelCopiesTest {
    // 3 epochs of 90 training sentences, evaluated after each
    private static final TrainingControl.Request REQUEST =
            new TrainingControl.Request(0.05, 3, 1, 4, 100, 10, Precision.FLOAT64, 0.1, null);

    /** The copies published while the run went on, and its evaluations. */
    private static int[] copiesDuringARun(boolean follows) throws InterruptedException {
        ModelStoreFixture f = new ModelStoreFixture();
        f.corpus(30);
        f.newModel(8, 3);
        TrainingController c = new TrainingController(f.store, f.notifier, Runnable::run, Batches::direct, new SessionThreads());
        c.snapshotEvery(0); // a copy at every step, when followed
        c.followModel(follows);
        AtomicInteger copies = new AtomicInteger();
        AtomicInteger evaluations = new AtomicInteger();
        f.store.revisionProperty().addListener((o, a, b) -> {
            if (f.store.isTraining()) {
                copies.incrementAndGet();
            }
        });
        c.start(REQUEST, batch -> {
            for (TrainingEvent e : batch) {
                if (e instanceof TrainingEvent.Evaluation) {
                    evaluations.incrementAndGet();
                }
            }
        });
        f.waitUntilIdle();
        return new int[] {copies.get(), evaluations.get()};
    }

    @Test
    void aRunNobodyFollowsPublishesAtItsEvaluationsOnly() throws Exception {
        int[] r = copiesDuringARun(false);
        assertTrue(r[1] >= 3, "evaluations: " + r[1]);
        // and the run's result, published before the run counts as ended
        assertTrue(r[0] <= r[1] + 1, "copies " + r[0] + " for " + r[1] + " evaluations");
    }

    @Test
    void aFollowedRunPublishesAsItGoes() throws Exception {
        int[] r = copiesDuringARun(true);
        assertTrue(r[0] > 100, "copies " + r[0] + " over 270 steps");
    }
}
