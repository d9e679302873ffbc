package org.rnnlab.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrainingPairTest {
    @Test
    void xDropsTheLastWordAndYTheFirst() {
        int[] w = {0, 5, 6, 7, 1};
        TrainingPair p = TrainingPair.of(w);
        assertArrayEquals(new int[] {0, 5, 6, 7}, p.x());
        assertArrayEquals(new int[] {5, 6, 7, 1}, p.y());
        assertEquals(4, p.length());
        p.x()[0] = 9;
        assertEquals(0, w[0], "the pair holds copies");
    }

    @Test
    void aOneWordSentencePredictsNothingAndAnEmptyOneIsRefused() {
        assertEquals(0, TrainingPair.of(new int[] {0}).length());
        assertThrows(IllegalArgumentException.class, () -> TrainingPair.of(new int[0]));
    }
}
