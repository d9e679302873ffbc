package org.rnnlab.app.steps.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LossViewModelTest {
    private static final double LN_8000 = Math.log(8000);

    @Test
    void closeToLnCIsExplainedAsRandomGuessing() {
        String text = LossViewModel.explain(LN_8000, LN_8000 + 0.001, 1000, 25_000);
        assertTrue(text.contains("very close to ln C = 8.987"), text);
        assertTrue(text.contains("1,000 sentences (25,000 words)"), text);
    }

    @Test
    void belowLnCSaysHowMuchBetterThanGuessing() {
        String text = LossViewModel.explain(LN_8000, 5.0, 1000, 25_000);
        assertTrue(text.contains("below ln C"), text);
        // e^-5 = 0.67 %, 1/8000 = 0.0125 %: about 54 times better
        assertTrue(text.contains("54 times more"), text);
    }

    @Test
    void aboveLnCIsCalledWorseThanGuessing() {
        assertTrue(LossViewModel.explain(LN_8000, 12, 10, 100).contains("worse than guessing"));
        assertTrue(LossViewModel.explain(LN_8000, Double.NaN, 10, 100).contains("not a number"));
    }

    @Test
    void progressShowsTheNewestMeanAndFinishExplains() {
        LossViewModel vm = new LossViewModel();
        vm.start(8000, 3);
        assertTrue(vm.runningProperty().get());
        assertEquals(LN_8000, vm.expectedProperty().get(), 1e-12);
        vm.progress(List.of(new LossViewModel.Progress(10, 200, 9.0), new LossViewModel.Progress(20, 410, 8.99)));
        assertEquals(20, vm.doneProperty().get());
        assertEquals(410, vm.wordsProperty().get());
        assertEquals(8.99, vm.actualProperty().get(), 1e-12);
        assertEquals(2, vm.runningMean().size());
        vm.finish(true);
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.explanationProperty().get().contains("very close"));
        assertEquals(3, vm.computedRevision());
    }

    @Test
    void aCancelledRunIsNotCountedAsDone() {
        LossViewModel vm = new LossViewModel();
        vm.start(100, 5);
        vm.progress(List.of(new LossViewModel.Progress(10, 200, 4.6)));
        vm.finish(false);
        assertEquals(-1, vm.computedRevision());
        assertTrue(vm.explanationProperty().get().startsWith("Stopped early"));
    }
}
