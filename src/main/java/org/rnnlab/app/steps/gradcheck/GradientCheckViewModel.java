package org.rnnlab.app.steps.gradcheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rnnlab.app.support.Batches;
import org.rnnlab.app.support.Background;
import org.rnnlab.app.support.NumberText;
import org.rnnlab.app.support.FxBatcher;
import org.rnnlab.app.support.Notifier;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.common.UserException;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.ReferenceRnn;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.training.CheckedElement;
import org.rnnlab.training.GradientCheck;
import org.rnnlab.training.GradientCheckListener;
import org.rnnlab.training.ParameterVerdict;

/**
 * The gradient check: the lesson's small model (C = 100, H = 10, seed 10), one example, every
 * parameter's derivative estimated numerically and compared with backpropagation. {@link #run()}
 * validates the form and starts the check in the background; results stream in per element;
 * each parameter ends with a verdict.
 */
public final class GradientCheckViewModel {
    public static final List<String> PARAMETERS = List.of("U", "V", "W");
    /** The lesson's model for the check is exact: no truncation of BPTT. */
    public static final int NO_TRUNCATION = 1000;
    /**
     * The largest model the form accepts. The check costs two forward passes for each of the
     * 2HC + H^2 elements, so it slows down long before these bounds; the lesson's is C = 100, H = 10.
     */
    public static final int MAX_WORD_DIM = 10_000;
    public static final int MAX_HIDDEN_DIM = 500;
    /** The status bar's progress is updated every this many elements (more often only costs). */
    private static final int PROGRESS_EVERY = 50;

    /** What the check reports, in order; handed to the FX thread in batches. */
    public sealed interface Event {
    }

    public record Started(String parameter, int elements) implements Event {
    }

    public record Element(CheckedElement element) implements Event {
    }

    public record Done(ParameterVerdict verdict) implements Event {
    }

    private final Background work;
    private final Notifier notifier;
    private final Batches.Factory<Event> deliveries;
    private final IntegerProperty vocabularySize = new SimpleIntegerProperty(LessonDefaults.GRADCHECK_WORD_DIM);
    private final IntegerProperty hiddenSize = new SimpleIntegerProperty(LessonDefaults.GRADCHECK_HIDDEN_DIM);
    private final DoubleProperty h = new SimpleDoubleProperty(LessonDefaults.GRADCHECK_H);
    private final DoubleProperty threshold = new SimpleDoubleProperty(LessonDefaults.GRADCHECK_THRESHOLD);
    // The lesson's example: y is x shifted by one word.
    static final String LESSON_X = "[0, 1, 2, 3]";
    static final String LESSON_Y = "[1, 2, 3, 4]";
    private final StringProperty x = new SimpleStringProperty(LESSON_X);
    private final StringProperty y = new SimpleStringProperty(LESSON_Y);
    private final LongProperty seed = new SimpleLongProperty(LessonDefaults.SEED);
    private final javafx.beans.property.ObjectProperty<ReferenceRnn.Bug> bug =
            new javafx.beans.property.SimpleObjectProperty<>(ReferenceRnn.Bug.NONE);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final GradientCheckInputs inputs = new GradientCheckInputs(vocabularySize, hiddenSize, h, threshold, seed);
    /** x and y as typed, read once for every binding below (the sentences in the learner's language). */
    private final javafx.beans.binding.ObjectBinding<ExampleIndices.Check> examples = Bindings.createObjectBinding(
            () -> ExampleIndices.check(x.get(), y.get(), vocabularySize.get()), x, y, vocabularySize, I18n.languageProperty());
    /** What is wrong with x or y as typed; "" when both are fine. */
    private final StringBinding examplesProblem = Bindings.createStringBinding(() -> examples.get().problem(), examples);
    private final BooleanBinding xInvalid = Bindings.createBooleanBinding(() -> examples.get().xBad(), examples);
    private final BooleanBinding yInvalid = Bindings.createBooleanBinding(() -> examples.get().yBad(), examples);
    /** The first thing to fix before the check can run: a number field's, else x's or y's; "" when none. */
    private final StringBinding formProblem = Bindings.createStringBinding(
            () -> inputs.all().problemProperty().get().isEmpty() ? examplesProblem.get() : inputs.all().problemProperty().get(),
            inputs.all().problemProperty(), examplesProblem);
    private final BooleanBinding runDisabled = running.or(inputs.all().validProperty().not()).or(examplesProblem.isNotEmpty());
    private final StringProperty summary = new SimpleStringProperty("");
    private final Map<String, ParameterState> states = new LinkedHashMap<>();
    private final ObservableList<CheckedElement> elements = FXCollections.observableArrayList();
    private final ObservableList<CheckedElement> elementsView = FXCollections.unmodifiableObservableList(elements);
    private Background.Running task;
    /** Which run's events are still welcome; a finished or cancelled run's late events are dropped. */
    private long currentRun;

    /** The app's: results come to the FX thread in batches, one per frame at most. */
    public GradientCheckViewModel(Background work, Notifier notifier) {
        this(work, notifier, FxBatcher::new);
    }

    /** @param deliveries carries each run's events to the FX thread (tests: at once) */
    public GradientCheckViewModel(Background work, Notifier notifier, Batches.Factory<Event> deliveries) {
        this.work = work;
        this.notifier = notifier;
        this.deliveries = deliveries;
        for (String p : PARAMETERS) {
            ParameterState st = new ParameterState(p);
            states.put(p, st);
            int[] s = shape(p, vocabularySize.get(), hiddenSize.get());
            st.reset(s[0], s[1]);
        }
        // results of a check on other settings would sit under the new shapes: they go, and the summary says so
        for (javafx.beans.Observable setting : new javafx.beans.Observable[] {vocabularySize, hiddenSize, h, threshold, x, y, seed, bug}) {
            setting.addListener(o -> settingsChanged());
        }
    }

    private void settingsChanged() {
        if (running.get() || (elements.isEmpty() && summary.get().isEmpty())) {
            return;
        }
        elements.clear();
        for (String p : PARAMETERS) {
            int[] s = shape(p, vocabularySize.get(), hiddenSize.get());
            states.get(p).reset(s[0], s[1]);
        }
        summary.set(I18n.text("bptt.gc.summary.changed"));
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

    /** A bug put into backpropagation (the reference BPTT) for the check to catch; NONE checks the engine. */
    public javafx.beans.property.ObjectProperty<ReferenceRnn.Bug> bugProperty() {
        return bug;
    }

    /** The lesson's check again: its model, h, threshold and example, and no bug put in (Reset to the lesson). */
    public void resetToLesson() {
        vocabularySize.set(LessonDefaults.GRADCHECK_WORD_DIM);
        hiddenSize.set(LessonDefaults.GRADCHECK_HIDDEN_DIM);
        h.set(LessonDefaults.GRADCHECK_H);
        threshold.set(LessonDefaults.GRADCHECK_THRESHOLD);
        seed.set(LessonDefaults.SEED);
        x.set(LESSON_X);
        y.set(LESSON_Y);
        bug.set(ReferenceRnn.Bug.NONE);
        inputs.all().revert();
    }

    /** The number fields the check reads; it runs only while all hold valid numbers. */
    public GradientCheckInputs inputs() {
        return inputs;
    }

    /** The first thing to fix before the check can run, or "" (the line beside the buttons). */
    public StringBinding formProblemProperty() {
        return formProblem;
    }

    /** x (or y) as typed is not a list of word indices below C (y also when its length is not x's). */
    public BooleanBinding xInvalidProperty() {
        return xInvalid;
    }

    public BooleanBinding yInvalidProperty() {
        return yInvalid;
    }

    /** True while a check runs, a number field is invalid or x or y is (the line beside the buttons says why). */
    public BooleanBinding runDisabledProperty() {
        return runDisabled;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ParameterState state(String parameter) {
        return states.get(parameter);
    }

    /** Every checked element, in the order checked (the table's rows). */
    public ObservableList<CheckedElement> elements() {
        return elementsView;
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
     * Checks the form and starts the check in the background; a form that cannot be checked gets a
     * notice saying what to change, and nothing starts. Does nothing while a check runs.
     */
    public void run() {
        if (running.get()) {
            return;
        }
        int[][] xy;
        try {
            xy = validated();
        } catch (UserException e) {
            notifier.warn(I18n.text("bptt.gc.title"), e.getMessage());
            return;
        }
        if (!inputs.all().isValid()) { // typed, not yet taken: the field's line says why
            notifier.warn(I18n.text("bptt.gc.title"), inputs.all().problemProperty().get());
            return;
        }
        int c = vocabularySize.get();
        int hidden = hiddenSize.get();
        long modelSeed = seed.get();
        GradientCheck check = InjectedBugs.check(bug.get(), h.get(), threshold.get());
        start();
        long thisRun = ++currentRun;
        Batches<Event> delivery = deliveries.to(batch -> {
            if (thisRun == currentRun) {
                accept(batch);
            }
        });
        Background.Running submitted = work.submit(I18n.text("bptt.gc.work"), job -> {
            RnnModel model = RnnModel.initialise(c, hidden, NO_TRUNCATION, modelSeed, Precision.FLOAT64);
            return check.run(model, xy[0], xy[1], listener(delivery, job, (int) LessonDefaults.parameterCount(c, hidden)),
                    job.cancel());
        }, verdicts -> {
            delivery.drain();
            finish(true);
        }, e -> {
            delivery.drain();
            finish(false);
            notifier.failure(I18n.text("bptt.gc.title"), e);
        }, () -> {
            delivery.drain();
            finish(false);
        });
        if (thisRun == currentRun) { // not finished already (a background that runs at once)
            task = submitted;
        }
    }

    /** Stops the running check at its next element; what was checked so far stays shown. */
    public void cancel() {
        if (task != null) {
            task.cancel();
        }
    }

    /** Posts the check's events; called on the checking thread. */
    private static GradientCheckListener listener(Batches<Event> delivery, Background.Job job, int total) {
        long started = System.nanoTime();
        return new GradientCheckListener() {
            private int done;

            @Override
            public void onParameterStart(String parameter, int elements) {
                delivery.post(new Started(parameter, elements));
            }

            @Override
            public void onElement(CheckedElement e) {
                delivery.post(new Element(e));
                if (++done % PROGRESS_EVERY == 0) {
                    // a check of a large model takes minutes: the time left, from the pace so far
                    double perSecond = done / ((System.nanoTime() - started) / 1e9);
                    job.progress().progress(done, total, I18n.text("bptt.gc.progress", done, total,
                            NumberText.timeLeft(total - done, perSecond)));
                }
            }

            @Override
            public void onParameterDone(ParameterVerdict v) {
                delivery.post(new Done(v));
            }
        };
    }

    /** Checks the form; returns {x, y}. */
    int[][] validated() {
        int c = vocabularySize.get();
        int hidden = hiddenSize.get();
        if (c < 2 || c > MAX_WORD_DIM || hidden < 1 || hidden > MAX_HIDDEN_DIM) {
            throw new UserException(String.format(Locale.ROOT,
                    "C must be between 2 and %,d and H between 1 and %,d; they are C = %d and H = %d.",
                    MAX_WORD_DIM, MAX_HIDDEN_DIM, c, hidden));
        }
        if (!(h.get() > 0) || !(threshold.get() > 0)) {
            throw new UserException("h and the threshold must be positive numbers.");
        }
        if (seed.get() < 0 || seed.get() > RnnModel.MAX_SEED) {
            throw new UserException("The seed must be between 0 and " + RnnModel.MAX_SEED + ".");
        }
        return ExampleIndices.pair(x.get(), y.get(), c);
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
    void accept(List<Event> batch) {
        List<CheckedElement> added = new ArrayList<>();
        Set<ParameterState> touched = new HashSet<>();
        for (Event e : batch) {
            if (e instanceof Started s) {
                states.get(s.parameter()).started(s.elements());
            } else if (e instanceof Element el) {
                CheckedElement c = el.element();
                ParameterState st = states.get(c.parameter());
                st.record(c);
                touched.add(st);
                added.add(c);
            } else if (e instanceof Done d) {
                states.get(d.verdict().parameter()).finished(d.verdict(), verdictLine(d.verdict()));
            }
        }
        // One change per batch, not per element: listeners (labels, heat maps) update once per frame.
        touched.forEach(ParameterState::publish);
        elements.addAll(added);
    }

    /** The check ended (FX thread). */
    void finish(boolean completed) {
        currentRun++;
        task = null;
        running.set(false);
        if (!completed) {
            states.values().forEach(ParameterState::stopped);
            summary.set(I18n.text("bptt.gc.summary.stopped"));
            return;
        }
        long failed = states.values().stream().map(s -> s.verdictProperty().get())
                .filter(v -> v != null && !v.passed()).count();
        summary.set(failed == 0 ? I18n.text("bptt.gc.summary.passed") : I18n.text("bptt.gc.summary.failed", failed));
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
