package org.rnnlab.app.widgets;

import org.rnnlab.app.i18n.I18n;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * One number the learner types, as a view-model holds it: the text as typed, whether it is a
 * number within the allowed range, a sentence saying why not, and the value, which only ever
 * receives numbers within the range, when the text is committed (Enter, or leaving the field).
 * Out-of-range text is refused, never clamped: the learner sees the problem and a command that
 * depends on it stays off. No nodes: a view-model owns these and tests them without a stage;
 * {@link NumberField} shows one.
 *
 * <p>Indices the view-model counts from 0 can be shown from 1 ({@link #index}): what is typed and
 * shown is the stored value plus an offset.
 */
public final class NumberInput {
    /** Whole numbers (digits and a sign) or decimals (also a point and an exponent, "1e-5"). */
    public enum Kind { WHOLE, DECIMAL }

    /** What a text means: the number shown (within range) when {@code problem} is empty, else why not. */
    public record Reading(Number value, String problem) {
        public boolean ok() {
            return problem.isEmpty();
        }
    }

    /** Longer text cannot be a sensible number: typing stops there. */
    static final int MAX_LENGTH = 24;
    private static final Pattern WHOLE_PREFIX = Pattern.compile("[+-]?(?:[0-9][0-9,]*)?");
    private static final Pattern DECIMAL_PREFIX =
            Pattern.compile("[+-]?(?:[0-9][0-9,]*)?(?:\\.[0-9]*)?(?:(?<=[0-9])[eE][+-]?[0-9]*)?");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL_NUMBER = Pattern.compile("[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private final Kind kind;
    private final String name;
    private final ObservableValue<? extends Number> source;
    private final Consumer<Number> sink;
    private final long offset;
    private final DoubleProperty min = new SimpleDoubleProperty();
    private final DoubleProperty max = new SimpleDoubleProperty();
    private boolean aboveMin;
    private double step = 1;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final BooleanBinding available = min.lessThanOrEqualTo(max);
    private final StringBinding rangeText = Bindings.createStringBinding(this::rangeText, min, max, I18n.languageProperty());
    /** The problem line is worded again when the language changes. */
    private final javafx.beans.InvalidationListener reword = o -> check();

    private NumberInput(Kind kind, String name, ObservableValue<? extends Number> source, Consumer<Number> sink,
                        long offset, double min, double max) {
        this.kind = kind;
        this.name = name;
        this.source = source;
        this.sink = sink;
        this.offset = offset;
        this.min.set(min);
        this.max.set(max);
        text.addListener((o, a, b) -> check());
        this.min.addListener((o, a, b) -> check());
        this.max.addListener((o, a, b) -> check());
        source.addListener((o, a, b) -> show());
        I18n.languageProperty().addListener(new javafx.beans.WeakInvalidationListener(reword));
        show();
    }

    /**
     * A whole number written to {@code value} (an Integer- or LongProperty).
     *
     * @param name what the number is, in a sentence ("the number of epochs", "C"): "Fix C first: ..."
     */
    public static NumberInput whole(String name, Property<Number> value, long min, long max) {
        return new NumberInput(Kind.WHOLE, name, value, value::setValue, 0, min, max);
    }

    /** A whole number read from {@code source} and handed to {@code command} (which may do more than set it). */
    public static NumberInput whole(String name, ObservableValue<? extends Number> source, Consumer<Number> command,
                                    long min, long max) {
        return new NumberInput(Kind.WHOLE, name, source, command, 0, min, max);
    }

    /** A decimal number written to {@code value}. */
    public static NumberInput decimal(String name, Property<Number> value, double min, double max) {
        return new NumberInput(Kind.DECIMAL, name, value, value::setValue, 0, min, max);
    }

    /**
     * An index the view-model counts from 0, shown and typed from 1: "1" means index 0. The range
     * is 1 to {@code count}; with nothing to choose from (count 0) the input is not available.
     */
    public static NumberInput index(String name, ObservableValue<? extends Number> zeroBased, Consumer<Integer> pick,
                                    ObservableValue<? extends Number> count) {
        NumberInput in = new NumberInput(Kind.WHOLE, name, zeroBased, v -> pick.accept(v.intValue()), 1, 1, 0);
        in.max.bind(Bindings.createDoubleBinding(() -> count.getValue().doubleValue(), count));
        return in;
    }

    /** The lower bound itself is refused: the number must be more than it (a learning rate above 0). */
    public NumberInput aboveMin() {
        aboveMin = true;
        check();
        return this;
    }

    /** What the arrow keys add or take away (1 unless set). */
    public NumberInput step(double amount) {
        step = amount;
        return this;
    }

    // ---- state ----------------------------------------------------------------------------------

    public Kind kind() {
        return kind;
    }

    /** What the number is, in a sentence, in the current language (a bundle key, or words not yet in the bundles). */
    public String name() {
        return I18n.has(name) ? I18n.text(name) : name;
    }

    /** The text as typed (the field is bound to it). */
    public StringProperty textProperty() {
        return text;
    }

    /** Why the text is not accepted, one sentence; "" when it is a number within range. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True when the text is a number within range (and there is a range to choose from). */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    /** False while there is nothing to choose from (an index into an empty corpus). */
    public BooleanBinding availableProperty() {
        return available;
    }

    /** The smallest number accepted, as shown (a view-model may bind it, to a corpus say). */
    public DoubleProperty minProperty() {
        return min;
    }

    /** The largest number accepted, as shown. */
    public DoubleProperty maxProperty() {
        return max;
    }

    /** "1 to 20", "more than 0, up to 100": the numbers accepted. */
    public StringBinding rangeTextProperty() {
        return rangeText;
    }

    // ---- commands -------------------------------------------------------------------------------

    /**
     * Reads the text; a number within range goes to the value and is shown the way it was
     * taken ("8,000" becomes "8000"). Anything else changes nothing but the problem line.
     *
     * @return whether the value was taken
     */
    public boolean commit() {
        Reading r = read(text.get());
        if (!r.ok() || !available.get()) {
            return false;
        }
        Number stored = kind == Kind.WHOLE ? (Number) (r.value().longValue() - offset) : (Number) (r.value().doubleValue() - offset);
        sink.accept(stored);
        show();
        return true;
    }

    /** Calls {@code listener} with each new value, as typed would show it (an index's counts from 1). */
    public void onValue(Consumer<Number> listener) {
        source.addListener((o, was, v) -> {
            if (v != null) {
                listener.accept(kind == Kind.WHOLE ? (Number) (v.longValue() + offset) : (Number) (v.doubleValue() + offset));
            }
        });
    }

    /** Types {@code typed} and commits it (tests, and a view-model filling a field). */
    public boolean enter(String typed) {
        text.set(typed);
        return commit();
    }

    /** Back to the current value, forgetting what was typed (Esc). */
    public void revert() {
        show();
    }

    /**
     * One step up ({@code direction} 1) or down (-1) from the number typed or else the current
     * value, kept within the range, and committed (the arrow keys).
     */
    public void stepBy(int direction) {
        if (!available.get()) {
            return;
        }
        Reading r = read(text.get());
        double base = r.ok() ? r.value().doubleValue() : shownValue();
        BigDecimal next = BigDecimal.valueOf(base).add(BigDecimal.valueOf(step).multiply(BigDecimal.valueOf(direction)));
        double n = Math.max(min.get(), Math.min(max.get(), next.doubleValue()));
        if (aboveMin && n <= min.get()) {
            return;
        }
        text.set(format(kind == Kind.WHOLE ? Math.round(n) : n));
        commit();
    }

    // ---- reading --------------------------------------------------------------------------------

    /** What {@code typed} means against the current range. */
    public Reading read(String typed) {
        return read(typed, kind, min.get(), max.get(), aboveMin);
    }

    /**
     * What {@code typed} means for a number of {@code kind} from {@code min} to {@code max}
     * (above {@code min} when {@code aboveMin}). Never throws: letters, a lone sign, an exponent
     * too large to read are all problems in words.
     */
    public static Reading read(String typed, Kind kind, double min, double max, boolean aboveMin) {
        String t = clean(typed);
        String range = rangeText(kind, min, max, aboveMin);
        boolean whole = kind == Kind.WHOLE;
        if (t.isEmpty()) {
            return new Reading(null, whole ? I18n.text("app.number.typeWhole", range) : I18n.text("app.number.type", range));
        }
        if (!(kind == Kind.WHOLE ? WHOLE_NUMBER : DECIMAL_NUMBER).matcher(t).matches()) {
            String s = shortText(typed.strip());
            boolean yet = typeable(t, kind);
            return new Reading(null, whole ? (yet ? I18n.text("app.number.notWholeYet", s, range) : I18n.text("app.number.notWhole", s, range))
                    : (yet ? I18n.text("app.number.notNumberYet", s, range) : I18n.text("app.number.notNumber", s, range)));
        }
        BigDecimal v;
        try {
            v = new BigDecimal(t);
        } catch (NumberFormatException | ArithmeticException e) {
            return new Reading(null, I18n.text("app.number.outOfRange", shortText(t), range));
        }
        String shown = shortText(t);
        BigDecimal low = new BigDecimal(Double.toString(min));
        BigDecimal high = new BigDecimal(Double.toString(max));
        int below = v.compareTo(low);
        if (below < 0 || aboveMin && below == 0) {
            return new Reading(null, I18n.text("app.number.tooSmall", shown, range));
        }
        if (v.compareTo(high) > 0) {
            return new Reading(null, I18n.text("app.number.tooLarge", shown, range));
        }
        return new Reading(kind == Kind.WHOLE ? (Number) v.longValue() : (Number) v.doubleValue(), "");
    }

    /**
     * Whether {@code text} can still become a number of {@code kind} as more is typed: what the
     * field lets through, key by key ("-", "1e" yes; "abc", "1..2" no). Commas are tolerated as
     * thousands separators. A sign is always allowed, so that a negative is refused in words
     * rather than silently turned into a positive number.
     */
    public static boolean typeable(String text, Kind kind) {
        return text.length() <= MAX_LENGTH && (kind == Kind.WHOLE ? WHOLE_PREFIX : DECIMAL_PREFIX).matcher(text).matches();
    }

    /** A number as the field shows it: whole without separators, decimals shortest ("0.005", "1e-5"). */
    public String format(double shown) {
        return format(shown, kind);
    }

    public static String format(double v, Kind kind) {
        if (kind == Kind.WHOLE) {
            return Long.toString(Math.round(v));
        }
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        double abs = Math.abs(v);
        if (abs >= 1e-4 && abs < 1e9) {
            return d.toPlainString();
        }
        int exponent = d.precision() - d.scale() - 1;
        return d.movePointLeft(exponent).toPlainString() + "e" + exponent;
    }

    /** The range in words: "1 to 20", "0.1 to 3", "more than 0, up to 100". */
    static String rangeText(Kind kind, double min, double max, boolean aboveMin) {
        if (max < min) {
            return I18n.text("app.number.nothing");
        }
        return aboveMin ? I18n.text("app.number.rangeAbove", label(min, kind), label(max, kind))
                : I18n.text("app.number.range", label(min, kind), label(max, kind));
    }

    private String rangeText() {
        return rangeText(kind, min.get(), max.get(), aboveMin);
    }

    /** A bound in a sentence: whole numbers with thousands separators ("10,000"). */
    private static String label(double v, Kind kind) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return format(v, kind);
    }

    /** The typed number without separators, short enough for a sentence. */
    private static String shortText(String cleaned) {
        return cleaned.length() <= 14 ? cleaned : cleaned.substring(0, 12) + "\u2026";
    }

    private static String clean(String typed) {
        return typed == null ? "" : typed.strip().replace(",", "").replace("_", "");
    }

    /** The value the view-model holds, as shown (an index plus one); what the field says when nothing is typed. */
    public double shownValue() {
        return source.getValue().doubleValue() + offset;
    }

    /** The current value as text; the problem line is cleared by the check that follows. */
    private void show() {
        text.set(format(shownValue()));
        check();
    }

    private void check() {
        Reading r = read(text.get());
        boolean open = available.get();
        problem.set(open ? r.problem() : "");
        valid.set(open && r.ok());
    }
}
