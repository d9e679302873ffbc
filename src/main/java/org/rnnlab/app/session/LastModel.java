package org.rnnlab.app.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.rnnlab.app.support.AppMemory;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.engine.ModelInfo;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.Vocabulary;

/**
 * The model the learner left, there again at the next start: the window reopens the last corpus, and
 * without this a model trained on it (or loaded, or imported) would be gone unless saved to a file, the
 * shipped model in its place. It is kept in the data folder when a run ends (a crash after it loses
 * nothing) and when the session ends (the window closes, or the process is ended without it); the
 * first corpus prepared after the start adopts it if it was made on that corpus ({@link ModelFiles}).
 * The shipped model is not kept: it comes back by itself.
 */
public final class LastModel {
    /** The kept model's file, in the data folder. */
    public static final String FILE = "last-model.npz";

    private final Path file;
    private final ModelStore store;
    private final AppMemory memory;
    private RnnModel kept;     // what the file holds now, if this session wrote it
    private boolean offered;   // the first corpus of the session has had its chance

    /** Keeps to {@code file}; the description goes to {@code memory}. */
    public LastModel(Path file, ModelStore store, AppMemory memory) {
        this.file = file;
        this.store = store;
        this.memory = memory;
    }

    /** The current model, as it stands now (FX thread, or the exit hook once the window is gone). */
    Snapshot snapshot() {
        RnnModel m = store.model();
        if (m == null || store.isTraining()) {
            return null; // a run under way is the checkpoint's: the file keeps what it had
        }
        return new Snapshot(m, store.vocabulary(), ModelFiles.infoOf(store), store.descriptionProperty().get());
    }

    /** What {@link #keep} writes: a model with what describes it. */
    record Snapshot(RnnModel model, Vocabulary vocabulary, ModelInfo info, String description) {
    }

    /**
     * Writes {@code now} for the next start, atomically (any thread; once per model): the shipped model
     * or none removes what was kept. A failure leaves the file as it was and is thrown.
     */
    synchronized void keep(Snapshot now) throws IOException {
        if (now == null || now.model() == kept) {
            return;
        }
        if (!ModelFiles.worthKeeping(now.vocabulary(), now.description())) {
            memory.setLastModel(null);
            Files.deleteIfExists(file);
            kept = now.model();
            return;
        }
        ModelFile.save(file, now.model(), now.vocabulary(), now.info());
        memory.setLastModel(now.description());
        kept = now.model();
    }

    /** The model to offer the session's first corpus, once: its file and description, if one was kept. */
    synchronized Optional<Kept> takeForStart() {
        if (offered) {
            return Optional.empty();
        }
        offered = true;
        Optional<String> description = memory.lastModel();
        return description.isPresent() && Files.isRegularFile(file)
                ? Optional.of(new Kept(file, description.get())) : Optional.empty();
    }

    /** The start adopted {@code m} from the file: the file holds it already. */
    synchronized void reopened(RnnModel m) {
        kept = m;
    }

    /** A model kept at the last close. */
    record Kept(Path file, String description) {
    }
}
