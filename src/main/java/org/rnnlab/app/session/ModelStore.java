package org.rnnlab.app.session;

import org.rnnlab.app.i18n.I18n;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.common.UserException;
import org.rnnlab.engine.ModelInfo;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.Vocabulary;

/**
 * The model every later step looks at: the current parameters, the vocabulary their indices refer
 * to, where they come from, and whether they fit the prepared corpus. Properties only, no threads:
 * {@link ModelFiles} and {@link TrainingController} publish here, on the FX thread.
 *
 * <p>The published model is never changed in place: the steps read it from any thread without
 * locks. Every publication bumps {@link #revisionProperty()}.
 */
public final class ModelStore {
    /** How many replaced models the session keeps. */
    public static final int KEPT_MODELS = 6;
    /** How a fresh random model is described ("random weights (seed 10)"); such a model is not kept when replaced. */
    static final String RANDOM_PREFIX = "random weights";

    private final ObservableValue<PreparedData> prepared;
    private final ObjectProperty<RnnModel> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<Vocabulary> vocabulary = new SimpleObjectProperty<>(this, "vocabulary");
    private final ObjectProperty<ModelInfo> info = new SimpleObjectProperty<>(this, "info");
    private final LongProperty revision = new SimpleLongProperty(this, "revision");
    private final BooleanProperty matchesCorpus = new SimpleBooleanProperty(this, "matchesCorpus");
    private final StringProperty description = new SimpleStringProperty(this, "description", "no model yet");
    private final BooleanProperty training = new SimpleBooleanProperty(this, "training");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final List<Double> lossHistory = new ArrayList<>();
    private final ObservableList<Kept> earlier = FXCollections.observableArrayList();
    private long seed = LessonDefaults.SEED;

    /** @param prepared the corpus as prepared for training (its vocabulary decides "matches the corpus") */
    public ModelStore(ObservableValue<PreparedData> prepared) {
        this.prepared = prepared;
        prepared.addListener((obs, old, data) -> updateMatch(model.get()));
    }

    /** The current model; null until the corpus is prepared. Never changed in place. */
    public ReadOnlyObjectProperty<RnnModel> modelProperty() {
        return model;
    }

    public RnnModel model() {
        return model.get();
    }

    /** The vocabulary the model's indices refer to (the corpus's, or the loaded model's own). */
    public ReadOnlyObjectProperty<Vocabulary> vocabularyProperty() {
        return vocabulary;
    }

    public Vocabulary vocabulary() {
        return vocabulary.get();
    }

    /** What the loaded model's file says about it (null for a new or imported model). */
    public ReadOnlyObjectProperty<ModelInfo> infoProperty() {
        return info;
    }

    /** Increases whenever the parameters change: views recompute what they show. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision;
    }

    /** True when the model's vocabulary is the prepared corpus's: the corpus's sentences can train and test it. */
    public ReadOnlyBooleanProperty matchesCorpusProperty() {
        return matchesCorpus;
    }

    /** Where the model comes from, for people ("random weights (seed 10)"). */
    public ReadOnlyStringProperty descriptionProperty() {
        return description;
    }

    /** True while a run trains the model: files and new models wait until it ends. */
    public ReadOnlyBooleanProperty trainingProperty() {
        return training;
    }

    public boolean isTraining() {
        return training.get();
    }

    /** True while a model file or a new random model is being made in the background. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** The prepared corpus (null until ready). */
    public ObservableValue<PreparedData> preparedProperty() {
        return prepared;
    }

    /** The prepared corpus, or null. */
    public PreparedData prepared() {
        return prepared.getValue();
    }

    /** The seed the current model was initialised with (the lesson's 10 when unknown). */
    public long seed() {
        return seed;
    }

    /** The evaluations (mean loss on the training set) of the model so far, oldest first. */
    public List<Double> lossHistory() {
        return List.copyOf(lossHistory);
    }

    /** One line naming the model and its size, for the steps that use it ("Model: ... (C = 8,000 words, H = 100)"). */
    public String summaryLine() {
        RnnModel m = model();
        if (m == null) {
            return I18n.text("app.model.waiting");
        }
        return I18n.text("app.model.summary", ModelDescriptions.display(description.get()), m.wordDim(), m.hiddenDim());
    }

    /**
     * Encodes a sentence's tokens with the model's vocabulary (words it does not know become
     * UNKNOWN_TOKEN), so a corpus sentence can be fed to a model with another vocabulary.
     */
    public int[] encode(List<String> tokens) {
        Vocabulary v = vocabulary.get();
        if (v == null) {
            throw new UserException(I18n.text("app.model.noneYet"));
        }
        return v.encode(tokens);
    }

    /** True when {@code v} (a model's vocabulary) is the prepared corpus's. */
    public boolean fitsCorpus(Vocabulary v, int wordDim) {
        PreparedData data = prepared();
        return data != null && v != null && wordDim == data.vocabulary().size() && sameWords(v, data.vocabulary());
    }

    // ---- publishing (FX thread): ModelFiles and TrainingController ------------------------------

    /** A new current model with its vocabulary; {@code i} null for a model without a file. */
    Kept publish(RnnModel m, Vocabulary v, ModelInfo i, String what, long seedUsed, List<Double> history) {
        Kept kept = remember();
        vocabulary.set(v);
        info.set(i);
        seed = seedUsed;
        lossHistory.clear();
        lossHistory.addAll(history);
        // what describes the model first, then the model: a label showing all three was drawn for a moment
        // with the old description and "its vocabulary is not this corpus's", on two lines instead of one
        description.set(what);
        updateMatch(m);
        model.set(m);
        revision.set(revision.get() + 1);
        return kept;
    }

    /** New parameters for the same vocabulary (a training snapshot or result). */
    void publishParameters(RnnModel m, String what) {
        description.set(what);
        model.set(m);
        revision.set(revision.get() + 1);
    }

    /**
     * Models this session replaced, newest first (at most {@link #KEPT_MODELS}): a new random model, a
     * file or another corpus never discards a trained model without a way back.
     */
    public ObservableList<Kept> earlierModels() {
        return earlier;
    }

    /**
     * A model the session replaced, with everything needed to make it current again, and when it was
     * replaced (two models trained alike are told apart by it). One kept from an earlier session is
     * still on disk ({@link #onDisk()}): only its file, size and description are known until it is
     * made current again, so a list of large models costs nothing at the start.
     */
    public record Kept(RnnModel model, Vocabulary vocabulary, ModelInfo info, String description, long seed,
                       List<Double> lossHistory, Instant replacedAt, Path file) {
        /** A model of this session, in memory. */
        public Kept(RnnModel model, Vocabulary vocabulary, ModelInfo info, String description, long seed,
                    List<Double> lossHistory, Instant replacedAt) {
            this(model, vocabulary, info, description, seed, lossHistory, replacedAt, null);
        }

        /** A model of an earlier session, in {@code file}; {@code size} holds its C, H and data type. */
        static Kept onDisk(Path file, String description, ModelInfo size, Instant replacedAt) {
            return new Kept(null, null, size, description, LessonDefaults.SEED, List.of(), replacedAt, file);
        }

        /** True while the weights are only in {@link #file()}: {@link ModelFiles#restore} reads them first. */
        public boolean onDisk() {
            return model == null;
        }

        /** C. */
        public int wordDim() {
            return onDisk() ? info.wordDim() : model.wordDim();
        }

        /** H. */
        public int hiddenDim() {
            return onDisk() ? info.hiddenDim() : model.hiddenDim();
        }

        /** "float32" or "float64". */
        public String dtype() {
            return onDisk() ? info.dtype() : model.precision().dtypeName();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (C = %,d, H = %d)", description, wordDim(), hiddenDim());
        }
    }

    /** Makes a kept model current again (it leaves the list; the one it replaces joins it). */
    Kept restore(Kept k) {
        return restore(k, k);
    }

    /** Makes {@code read}, the weights of {@code listed} as read from its file, current in its place. */
    Kept restore(Kept listed, Kept read) {
        earlier.remove(listed);
        return publish(read.model(), read.vocabulary(), read.info(), read.description(), read.seed(), read.lossHistory());
    }

    /** Takes a kept model off the list (its file could not be read). */
    void forget(Kept k) {
        earlier.remove(k);
    }

    /**
     * Models kept from an earlier session, older than this session's own: they go after them, as far
     * as the list has room.
     */
    void keepEarlier(List<Kept> older) {
        for (Kept k : older) {
            if (earlier.size() >= KEPT_MODELS) {
                return;
            }
            earlier.add(k);
        }
    }

    /**
     * The current model joins the earlier ones, unless it is a fresh random model nobody trained (it
     * is one click away); returns it, or null.
     */
    private Kept remember() {
        RnnModel m = model.get();
        if (m == null || description.get().startsWith(RANDOM_PREFIX)) {
            return null;
        }
        earlier.removeIf(k -> k.model() == m);
        Kept kept = new Kept(m, vocabulary.get(), info.get(), description.get(), seed, List.copyOf(lossHistory), Instant.now());
        earlier.add(0, kept);
        while (earlier.size() > KEPT_MODELS) {
            earlier.remove(earlier.size() - 1);
        }
        return kept;
    }

    /** The evaluations of a run that ended, appended to the model's history. */
    void addLossHistory(List<Double> evaluations) {
        lossHistory.addAll(evaluations);
    }

    void setTraining(boolean on) {
        training.set(on);
    }

    void setLoading(boolean on) {
        loading.set(on);
    }

    /** Whether {@code m}, with the vocabulary held now, fits the prepared corpus. */
    private void updateMatch(RnnModel m) {
        matchesCorpus.set(m != null && fitsCorpus(vocabulary.get(), m.wordDim()));
    }

    static boolean sameWords(Vocabulary a, Vocabulary b) {
        if (a == b) {
            return true;
        }
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.word(i).equals(b.word(i))) {
                return false;
            }
        }
        return true;
    }
}
