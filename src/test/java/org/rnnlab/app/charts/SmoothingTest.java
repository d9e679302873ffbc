package org.rnnlab.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmoothingTest {

    @Test
    void firstValueIsNotPulledTowardsZero() {
        Smoothing s = new Smoothing(100);
        assertTrue(Double.isNaN(s.value()));
        assertEquals(8.9, s.add(8.9), 1e-12);
        assertEquals(8.9, s.add(8.9), 1e-12);
    }

    @Test
    void followsAStepSlowly() {
        Smoothing s = new Smoothing(10);
        for (int i = 0; i < 200; i++) {
            s.add(5);
        }
        double after1 = s.add(15);
        assertTrue(after1 > 5 && after1 < 7, "one new value moves it a tenth of the way: " + after1);
        for (int i = 0; i < 200; i++) {
            s.add(15);
        }
        assertEquals(15, s.value(), 1e-6);
    }

    @Test
    void smoothsNoise() {
        Smoothing s = new Smoothing(50);
        double maxDev = 0;
        for (int i = 0; i < 2000; i++) {
            double v = s.add(i % 2 == 0 ? 4 : 6);
            if (i > 200) {
                maxDev = Math.max(maxDev, Math.abs(v - 5));
            }
        }
        assertTrue(maxDev < 0.1, "alternating 4 and 6 smooths to about 5: " + maxDev);
    }

    @Test
    void skipsNonFiniteValues() {
        Smoothing s = new Smoothing(5);
        s.add(3);
        assertEquals(3, s.add(Double.NaN), 1e-12);
        assertEquals(3, s.add(Double.POSITIVE_INFINITY), 1e-12);
    }
}
