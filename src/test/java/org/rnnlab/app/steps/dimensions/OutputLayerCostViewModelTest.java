package org.rnnlab.app.steps.dimensions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.rnnlab.text.Vocabulary;

/** The output layer's cost per word follows C, H and the prepared vocabulary's counts. */
class OutputLayerCostViewModelTest {

    @Test
    void theLessonsSizesCostEightHundredThousandMultiplyAddsAWordAndClassesFarFewer() {
        var C = new SimpleIntegerProperty(8000);
        var H = new SimpleIntegerProperty(100);
        var vocabulary = new SimpleObjectProperty<Vocabulary>(null);
        OutputLayerCostViewModel model = new OutputLayerCostViewModel(C, H, vocabulary);
        OutputLayerCostViewModel.Costs costs = model.costsProperty().get();
        assertEquals(800_000, costs.fullMultiplyAdds());
        assertEquals(3.2, costs.fullMegabytes(), 1e-9);
        assertTrue(costs.ratio() > 10, "class-based is only " + costs.ratio() + "x cheaper");
        H.set(50);
        assertEquals(400_000, model.costsProperty().get().fullMultiplyAdds());
    }

    @Test
    void classesAreBinnedFromThePreparedVocabularysCounts() {
        List<String> words = new ArrayList<>(List.of("the", "SENTENCE_START", "SENTENCE_END", "a", "b", "c", "d", "e"));
        words.add("UNKNOWN_TOKEN");
        long[] counts = {1000, 1000, 1000, 1, 1, 1, 1, 1, 1};
        var vocabulary = new SimpleObjectProperty<Vocabulary>(null);
        OutputLayerCostViewModel model = new OutputLayerCostViewModel(new SimpleIntegerProperty(9), new SimpleIntegerProperty(10),
                vocabulary);
        double withoutCorpus = model.costsProperty().get().classMultiplyAdds();
        vocabulary.set(Vocabulary.of(words, counts));
        OutputLayerCostViewModel.Costs costs = model.costsProperty().get();
        // three classes: "the", SENTENCE_START, then SENTENCE_END with the six rare words; a token costs the
        // 3 class scores plus its class's words: (1000 + 1000 + 1006 x 7) / 3006 = 3.008 on average, times H = 10
        assertEquals(3, costs.classes());
        assertEquals(10 * (3 + (1000 + 1000 + 1006 * 7) / 3006.0), costs.classMultiplyAdds(), 1e-9);
        assertTrue(costs.classMultiplyAdds() != withoutCorpus);
    }
}
