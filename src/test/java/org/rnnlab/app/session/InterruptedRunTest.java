package org.rnnlab.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.app.support.Batches;
import org.rnnlab.app.support.SessionThreads;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;

/** A run cut short by the window closing is saved, offered on the same corpus, and resumes to the uninterrupted weights. */
class InterruptedRunTest {
    @TempDir
    Path dir;

    private static final TrainingControl.Request REQUEST =
            new TrainingControl.Request(0.05, 3, 1, 4, 100, 10, Precision.FLOAT64, 0.1, null);

    private static ModelStoreFixture fixture() {
        ModelStoreFixture f = new ModelStoreFixture();
        f.corpus(30);
        f.newModel(8, 3);
        return f;
    }

    private static TrainingController controller(ModelStoreFixture f) {
        return new TrainingController(f.store, f.notifier, Runnable::run, Batches::direct, new SessionThreads());
    }

    private static double largestDifference(RnnModel a, RnnModel b) {
        return Math.max(a.U().sub(b.U()).amaxNumber().doubleValue(), Math.max(a.V().sub(b.V()).amaxNumber().doubleValue(),
                a.W().sub(b.W()).amaxNumber().doubleValue()));
    }

    @Test
    void aRunCutShortByClosingResumesToTheUninterruptedWeights() throws Exception {
        ModelStoreFixture whole = fixture();
        controller(whole).start(REQUEST, batch -> { });
        whole.waitUntilIdle();
        RnnModel expected = whole.store.model();

        ModelStoreFixture f = fixture();
        Path checkpoint = dir.resolve("interrupted.checkpoint.npz");
        TrainingController closing = controller(f);
        closing.saveCheckpointsTo(checkpoint, Long.MAX_VALUE); // only the closing window's checkpoint
        assertEquals(120, f.runCutShort(closing, REQUEST, 120)); // the window closes mid-run
        assertTrue(Files.exists(checkpoint), "closing during a run leaves its checkpoint");

        TrainingController next = controller(f); // the next start, on the same corpus
        next.saveCheckpointsTo(checkpoint, Long.MAX_VALUE);
        var interrupted = next.interruptedRun().orElseThrow();
        assertTrue(interrupted.state().examplesSeen() >= 120, "" + interrupted.state().examplesSeen());
        next.resumeInterrupted(interrupted, batch -> { });
        f.waitUntilIdle();
        double diff = largestDifference(expected, f.store.model());
        assertTrue(diff <= 1e-12, "largest difference " + diff);
        assertTrue(Files.notExists(checkpoint), "a run that ends in the window removes its checkpoint");
        assertTrue(next.interruptedRun().isEmpty());
    }

    @Test
    void aCheckpointOfAnotherCorpusIsNotOffered() throws Exception {
        ModelStoreFixture f = fixture();
        Path checkpoint = dir.resolve("interrupted.checkpoint.npz");
        TrainingController c = controller(f);
        c.saveCheckpointsTo(checkpoint, 0); // every step
        f.runCutShort(c, REQUEST, 30);
        assertTrue(Files.exists(checkpoint));
        ModelStoreFixture other = new ModelStoreFixture();
        other.corpus(25);
        other.newModel(8, 3);
        TrainingController elsewhere = controller(other);
        elsewhere.saveCheckpointsTo(checkpoint, 0);
        assertTrue(elsewhere.interruptedRun().isEmpty(), "made on other training data: not offered here");
        assertTrue(Files.exists(checkpoint), "and kept for when that corpus is open again");
    }
}
