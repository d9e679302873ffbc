package org.rnnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import atlantafx.base.theme.Styles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rnnlab.app.session.LessonSession;
import org.rnnlab.app.session.ModelSessionFixture;
import org.rnnlab.app.session.ModelSessionFixtureStage;
import org.rnnlab.app.steps.LessonStep;
import org.rnnlab.app.steps.LessonSteps;
import org.rnnlab.app.steps.forward.ForwardView;
import org.rnnlab.app.widgets.NumberField;
import org.rnnlab.app.widgets.NumberInput;
import org.rnnlab.text.PreparedData;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every step of the lesson, built from {@link LessonSteps#ALL} on one session with a corpus and a
 * model, shown in turn in a 1280 x 800 window; into every number field the walk types letters, a
 * negative, a huge number and nothing, pressing Enter after each. No exception may reach an
 * uncaught-exception handler (the FX thread's or any other thread's), no field may hold a value
 * outside its range, each bad value must be said in the line under its field, and the command the
 * fields feed must be off meanwhile.
 */
@ExtendWith(ApplicationExtension.class)
class InputWalkTest {
    /** Bad input, as a learner types it. */
    private static final List<String> BAD = List.of("abc", "-5", "99999999999", "");
    /** The number fields each step has: a field replaced by something else, or lost, is noticed. */
    private static final Map<String, Integer> FIELDS = Map.ofEntries(
            Map.entry("languageModelStep", 0), Map.entry("corpusStep", 1), Map.entry("vocabularyStep", 1),
            Map.entry("trainingDataStep", 1), Map.entry("dimensionsStep", 1), Map.entry("forwardStep", 1),
            Map.entry("lossStep", 1), Map.entry("bpttStep", 0), Map.entry("gradientCheckStep", 5),
            Map.entry("trainingStep", 8), Map.entry("generateStep", 4));
    /** The command each step's fields feed, which must be off while one of them is invalid. */
    private static final Map<String, String> COMMANDS = Map.of(
            "lossStep", "#computeLoss", "gradientCheckStep", "#runGradientCheck", "trainingStep", "#startTraining",
            "generateStep", "#generateButton");

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private final Map<String, LessonStep> steps = new LinkedHashMap<>();
    private final StackPane content = new StackPane();
    private LessonSession session;
    private Thread.UncaughtExceptionHandler defaultHandler;
    private Thread.UncaughtExceptionHandler fxHandler;

    @Start
    void start(Stage stage) {
        // On the FX thread: an exception thrown by an event handler is reported to this thread's handler.
        fxHandler = Thread.currentThread().getUncaughtExceptionHandler();
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        defaultHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        session = new LessonSession();
        for (LessonSteps.Entry entry : LessonSteps.ALL) {
            steps.put(entry.id(), entry.factory().apply(session));
        }
        ModelSessionFixtureStage.show(stage, content, session);
    }

    @BeforeEach
    void corpusAndModel() throws Exception {
        ModelSessionFixture.install(session, 30);
        waitFor(60, () -> session.models().model() != null && session.models().matchesCorpusProperty().get());
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> {
            steps.values().forEach(LessonStep::dispose);
            session.dispose();
            Thread.currentThread().setUncaughtExceptionHandler(fxHandler);
        });
        Thread.setDefaultUncaughtExceptionHandler(defaultHandler);
        FxToolkit.cleanupStages();
    }

    @Test
    void badNumbersInEveryFieldAreRefusedInlineAndThrowNothing(FxRobot robot) throws Exception {
        List<String> problems = new ArrayList<>();
        int walked = 0;
        for (LessonSteps.Entry entry : LessonSteps.ALL) {
            List<NumberField> fields = show(entry.id());
            assertEquals(FIELDS.get(entry.id()), fields.size(), "number fields on " + entry.title());
            assertTrue(content.lookupAll(".spinner").isEmpty(), entry.title() + " still has a spinner");
            for (NumberField field : fields) {
                String where = entry.title() + " > " + field.input().name();
                for (String bad : BAD) {
                    type(robot, field, bad);
                    check(field, where + " after \u201c" + bad + "\u201d", problems);
                    String command = COMMANDS.get(entry.id());
                    if (command != null && !robot.lookup(command).queryAs(Button.class).isDisabled()) {
                        problems.add(where + ": " + command + " is on while \u201c" + bad + "\u201d is in the field");
                    }
                }
                robot.type(KeyCode.ESCAPE);   // back to the value the view-model holds
                WaitForAsyncUtils.waitForFxEvents();
                if (!field.input().isValid() || field.showsProblem()) {
                    problems.add(where + ": Esc did not bring the field back to its value");
                }
                walked++;
            }
        }
        assertEquals(FIELDS.values().stream().mapToInt(Integer::intValue).sum(), walked);
        assertNothingUncaught();
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n" + String.join("\n", problems));
        }
    }

    @Test
    void sentenceThreeIsTheSameSentenceInForwardPassAndTrainingData(FxRobot robot) throws Exception {
        PreparedData data = session.corpus().preparedProperty().get();
        List<String> third = data.sentenceTokens(2);

        NumberField forward = show("forwardStep").get(0);
        type(robot, forward, "3");
        ForwardView view = (ForwardView) steps.get("forwardStep");
        waitFor(30, () -> view.viewModel().traceProperty().get() != null
                && view.viewModel().traceProperty().get().inputs().equals(third.subList(0, third.size() - 1)));
        assertEquals(2, view.viewModel().sentenceIndexProperty().get(), "typed 3: the third sentence");
        assertFalse(robot.lookup(".label").queryAllAs(Label.class).stream().anyMatch(l -> l.getText() != null
                && l.getText().contains("numbered from 0")), "no step counts sentences from 0");

        NumberField trainingData = show("trainingDataStep").get(0);
        type(robot, trainingData, "3");
        List<String> xWords = robot.lookup("#shiftDiagram .token-chip.pickable").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertEquals(third.subList(0, third.size() - 1), xWords, "typed 3: the same third sentence");
        assertNothingUncaught();
    }

    /** Shows one step as the main window does, and returns its number fields in the order of the page. */
    private List<NumberField> show(String id) throws Exception {
        LessonStep step = steps.get(id);
        fx(() -> {
            content.getChildren().setAll(step.getPanel());
            step.onShown();
            content.applyCss();
            content.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<NumberField> out = new ArrayList<>();
        fx(() -> {
            for (Node n : content.lookupAll("." + NumberField.STYLE_CLASS)) {
                out.add((NumberField) n);
            }
        });
        return out;
    }

    /** Focuses the field, replaces its text by typing {@code text} key by key, and presses Enter. */
    private static void type(FxRobot robot, NumberField field, String text) throws Exception {
        fx(() -> {
            field.editor().requestFocus();
            field.editor().selectAll();
        });
        robot.type(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            robot.write(text);
        }
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The field after a bad value: nothing but a number in it, the value in range, the problem said under it. */
    private static void check(NumberField field, String where, List<String> problems) throws Exception {
        fx(() -> {
            NumberInput in = field.input();
            String text = field.editor().getText();
            if (!NumberInput.typeable(text, in.kind())) {
                problems.add(where + ": the field holds \u201c" + text + "\u201d");
            }
            double v = in.shownValue();
            if (v < in.minProperty().get() || v > in.maxProperty().get()) {
                problems.add(where + ": the value became " + v + ", outside " + in.rangeTextProperty().get());
            }
            if (in.isValid()) {
                problems.add(where + ": taken as valid");
            }
            Label hint = field.hint();
            if (!field.showsProblem() || !hint.isVisible() || !hint.getText().equals(in.problemProperty().get())
                    || !hint.getStyleClass().contains(Styles.DANGER)) {
                problems.add(where + ": no inline message (the line says \u201c" + hint.getText() + "\u201d)");
            }
        });
    }

    private void assertNothingUncaught() {
        if (!uncaught.isEmpty()) {
            StringWriter out = new StringWriter();
            uncaught.forEach(e -> e.printStackTrace(new PrintWriter(out)));
            fail(uncaught.size() + " exception(s) reached an uncaught-exception handler:\n" + out);
        }
    }
}
