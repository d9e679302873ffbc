package org.rnnlab.app.steps.trainingdata;

import org.rnnlab.app.i18n.I18n;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.random.RandomGenerator;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.rnnlab.app.support.Background;
import org.rnnlab.app.support.Notices;
import org.rnnlab.app.support.NumberText;
import org.rnnlab.app.widgets.NumberInput;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.text.PreparedData;

/**
 * The Training data step: one sentence as the lesson's training pair (x = w without its last token,
 * y = w without its first), and what x_t means to the network: a one-hot vector of size C, which
 * picks one column of U. U is drawn in the background (the engine may still be loading); if the
 * engine cannot load, a Java generator with the same distribution stands in and {@link #originProperty()}
 * says so.
 */
public final class TrainingDataViewModel {
    /** The lesson's example pair has four time steps: x = [0, 179, 341, 416]. */
    public static final int LESSON_EXAMPLE_STEPS = 4;
    /** "Random" picks among sentences of at most this many time steps: longer ones do not fit the diagram. */
    public static final int RANDOM_MAX_STEPS = 14;

    /** One sentence as the network sees it. */
    public record Pair(List<String> words, int[] sentence, int[] x, int[] y) {
        /** Time steps T: the length of x and of y. */
        public int steps() {
            return x.length;
        }

        public String xWord(int t) {
            return words.get(t);
        }

        public String yWord(int t) {
            return words.get(t + 1);
        }
    }

    private final Background work;
    private final InputWeights weights;
    private final InputWeights fallback;
    private final RandomGenerator random;
    private long drawing = -1;   // (H, C) of the U being drawn, packed; -1: none
    private Background.Running drawingTask;
    private final ObjectProperty<PreparedData> prepared = new SimpleObjectProperty<>();
    private final IntegerProperty sentenceIndex = new SimpleIntegerProperty(-1);
    private final IntegerProperty step = new SimpleIntegerProperty(0);
    private final IntegerProperty hiddenDim = new SimpleIntegerProperty(LessonDefaults.HIDDEN_DIM);

    private final IntegerProperty sentenceCount = new SimpleIntegerProperty(0);
    private final NumberInput sentenceInput = NumberInput.index(I18n.key("app.data.input.sentence"), sentenceIndex, this::showSentence,
            sentenceCount);
    private final IntegerProperty wordDim = new SimpleIntegerProperty(0);
    private final ObjectProperty<Pair> pair = new SimpleObjectProperty<>();
    private final IntegerProperty hotIndex = new SimpleIntegerProperty(-1);
    private final StringProperty hotWord = new SimpleStringProperty("");
    private final ObjectProperty<double[][]> u = new SimpleObjectProperty<>();
    private final ObjectProperty<double[]> column = new SimpleObjectProperty<>(new double[0]);
    private final ObjectProperty<double[]> product = new SimpleObjectProperty<>(new double[0]);
    private final DoubleProperty maxDifference = new SimpleDoubleProperty(0);
    private final StringProperty origin = new SimpleStringProperty("");
    /** Where U comes from, worded in the current language when shown. */
    private final ObjectProperty<java.util.function.Supplier<String>> originText = new SimpleObjectProperty<>(() -> "");

    private final ObjectProperty<StepText> text = new SimpleObjectProperty<>(StepText.WAITING_FOR_CORPUS);

    /**
     * @param prepared the training data for the current C (null until ready)
     * @param work     where U is drawn, off the FX thread
     * @param weights  U as the lesson draws it ({@link InputWeights#lesson()} in the app: needs the engine)
     * @param fallback U when {@code weights} fails (the engine could not load)
     * @param random   picks the "Random" sentence
     */
    public TrainingDataViewModel(ObservableValue<PreparedData> prepared, Background work, InputWeights weights,
                                 InputWeights fallback, RandomGenerator random) {
        this.work = work;
        this.weights = weights;
        this.fallback = fallback;
        this.random = random;
        origin.bind(javafx.beans.binding.Bindings.createStringBinding(() -> originText.get().get(), originText,
                I18n.languageProperty()));
        showOrigin(weights);
        this.prepared.addListener((obs, old, now) -> preparedChanged(old, now));
        sentenceIndex.addListener((obs, old, now) -> sentenceChanged());
        step.addListener((obs, old, now) -> stepChanged());
        hiddenDim.addListener((obs, old, now) -> {
            u.set(null);
            stepChanged();
        });
        this.prepared.bind(prepared);
    }

    /** Stops following the corpus and drops the U being drawn (the window closes). */
    public void dispose() {
        prepared.unbind();
        drawing = -1;
        if (drawingTask != null) {
            drawingTask.cancel();
            drawingTask = null;
        }
    }

    // ---------------------------------------------------------------- inputs

    public ReadOnlyObjectProperty<PreparedData> preparedProperty() {
        return prepared;
    }

    /** The sentence shown, 0-based (the screen numbers from 1, as every step does). */
    public IntegerProperty sentenceIndexProperty() {
        return sentenceIndex;
    }

    /** The sentence picker: typed and shown from 1 to the number of sentences. */
    public NumberInput sentenceInput() {
        return sentenceInput;
    }

    /** The chosen time step t (0 .. T-1). */
    public IntegerProperty stepProperty() {
        return step;
    }

    public IntegerProperty hiddenDimProperty() {
        return hiddenDim;
    }

    // ---------------------------------------------------------------- outputs

    public ReadOnlyIntegerProperty sentenceCountProperty() {
        return sentenceCount;
    }

    /** C: the length of a one-hot vector. */
    public ReadOnlyIntegerProperty wordDimProperty() {
        return wordDim;
    }

    public ReadOnlyObjectProperty<Pair> pairProperty() {
        return pair;
    }

    /** x_t: the index whose entry of the one-hot vector is 1. */
    public ReadOnlyIntegerProperty hotIndexProperty() {
        return hotIndex;
    }

    public ReadOnlyStringProperty hotWordProperty() {
        return hotWord;
    }

    /** U (H x C), rows of C values. */
    public ReadOnlyObjectProperty<double[][]> uProperty() {
        return u;
    }

    /** Column x_t of U, looked up: what the code does. */
    public ReadOnlyObjectProperty<double[]> columnProperty() {
        return column;
    }

    /** U times the one-hot vector, multiplied out in full: what the formula says. */
    public ReadOnlyObjectProperty<double[]> productProperty() {
        return product;
    }

    /** Largest |column - product| over the H entries: 0, they are the same numbers. */
    public ReadOnlyDoubleProperty maxDifferenceProperty() {
        return maxDifference;
    }

    /** Where the numbers of U come from, in one line for the learner (and why, if the engine failed). */
    public ReadOnlyStringProperty originProperty() {
        return origin;
    }

    /**
     * What the step says about the chosen x_t. Updated just before {@link #productProperty()}, which
     * is set last of all: a listener of the product sees everything up to date.
     */
    public ReadOnlyObjectProperty<StepText> textProperty() {
        return text;
    }

    /** Multiply-adds of U x_t done as a matrix product: H * C. */
    public long multiplyAdds() {
        return (long) hiddenDim.get() * wordDim.get();
    }

    /** Of those, the ones multiplying by a 0 of the one-hot vector: H * (C - 1). */
    public long wastedMultiplyAdds() {
        return (long) hiddenDim.get() * Math.max(0, wordDim.get() - 1);
    }

    /** True while U for the current (H, C) is being drawn. */
    public boolean isDrawingU() {
        return drawing >= 0;
    }

    private static long key(int h, int c) {
        return ((long) h << 32) | c;
    }

    private void requestU(int h, int c) {
        long k = key(h, c);
        if (drawing == k) {
            return;
        }
        drawing = k;
        if (drawingTask != null) {
            drawingTask.cancel();   // H or C changed: that U would be thrown away
        }
        try {
            Background.Running task = work.submit(I18n.text("app.data.drawingWork", h, c),
                    job -> weights.matrix(h, c),
                    m -> {
                        if (drawing == k) {
                            showOrigin(weights);
                        }
                        uArrived(k, h, c, m);
                    },
                    error -> {
                        if (drawing == k) {
                            String why = Notices.describe(error);
                            originText.set(() -> I18n.text("app.data.origin.fallback", fallback.origin(), why));
                            uArrived(k, h, c, fallback.matrix(h, c));
                        }
                    },
                    // cancelled from the status bar: nothing drawn; choosing a column asks again
                    () -> uArrived(k, h, c, null));
            if (drawing == k) {
                drawingTask = task;   // not yet arrived (a direct Background delivers before returning)
            }
        } catch (RejectedExecutionException e) {
            drawing = -1;   // the window is closing
        }
    }

    private void uArrived(long k, int h, int c, double[][] m) {
        if (drawing != k) {
            return;   // H or C changed meanwhile: a newer U is on its way
        }
        drawing = -1;
        drawingTask = null;
        if (m != null && hiddenDim.get() == h && wordDim.get() == c) {
            u.set(m);
            stepChanged();
        }
    }

    private void showOrigin(InputWeights where) {
        int h = hiddenDim.get();
        originText.set(() -> I18n.text("app.data.origin.h", where.origin(), h));
    }

    /**
     * Shows a sentence like the lesson's example: four time steps (three words between the start
     * and end tokens), none of them UNKNOWN_TOKEN; failing that, the closest in length.
     */
    public void lessonExample() {
        PreparedData d = prepared.get();
        if (d == null || d.size() == 0) {
            return;
        }
        int best = -1;
        int bestScore = Integer.MAX_VALUE;
        for (int i = 0; i < d.size() && bestScore > 0; i++) {
            int[] w = d.sentence(i);
            int score = Math.abs(w.length - 1 - LESSON_EXAMPLE_STEPS) * 10;
            for (int k : w) {
                if (k == d.vocabulary().unknownIndex()) {
                    score += 5;
                }
            }
            for (String word : d.sentenceTokens(i)) {
                if (!word.chars().allMatch(ch -> Character.isLetter(ch) || ch == '_' || ch == '\'' || ch == '.'
                        || ch == '!' || ch == '?')) {
                    score += 3;   // numbers and odd symbols make a poor first example
                }
            }
            if (score < bestScore) {
                bestScore = score;
                best = i;
            }
        }
        select(best);
    }

    /** Shows a sentence picked at random among the short ones (at most {@link #RANDOM_MAX_STEPS} time steps). */
    public void randomSentence() {
        randomSentence(random, RANDOM_MAX_STEPS);
    }

    /** Shows sentence {@code i} (0-based); out of range is ignored. */
    public void showSentence(int i) {
        PreparedData d = prepared.get();
        if (d != null && i >= 0 && i < d.size()) {
            sentenceIndex.set(i);
        }
    }

    /** Chooses time step t, as a click on column t of the pair does. */
    public void chooseStep(int t) {
        Pair p = pair.get();
        if (p != null && t >= 0 && t < p.steps()) {
            step.set(t);
        }
    }

    void randomSentence(RandomGenerator rng, int maxSteps) {
        PreparedData d = prepared.get();
        if (d == null || d.size() == 0) {
            return;
        }
        for (int tries = 0; tries < 1000; tries++) {
            int i = rng.nextInt(d.size());
            if (d.sentence(i).length - 1 <= maxSteps && i != sentenceIndex.get()) {
                select(i);
                return;
            }
        }
        select(rng.nextInt(d.size()));
    }

    private void select(int i) {
        step.set(1);   // the first real word: START's column is less telling
        if (sentenceIndex.get() == i) {
            sentenceChanged();
        } else {
            sentenceIndex.set(i);
        }
    }

    // ---------------------------------------------------------------- logic

    private void preparedChanged(PreparedData old, PreparedData now) {
        sentenceCount.set(now == null ? 0 : now.size());
        int c = now == null ? 0 : now.vocabulary().size();
        if (c != wordDim.get()) {
            u.set(null);
        }
        wordDim.set(c);
        if (now == null) {
            sentenceIndex.set(-1);
            sentenceChanged();
        } else if (old == null || old.size() != now.size() || sentenceIndex.get() < 0 || sentenceIndex.get() >= now.size()) {
            // A new corpus: start from the lesson's example. Same corpus, new C: keep the sentence.
            lessonExample();
        } else {
            sentenceChanged();
        }
    }

    private void sentenceChanged() {
        PreparedData d = prepared.get();
        int i = sentenceIndex.get();
        if (d == null || i < 0 || i >= d.size()) {
            pair.set(null);
        } else {
            pair.set(new Pair(List.copyOf(d.sentenceTokens(i)), d.sentence(i), d.x(i), d.y(i)));
        }
        Pair p = pair.get();
        if (p != null && step.get() >= p.steps()) {
            step.set(p.steps() - 1);   // calls stepChanged
        } else {
            stepChanged();
        }
    }

    private void stepChanged() {
        Pair p = pair.get();
        int t = step.get();
        int c = wordDim.get();
        int h = hiddenDim.get();
        if (p == null || t < 0 || t >= p.steps() || c == 0 || h <= 0) {
            hotIndex.set(-1);
            hotWord.set("");
            maxDifference.set(0);
            column.set(new double[0]);
            text.set(c == 0 ? StepText.WAITING_FOR_CORPUS : StepText.NONE);
            product.set(new double[0]);
            return;
        }
        int k = p.x()[t];
        if (u.get() == null || u.get().length != h || u.get()[0].length != c) {
            // The one-hot vector can be shown at once; U's column once U is drawn.
            hotWord.set(p.xWord(t));
            hotIndex.set(k);
            maxDifference.set(0);
            column.set(new double[0]);
            text.set(StepText.drawing(t, p.xWord(t), k, h, c));
            product.set(new double[0]);
            requestU(h, c);
            return;
        }
        double[][] U = u.get();
        // One-hot x_t: every entry 0 but entry k.
        double[] onehot = new double[c];
        onehot[k] = 1;
        // U x_t, multiplied out as the formula reads: H * C multiply-adds.
        double[] prod = new double[h];
        double[] col = new double[h];
        double diff = 0;
        for (int r = 0; r < h; r++) {
            double sum = 0;
            double[] row = U[r];
            for (int j = 0; j < c; j++) {
                sum += row[j] * onehot[j];
            }
            prod[r] = sum;
            col[r] = row[k];   // what the code does: read column k
            diff = Math.max(diff, Math.abs(sum - col[r]));
        }
        // Listeners of the product (set last) see everything else already updated.
        hotWord.set(p.xWord(t));
        hotIndex.set(k);
        maxDifference.set(diff);
        column.set(col);
        text.set(StepText.shown(t, p.xWord(t), k, h, c, diff, multiplyAdds(), wastedMultiplyAdds()));
        product.set(prod);
    }
}
