package org.rnnlab.app.session;

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

/**
 * Where models come from and go to: a new random model, model files (load, import the lesson's,
 * save) and, when a corpus is prepared, the shipped sample model if it was trained on that very
 * vocabulary. Works in the background and publishes into the {@link ModelStore}.
 */
public final class ModelFiles {
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
        initialise(hidden, seed, precision, () -> { }, true);
    }

    /**
     * As above, without a word about the model it replaces (the caller says it); {@code then} runs on
     * the FX thread once the new model is the current one.
     */
    public void initialiseRandom(int hidden, long seed, Precision precision, Runnable then) {
        initialise(hidden, seed, precision, then, false);
    }

    private void initialise(int hidden, long seed, Precision precision, Runnable then, boolean sayKept) {
        PreparedData data = store.prepared();
        if (data == null) {
            notifier.warn("New model", "The corpus is not prepared yet; wait a moment and try again.");
            return;
        }
        if (store.isTraining()) {
            notifier.warn("New model", "Stop the training first, then make a new model.");
            return;
        }
        Vocabulary v = data.vocabulary();
        int c = v.size();
        store.setLoading(true);
        work.submit("New random model (C = " + c + ", H = " + hidden + ")",
                job -> RnnModel.initialise(c, hidden, LessonDefaults.BPTT_TRUNCATE, seed, precision),
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
                    notifier.failure("New model", e);
                });
    }

    /**
     * Loads a model file (npz) in the background and hands it to {@code onLoaded} on the FX thread
     * without adopting it: the caller checks {@link #matchesCorpus(LoadedModel)} and asks the
     * learner before calling {@link #adopt}.
     */
    public void load(Path npz, Consumer<LoadedModel> onLoaded) {
        store.setLoading(true);
        work.submit("Loading " + npz.getFileName(), job -> ModelFile.load(npz), loaded -> {
            store.setLoading(false);
            onLoaded.accept(loaded);
        }, e -> {
            store.setLoading(false);
            notifier.failure("Load model", e);
        });
    }

    /** Imports the lesson's own U, V, W file; it needs the corpus's vocabulary to have 8,000 words. */
    public void importLesson(Path npz) {
        String title = "Import the lesson's model";
        PreparedData data = store.prepared();
        if (data == null) {
            notifier.warn(title, "The corpus is not prepared yet; wait a moment and try again.");
            return;
        }
        if (store.isTraining()) {
            notifier.warn(title, "Stop the training first, then import a model.");
            return;
        }
        Vocabulary v = data.vocabulary();
        if (v.size() != LessonDefaults.WORD_DIM) {
            // say what the model needs, and what in this window gets there
            int distinct = data.stats().distinctTokens();
            String how = distinct + 1 >= LessonDefaults.WORD_DIM
                    ? String.format(Locale.ROOT, "this corpus has enough words: set C to %,d in the Vocabulary step, then import again.",
                            LessonDefaults.WORD_DIM)
                    : String.format(Locale.ROOT, "this corpus has only %,d distinct words, so open a larger one "
                            + "(Corpus > Sample corpus has about 17,700), set C to %,d and import again.", distinct,
                            LessonDefaults.WORD_DIM);
            notifier.warn(title, String.format(Locale.ROOT,
                    "The lesson's model was trained with a vocabulary of exactly %,d words and the corpus is prepared with %,d; %s",
                    LessonDefaults.WORD_DIM, v.size(), how));
            return;
        }
        store.setLoading(true);
        work.submit("Importing " + npz.getFileName(), job -> ModelFile.importLesson(npz, v), loaded -> {
            store.setLoading(false);
            adopt(loaded, "the lesson's pre-trained model (" + npz.getFileName() + ")");
        }, e -> {
            store.setLoading(false);
            notifier.failure(title, e);
        });
    }

    /** Makes a model the session kept current again. */
    public void restore(ModelStore.Kept kept) {
        if (store.isTraining()) {
            notifier.warn("Model", "Stop the training first, then change the model.");
            return;
        }
        sayKept(store.restore(kept));
    }

    /** Nothing is discarded without a word: the model just replaced, and how to get it back. */
    private void sayKept(ModelStore.Kept kept) {
        if (kept != null) {
            notifier.info("Model kept", "The model before, " + kept.description()
                    + ", is kept for this session: Training > Model > Earlier models brings it back.");
        }
    }

    /** Loads the shipped sample model again; it fits only the sample corpus at C = 8,000. */
    public void loadShipped() {
        Optional<Path> sample = sampleModel.get();
        if (sample.isEmpty()) {
            notifier.warn("Shipped model", "The shipped model is not found next to the app; its file is sample-corpus/sample-model.npz.");
            return;
        }
        load(sample.get(), loaded -> {
            if (matchesCorpus(loaded)) {
                adopt(loaded, SAMPLE_DESCRIPTION);
            } else {
                notifier.warn("Shipped model", "The shipped model was trained on the sample corpus with C = 8,000 words, "
                        + "and the corpus now open differs. Use \"Reset to the lesson\" (toolbar) to reopen the sample corpus "
                        + "with the shipped model.");
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
            notifier.warn("Model", "Stop the training first, then change the model.");
            return;
        }
        Vocabulary v = loaded.vocabulary();
        if (v == null) {
            PreparedData data = store.prepared();
            if (data == null || data.vocabulary().size() != loaded.model().wordDim()) {
                notifier.warn("Model", "This model has no vocabulary of its own and its size (C = "
                        + loaded.model().wordDim() + ") is not the corpus's; prepare the corpus with that vocabulary size.");
                return;
            }
            v = data.vocabulary();
        }
        ModelInfo i = loaded.info();
        long seed = i != null && i.seed() != null ? i.seed() : store.seed();
        sayKept(store.publish(loaded.model(), v, i, what, seed, i == null ? List.of() : i.lossHistory()));
    }

    /** Saves the current model with its vocabulary (npz bundle), in the background. */
    public void save(Path npz) {
        RnnModel m = store.model();
        Vocabulary v = store.vocabulary();
        if (m == null || v == null) {
            notifier.warn("Save model", "There is no model to save yet.");
            return;
        }
        ModelInfo known = store.infoProperty().get();
        ModelInfo i = new ModelInfo(m.hiddenDim(), m.wordDim(), m.bpttTruncate(), m.precision().dtypeName(), store.seed(),
                known == null ? null : known.corpusHash(), store.lossHistory(), "RNN Lab app");
        work.submit("Saving " + npz.getFileName(), job -> {
            ModelFile.save(npz, m, v, i);
            return npz;
        }, p -> notifier.info("Model saved", "Saved the model to " + p + "."), e -> notifier.failure("Save model", e));
    }

    /**
     * A corpus was prepared. The shipped sample model is used when it was trained on this very
     * vocabulary; otherwise the lesson's starting point: random weights, seed 10.
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
        Runnable lessonStart = () -> initialiseRandom(LessonDefaults.HIDDEN_DIM, LessonDefaults.SEED, Precision.FLOAT32);
        Optional<Path> sample = sampleModel.get();
        if (sample.isEmpty()) {
            lessonStart.run();
            return;
        }
        store.setLoading(true);
        work.submit("Loading the sample model", job -> ModelFile.load(sample.get()), loaded -> {
            store.setLoading(false);
            if (store.prepared() != data) {
                return; // another corpus came meanwhile; its own call decides
            }
            if (matchesCorpus(loaded)) {
                adopt(loaded, SAMPLE_DESCRIPTION);
            } else {
                lessonStart.run();
            }
        }, e -> {
            store.setLoading(false);
            lessonStart.run();
        });
    }
}
