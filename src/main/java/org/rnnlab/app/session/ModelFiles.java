package org.rnnlab.app.session;

import org.rnnlab.app.i18n.I18n;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import org.rnnlab.app.support.Background;
import org.rnnlab.app.support.Notifier;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.engine.ModelInfo;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.Vocabulary;
import org.rnnlab.training.OutputLayer;

/**
 * Where models come from and go to: a new random model, model files (load, import the lesson's,
 * save) and, when a corpus is prepared, the shipped sample model if it was trained on that very
 * vocabulary. Works in the background and publishes into the {@link ModelStore}.
 */
public final class ModelFiles {
    private final javafx.beans.property.ObjectProperty<Path> lastFile = new javafx.beans.property.SimpleObjectProperty<>();
    /** How the shipped model is described. */
    public static final String SAMPLE_DESCRIPTION = "the shipped model, trained on the sample corpus";

    private final ModelStore store;
    private final Background work;
    private final Notifier notifier;
    private final Supplier<Optional<Path>> sampleModel;
    private boolean shippedWithNextCorpus;

    /**
     * @param prepared    the prepared corpus: each new one gets a model at once
     * @param sampleModel the shipped model's file, if any
     */
    public ModelFiles(ModelStore store, ObservableValue<PreparedData> prepared, Background work, Notifier notifier,
                      Supplier<Optional<Path>> sampleModel) {
        this.store = store;
        this.work = work;
        this.notifier = notifier;
        this.sampleModel = sampleModel;
        prepared.addListener((obs, old, data) -> corpusPrepared(data));
    }

    /** A new model with random weights for the prepared corpus: the lesson's initialisation (seeded). */
    public void initialiseRandom(int hidden, long seed, Precision precision) {
        initialiseRandom(hidden, seed, precision, OutputLayer.FULL);
    }

    /** As above, with the given output layer. */
    public void initialiseRandom(int hidden, long seed, Precision precision, OutputLayer layer) {
        initialise(hidden, seed, precision, layer, () -> { }, true);
    }

    /**
     * As above, without a word about the model it replaces (the caller says it); {@code then} runs on
     * the FX thread once the new model is the current one.
     */
    public void initialiseRandom(int hidden, long seed, Precision precision, OutputLayer layer, Runnable then) {
        initialise(hidden, seed, precision, layer, then, false);
    }

    private void initialise(int hidden, long seed, Precision precision, OutputLayer layer, Runnable then, boolean sayKept) {
        PreparedData data = store.prepared();
        if (data == null) {
            notifier.warn(I18n.text("app.files.newModel"), I18n.text("app.files.notPrepared"));
            return;
        }
        if (store.isTraining()) {
            notifier.warn(I18n.text("app.files.newModel"), I18n.text("app.files.stopFirstNew"));
            return;
        }
        Vocabulary v = data.vocabulary();
        int c = v.size();
        store.setLoading(true);
        work.submit(I18n.text("app.files.newRandomWork", c, hidden),
                job -> layer.initialise(v, hidden, LessonDefaults.BPTT_TRUNCATE, seed, precision),
                m -> {
                    store.setLoading(false);
                    ModelStore.Kept kept = store.publish(m, v, null, ModelStore.RANDOM_PREFIX + " (seed " + seed + ")", seed, List.of());
                    if (sayKept) {
                        sayKept(kept);
                    }
                    then.run();
                },
                e -> {
                    store.setLoading(false);
                    notifier.failure(I18n.text("app.files.newModel"), e);
                });
    }

    /**
     * Loads a model file (npz) in the background and hands it to {@code onLoaded} on the FX thread
     * without adopting it: the caller checks {@link #matchesCorpus(LoadedModel)} and asks the
     * learner before calling {@link #adopt}.
     */
    public void load(Path npz, Consumer<LoadedModel> onLoaded) {
        store.setLoading(true);
        work.submit(I18n.text("app.files.loadingWork", npz.getFileName()), job -> ModelFile.load(npz), loaded -> {
            store.setLoading(false);
            lastFile.set(npz);
            onLoaded.accept(loaded);
        }, e -> {
            store.setLoading(false);
            notifier.failure(I18n.text("app.files.loadModel"), e);
        });
    }

    /** Imports the lesson's own U, V, W file; it needs the corpus's vocabulary to have 8,000 words. */
    public void importLesson(Path npz) {
        String title = I18n.text("app.files.import");
        PreparedData data = store.prepared();
        if (data == null) {
            notifier.warn(title, I18n.text("app.files.notPrepared"));
            return;
        }
        if (store.isTraining()) {
            notifier.warn(title, I18n.text("app.files.stopFirstImport"));
            return;
        }
        Vocabulary v = data.vocabulary();
        if (v.size() != LessonDefaults.WORD_DIM) {
            // say what the model needs, and what in this window gets there
            int distinct = data.stats().distinctTokens();
            String how = distinct + 1 >= LessonDefaults.WORD_DIM
                    ? I18n.text("app.files.import.enoughWords", LessonDefaults.WORD_DIM)
                    : I18n.text("app.files.import.tooFewWords", distinct, LessonDefaults.WORD_DIM);
            notifier.warn(title, I18n.text("app.files.import.otherSize", LessonDefaults.WORD_DIM, v.size(), how));
            return;
        }
        store.setLoading(true);
        work.submit(I18n.text("app.files.importingWork", npz.getFileName()), job -> ModelFile.importLesson(npz, v), loaded -> {
            store.setLoading(false);
            adopt(loaded, "the lesson's pre-trained model (" + npz.getFileName() + ")");
        }, e -> {
            store.setLoading(false);
            notifier.failure(title, e);
        });
    }

    /** Makes a model the session kept current again. */
    public void restore(ModelStore.Kept kept) {
        restore(kept, () -> { });
    }

    /**
     * Makes a kept model current again; {@code then} runs once it is. One kept from an earlier session
     * is read from its file first, in the background; a file that cannot be read leaves the list, with a notice.
     */
    public void restore(ModelStore.Kept kept, Runnable then) {
        if (store.isTraining()) {
            notifier.warn(I18n.text("app.files.model"), I18n.text("app.files.stopFirstChange"));
            return;
        }
        if (!kept.onDisk()) {
            sayKept(store.restore(kept));
            then.run();
            return;
        }
        String title = I18n.text("app.files.reopeningEarlier", ModelDescriptions.display(kept.description()));
        store.setLoading(true);
        work.submit(title, job -> ModelFile.load(kept.file()), loaded -> {
            store.setLoading(false);
            if (store.isTraining() || !store.earlierModels().contains(kept)) {
                return; // a run began, or the list changed, meanwhile: the learner chooses again
            }
            ModelInfo i = loaded.info();
            ModelStore.Kept read = new ModelStore.Kept(loaded.model(), loaded.vocabulary(), i, kept.description(),
                    seedIn(i, LessonDefaults.SEED), historyIn(i), kept.replacedAt(), kept.file());
            sayKept(store.restore(kept, read));
            then.run();
        }, e -> {
            store.setLoading(false);
            store.forget(kept);
            notifier.failure(title, e);
        });
    }

    /** Nothing is discarded without a word: the model just replaced, and how to get it back. */
    private void sayKept(ModelStore.Kept kept) {
        if (kept != null) {
            notifier.info(I18n.text("app.files.kept.title"), I18n.text("app.files.kept", ModelDescriptions.display(kept.description())));
        }
    }

    /** Loads the shipped sample model again; it fits only the sample corpus at C = 8,000. */
    public void loadShipped() {
        Optional<Path> sample = sampleModel.get();
        if (sample.isEmpty()) {
            notifier.warn(I18n.text("app.files.shipped"), I18n.text("app.files.shipped.missing"));
            return;
        }
        load(sample.get(), loaded -> {
            if (matchesCorpus(loaded)) {
                adopt(loaded, SAMPLE_DESCRIPTION);
            } else {
                notifier.warn(I18n.text("app.files.shipped"), I18n.text("app.files.shipped.otherCorpus"));
            }
        });
    }

    /** The next prepared corpus gets the shipped model, whatever model is current (the lesson's reset). */
    public void shippedWithNextCorpus() {
        shippedWithNextCorpus = true;
    }

    /** True when the loaded model's vocabulary is the prepared corpus's. */
    public boolean matchesCorpus(LoadedModel loaded) {
        return store.fitsCorpus(loaded.vocabulary(), loaded.model().wordDim());
    }

    /**
     * Makes a loaded model the current one. A model without a vocabulary of its own uses the
     * corpus's (it must have the same size).
     */
    public void adopt(LoadedModel loaded, String what) {
        if (store.isTraining()) {
            notifier.warn(I18n.text("app.files.model"), I18n.text("app.files.stopFirstChange"));
            return;
        }
        Vocabulary v = loaded.vocabulary();
        if (v == null) {
            PreparedData data = store.prepared();
            if (data == null || data.vocabulary().size() != loaded.model().wordDim()) {
                notifier.warn(I18n.text("app.files.model"), I18n.text("app.files.noVocabulary", loaded.model().wordDim()));
                return;
            }
            v = data.vocabulary();
        }
        ModelInfo i = loaded.info();
        sayKept(store.publish(loaded.model(), v, i, what, seedIn(i, store.seed()), historyIn(i)));
    }

    /** The seed a model file says it was made with, else {@code otherwise}. */
    static long seedIn(ModelInfo i, long otherwise) {
        return i != null && i.seed() != null ? i.seed() : otherwise;
    }

    /** The losses a model file says it was evaluated at, oldest first (none when it says nothing). */
    static List<Double> historyIn(ModelInfo i) {
        return i == null ? List.of() : i.lossHistory();
    }

    /**
     * Whether a model is worth a file of its own for the next start: it has its words, and it is not the
     * shipped model, which comes back by itself (Model &gt; Shipped model).
     */
    static boolean worthKeeping(Vocabulary v, String description) {
        return v != null && !SAMPLE_DESCRIPTION.equals(description);
    }

    /** The model file last loaded or saved (the recent models remember it). */
    public javafx.beans.property.ReadOnlyObjectProperty<Path> lastFileProperty() {
        return lastFile;
    }

    /** Saves the current model with its vocabulary (npz bundle), in the background. */
    public void save(Path npz) {
        RnnModel m = store.model();
        Vocabulary v = store.vocabulary();
        if (m == null || v == null) {
            notifier.warn(I18n.text("app.files.save"), I18n.text("app.files.save.none"));
            return;
        }
        ModelInfo i = infoOf(store);
        work.submit(I18n.text("app.files.savingWork", npz.getFileName()), job -> {
            ModelFile.save(npz, m, v, i);
            return npz;
        }, p -> {
            lastFile.set(p);
            notifier.info(I18n.text("app.files.saved.title"), I18n.text("app.files.saved", p));
        },
                e -> notifier.failure(I18n.text("app.files.save"), e));
    }

    /** What a file of the store's current model says about it. */
    static ModelInfo infoOf(ModelStore store) {
        return infoOf(store.model(), store.infoProperty().get(), store.seed(), store.lossHistory());
    }

    /** What a file of {@code m} says: its seed and history always, the training data as far as {@code known} knew it. */
    static ModelInfo infoOf(RnnModel m, ModelInfo known, long seed, List<Double> history) {
        return new ModelInfo(m.hiddenDim(), m.wordDim(), m.bpttTruncate(), m.precision().dtypeName(), seed,
                known == null ? null : known.corpusHash(), history, "RNN Lab app");
    }

    /** The session's first corpus gets the model {@code last} kept at the last close, when it was made on that corpus. */
    public void reopenAtStart(LastModel last) {
        this.reopen = last;
    }

    private LastModel reopen;

    /**
     * A corpus was prepared. The session's first one gets the model left at the last close when it
     * was made on this very corpus ({@link LastModel}); otherwise the shipped sample model when it was
     * trained on this very vocabulary, else the lesson's starting point: random weights, seed 10.
     */
    private void corpusPrepared(PreparedData data) {
        if (data != null && shippedWithNextCorpus && !store.isTraining()) {
            shippedWithNextCorpus = false;
            loadShipped();
            return;
        }
        if (data == null || store.isTraining() || store.matchesCorpusProperty().get()) {
            return;
        }
        Optional<LastModel.Kept> last = reopen == null ? Optional.empty() : reopen.takeForStart();
        if (last.isPresent()) {
            // a damaged file or another corpus's model: the start goes on as without it (the next close writes anew)
            adoptIfMadeOn(data, last.get().file(), I18n.text("app.files.reopeningWork"), last.get().description(),
                    reopen::reopened, () -> startingModel(data));
            return;
        }
        startingModel(data);
    }

    /** The shipped sample model when it was trained on this corpus's vocabulary, else the lesson's random start. */
    private void startingModel(PreparedData data) {
        Runnable lessonStart = () -> initialiseRandom(LessonDefaults.HIDDEN_DIM, LessonDefaults.SEED, Precision.FLOAT32);
        Optional<Path> sample = sampleModel.get();
        if (sample.isEmpty()) {
            lessonStart.run();
            return;
        }
        adoptIfMadeOn(data, sample.get(), I18n.text("app.files.loadingSample"), SAMPLE_DESCRIPTION, m -> { }, lessonStart);
    }

    /**
     * Loads {@code file} in the background and adopts its model as {@code what} when it was made on
     * {@code data}'s vocabulary ({@code adopted} then gets it); else, or when it cannot be read, runs
     * {@code otherwise}. Nothing happens when another corpus came meanwhile: its own call decides.
     */
    private void adoptIfMadeOn(PreparedData data, Path file, String label, String what, Consumer<RnnModel> adopted,
                               Runnable otherwise) {
        store.setLoading(true);
        work.submit(label, job -> ModelFile.load(file), loaded -> {
            store.setLoading(false);
            if (store.prepared() != data) {
                return;
            }
            if (matchesCorpus(loaded)) {
                adopt(loaded, what);
                adopted.accept(loaded.model());
            } else {
                otherwise.run();
            }
        }, e -> {
            store.setLoading(false);
            otherwise.run();
        });
    }
}
