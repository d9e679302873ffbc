package org.rnnlab.app.session;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import org.rnnlab.app.session.ModelStore.Kept;
import org.rnnlab.common.AtomicFiles;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.engine.ModelInfo;

/**
 * The Earlier models list ({@link ModelStore#earlierModels()}) kept across launches, in a folder of
 * the data folder: a trained model the learner replaced is still there after a restart, as the
 * current one is ({@link LastModel}).
 *
 * <p>The folder holds a model file for each kept model and {@code index.json}, the list newest first
 * with what the menu says of each. The start reads only the index: the models stay on disk until one
 * is chosen ({@link Kept#onDisk()}), so six large models cost neither time nor memory. Every change of
 * the list writes in the background, in order: new models' files first, then the index, then the
 * files it no longer names, so that a crash at any point leaves an index whose files are all whole.
 * Until the index has been read nothing is written, and only files an index named are ever removed.
 * The shipped model is not written: Model &gt; Shipped model brings it back.
 */
public final class EarlierModelsFolder {
    /** The folder's name in the data folder. */
    public static final String FOLDER = "earlier-models";
    static final String INDEX = "index.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One kept model in the index.
     *
     * @param file        its model file, in the folder
     * @param description what the window called it
     * @param wordDim     C
     * @param hiddenDim   H
     * @param dtype       float32 or float64
     * @param replacedAt  when it was replaced (ISO-8601)
     */
    record Entry(String file, String description, int wordDim, int hiddenDim, String dtype, String replacedAt) {
    }

    private final Path folder;
    private final ModelStore store;
    private final Executor writer;
    private final Executor fx;
    private final Consumer<Throwable> onFailure;
    private final Map<Kept, String> files = new IdentityHashMap<>(); // FX thread
    private final Set<String> named = new HashSet<>();                 // writer thread: files an index named
    private boolean read;

    /**
     * Keeps {@code store}'s earlier models in {@code folder}. {@code writer} reads and writes, one job
     * after another (one thread), and hands the index read back through {@code fx} (the FX thread); a
     * failed write goes to {@code onFailure}, from the writer.
     */
    public EarlierModelsFolder(Path folder, ModelStore store, Executor writer, Executor fx, Consumer<Throwable> onFailure) {
        this.folder = folder;
        this.store = store;
        this.writer = writer;
        this.fx = fx;
        this.onFailure = onFailure;
        store.earlierModels().addListener((ListChangeListener<Kept>) c -> {
            if (read) {
                write();
            }
        });
    }

    /** Reads the list kept at the last close and puts it after anything this session has kept since its start. */
    public void open() {
        writer.execute(() -> {
            List<Kept> older = read();
            fx.execute(() -> {
                for (Kept k : older) {
                    files.put(k, k.file().getFileName().toString());
                }
                store.keepEarlier(older);
                read = true;
                write(); // once: what did not fit leaves the folder
            });
        });
    }

    /** Writer thread: the kept models the index names, newest first; none when there is no readable index. */
    private List<Kept> read() {
        List<Kept> out = new ArrayList<>();
        Path index = folder.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return out;
        }
        List<Entry> entries;
        try {
            entries = JSON.readValue(index.toFile(), new TypeReference<List<Entry>>() { });
        } catch (IOException | RuntimeException damaged) {
            return out; // its files stay where they are: only files an index named are removed
        }
        for (Entry e : entries) {
            Path file = e.file() == null ? null : folder.resolve(e.file()).normalize();
            if (file == null || !folder.equals(file.getParent()) || !Files.isRegularFile(file)) {
                continue;
            }
            named.add(e.file());
            if (out.size() >= ModelStore.KEPT_MODELS || e.wordDim() < 1 || e.hiddenDim() < 1) {
                continue; // left out, so removed by the next write
            }
            Instant at;
            try {
                at = Instant.parse(e.replacedAt());
            } catch (RuntimeException noTime) {
                at = Instant.EPOCH;
            }
            ModelInfo size = new ModelInfo(e.hiddenDim(), e.wordDim(), ModelFile.DEFAULT_BPTT_TRUNCATE, e.dtype(),
                    null, null, List.of(), null);
            out.add(Kept.onDisk(file, e.description(), size, at));
        }
        return out;
    }

    /** FX thread: the list as it is now goes to the folder, in the background. */
    private void write() {
        List<Pending> now = new ArrayList<>();
        for (Kept k : store.earlierModels()) {
            if (!k.onDisk() && !ModelFiles.worthKeeping(k.vocabulary(), k.description())) {
                continue;
            }
            String file = files.computeIfAbsent(k, x -> "model-" + UUID.randomUUID() + ".npz");
            now.add(new Pending(k, file));
        }
        files.keySet().retainAll(now.stream().map(Pending::kept).toList());
        try {
            writer.execute(() -> {
                try {
                    writeNow(now);
                } catch (IOException | RuntimeException e) {
                    onFailure.accept(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the session has ended: what the folder holds is the list as it was then
        }
    }

    private record Pending(Kept kept, String file) {
    }

    /** Writer thread. */
    private void writeNow(List<Pending> now) throws IOException {
        List<Entry> index = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (Pending p : now) {
            Kept k = p.kept();
            Path file = folder.resolve(p.file());
            if (!Files.isRegularFile(file)) {
                if (k.onDisk()) {
                    continue; // removed by hand meanwhile: nothing to list
                }
                ModelFile.save(file, k.model(), k.vocabulary(), ModelFiles.infoOf(k.model(), k.info(), k.seed(), k.lossHistory()));
            }
            index.add(new Entry(p.file(), k.description(), k.wordDim(), k.hiddenDim(), k.dtype(), k.replacedAt().toString()));
            listed.add(p.file());
            named.add(p.file());
        }
        if (index.isEmpty() && !Files.exists(folder.resolve(INDEX))) {
            return; // nothing kept, and nothing was: no folder for it
        }
        byte[] json = JSON.writeValueAsBytes(index);
        AtomicFiles.write(folder.resolve(INDEX), out -> out.write(json));
        for (String gone : new ArrayList<>(named)) {
            if (!listed.contains(gone)) {
                Files.deleteIfExists(folder.resolve(gone));
                named.remove(gone);
            }
        }
    }
}
