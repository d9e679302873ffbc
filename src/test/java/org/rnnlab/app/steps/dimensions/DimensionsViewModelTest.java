package org.rnnlab.app.steps.dimensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnnlab.app.steps.dimensions.DimensionsViewModel.Numbers;

class DimensionsViewModelTest {
    @Test
    void theLessonsNumbers() {
        DimensionsViewModel model = new DimensionsViewModel();
        Numbers n = model.numbersProperty().get();
        assertEquals(8000, n.C());
        assertEquals(100, n.H());
        assertEquals(1_610_000, n.parameters());
        assertEquals(6_440_000, n.bytes32());
        assertEquals(12_880_000, n.bytes64());
        assertEquals("6.4 MB", DimensionsViewModel.megabytes(n.bytes32()));
        assertTrue(n.filledFormula().endsWith("= 1{,}610{,}000"), n.filledFormula());
        assertTrue(n.filledFormula().contains("2 \\cdot 100 \\cdot 8{,}000"), n.filledFormula());
        assertEquals("V s_t", n.largest().name());
        assertEquals(800_000, n.largest().multiplyAdds());
    }

    @Test
    void theTableHasTheLessonsShapes() {
        Numbers n = DimensionsViewModel.compute(8000, 100);
        assertEquals(6, n.shapes().size());
        assertEquals("100 \u00d7 8,000", n.shapes().get(3).size());   // U: H x C
        assertEquals("8,000 \u00d7 100", n.shapes().get(4).size());   // V: C x H
        assertEquals(10_000, n.shapes().get(5).entries());           // W: H x H
        long sum = n.shapes().subList(3, 6).stream().mapToLong(DimensionsViewModel.Shape::entries).sum();
        assertEquals(n.parameters(), sum);
    }

    @Test
    void followsCAndH() {
        DimensionsViewModel model = new DimensionsViewModel();
        model.wordDimProperty().set(4000);
        model.hiddenDimProperty().set(50);
        Numbers n = model.numbersProperty().get();
        assertEquals(2L * 50 * 4000 + 50 * 50, n.parameters());
        assertEquals(50L * 50 + 4000L * 50, n.totalMultiplyAdds());
    }

    @Test
    void theLargestProductIsWhicheverReallyIs() {
        Numbers wide = DimensionsViewModel.compute(100, 1000);
        assertEquals("W s_t-1", wide.largest().name());
        assertEquals(1, wide.costs().stream().filter(DimensionsViewModel.Cost::largest).count());
        Numbers square = DimensionsViewModel.compute(100, 100);
        assertEquals("V s_t", square.largest().name());
    }

    @Test
    void hiddenSizeIsClamped() {
        DimensionsViewModel model = new DimensionsViewModel();
        assertEquals(1, model.clampHidden(0));
        assertEquals(DimensionsViewModel.MAX_HIDDEN, model.clampHidden(1_000_000));
    }
}
