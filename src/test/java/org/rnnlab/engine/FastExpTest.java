package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastExpTest {
    @Test
    void agreesWithMathExpToThreeTenMillionthsOverTheRangeItKeeps() {
        int n = 200_003; // not a multiple of any vector width
        float[] a = new float[n];
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextDouble() * 175 - 87); // [-87, 88)
        }
        a[0] = -87f;
        a[1] = 88f;
        a[2] = 0f;
        float[] x = a.clone();
        FastExp.expInPlace(a, new float[n], n);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double exact = Math.exp(x[i]);
            worst = Math.max(worst, Math.abs(a[i] - exact) / exact);
        }
        assertTrue(worst < 3e-7, "largest relative error " + worst);
        assertEquals(1f, a[2], 0f);
    }

    @Test
    void valuesBeyondTheRangeAreClampedSoARowSumLeavesTheTrustedRange() {
        float[] a = {-200f, 300f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
        FastExp.expInPlace(a, new float[4], 4);
        assertEquals((float) Math.exp(-87), a[0], 1e-44f);
        assertEquals((float) Math.exp(88), a[1], 1e32f);
        assertEquals((float) Math.exp(-87), a[2], 1e-44f);
        assertTrue(a[3] > 1e38f, "exp(+inf) stays huge: " + a[3]);
    }

    @Test
    void aShiftGivesTheSameNumbersAsSubtractingItFirst() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 111;
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (r.nextDouble() * 60 - 30);
        }
        float shift = 12.375f;
        float[] shifted = a.clone();
        for (int i = 0; i < n; i++) {
            shifted[i] -= shift;
        }
        FastExp.expInPlace(shifted, new float[n], n);
        FastExp.expInPlace(a, new float[n], n, shift);
        org.junit.jupiter.api.Assertions.assertArrayEquals(shifted, a, 0f);
    }
}
