package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastTanhTest {
    @Test
    void agreesWithMathTanhToAFewUnitsInFloat32sLastPlace() {
        int n = 100_003; // not a multiple of any vector width
        float[] a = new float[n + 5];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (i % 3 == 0 ? r.nextDouble(-25, 25) : r.nextGaussian() * (i % 3 == 1 ? 1 : 1e-4));
        }
        float[] x = a.clone();
        FastTanh.tanhInPlace(a, 3, n); // from an offset, as the recurrence calls it
        double worst = 0;
        for (int i = 3; i < n + 3; i++) {
            double exact = Math.tanh(x[i]);
            double rel = Math.abs(a[i] - exact) / Math.abs(exact);
            worst = Math.max(worst, rel);
            assertTrue(Math.abs(a[i] - (float) exact) <= 8 * Math.ulp((float) exact), "tanh(" + x[i] + ") = " + a[i]);
        }
        assertTrue(worst < 5e-7, "largest relative error " + worst);
        for (int i : new int[] {0, 1, 2, n + 3, n + 4}) {
            assertEquals(x[i], a[i], 0f, "outside the block, at " + i);
        }
    }

    @Test
    void saturatesWithoutOverflowAndKeepsNaN() {
        float[] a = {0f, 9f, -9f, 40f, -40f, 3e38f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1e-20f};
        FastTanh.tanhInPlace(a, 0, a.length);
        assertEquals(0f, a[0], 0f);
        assertEquals(1f, a[1], 0f);
        assertEquals(-1f, a[2], 0f);
        assertEquals(1f, a[3], 0f);
        assertEquals(-1f, a[4], 0f);
        assertEquals(1f, a[5], 0f);
        assertEquals(1f, a[6], 0f);
        assertEquals(-1f, a[7], 0f);
        assertTrue(Float.isNaN(a[8]));
        assertEquals(1e-20f, a[9], 1e-26f); // tiny arguments keep their relative precision
        for (float v : a) {
            assertTrue(Float.isNaN(v) || Math.abs(v) <= 1f, "never beyond 1: " + v);
        }
        // where rounding made the fit pass 1 by two units: the clamp holds it
        float[] near = new float[1_000_000];
        for (int i = 0; i < near.length; i++) {
            near[i] = (i % 2 == 0 ? 1 : -1) * (2f + i * 8e-6f);
        }
        FastTanh.tanhInPlace(near, 0, near.length);
        for (float v : near) {
            assertTrue(Math.abs(v) <= 1f, "never beyond 1: " + v);
        }
    }
}
