package org.rnnlab.app.steps.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.app.session.ModelStoreFixture;
import org.rnnlab.app.session.TrainingControl;
import org.rnnlab.app.session.TrainingController;
import org.rnnlab.app.support.Batches;
import org.rnnlab.app.support.SessionThreads;
import org.rnnlab.engine.Precision;

/** The Training step says once that a run was interrupted, when it is shown with that run's corpus open. */
class InterruptedRunOfferTest {
    @TempDir
    Path dir;

    private static final TrainingControl.Request REQUEST =
            new TrainingControl.Request(0.05, 3, 1, 4, 100, 10, Precision.FLOAT64, 0.1, null);

    private static TrainingController controller(ModelStoreFixture f, Path checkpoint) {
        TrainingController c = new TrainingController(f.store, f.notifier, Runnable::run, Batches::direct, new SessionThreads());
        c.saveCheckpointsTo(checkpoint, Long.MAX_VALUE); // only the checkpoint of a run cut short
        return c;
    }

    /** A run on the fixture's corpus of 30 words, ended mid-run as a killed app ends it; returns its checkpoint. */
    private Path interruptedRun() throws Exception {
        ModelStoreFixture f = new ModelStoreFixture();
        f.corpus(30);
        f.newModel(8, 3);
        Path checkpoint = dir.resolve("interrupted.checkpoint.npz");
        f.runCutShort(controller(f, checkpoint), REQUEST, 30);
        assertTrue(Files.exists(checkpoint));
        return checkpoint;
    }

    private static TrainingViewModel viewModel(ModelStoreFixture f, TrainingController training) {
        return new TrainingViewModel(f.store, training, f.files, f.queries, f.notifier, (title, header, text, yes) -> false,
                System::nanoTime, new RunHistory(null, f.notifier, null));
    }

    private static long offers(ModelStoreFixture f) {
        return f.notifier.messages.stream().filter(m -> m.contains("was interrupted")).count();
    }

    @Test
    void shownWithTheRunsCorpusTheStepOffersItOnce() throws Exception {
        Path checkpoint = interruptedRun();
        ModelStoreFixture next = new ModelStoreFixture(); // the next start
        next.corpus(30);
        TrainingViewModel vm = viewModel(next, controller(next, checkpoint));
        assertEquals(0, offers(next), "nothing said before the step is shown");
        vm.interrupted().shown();
        assertEquals(1, offers(next), next.notifier.messages.toString());
        assertTrue(next.notifier.last().contains("Model > Resume the interrupted run"), next.notifier.last());
        vm.interrupted().hidden();
        vm.interrupted().shown();
        assertEquals(1, offers(next), "once a session");
    }

    @Test
    void aCorpusThatOpensAfterTheStepIsShownIsOfferedItsRun() throws Exception {
        Path checkpoint = interruptedRun();
        ModelStoreFixture next = new ModelStoreFixture(); // the step shown while the corpus still loads
        TrainingViewModel vm = viewModel(next, controller(next, checkpoint));
        vm.interrupted().shown();
        assertEquals(0, offers(next));
        next.corpus(30);
        assertEquals(1, offers(next), next.notifier.messages.toString());
    }
}
