package org.rnnlab.app.session;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.support.Background;
import org.rnnlab.common.AtomicFiles;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.engine.ModelInfo;
import org.rnnlab.engine.RnnModel;

/**
 * The Earlier models list ({@link ModelStore#earlierModels()}) kept across launches, in a folder of
 * the data folder: a trained model the learner replaced is still there after a restart, as the
 * current one is ({@link LastModel}).
 *
 * <p>The folder holds a model file for each kept model and {@code index.json}, the list newest first
 * with what the window says of each. Every change of the list writes in the background, in order: new
 * models' files first, then the index, then the files it no longer names, so that a crash at any point
 * leaves an index whose files are all whole. At the start the list read back goes after anything the
 * session kept before it was read; until then nothing is written, so the folder is not emptied by a
 * session that has not read it yet. The shipped model is not written: Model &gt; Shipped model brings
 * it back.
 */
public final class EarlierModelsFolder {
    /** The folder's name in the data folder. */
    public static final String FOLDER = "earlier-models";
    static final String INDEX = "index.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One kept model in the index.
     *
     * @param file        its model file, in the folder
     * @param description what the window called it
     * @param infoKnown   whether it came with what a file says about it (a new random model did not)
     * @param replacedAt  when it was replaced (ISO-8601; null in an index without it: then the file's time)
     */
    record Entry(String file, String description, boolean infoKnown, String replacedAt) {
    }

    private final Path folder;
    private final ModelStore store;
    private final Executor writer;
    private final Consumer<Throwable> onFailure;
    private final Map<ModelStore.Kept, String> files = new IdentityHashMap<>(); // FX thread
    private boolean read;

    /**
     * Keeps {@code store}'s earlier models in {@code folder}; {@code writer} runs the writes one after
     * another (one thread), and a failed write goes to {@code onFailure} (from that thread).
     */
    public EarlierModelsFolder(Path folder, ModelStore store, Executor writer, Consumer<Throwable> onFailure) {
        this.folder = folder;
        this.store = store;
        this.writer = writer;
        this.onFailure = onFailure;
        store.earlierModels().addListener((ListChangeListener<ModelStore.Kept>) c -> {
            if (read) {
                write();
            }
        });
    }

    /**
     * Reads the models kept at the last close in the background, once the session has a model of its
     * own (the start's corpus and model come first), and adds them to the list.
     */
    public void open(Background work) {
        if (store.model() != null) {
            readIn(work);
            return;
        }
        store.modelProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends RnnModel> o, RnnModel was, RnnModel now) {
                if (now != null) {
                    o.removeListener(this);
                    readIn(work);
                }
            }
        });
    }

    private void readIn(Background work) {
        if (!Files.isRegularFile(folder.resolve(INDEX))) {
            read = true; // nothing kept yet: no work to show
            write();
            return;
        }
        work.submit(I18n.text("app.files.earlierWork"), job -> read(), older -> {
            List<ModelStore.Kept> kept = new ArrayList<>();
            older.forEach((k, file) -> {
                kept.add(k);
                files.put(k, file);
            });
            store.keepEarlier(kept);
            read = true;
            write(); // once: what did not fit, or could not be read, leaves the folder
        }, e -> {
            read = true; // an unreadable index: the session's own list replaces it
            write();
        });
    }

    /** The kept models and their files, newest first; a file that cannot be read is left out. */
    Map<ModelStore.Kept, String> read() throws IOException {
        Map<ModelStore.Kept, String> out = new java.util.LinkedHashMap<>();
        Path index = folder.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return out;
        }
        List<Entry> entries = JSON.readValue(index.toFile(), new TypeReference<List<Entry>>() { });
        for (Entry e : entries) {
            if (out.size() >= ModelStore.KEPT_MODELS) {
                break;
            }
            Path file = folder.resolve(e.file()).normalize();
            if (!folder.equals(file.getParent()) || !Files.isRegularFile(file)) {
                continue;
            }
            try {
                LoadedModel loaded = ModelFile.load(file);
                ModelInfo i = loaded.info();
                long seed = i != null && i.seed() != null ? i.seed() : org.rnnlab.common.LessonDefaults.SEED;
                List<Double> history = i == null ? List.of() : i.lossHistory();
                Instant replaced = e.replacedAt() != null ? Instant.parse(e.replacedAt())
                        : Files.getLastModifiedTime(file).toInstant();
                out.put(new ModelStore.Kept(loaded.model(), loaded.vocabulary(), e.infoKnown() ? i : null,
                        e.description(), seed, history, replaced), e.file());
            } catch (RuntimeException | IOException damaged) {
                // a damaged file is dropped: the next write leaves it out of the index and removes it
            }
        }
        return out;
    }

    /** FX thread: the list as it is now goes to the folder, in the background. */
    private void write() {
        List<Pending> now = new ArrayList<>();
        for (ModelStore.Kept k : store.earlierModels()) {
            if (k.vocabulary() == null || ModelFiles.SAMPLE_DESCRIPTION.equals(k.description())) {
                continue; // a file without its words could not be used again; the shipped model is in the menu
            }
            String file = files.computeIfAbsent(k, x -> "model-" + UUID.randomUUID() + ".npz");
            now.add(new Pending(k, file));
        }
        files.keySet().retainAll(now.stream().map(Pending::kept).toList());
        writer.execute(() -> {
            try {
                writeNow(now);
            } catch (IOException | RuntimeException e) {
                onFailure.accept(e);
            }
        });
    }

    private record Pending(ModelStore.Kept kept, String file) {
    }

    private void writeNow(List<Pending> now) throws IOException {
        List<Entry> index = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (Pending p : now) {
            Path file = folder.resolve(p.file());
            if (!Files.isRegularFile(file)) {
                ModelStore.Kept k = p.kept();
                ModelFile.save(file, k.model(), k.vocabulary(), ModelFiles.infoOf(k.model(), k.info(), k.seed(), k.lossHistory()));
            }
            index.add(new Entry(p.file(), p.kept().description(), p.kept().info() != null, p.kept().replacedAt().toString()));
            named.add(p.file());
        }
        byte[] json = JSON.writeValueAsBytes(index);
        AtomicFiles.write(folder.resolve(INDEX), out -> out.write(json));
        try (DirectoryStream<Path> all = Files.newDirectoryStream(folder, "model-*.npz")) {
            for (Path f : all) {
                if (!named.contains(f.getFileName().toString())) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
