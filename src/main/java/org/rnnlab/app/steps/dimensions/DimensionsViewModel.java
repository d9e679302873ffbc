package org.rnnlab.app.steps.dimensions;

import org.rnnlab.app.i18n.I18n;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.rnnlab.app.support.NumberText;
import org.rnnlab.app.widgets.NumberInput;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.engine.Precision;

/**
 * The Dimensions step: the shapes of the network for the current C and H, how many parameters that
 * makes, how much memory they take, and how much work one time step is.
 */
public final class DimensionsViewModel {
    public static final int MIN_HIDDEN = 1;
    public static final int MAX_HIDDEN = 2000;

    /** One row of the lesson's table. */
    public record Shape(String symbol, String role, String shape, String size, long entries) {
    }

    /** One product of a time step and its multiply-adds. */
    public record Cost(String name, String how, long multiplyAdds, boolean largest) {
        /** The number beside the bar; the largest product says so. */
        public String valueText() {
            return largest ? I18n.text("app.dim.largest", multiplyAdds) : NumberText.count(multiplyAdds);
        }
    }

    /** Everything the step shows, for one (C, H). */
    public record Numbers(int C, int H, List<Shape> shapes, long parameters, long bytes32, long bytes64,
                          List<Cost> costs, String filledFormula) {
        /** Multiply-adds of one time step, all products together. */
        public long totalMultiplyAdds() {
            return costs.stream().mapToLong(Cost::multiplyAdds).sum();
        }

        public Cost largest() {
            return costs.stream().filter(Cost::largest).findFirst().orElseThrow();
        }
    }

    /** The table's words follow the language: the numbers are computed again (they are cheap). */
    private final javafx.beans.InvalidationListener reword = o -> update();
    private final IntegerProperty wordDim = new SimpleIntegerProperty(LessonDefaults.WORD_DIM);
    private final IntegerProperty hiddenDim = new SimpleIntegerProperty(LessonDefaults.HIDDEN_DIM);
    private final ObjectProperty<Numbers> numbers = new SimpleObjectProperty<>();
    private final NumberInput hiddenInput = NumberInput.whole("H", hiddenDim, MIN_HIDDEN, MAX_HIDDEN).step(10);
    private final StringBinding wordDimText = Bindings.createStringBinding(
            () -> "C = " + NumberText.count(numbers.get().C()), numbers);
    private final StringBinding parametersText = Bindings.createStringBinding(
            () -> NumberText.count(numbers.get().parameters()), numbers);
    private final StringBinding memory32Text = Bindings.createStringBinding(
            () -> I18n.text("app.dim.memory", Precision.FLOAT32.dtypeName(), 4, numbers.get().bytes32() / 1e6), numbers, I18n.languageProperty());
    private final StringBinding memory64Text = Bindings.createStringBinding(
            () -> I18n.text("app.dim.memory", Precision.FLOAT64.dtypeName(), 8, numbers.get().bytes64() / 1e6), numbers, I18n.languageProperty());

    /** @param vocabularySize C, the vocabulary size the rest of the lesson uses (followed, never written) */
    public DimensionsViewModel(ObservableValue<? extends Number> vocabularySize) {
        wordDim.addListener((obs, old, now) -> update());
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(reword));
        hiddenDim.addListener((obs, old, now) -> update());
        update();
        wordDim.bind(vocabularySize);
    }

    /** C: follows the vocabulary size of the session. */
    public ReadOnlyIntegerProperty wordDimProperty() {
        return wordDim;
    }

    /** H: the learner's choice, 100 in the lesson. */
    public IntegerProperty hiddenDimProperty() {
        return hiddenDim;
    }

    /** H as typed: {@value #MIN_HIDDEN} to {@value #MAX_HIDDEN}; a number outside is refused, not clamped. */
    public NumberInput hiddenInput() {
        return hiddenInput;
    }

    public ReadOnlyObjectProperty<Numbers> numbersProperty() {
        return numbers;
    }

    /** "C = 8,000". */
    public StringBinding wordDimText() {
        return wordDimText;
    }

    /** 2HC + H^2, written out: "1,610,000". */
    public StringBinding parametersText() {
        return parametersText;
    }

    /** "float32 (4 bytes each): 6.4 MB". */
    public StringBinding memory32Text() {
        return memory32Text;
    }

    public StringBinding memory64Text() {
        return memory64Text;
    }

    public int clampHidden(int h) {
        return Math.max(MIN_HIDDEN, Math.min(MAX_HIDDEN, h));
    }

    // ---- commands -----------------------------------------------------------------------------

    /**
     * Sets H, clamped to {@link #MIN_HIDDEN}..{@link #MAX_HIDDEN} (the slider, whose ends are within);
     * typed values go through {@link #hiddenInput()}, which refuses rather than clamps.
     */
    public void chooseHidden(int h) {
        hiddenDim.set(clampHidden(h));
    }

    /** Back to the lesson's H = 100. */
    public void lessonHidden() {
        hiddenDim.set(LessonDefaults.HIDDEN_DIM);
        hiddenInput.revert();
    }

    /** Stops following the session's C (the window closes). */
    public void dispose() {
        wordDim.unbind();
    }

    private void update() {
        numbers.set(compute(Math.max(1, wordDim.get()), Math.max(1, hiddenDim.get())));
    }

    /** The numbers for vocabulary size C and H hidden units. */
    public static Numbers compute(int C, int H) {
        long c = C;
        long h = H;
        List<Shape> shapes = List.of(
                new Shape("x_t", I18n.text("app.dim.role.x"), "C", NumberText.count(c), c),
                new Shape("o_t", I18n.text("app.dim.role.o"), "C", NumberText.count(c), c),
                new Shape("s_t", I18n.text("app.dim.role.s"), "H", NumberText.count(h), h),
                new Shape("U", I18n.text("app.dim.role.U"), "H \u00d7 C", NumberText.count(h) + " \u00d7 " + NumberText.count(c), h * c),
                new Shape("V", I18n.text("app.dim.role.V"), "C \u00d7 H", NumberText.count(c) + " \u00d7 " + NumberText.count(h), c * h),
                new Shape("W", I18n.text("app.dim.role.W"), "H \u00d7 H", NumberText.count(h) + " \u00d7 " + NumberText.count(h), h * h));
        long parameters = LessonDefaults.parameterCount(c, h);
        // U x_t is a column lookup, no multiplication; W s_(t-1) and V s_t are real matrix-vector products.
        long[] work = {0, h * h, c * h};
        long max = Math.max(work[1], work[2]);
        List<Cost> costs = List.of(
                new Cost("U x_t", I18n.text("app.dim.lookup", (long) h * c), work[0], false),
                new Cost("W s_t-1", "H \u00d7 H = " + NumberText.count(h) + " \u00d7 " + NumberText.count(h), work[1], work[1] == max && work[1] > work[2]),
                new Cost("V s_t", "C \u00d7 H = " + NumberText.count(c) + " \u00d7 " + NumberText.count(h), work[2], work[2] == max));
        String latex = "2HC + H^2 = 2 \\cdot " + tex(h) + " \\cdot " + tex(c) + " + " + tex(h) + "^2 = "
                + tex(2 * h * c) + " + " + tex(h * h) + " = " + tex(parameters);
        return new Numbers(C, H, shapes, parameters, parameters * 4, parameters * 8, costs, latex);
    }

    /** The costs from largest to smallest. */
    public static List<Cost> byCost(Numbers n) {
        return n.costs().stream().sorted(Comparator.comparingLong(Cost::multiplyAdds).reversed()).toList();
    }

    /** Bytes as MB (10^6 bytes), one decimal. */
    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }

    /** 1610000 as 1{,}610{,}000: LaTeX would read a bare comma as punctuation and space it. */
    static String tex(long n) {
        return NumberText.count(n).replace(",", "{,}");
    }
}
