package org.rnnlab.app.steps.gradcheck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.common.UserException;
import org.rnnlab.training.CheckedElement;
import org.rnnlab.training.ParameterVerdict;

class GradientCheckViewModelTest {

    @Test
    void theLessonsDefaultsArePrefilled() {
        GradientCheckViewModel vm = new GradientCheckViewModel();
        assertEquals(100, vm.vocabularySizeProperty().get());
        assertEquals(10, vm.hiddenSizeProperty().get());
        assertEquals(0.001, vm.hProperty().get());
        assertEquals(0.01, vm.thresholdProperty().get());
        int[][] xy = vm.validated();
        assertArrayEquals(new int[] {0, 1, 2, 3}, xy[0]);
        assertArrayEquals(new int[] {1, 2, 3, 4}, xy[1]);
    }

    @Test
    void indicesAreReadWithOrWithoutBrackets() {
        assertArrayEquals(new int[] {0, 5, 7}, GradientCheckViewModel.parseIndices("[0, 5, 7]", "x", 10));
        assertArrayEquals(new int[] {3, 4}, GradientCheckViewModel.parseIndices("3 4", "x", 10));
    }

    @Test
    void badIndicesSayWhatIsWrong() {
        UserException big = assertThrows(UserException.class, () -> GradientCheckViewModel.parseIndices("[1, 100]", "x", 100));
        assertTrue(big.getMessage().contains("0 to C - 1 = 99"), big.getMessage());
        assertThrows(UserException.class, () -> GradientCheckViewModel.parseIndices("[1, two]", "y", 100));
        assertThrows(UserException.class, () -> GradientCheckViewModel.parseIndices("[]", "y", 100));
        GradientCheckViewModel vm = new GradientCheckViewModel();
        vm.yProperty().set("[1, 2]");
        UserException lengths = assertThrows(UserException.class, vm::validated);
        assertTrue(lengths.getMessage().contains("same length"));
    }

    @Test
    void shapesFollowTheLesson() {
        assertArrayEquals(new int[] {10, 100}, GradientCheckViewModel.shape("U", 100, 10));
        assertArrayEquals(new int[] {100, 10}, GradientCheckViewModel.shape("V", 100, 10));
        assertArrayEquals(new int[] {10, 10}, GradientCheckViewModel.shape("W", 100, 10));
    }

    @Test
    void streamedElementsFillTheMatrixAndTheVerdictArrives() {
        GradientCheckViewModel vm = new GradientCheckViewModel();
        vm.vocabularySizeProperty().set(4);
        vm.hiddenSizeProperty().set(2);
        vm.start();
        var w = vm.state("W");
        assertTrue(Double.isNaN(w.relativeErrors()[1][0]));
        CheckedElement e = new CheckedElement("W", 1, 0, 0.5, 0.5000001, 1e-7, true);
        vm.accept(List.of(new GradientCheckViewModel.Started("W", 4), new GradientCheckViewModel.Element(e)));
        assertEquals(1e-7, w.relativeErrors()[1][0]);
        assertEquals(1, w.doneProperty().get());
        assertEquals(4, w.totalProperty().get());
        assertEquals(List.of(e), vm.elements());
        vm.accept(List.of(new GradientCheckViewModel.Done(new ParameterVerdict("W", true, 4, null))));
        assertEquals("Gradient check for parameter W passed (4 elements).", w.statusProperty().get());
        vm.finish(true);
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void aFailureIsPrintedAsTheLessonDoes() {
        CheckedElement bad = new CheckedElement("U", 2, 3, 0.25, 0.125, 1.0 / 3, false);
        String text = GradientCheckViewModel.lessonPrint(new ParameterVerdict("U", false, 1000, bad));
        assertEquals(String.format("Gradient Check ERROR: parameter=U ix=(2, 3)%nEstimated_gradient: 0.125000%n"
                + "Backpropagation gradient: 0.250000%nRelative Error: 0.333333"), text);
    }
}
