package org.rnnlab.app.steps.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.session.TrainingControl;
import org.rnnlab.app.support.Notifier;
import org.rnnlab.app.widgets.NumberInput;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.Tokens;
import org.rnnlab.text.TreebankTokenizer;
import org.rnnlab.text.Vocabulary;
import org.rnnlab.training.TrainValidationSplit;

/**
 * What the learner steers while a run goes on: the learning rate (set live, taking effect at the
 * next step), the probe sentence (typed, encoded with the corpus's vocabulary), and the held-out
 * share of the sentences, stated on screen.
 */
public final class LiveControls {
    private final TrainingControl training;
    private final Notifier notifier;
    private final ObservableValue<PreparedData> prepared;
    private final NumberInput learningRateInput;
    private final DoubleProperty learningRate;
    private final DoubleProperty heldOutFraction;
    private final StringProperty probeText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper probeNote = new ReadOnlyStringWrapper("");
    private final StringBinding splitNote;
    private int[] probe;

    LiveControls(TrainingControl training, Notifier notifier, ObservableValue<PreparedData> prepared,
                 NumberInput learningRateInput, DoubleProperty learningRate, IntegerProperty sentences, LongProperty seed,
                 DoubleProperty heldOutFraction) {
        this.heldOutFraction = heldOutFraction;
        this.training = training;
        this.notifier = notifier;
        this.prepared = prepared;
        this.learningRateInput = learningRateInput;
        this.learningRate = learningRate;
        splitNote = Bindings.createStringBinding(() -> {
            PreparedData d = prepared.getValue();
            if (d == null) {
                return "";
            }
            int n = Math.min(sentences.get(), d.size());
            int heldOut = TrainValidationSplit.heldOutSize(n, heldOutFraction.get());
            if (heldOut == 0) {
                return I18n.text("training.split.none", n);
            }
            return I18n.text("training.split.note", n - heldOut, heldOut,
                    java.math.BigDecimal.valueOf(heldOutFraction.get() * 100).stripTrailingZeros().toPlainString(), seed.get());
        }, prepared, sentences, seed, heldOutFraction, I18n.languageProperty());
    }

    /** The share of the sentences held out of training (0.1 by default). */
    public DoubleProperty heldOutFractionProperty() {
        return heldOutFraction;
    }

    /** How many of {@code n} sentences train (the others are held out), split as the trainer splits them. */
    int trainingSentences(int n) {
        return n - TrainValidationSplit.heldOutSize(n, heldOutFraction.get());
    }

    /** "900 training sentences, 100 held out (10%, seed 10): ..." */
    public StringBinding splitNote() {
        return splitNote;
    }

    /** The probe sentence the learner typed; empty for the default (a short held-out sentence). */
    public StringProperty probeTextProperty() {
        return probeText;
    }

    /** Which words of the typed probe the vocabulary does not know (read as the unknown token). */
    public ReadOnlyStringProperty probeNoteProperty() {
        return probeNote.getReadOnlyProperty();
    }

    /** The probe for the next run: the typed sentence's words, or null for the default. */
    int[] probe() {
        return probe == null ? null : probe.clone();
    }

    /**
     * Reads the typed sentence as the training data reads its sentences (lower case, tokenized,
     * SENTENCE_START .. SENTENCE_END) and probes it from the run's next step on (or from the next
     * run's start); an empty field goes back to the default.
     */
    public void applyProbe() {
        PreparedData d = prepared.getValue();
        String text = probeText.get() == null ? "" : probeText.get().trim();
        if (text.isEmpty()) {
            probe = null;
            probeNote.set(I18n.text("training.probe.default"));
            return;
        }
        if (d == null) {
            notifier.warn(I18n.text("training.probe.label"), I18n.text("training.probe.waitCorpus"));
            return;
        }
        int[] words = encode(text, d.vocabulary());
        if (words.length < 3) {
            notifier.warn(I18n.text("training.probe.label"), I18n.text("training.probe.tooShort"));
            return;
        }
        List<String> unknown = new ArrayList<>();
        for (int t = 1; t < words.length - 1; t++) {
            if (words[t] == d.vocabulary().unknownIndex()) {
                unknown.add(new TreebankTokenizer().tokenize(text.toLowerCase(Locale.ROOT)).get(t - 1));
            }
        }
        probe = words;
        probeNote.set(unknown.isEmpty() ? "" : I18n.text("training.probe.unknown", Tokens.UNKNOWN, String.join(", ", unknown)));
        training.setProbe(words);
    }

    /** The corpus's word at {@code index}, for the probe's labels. */
    public String word(int index) {
        PreparedData d = prepared.getValue();
        return d == null || index < 0 || index >= d.vocabulary().size() ? "#" + index : d.vocabulary().word(index);
    }

    /** 1/C: what a model that knows nothing gives every word (the heatmap's lowest colour). */
    public double uniform() {
        PreparedData d = prepared.getValue();
        return d == null ? Double.NaN : 1.0 / d.vocabulary().size();
    }

    static int[] encode(String sentence, Vocabulary vocabulary) {
        List<String> tokens = new ArrayList<>();
        tokens.add(Tokens.START);
        tokens.addAll(new TreebankTokenizer().tokenize(sentence.toLowerCase(Locale.ROOT)));
        tokens.add(Tokens.END);
        return vocabulary.encode(tokens);
    }

    /** Sets the field's learning rate on the run going on: its next step uses it, and the chart marks it. */
    public void applyLearningRate() {
        learningRateInput.commit(); // what is typed counts, Enter or not
        if (!learningRateInput.isValid()) {
            notifier.warn(I18n.text("training.field.learningRate"), learningRateInput.problemProperty().get());
            return;
        }
        training.setLearningRate(learningRate.get());
    }
}
