package org.rnnlab.app.steps.training;

import org.rnnlab.app.i18n.I18n;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import org.rnnlab.app.session.ModelDescriptions;
import org.rnnlab.app.session.ModelFiles;
import org.rnnlab.app.session.ModelStore;
import org.rnnlab.app.support.Notifier;
import org.rnnlab.app.widgets.NumberInputs;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.Precision;
import org.rnnlab.text.PreparedData;
import org.rnnlab.training.OutputLayer;

/**
 * The training step's Model menu: a new random model, the shipped one, the ones this session
 * replaced, and model files. A model with another vocabulary is used only if the learner agrees.
 */
public final class ModelMenuViewModel {
    /** Asks the learner to confirm (a dialog in the app). */
    @FunctionalInterface
    public interface Confirm {
        boolean ask(String title, String header, String text, String yes);
    }

    private final ModelStore store;
    private final ModelFiles files;
    private final Notifier notifier;
    private final Confirm confirm;
    private final NumberInputs forNewModel;
    private final ObservableValue<? extends Number> hiddenSize;
    private final ObservableValue<? extends Number> seed;
    private final ObservableValue<Precision> precision;
    private final ObservableValue<OutputLayer> outputLayer;
    private final Runnable onRestored;

    /**
     * @param forNewModel the fields a new random model is made with; it is made only when they are valid
     * @param hiddenSize, seed, precision, outputLayer what a new random model is made with (the step's fields)
     * @param onRestored  runs after an earlier model became current again
     */
    ModelMenuViewModel(ModelStore store, ModelFiles files, Notifier notifier, Confirm confirm, NumberInputs forNewModel,
                       ObservableValue<? extends Number> hiddenSize, ObservableValue<? extends Number> seed,
                       ObservableValue<Precision> precision, ObservableValue<OutputLayer> outputLayer, Runnable onRestored) {
        this.store = store;
        this.files = files;
        this.notifier = notifier;
        this.confirm = confirm;
        this.forNewModel = forNewModel;
        this.hiddenSize = hiddenSize;
        this.seed = seed;
        this.precision = precision;
        this.outputLayer = outputLayer;
        this.onRestored = onRestored;
    }

    /** A new random model with the fields' H, seed, precision and output layer. */
    public void newModel() {
        if (!forNewModel.isValid()) { // never a model from the previous value of a field typed wrong
            notifier.warn(I18n.text("training.menu.newTitle"), forNewModel.problemProperty().get());
            return;
        }
        files.initialiseRandom(hiddenSize.getValue().intValue(), seed.getValue().longValue(), precision.getValue(),
                outputLayer.getValue());
    }

    /** The shipped sample model, again. */
    public void loadShipped() {
        files.loadShipped();
    }

    /** Models this session replaced, newest first. */
    public ObservableList<ModelStore.Kept> earlierModels() {
        return store.earlierModels();
    }

    /**
     * How the menu names an earlier model, in the window's language: what it is, its size, and when it
     * was replaced (the time alone today, else the date too), which tells apart two models trained alike.
     */
    public String label(ModelStore.Kept kept) {
        return label(kept, java.time.ZonedDateTime.now());
    }

    static String label(ModelStore.Kept kept, java.time.ZonedDateTime now) {
        java.time.ZonedDateTime at = kept.replacedAt().atZone(now.getZone());
        java.time.format.DateTimeFormatter form = at.toLocalDate().equals(now.toLocalDate())
                ? java.time.format.DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT)
                : java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                        java.time.format.FormatStyle.SHORT);
        return I18n.text("training.model.earlierItem", ModelDescriptions.display(kept.description()),
                kept.wordDim(), kept.hiddenDim(), form.withLocale(I18n.locale()).format(at));
    }

    /** Makes an earlier model current again; Start then continues it. */
    public void restore(ModelStore.Kept kept) {
        files.restore(kept, onRestored);
    }

    public void save(Path npz) {
        files.save(npz);
    }

    public void importLesson(Path npz) {
        files.importLesson(npz);
    }

    /** Loads a model file: used at once when it fits the corpus, otherwise only if the learner agrees. */
    public void load(Path npz) {
        files.load(npz, this::loaded);
    }

    private void loaded(LoadedModel loaded) {
        String name = I18n.text("training.menu.loadedName");
        if (files.matchesCorpus(loaded)) {
            files.adopt(loaded, name);
                return;
        }
        if (loaded.vocabulary() == null) {
            notifier.warn(I18n.text("training.menu.loadTitle"), I18n.text("training.menu.noVocabulary", loaded.model().wordDim()));
            return;
        }
        PreparedData d = store.prepared();
        String text = I18n.text("training.menu.otherVocabulary", loaded.vocabulary().size(), d == null ? 0 : d.vocabulary().size());
        if (confirm.ask(I18n.text("training.menu.differTitle"), I18n.text("training.menu.differHeader"), text,
                I18n.text("training.menu.useOwn"))) {
            files.adopt(loaded, I18n.text("training.menu.loadedOwnName", name));
            }
    }
}
