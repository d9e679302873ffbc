package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastTanhTest {
    @Test
    void agreesWithMathTanhFarInsideFloat32sPrecision() {
        int n = 100_003; // not a multiple of any vector width
        double[] a = new double[n];
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            a[i] = i % 3 == 0 ? r.nextDouble(-25, 25) : r.nextGaussian() * (i % 3 == 1 ? 1 : 1e-4);
        }
        double[] x = a.clone();
        FastTanh.tanhInPlace(a, n);
        double worst = 0;
        int floatDiffers = 0;
        for (int i = 0; i < n; i++) {
            double exact = Math.tanh(x[i]);
            worst = Math.max(worst, Math.abs(a[i] - exact) / Math.abs(exact));
            // as the float32 recurrence stores it: at most one unit in the last place from the exact value
            assertTrue(Math.abs((float) a[i] - (float) exact) <= Math.ulp((float) exact), "tanh(" + x[i] + ") = " + a[i]);
            if ((float) a[i] != (float) exact) {
                floatDiffers++;
            }
        }
        assertTrue(worst < 1e-12, "largest relative error " + worst);
        assertTrue(floatDiffers < n / 1000, floatDiffers + " of " + n + " round to another float32 than Math.tanh's");
    }

    @Test
    void saturatesWithoutOverflowAndKeepsNaN() {
        double[] a = {0.0, 40, -40, 1e300, -1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1e-20};
        FastTanh.tanhInPlace(a, a.length);
        assertEquals(0.0, a[0], 0.0);
        assertEquals(1.0, a[1], 0.0);
        assertEquals(-1.0, a[2], 0.0);
        assertEquals(1.0, a[3], 0.0);
        assertEquals(-1.0, a[4], 0.0);
        assertEquals(1.0, a[5], 0.0);
        assertEquals(-1.0, a[6], 0.0);
        assertTrue(Double.isNaN(a[7]));
        assertEquals(1e-20, a[8], 1e-33); // tiny arguments keep their relative precision
    }
}
