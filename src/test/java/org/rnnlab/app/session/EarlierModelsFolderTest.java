package org.rnnlab.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.engine.RnnModel;

/** Earlier models outlive the session: written as the list changes, listed again at the next start, read when chosen. */
class EarlierModelsFolderTest {
    @TempDir
    Path dir;

    private final List<Throwable> failures = new ArrayList<>();

    /** A launch on the fixture corpus (C = 30) whose folder is {@code dir}; the writes run at once. */
    private ModelStoreFixture launch() {
        ModelStoreFixture f = new ModelStoreFixture();
        new EarlierModelsFolder(dir, f.store, Runnable::run, Runnable::run, failures::add).open();
        f.corpus(30);
        return f;
    }

    /** Trains the current model a little (as a finished run does) and replaces it with a new random one: it becomes an earlier model. */
    private static RnnModel trainAndReplace(ModelStoreFixture f, String description, long seed) {
        RnnModel m = f.store.model().copy();
        m.sgdStep(new int[] {0, 5, 7}, new int[] {5, 7, 1}, 0.5);
        f.adopt(m, description);
        f.newModel(8, seed);
        return m;
    }

    private long modelFiles() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".npz")).count();
        }
    }

    @Test
    void aReplacedModelIsUnderEarlierModelsAgainAtTheNextStart() throws Exception {
        ModelStoreFixture first = launch();
        assertFalse(Files.exists(dir.resolve(EarlierModelsFolder.INDEX)), "nothing written while nothing is kept");
        RnnModel older = trainAndReplace(first, "trained in the app: 3 examples seen", 4);
        RnnModel newer = trainAndReplace(first, "trained in the app: 6 examples seen", 5);
        assertEquals(2, modelFiles());

        ModelStoreFixture next = launch();
        List<ModelStore.Kept> earlier = next.store.earlierModels();
        assertEquals(List.of("trained in the app: 6 examples seen", "trained in the app: 3 examples seen"),
                earlier.stream().map(ModelStore.Kept::description).toList(), "newest first, as they were");
        assertTrue(earlier.get(0).onDisk(), "not read at the start");
        assertEquals(newer.wordDim(), earlier.get(0).wordDim());
        assertEquals(8, earlier.get(0).hiddenDim());
        assertEquals(first.store.earlierModels().get(0).replacedAt(), earlier.get(0).replacedAt());
        assertTrue(failures.isEmpty(), failures::toString);

        next.files.restore(earlier.get(0));
        RnnModel is = next.store.model();
        assertEquals(0.0, newer.V().sub(is.V()).amaxNumber().doubleValue(), 0.0, "the very weights");
        assertEquals(0.0, newer.U().sub(is.U()).amaxNumber().doubleValue(), 0.0);
        assertEquals(4, next.store.seed(), "the seed it was made with");
        assertEquals("trained in the app: 6 examples seen", next.store.descriptionProperty().get());
        assertTrue(next.store.matchesCorpusProperty().get(), "current again, on its corpus");
        assertEquals(List.of("trained in the app: 3 examples seen"),
                next.store.earlierModels().stream().map(ModelStore.Kept::description).toList(),
                "it left the list; the random model it replaced was not kept");
        assertEquals(1, modelFiles());

        next.files.restore(next.store.earlierModels().get(0));
        assertEquals(0.0, older.W().sub(next.store.model().W()).amaxNumber().doubleValue(), 0.0);
        assertEquals(1, modelFiles(), "the one it replaced is kept in its place");
        assertTrue(failures.isEmpty(), failures::toString);
    }

    @Test
    void theNextSessionsOwnComeFirstAndTheListKeepsItsLength() throws Exception {
        ModelStoreFixture first = launch();
        for (int i = 1; i <= ModelStore.KEPT_MODELS; i++) {
            trainAndReplace(first, "first session " + i, i);
        }
        assertEquals(ModelStore.KEPT_MODELS, modelFiles());

        // a session that replaces a model before the folder is read: it comes first, the oldest leaves
        ModelStoreFixture next = new ModelStoreFixture();
        EarlierModelsFolder folder = new EarlierModelsFolder(dir, next.store, Runnable::run, Runnable::run, failures::add);
        next.corpus(30);
        trainAndReplace(next, "second session", 9);
        assertEquals(ModelStore.KEPT_MODELS, modelFiles(), "nothing written before the folder was read");
        folder.open();

        List<String> names = next.store.earlierModels().stream().map(ModelStore.Kept::description).toList();
        assertEquals(ModelStore.KEPT_MODELS, names.size());
        assertEquals("second session", names.get(0));
        assertEquals("first session " + ModelStore.KEPT_MODELS, names.get(1));
        assertFalse(names.contains("first session 1"), names.toString());
        assertEquals(ModelStore.KEPT_MODELS, modelFiles(), "the one left out is removed");
    }

    @Test
    void aDamagedFileIsSaidWhenChosenAndLeavesTheList() throws Exception {
        ModelStoreFixture first = launch();
        trainAndReplace(first, "kept whole", 4);
        trainAndReplace(first, "damaged later", 5);
        Path newest = newestFile();
        Files.write(newest, new byte[] {1, 2, 3});

        ModelStoreFixture next = launch();
        String before = next.store.descriptionProperty().get();
        next.files.restore(next.store.earlierModels().get(0));
        assertTrue(next.notifier.last().contains("damaged later"), next.notifier.last());
        assertEquals(before, next.store.descriptionProperty().get(), "the current model stays");
        assertEquals(List.of("kept whole"), next.store.earlierModels().stream().map(ModelStore.Kept::description).toList());
        assertFalse(Files.exists(newest), "the damaged file is gone");
        assertEquals(1, modelFiles());
    }

    @Test
    void anUnreadableIndexRemovesNoFile() throws Exception {
        Path stray = dir.resolve("model-left-by-hand.npz");
        Files.write(stray, new byte[] {1});
        Files.writeString(dir.resolve(EarlierModelsFolder.INDEX), "{not json");
        ModelStoreFixture f = launch();
        assertTrue(f.store.earlierModels().isEmpty());
        trainAndReplace(f, "trained in the app: 3 examples seen", 4);
        assertEquals(1, launch().store.earlierModels().size(), "the session's own list replaces the index");
        assertTrue(Files.exists(stray), "a file no index named is not ours to remove");
        assertTrue(failures.isEmpty(), failures::toString);
    }

    /** The file of the newest earlier model, as the index names it. */
    private Path newestFile() throws Exception {
        String index = Files.readString(dir.resolve(EarlierModelsFolder.INDEX));
        int at = index.indexOf("model-");
        return dir.resolve(index.substring(at, index.indexOf(".npz", at) + 4));
    }
}
