package org.rnnlab.app.steps.gradcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rnnlab.common.UserException;
import org.rnnlab.training.CheckedElement;
import org.rnnlab.training.ParameterVerdict;

/**
 * The gradient check: the lesson's small model (C = 100, H = 10, seed 10), one example, every
 * parameter's derivative estimated numerically and compared with backpropagation. Results stream
 * in per element; each parameter ends with a verdict.
 */
public final class GradientCheckViewModel {
    public static final List<String> PARAMETERS = List.of("U", "V", "W");
    /** The lesson's model for the check is exact: no truncation of BPTT. */
    public static final int NO_TRUNCATION = 1000;

    /** What the check reports, in order; handed to the FX thread in batches. */
    public sealed interface Event {
    }

    public record Started(String parameter, int elements) implements Event {
    }

    public record Element(CheckedElement element) implements Event {
    }

    public record Done(ParameterVerdict verdict) implements Event {
    }

    /** One parameter's progress, its relative errors as a matrix, and its verdict. */
    public static final class ParameterState {
        private final String name;
        private final IntegerProperty total = new SimpleIntegerProperty();
        private final IntegerProperty done = new SimpleIntegerProperty();
        private final ObjectProperty<ParameterVerdict> verdict = new SimpleObjectProperty<>();
        private final StringProperty status = new SimpleStringProperty("waiting");
        private double[][] relativeErrors = new double[0][0];
        private long changes;

        ParameterState(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public IntegerProperty totalProperty() {
            return total;
        }

        public IntegerProperty doneProperty() {
            return done;
        }

        public ObjectProperty<ParameterVerdict> verdictProperty() {
            return verdict;
        }

        public StringProperty statusProperty() {
            return status;
        }

        /** rows x columns of the parameter; NaN where not checked yet. */
        public double[][] relativeErrors() {
            return relativeErrors;
        }

        /** Increases with every element that arrives (the heatmap redraws when it changed). */
        public long changes() {
            return changes;
        }

        void reset(int rows, int cols) {
            relativeErrors = new double[rows][cols];
            for (double[] r : relativeErrors) {
                Arrays.fill(r, Double.NaN);
            }
            total.set(rows * cols);
            done.set(0);
            verdict.set(null);
            status.set("waiting");
            changes++;
        }
    }

    private final IntegerProperty vocabularySize = new SimpleIntegerProperty(100);
    private final IntegerProperty hiddenSize = new SimpleIntegerProperty(10);
    private final DoubleProperty h = new SimpleDoubleProperty(0.001);
    private final DoubleProperty threshold = new SimpleDoubleProperty(0.01);
    private final StringProperty x = new SimpleStringProperty("[0, 1, 2, 3]");
    private final StringProperty y = new SimpleStringProperty("[1, 2, 3, 4]");
    private final LongProperty seed = new SimpleLongProperty(10);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private final Map<String, ParameterState> states = new LinkedHashMap<>();
    private final ObservableList<CheckedElement> elements = FXCollections.observableArrayList();

    public GradientCheckViewModel() {
        for (String p : PARAMETERS) {
            states.put(p, new ParameterState(p));
        }
    }

    public IntegerProperty vocabularySizeProperty() {
        return vocabularySize;
    }

    public IntegerProperty hiddenSizeProperty() {
        return hiddenSize;
    }

    public DoubleProperty hProperty() {
        return h;
    }

    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    public StringProperty xProperty() {
        return x;
    }

    public StringProperty yProperty() {
        return y;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public ParameterState state(String parameter) {
        return states.get(parameter);
    }

    public ObservableList<CheckedElement> elements() {
        return elements;
    }

    /** The shape of a parameter: U is H x C, V is C x H, W is H x H. */
    public static int[] shape(String parameter, int c, int hidden) {
        return switch (parameter) {
            case "U" -> new int[] {hidden, c};
            case "V" -> new int[] {c, hidden};
            case "W" -> new int[] {hidden, hidden};
            default -> throw new IllegalArgumentException(parameter);
        };
    }

    /**
     * Reads "[0, 1, 2, 3]" (brackets and commas optional) as word indices below {@code c}.
     *
     * @throws UserException with a sentence saying what is wrong
     */
    public static int[] parseIndices(String text, String name, int c) {
        String body = text == null ? "" : text.strip();
        if (body.startsWith("[")) {
            body = body.substring(1);
        }
        if (body.endsWith("]")) {
            body = body.substring(0, body.length() - 1);
        }
        List<Integer> out = new ArrayList<>();
        for (String part : body.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int v;
            try {
                v = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new UserException(name + " must be a list of word indices such as [0, 1, 2, 3]; \"" + part + "\" is not a whole number.");
            }
            if (v < 0 || v >= c) {
                throw new UserException(name + " holds " + v + ", but word indices go from 0 to C - 1 = " + (c - 1) + ".");
            }
            out.add(v);
        }
        if (out.isEmpty()) {
            throw new UserException(name + " is empty; give at least one word index, such as [0, 1, 2, 3].");
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Checks the form; returns {x, y}. */
    int[][] validated() {
        int c = vocabularySize.get();
        if (c < 2 || hiddenSize.get() < 1) {
            throw new UserException("C must be at least 2 and H at least 1.");
        }
        if (!(h.get() > 0) || !(threshold.get() > 0)) {
            throw new UserException("h and the threshold must be positive numbers.");
        }
        int[] xs = parseIndices(x.get(), "x", c);
        int[] ys = parseIndices(y.get(), "y", c);
        if (xs.length != ys.length) {
            throw new UserException("x and y must have the same length (y is x shifted by one word); x has "
                    + xs.length + " words and y has " + ys.length + ".");
        }
        return new int[][] {xs, ys};
    }

    /** A check starts (FX thread). */
    void start() {
        elements.clear();
        for (String p : PARAMETERS) {
            int[] s = shape(p, vocabularySize.get(), hiddenSize.get());
            states.get(p).reset(s[0], s[1]);
        }
        summary.set("");
        running.set(true);
    }

    /** Events arrived (FX thread). */
    public void accept(List<Event> batch) {
        List<CheckedElement> added = new ArrayList<>();
        for (Event e : batch) {
            if (e instanceof Started s) {
                ParameterState st = states.get(s.parameter());
                st.total.set(s.elements());
                st.status.set("checking...");
            } else if (e instanceof Element el) {
                CheckedElement c = el.element();
                ParameterState st = states.get(c.parameter());
                double[][] m = st.relativeErrors;
                if (c.row() < m.length && c.column() < m[c.row()].length) {
                    m[c.row()][c.column()] = c.relativeError();
                }
                st.done.set(st.done.get() + 1);
                st.changes++;
                added.add(c);
            } else if (e instanceof Done d) {
                ParameterState st = states.get(d.verdict().parameter());
                st.verdict.set(d.verdict());
                st.status.set(verdictLine(d.verdict()));
            }
        }
        elements.addAll(added);
    }

    /** The check ended (FX thread). */
    void finish(boolean completed) {
        running.set(false);
        if (!completed) {
            summary.set("The check was stopped before the end.");
            return;
        }
        long failed = states.values().stream().filter(s -> s.verdict.get() != null && !s.verdict.get().passed()).count();
        summary.set(failed == 0
                ? "Backpropagation agrees with the numerical estimate for U, V and W: the gradients are right."
                : "Backpropagation disagrees with the numerical estimate for " + failed + " parameter"
                        + (failed == 1 ? "" : "s") + ": the gradient code has a bug (or h is too large or too small).");
    }

    /** "Gradient check for parameter U passed." or the first failing element, one line. */
    public static String verdictLine(ParameterVerdict v) {
        if (v.passed()) {
            return String.format(Locale.ROOT, "Gradient check for parameter %s passed (%,d elements).", v.parameter(), v.checked());
        }
        CheckedElement f = v.firstFailure();
        return f == null ? "Gradient check for parameter " + v.parameter() + " failed."
                : String.format(Locale.ROOT, "Gradient check ERROR: parameter=%s ix=(%d, %d)", v.parameter(), f.row(), f.column());
    }

    /** The first failing element as the lesson prints it. */
    public static String lessonPrint(ParameterVerdict v) {
        CheckedElement f = v.firstFailure();
        if (v.passed() || f == null) {
            return verdictLine(v);
        }
        return String.format(Locale.ROOT,
                "Gradient Check ERROR: parameter=%s ix=(%d, %d)%nEstimated_gradient: %f%nBackpropagation gradient: %f%nRelative Error: %f",
                v.parameter(), f.row(), f.column(), f.estimate(), f.backprop(), f.relativeError());
    }
}
