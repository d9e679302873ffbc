package org.rnnlab.app.steps.gradcheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.rnnlab.app.support.Batches;
import org.rnnlab.app.support.Fakes;
import org.rnnlab.app.support.Background;
import org.rnnlab.app.support.Fakes.DirectBackground;
import org.rnnlab.app.support.Fakes.RecordingNotifier;
import org.rnnlab.common.UserException;
import org.rnnlab.training.CheckedElement;
import org.rnnlab.training.ParameterVerdict;

class GradientCheckViewModelTest {
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final DirectBackground work = new DirectBackground(notifier);
    /** Every run's delivery, each event handed over at once. */
    private final List<Consumer<List<GradientCheckViewModel.Event>>> deliveredTo = new ArrayList<>();
    private final Batches.Factory<GradientCheckViewModel.Event> direct = onBatch -> {
        deliveredTo.add(onBatch);
        return Batches.direct(onBatch);
    };

    private GradientCheckViewModel viewModel(Background background) {
        return new GradientCheckViewModel(background, notifier, direct);
    }

    @Test
    void theLessonsDefaultsArePrefilled() {
        GradientCheckViewModel vm = viewModel(work);
        assertEquals(100, vm.vocabularySizeProperty().get());
        assertEquals(10, vm.hiddenSizeProperty().get());
        assertEquals(0.001, vm.hProperty().get());
        assertEquals(0.01, vm.thresholdProperty().get());
        assertEquals(10, vm.seedProperty().get());
        int[][] xy = vm.validated();
        assertArrayEquals(new int[] {0, 1, 2, 3}, xy[0]);
        assertArrayEquals(new int[] {1, 2, 3, 4}, xy[1]);
        // The heat maps are empty matrices of the lesson's shapes before any run.
        assertEquals(10, vm.state("U").relativeErrors().length);
        assertEquals(100, vm.state("U").relativeErrors()[0].length);
        assertTrue(Double.isNaN(vm.state("V").relativeErrors()[99][9]));
    }

    @Test
    void resetToTheLessonPutsTheLessonsCheckBack() {
        GradientCheckViewModel vm = viewModel(work);
        vm.inputs().vocabularySize().enter("40");
        vm.inputs().h().enter("1e-7");
        vm.xProperty().set("[5, 6]");
        vm.yProperty().set("[6, 7]");
        vm.bugProperty().set(org.rnnlab.engine.ReferenceRnn.Bug.values()[1]);
        vm.resetToLesson();
        assertEquals(100, vm.vocabularySizeProperty().get());
        assertEquals(0.001, vm.hProperty().get());
        assertEquals("0.001", vm.inputs().h().textProperty().get());
        assertArrayEquals(new int[] {0, 1, 2, 3}, vm.validated()[0]);
        assertEquals(org.rnnlab.engine.ReferenceRnn.Bug.NONE, vm.bugProperty().get());
    }

    @Test
    void theCheckPassesForUVAndWOnASmallModel() {
        GradientCheckViewModel vm = viewModel(work);
        vm.vocabularySizeProperty().set(20);
        vm.hiddenSizeProperty().set(5);
        vm.run();

        assertEquals(List.of("Gradient check step: checking every element of U, V and W"), work.titles,
                "the status bar says which step the work is for");
        assertEquals(List.of(), notifier.messages);
        assertFalse(vm.runningProperty().get());
        int[] sizes = {5 * 20, 20 * 5, 5 * 5};
        for (int i = 0; i < 3; i++) {
            String p = GradientCheckViewModel.PARAMETERS.get(i);
            ParameterState st = vm.state(p);
            ParameterVerdict v = st.verdictProperty().get();
            assertNotNull(v, p);
            assertTrue(v.passed(), p + ": " + GradientCheckViewModel.lessonPrint(v));
            assertEquals(sizes[i], v.checked());
            assertEquals("Gradient check for parameter " + p + " passed (" + sizes[i] + " elements).",
                    st.statusProperty().get());
            assertEquals(sizes[i], st.doneProperty().get());
            assertEquals(sizes[i], st.totalProperty().get());
            for (double[] row : st.relativeErrors()) {
                for (double e : row) {
                    assertTrue(e <= 0.01, p + " relative error " + e); // also false for NaN: every element was checked
                }
            }
        }
        assertEquals(225, vm.elements().size(), "2HC + H^2 = 2 * 5 * 20 + 25 elements");
        assertTrue(work.progress.get(0).matches("Gradient check: 50 of 225 elements, time left: (about .+|–)"), work.progress.get(0));
        assertTrue(vm.summaryProperty().get().contains("the gradients are right"), vm.summaryProperty().get());

        vm.hiddenSizeProperty().set(6); // other settings: the results above are not theirs
        assertTrue(vm.elements().isEmpty(), "no old results under new shapes");
        assertEquals(0, vm.state("W").doneProperty().get());
        assertEquals(6, vm.state("W").relativeErrors().length);
        assertNull(vm.state("U").verdictProperty().get());
        assertTrue(vm.summaryProperty().get().startsWith("The settings changed"), vm.summaryProperty().get());
    }

    @Test
    void aNegativeVocabularyIsRefusedWithANoticeAndNothingRuns() {
        GradientCheckViewModel vm = viewModel(work);
        vm.vocabularySizeProperty().set(-5);
        vm.run();
        assertEquals(List.of(), work.titles);
        assertEquals(1, notifier.messages.size());
        assertTrue(notifier.last().startsWith("Gradient check: C must be between 2 and"), notifier.last());
        assertTrue(notifier.last().contains("C = -5"), notifier.last());
        assertFalse(vm.runningProperty().get());
        assertEquals(0, vm.elements().size());
    }

    @Test
    void aWordIndexPastTheVocabularyIsRefusedWithANotice() {
        GradientCheckViewModel vm = viewModel(work);
        vm.vocabularySizeProperty().set(20);
        vm.hiddenSizeProperty().set(5);
        vm.xProperty().set("[0, 1, 20]");
        vm.yProperty().set("[1, 2, 3]");
        vm.run();
        assertEquals(List.of(), work.titles);
        assertEquals("Gradient check: x holds 20, but word indices go from 0 to C - 1 = 19.", notifier.last());
    }

    @Test
    void aFailureInTheBackgroundIsToldAndEndsTheRun() {
        Background failing = new Fakes.FailingBackground("The native library could not be loaded.");
        GradientCheckViewModel vm = viewModel(failing);
        vm.run();
        assertEquals("Gradient check: The native library could not be loaded.", notifier.last());
        assertFalse(vm.runningProperty().get());
        assertEquals("The check was stopped before the end.", vm.summaryProperty().get());
    }

    @Test
    void cancelStopsTheCheckAndLateEventsAreDropped() throws Exception {
        Fakes.HeldBackground held = new Fakes.HeldBackground();
        GradientCheckViewModel vm = viewModel(held);
        vm.vocabularySizeProperty().set(20);
        vm.hiddenSizeProperty().set(5);
        vm.run();
        assertTrue(vm.runningProperty().get());
        vm.cancel();
        held.last().deliver();
        assertFalse(vm.runningProperty().get());
        assertEquals("The check was stopped before the end.", vm.summaryProperty().get());
        assertEquals(0, vm.elements().size(), "cancelled before the first element");
        assertNull(vm.state("U").verdictProperty().get());

        // An event the stopped run's worker posted late is not shown.
        CheckedElement late = new CheckedElement("U", 0, 0, 0.5, 0.5, 0, true);
        deliveredTo.get(0).accept(List.of(new GradientCheckViewModel.Element(late)));
        assertEquals(0, vm.elements().size());
        assertEquals(0, vm.state("U").doneProperty().get());
    }

    @Test
    void indicesAreReadWithOrWithoutBrackets() {
        assertArrayEquals(new int[] {0, 5, 7}, ExampleIndices.parse("[0, 5, 7]", "x", 10));
        assertArrayEquals(new int[] {3, 4}, ExampleIndices.parse("3 4", "x", 10));
    }

    @Test
    void badIndicesSayWhatIsWrong() {
        UserException big = assertThrows(UserException.class, () -> ExampleIndices.parse("[1, 100]", "x", 100));
        assertTrue(big.getMessage().contains("0 to C - 1 = 99"), big.getMessage());
        assertThrows(UserException.class, () -> ExampleIndices.parse("[1, two]", "y", 100));
        UserException huge = assertThrows(UserException.class, () -> ExampleIndices.parse("[1, 99999999999]", "x", 100));
        assertEquals("x holds 99999999999, but word indices go from 0 to C - 1 = 99.", huge.getMessage());
        assertThrows(UserException.class, () -> ExampleIndices.parse("[]", "y", 100));
        GradientCheckViewModel vm = viewModel(work);
        vm.yProperty().set("[1, 2]");
        UserException lengths = assertThrows(UserException.class, vm::validated);
        assertTrue(lengths.getMessage().contains("same length"));
        vm.run();
        assertTrue(notifier.last().contains("same length"), notifier.last());
        assertEquals(List.of(), work.titles);
    }

    @Test
    void aBadExampleIsSaidAsItIsTypedAndKeepsTheCheckFromRunning() {
        GradientCheckViewModel vm = viewModel(work);
        assertEquals("", vm.formProblemProperty().get());
        assertFalse(vm.runDisabledProperty().get());
        vm.xProperty().set("[0, 1, 200, 3]");
        assertTrue(vm.runDisabledProperty().get());
        assertTrue(vm.xInvalidProperty().get());
        assertFalse(vm.yInvalidProperty().get());
        assertEquals("x holds 200, but word indices go from 0 to C - 1 = 99.", vm.formProblemProperty().get());
        vm.vocabularySizeProperty().set(300); // a larger vocabulary has word 200
        assertFalse(vm.runDisabledProperty().get());
        vm.yProperty().set("[1, 2]");
        assertTrue(vm.yInvalidProperty().get(), "y is the one to change: x is the example");
        assertFalse(vm.xInvalidProperty().get());
        assertTrue(vm.formProblemProperty().get().contains("same length"), vm.formProblemProperty().get());
        vm.yProperty().set("[1, 2, 3, 4]");
        assertEquals("", vm.formProblemProperty().get());
        assertFalse(vm.runDisabledProperty().get());
        vm.hProperty().set(0.001);
        vm.inputs().h().textProperty().set("0"); // a number field's problem comes first
        vm.xProperty().set("[a]");
        assertTrue(vm.formProblemProperty().get().startsWith("Fix h first"), vm.formProblemProperty().get());
    }

    @Test
    void shapesFollowTheLesson() {
        assertArrayEquals(new int[] {10, 100}, GradientCheckViewModel.shape("U", 100, 10));
        assertArrayEquals(new int[] {100, 10}, GradientCheckViewModel.shape("V", 100, 10));
        assertArrayEquals(new int[] {10, 10}, GradientCheckViewModel.shape("W", 100, 10));
    }

    @Test
    void streamedElementsFillTheMatrixAndTheVerdictArrives() {
        GradientCheckViewModel vm = viewModel(work);
        vm.vocabularySizeProperty().set(4);
        vm.hiddenSizeProperty().set(2);
        vm.start();
        ParameterState w = vm.state("W");
        assertTrue(Double.isNaN(w.relativeErrors()[1][0]));
        long revision = w.revisionProperty().get();
        CheckedElement e = new CheckedElement("W", 1, 0, 0.5, 0.5000001, 1e-7, true);
        CheckedElement f = new CheckedElement("W", 1, 1, 0.5, 0.5000001, 2e-7, true);
        vm.accept(List.of(new GradientCheckViewModel.Started("W", 4), new GradientCheckViewModel.Element(e),
                new GradientCheckViewModel.Element(f)));
        assertEquals(1e-7, w.relativeErrors()[1][0]);
        assertEquals(2e-7, w.relativeErrors()[1][1]);
        assertEquals(2, w.doneProperty().get());
        assertEquals(4, w.totalProperty().get());
        assertEquals(revision + 1, w.revisionProperty().get(), "one change for the whole batch");
        assertEquals(List.of(e, f), vm.elements());
        vm.accept(List.of(new GradientCheckViewModel.Done(new ParameterVerdict("W", true, 4, null))));
        assertEquals("Gradient check for parameter W passed (4 elements).", w.statusProperty().get());
        vm.finish(true);
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void aStoppedCheckSaysSoOnTheParameterItWasChecking() {
        GradientCheckViewModel vm = viewModel(work);
        vm.vocabularySizeProperty().set(4);
        vm.hiddenSizeProperty().set(2);
        vm.start();
        CheckedElement e = new CheckedElement("U", 0, 0, 0.5, 0.5000001, 1e-7, true);
        vm.accept(List.of(new GradientCheckViewModel.Started("U", 8), new GradientCheckViewModel.Element(e)));
        assertEquals("checking...", vm.state("U").statusProperty().get());
        vm.finish(false);
        assertEquals("stopped after 1 of 8 elements", vm.state("U").statusProperty().get());
        assertEquals("waiting", vm.state("V").statusProperty().get(), "a parameter not begun still waits");
    }

    @Test
    void aFailureIsPrintedAsTheLessonDoes() {
        CheckedElement bad = new CheckedElement("U", 2, 3, 0.25, 0.125, 1.0 / 3, false);
        String text = GradientCheckViewModel.lessonPrint(new ParameterVerdict("U", false, 1000, bad));
        assertEquals(String.format("Gradient Check ERROR: parameter=U ix=(2, 3)%nEstimated_gradient: 0.125000%n"
                + "Backpropagation gradient: 0.250000%nRelative Error: 0.333333"), text);
    }

    @Test
    void typedSizesOutsideTheRangeAreRefusedAndTheCheckDoesNotRun() {
        GradientCheckViewModel vm = viewModel(work);
        GradientCheckInputs in = vm.inputs();
        assertFalse(vm.runDisabledProperty().get());
        assertFalse(in.vocabularySize().enter("-5"));
        assertEquals(100, vm.vocabularySizeProperty().get(), "C = -5 does not become 2");
        assertEquals("-5 is too small (2 to 10,000).", in.vocabularySize().problemProperty().get());
        assertTrue(vm.runDisabledProperty().get());
        vm.run();
        assertEquals(List.of(), work.titles, "nothing runs on the value the field does not show");
        assertTrue(notifier.last().contains("Fix C first: -5 is too small"), notifier.last());
        assertEquals(100 * 10, vm.state("U").relativeErrors().length * vm.state("U").relativeErrors()[0].length,
                "the cards keep the shapes of the C that is shown");

        assertFalse(in.vocabularySize().enter("100000"));
        assertEquals(100, vm.vocabularySizeProperty().get(), "C = 100,000 does not become 10,000");
        assertEquals("100000 is too large (2 to 10,000).", in.vocabularySize().problemProperty().get());

        assertFalse(in.h().enter("0"));
        assertFalse(in.threshold().enter("-1"));
        assertEquals(0.001, vm.hProperty().get());
        assertEquals(0.01, vm.thresholdProperty().get());

        assertTrue(in.vocabularySize().enter("20"));
        assertTrue(in.h().enter("1e-4"));
        assertTrue(in.threshold().enter("0.01"));
        assertFalse(vm.runDisabledProperty().get());
        assertEquals(20, vm.vocabularySizeProperty().get());
        assertEquals(1e-4, vm.hProperty().get());
    }

    @Test
    void anInjectedBugFailsOnTheParametersItBreaksAndOnlyThose() {
        GradientCheckViewModel vm = viewModel(work);
        vm.bugProperty().set(org.rnnlab.engine.ReferenceRnn.Bug.RECURRENCE_DROPPED);
        vm.run();
        assertFalse(vm.state("U").verdictProperty().get().passed());
        assertTrue(vm.state("V").verdictProperty().get().passed());
        assertFalse(vm.state("W").verdictProperty().get().passed());
        assertTrue(vm.summaryProperty().get().contains("2 parameters"), vm.summaryProperty().get());
        vm.bugProperty().set(org.rnnlab.engine.ReferenceRnn.Bug.SOFTMAX_SIGN_FLIPPED);
        assertTrue(vm.summaryProperty().get().startsWith("The settings changed"), "a new bug is a new setting");
        vm.run();
        for (String p : GradientCheckViewModel.PARAMETERS) {
            assertFalse(vm.state(p).verdictProperty().get().passed(), p);
            assertEquals(1.0, vm.state(p).verdictProperty().get().firstFailure().relativeError(), 1e-9, p);
        }
        vm.bugProperty().set(org.rnnlab.engine.ReferenceRnn.Bug.NONE);
        vm.run();
        assertTrue(vm.summaryProperty().get().startsWith("Backpropagation agrees"), vm.summaryProperty().get());
    }

    @Test
    void everyBugHasANameAndAnExplanation() {
        for (org.rnnlab.engine.ReferenceRnn.Bug bug : org.rnnlab.engine.ReferenceRnn.Bug.values()) {
            assertTrue(org.rnnlab.app.i18n.I18n.has(InjectedBugs.titleKey(bug)), bug.name());
            assertTrue(org.rnnlab.app.i18n.I18n.has(InjectedBugs.whyKey(bug)), bug.name());
        }
    }
}
