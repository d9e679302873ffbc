package org.rnnlab.app.steps.dimensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;
import org.rnnlab.app.steps.dimensions.DimensionsViewModel.Numbers;
import org.rnnlab.common.LessonDefaults;

/** The Dimensions step's logic over a plain C property: no window. */
class DimensionsViewModelTest {
    private final SimpleIntegerProperty vocabularySize = new SimpleIntegerProperty(LessonDefaults.WORD_DIM);
    private final DimensionsViewModel model = new DimensionsViewModel(vocabularySize);

    @Test
    void theLessonsNumbers() {
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
        assertEquals("C = 8,000", model.wordDimText().get());
        assertEquals("1,610,000", model.parametersText().get());
        assertEquals("float32 (4 bytes each): 6.4 MB", model.memory32Text().get());
        assertEquals("float64 (8 bytes each): 12.9 MB", model.memory64Text().get());
        assertEquals("800,000  \u2190 the largest", n.largest().valueText());
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
    void followsTheSessionsCAndTheChosenH() {
        vocabularySize.set(4000);
        model.chooseHidden(50);
        Numbers n = model.numbersProperty().get();
        assertEquals(4000, model.wordDimProperty().get());
        assertEquals(2L * 50 * 4000 + 50 * 50, n.parameters());
        assertEquals(50L * 50 + 4000L * 50, n.totalMultiplyAdds());
        assertEquals("402,500", model.parametersText().get());
        assertEquals("C = 4,000", model.wordDimText().get());
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
        assertEquals(1, model.clampHidden(0));
        assertEquals(DimensionsViewModel.MAX_HIDDEN, model.clampHidden(1_000_000));
        model.chooseHidden(0);
        assertEquals(DimensionsViewModel.MIN_HIDDEN, model.hiddenDimProperty().get());
    }

    @Test
    void typedHIsReadWithSeparatorsAndTextIsIgnored() {
        assertTrue(model.hiddenInput().enter(" 1,500 "));
        assertEquals(1500, model.hiddenDimProperty().get());
        assertEquals("1500", model.hiddenInput().textProperty().get());
        assertFalse(model.hiddenInput().enter("many"));
        assertEquals(1500, model.hiddenDimProperty().get());
        model.lessonHidden();
        assertEquals(LessonDefaults.HIDDEN_DIM, model.hiddenDimProperty().get());
        assertEquals("100", model.hiddenInput().textProperty().get(), "the field follows");
    }

    @Test
    void aTypedHOutsideTheRangeIsRefusedNotClamped() {
        assertFalse(model.hiddenInput().enter("0"));
        assertFalse(model.hiddenInput().enter("5000"));
        assertEquals(LessonDefaults.HIDDEN_DIM, model.hiddenDimProperty().get());
        assertEquals("5000 is too large (1 to 2,000).", model.hiddenInput().problemProperty().get());
        model.lessonHidden();   // H was 100 already: the field must not keep the typo
        assertEquals("100", model.hiddenInput().textProperty().get());
        assertTrue(model.hiddenInput().isValid());
    }

    @Test
    void afterDisposeTheSessionsCIsNoLongerFollowed() {
        model.dispose();
        vocabularySize.set(10);
        assertEquals(LessonDefaults.WORD_DIM, model.numbersProperty().get().C());
    }
}
