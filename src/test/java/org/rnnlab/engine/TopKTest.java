package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TopKTest {
    @Test
    void largestFirst() {
        double[] p = {0.1, 0.4, 0.05, 0.3, 0.15};
        assertArrayEquals(new int[] {1, 3, 4}, TopK.of(p, 3));
        assertArrayEquals(new int[] {1, 3, 4, 0, 2}, TopK.of(p, 5));
        assertArrayEquals(new int[] {1, 3, 4, 0, 2}, TopK.of(p, 10));
        assertArrayEquals(new int[0], TopK.of(p, 0));
    }

    @Test
    void tiesKeepTheLowerIndexFirst() {
        assertArrayEquals(new int[] {0, 1}, TopK.of(new double[] {0.25, 0.25, 0.25, 0.25}, 2));
        assertArrayEquals(new int[] {0, 1}, TopK.of(new double[] {0.5, 0.5, 0.0}, 2));
        assertArrayEquals(new int[] {2, 0, 1}, TopK.of(new double[] {0.2, 0.2, 0.6}, 3));
    }

    @Test
    void rankCountsTheMoreProbableWords() {
        double[] p = {0.1, 0.4, 0.05, 0.3, 0.15};
        assertEquals(1, TopK.rank(p, 1));
        assertEquals(5, TopK.rank(p, 2));
        assertEquals(3, TopK.rank(p, 4));
    }
}
