package org.rnnlab.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.app.support.AppMemory;
import org.rnnlab.engine.RnnModel;

/** The model left at a close is adopted by the next start's first corpus when it was made on it, and only then. */
class LastModelTest {
    @TempDir
    Path dir;

    private final AppMemory memory = AppMemory.inMemory(); // the same memory for both "launches"

    /** A session on the fixture corpus (C = 30) whose current model is a trained one. */
    private ModelStoreFixture trained(String description) {
        ModelStoreFixture f = new ModelStoreFixture();
        f.corpus(30);
        f.newModel(8, 3);
        RnnModel m = f.store.model().copy();
        m.sgdStep(new int[] {0, 5, 7}, new int[] {5, 7, 1}, 0.5); // weights no fresh model has
        f.adopt(m, description);
        return f;
    }

    private LastModel keptBy(ModelStoreFixture f) throws Exception {
        LastModel last = new LastModel(dir.resolve(LastModel.FILE), f.store, memory);
        last.keep(last.snapshot());
        return last;
    }

    /** The next launch: its first corpus has {@code c} words. */
    private ModelStoreFixture nextStart(int c) {
        ModelStoreFixture f = new ModelStoreFixture();
        f.files.reopenAtStart(new LastModel(dir.resolve(LastModel.FILE), f.store, memory));
        f.corpus(c);
        return f;
    }

    @Test
    void aTrainedModelIsThereAgainAtTheNextStartOnItsCorpus() throws Exception {
        ModelStoreFixture before = trained("trained in the app: 3 examples seen");
        keptBy(before);
        assertTrue(Files.isRegularFile(dir.resolve(LastModel.FILE)));

        ModelStoreFixture after = nextStart(30);
        assertEquals("trained in the app: 3 examples seen", after.store.descriptionProperty().get());
        RnnModel was = before.store.model();
        RnnModel is = after.store.model();
        assertEquals(0.0, was.V().sub(is.V()).amaxNumber().doubleValue(), 0.0, "the very weights");
        assertEquals(0.0, was.W().sub(is.W()).amaxNumber().doubleValue(), 0.0);
        assertTrue(after.store.matchesCorpusProperty().get());

        after.corpus(25);
        after.corpus(30); // back on its corpus later in the session: only the start reopens it
        assertTrue(after.store.descriptionProperty().get().startsWith(ModelStore.RANDOM_PREFIX),
                after.store.descriptionProperty().get());
    }

    @Test
    void aClassBasedModelComesBackWithItsClasses() throws Exception {
        ModelStoreFixture before = new ModelStoreFixture();
        before.corpus(30);
        before.files.initialiseRandom(8, 3, org.rnnlab.engine.Precision.FLOAT64, org.rnnlab.training.OutputLayer.CLASS_BASED);
        RnnModel m = before.store.model().copy();
        m.sgdStep(new int[] {0, 5, 7}, new int[] {5, 7, 1}, 0.5);
        before.adopt(m, "trained in the app: 3 examples seen");
        keptBy(before);

        RnnModel is = nextStart(30).store.model();
        assertTrue(is.isClassBased());
        assertEquals(m.classes(), is.classes());
        assertEquals(0.0, m.X().sub(is.X()).amaxNumber().doubleValue(), 0.0, "the class weights too");
    }

    @Test
    void onAnotherCorpusTheStartIsTheLessonsAndTheFileStays() throws Exception {
        keptBy(trained("trained in the app: 3 examples seen"));
        ModelStoreFixture other = nextStart(25);
        assertTrue(other.store.descriptionProperty().get().startsWith(ModelStore.RANDOM_PREFIX),
                other.store.descriptionProperty().get());
        assertTrue(Files.isRegularFile(dir.resolve(LastModel.FILE)), "kept for when its corpus is open again");
    }

    @Test
    void theShippedModelIsNotKeptAndForgetsWhatWas() throws Exception {
        keptBy(trained("trained in the app: 3 examples seen"));
        keptBy(trained(ModelFiles.SAMPLE_DESCRIPTION));
        assertFalse(Files.exists(dir.resolve(LastModel.FILE)), "the shipped model comes back by itself");
        assertTrue(memory.lastModel().isEmpty());
        assertTrue(nextStart(30).store.descriptionProperty().get().startsWith(ModelStore.RANDOM_PREFIX));
    }

    @Test
    void aRunUnderWayIsLeftToItsCheckpoint() throws Exception {
        ModelStoreFixture f = trained("trained in the app: 3 examples seen");
        f.store.setTraining(true);
        LastModel last = new LastModel(dir.resolve(LastModel.FILE), f.store, memory);
        assertEquals(null, last.snapshot());
        last.keep(last.snapshot());
        assertFalse(Files.exists(dir.resolve(LastModel.FILE)));
    }
}
