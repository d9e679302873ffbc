package org.rnnlab.app.steps.bptt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnnlab.app.support.Fakes;
import org.rnnlab.engine.SpeedLesson;

class SpeedViewModelTest {
    @Test
    void measuringShowsBothTimesAndTheirDifference() {
        Fakes.DirectBackground work = new Fakes.DirectBackground(new Fakes.RecordingNotifier());
        SpeedViewModel vm = new SpeedViewModel(work, cancel -> SpeedLesson.run(60, 6, 9, 1, 3, cancel));
        vm.measure();
        SpeedLesson.Result r = vm.resultProperty().get();
        assertEquals(60, r.wordDim());
        assertTrue(r.referenceMs() > 0 && r.kernelMs() > 0);
        assertTrue(r.largestDifference() < 1e-5, "float32 kernel against float64 loops: " + r.largestDifference());
        assertTrue(r.largestDifference() > 0, "float32 rounding shows");
        assertFalse(vm.runningProperty().get());
        assertEquals(1, work.titles.size());
    }
}
