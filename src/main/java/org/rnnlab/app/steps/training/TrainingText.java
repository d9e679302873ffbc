package org.rnnlab.app.steps.training;

import java.util.Locale;
import org.rnnlab.app.i18n.I18n;

/** How the training step writes its numbers for people. */
public final class TrainingText {
    private TrainingText() {
    }

    /** A learning rate without trailing zeros: 0.005, 0.0025, 10. */
    public static String rateText(double lr) {
        if (!Double.isFinite(lr)) {
            return "–";
        }
        return java.math.BigDecimal.valueOf(lr).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** The step time beside the lesson's: "12.3 ms (lesson: 350 ms numpy, 70 ms Theano)". */
    public static String stepTimeText(double ms) {
        if (!Double.isFinite(ms)) {
            return "–";
        }
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.1f ms", ms);
    }

    /** "One step on sentence 12 ("the president will ...", 9 words): loss per word 5.3120 before, 5.2871 after, ...". */
    static String singleStep(org.rnnlab.training.TrainingEvent.Step step, int[] x, org.rnnlab.text.Vocabulary v, double after) {
        StringBuilder words = new StringBuilder();
        for (int t = 1; t < x.length && t <= 8; t++) { // x starts with SENTENCE_START
            words.append(t == 1 ? "" : " ").append(v.word(x[t]));
        }
        return I18n.text("training.singleStep.done", step.sentence() + 1, words.toString(), x.length > 9 ? " ..." : "", x.length,
                String.format(Locale.ROOT, "%.4f", step.sentenceLoss()), String.format(Locale.ROOT, "%.4f", after),
                rateText(step.learningRate()));
    }

    /** "Trains on 1,000 of the corpus' 23,931 sentences.", following the field, the corpus and the language. */
    static javafx.beans.binding.StringBinding sentencesNote(javafx.beans.value.ObservableIntegerValue sentences,
                                                        javafx.beans.value.ObservableValue<org.rnnlab.text.PreparedData> prepared) {
        return javafx.beans.binding.Bindings.createStringBinding(() -> {
            org.rnnlab.text.PreparedData d = prepared.getValue();
            return d == null ? "" : org.rnnlab.app.i18n.I18n.text("training.sentencesNote", Math.min(sentences.get(), d.size()), d.size());
        }, sentences, prepared, org.rnnlab.app.i18n.I18n.languageProperty());
    }

    /**
     * "Model: the shipped model ... (C = 8,000, H = 100, float32)", and a warning when it is not for
     * this corpus. While a run trains, the line names the run's model rather than the description of
     * its last copy: that count lags the counters below by up to a copy's interval.
     */
    static String modelLine(org.rnnlab.app.session.ModelStore store) {
        org.rnnlab.engine.RnnModel m = store.model();
        if (m == null) {
            return org.rnnlab.app.i18n.I18n.text("training.model.waiting");
        }
        String text = org.rnnlab.app.i18n.I18n.text("training.model.line", store.trainingProperty().get()
                        ? org.rnnlab.app.i18n.I18n.text("training.model.running")
                        : org.rnnlab.app.session.ModelDescriptions.display(store.descriptionProperty().get()),
                m.wordDim(), m.hiddenDim(), m.precision().dtypeName() + (m.classes() == null ? ""
                        : I18n.text("training.model.classes", m.classes().count())));
        return store.matchesCorpusProperty().get() ? text
                : org.rnnlab.app.i18n.I18n.text("training.model.otherVocabulary", text);
    }

    /** What Start trains: a fresh model with the fields' H, seed, precision and output layer, or the current model. */
    static String startsWith(boolean fresh, int hidden, long seed, org.rnnlab.engine.Precision precision,
                             org.rnnlab.training.OutputLayer layer, org.rnnlab.app.session.ModelStore store) {
        if (fresh) {
            String kind = (precision == null ? "" : precision.dtypeName())
                    + (layer == org.rnnlab.training.OutputLayer.CLASS_BASED ? I18n.text("training.startsWith.classBased") : "");
            return I18n.text("training.startsWith.fresh", hidden, seed, kind);
        }
        org.rnnlab.engine.RnnModel m = store.model();
        return m == null ? I18n.text("training.startsWith.none")
                : I18n.text("training.startsWith.current", org.rnnlab.app.session.ModelDescriptions.display(store.descriptionProperty().get()));
    }
}
