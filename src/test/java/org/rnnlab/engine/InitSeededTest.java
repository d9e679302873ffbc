package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnlab.common.UserException;

/** The lesson's seeded initialisation (numpy's legacy RandomState(10), bit for bit) and its sanity check. */
class InitSeededTest {
    static double sum(INDArray a) {
        double s = 0;
        for (double v : a.castTo(DataType.DOUBLE).data().asDouble()) {
            s += v;
        }
        return s;
    }

    @Test
    void seedTenGivesTheLessonsNumbers() {
        RnnModel m = RnnModel.initialise(8000, 100, 4, 10, Precision.FLOAT64);
        assertEquals(0.006066914020434145, m.U().getDouble(0, 0), 0.0);
        assertEquals(-0.008909750664156182, m.U().getDouble(99, 7999), 0.0);
        assertEquals(-0.09292552086662727, m.V().getDouble(0, 0), 0.0);
        assertEquals(0.011195460253834028, m.W().getDouble(0, 0), 0.0);
        assertEquals(7.2042706788938435, sum(m.U()), 1e-9);
        assertEquals(12.943930110740286, sum(m.V()), 1e-9);
        assertEquals(3.838904507562373, sum(m.W()), 1e-9);
        assertEquals(1_610_000, m.parameterCount());
        assertEquals(8000, m.wordDim());
        assertEquals(100, m.hiddenDim());
        assertEquals(4, m.bpttTruncate());
    }

    @Test
    void float32IsTheFloat64DrawRounded() {
        RnnModel d = RnnModel.initialise(500, 20, 4, 10, Precision.FLOAT64);
        RnnModel f = RnnModel.initialise(500, 20, 4, 10, Precision.FLOAT32);
        assertEquals(DataType.FLOAT, f.U().dataType());
        assertEquals((float) d.U().getDouble(3, 17), f.U().getFloat(3, 17), 0.0f);
        assertEquals((float) d.W().getDouble(19, 19), f.W().getFloat(19, 19), 0.0f);
    }

    @Test
    void boundsFollowIncomingConnections() {
        RnnModel m = RnnModel.initialise(400, 25, 4, 3, Precision.FLOAT64);
        assertTrue(m.U().amaxNumber().doubleValue() <= Math.sqrt(1.0 / 400));
        assertTrue(m.V().amaxNumber().doubleValue() <= Math.sqrt(1.0 / 25));
        assertTrue(m.V().amaxNumber().doubleValue() > Math.sqrt(1.0 / 400)); // V is not drawn with U's bound
        assertTrue(m.W().amaxNumber().doubleValue() <= Math.sqrt(1.0 / 25));
    }

    @Test
    void seedsOutsideTheSupportedRangeAreRefused() {
        assertThrows(UserException.class, () -> RnnModel.initialise(10, 3, 4, -1, Precision.FLOAT64));
        assertThrows(UserException.class, () -> RnnModel.initialise(10, 3, 4, RnnModel.MAX_SEED + 1, Precision.FLOAT64));
        assertThrows(UserException.class, () -> RnnModel.initialise(1, 3, 4, 10, Precision.FLOAT64));
        RnnModel top = RnnModel.initialise(10, 3, 4, RnnModel.MAX_SEED, Precision.FLOAT64);
        assertNotEquals(RnnModel.initialise(10, 3, 4, 10, Precision.FLOAT64).U().getDouble(0, 0), top.U().getDouble(0, 0));
    }

    @Test
    void initialLossIsCloseToLnC() {
        // the lesson's sanity check: random weights give every word probability about 1/C
        RnnModel m = RnnModel.initialise(8000, 100, 4, 10, Precision.FLOAT32);
        SplittableRandom random = new SplittableRandom(7);
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            int T = 5 + random.nextInt(30);
            int[] x = random.ints(T, 0, 8000).toArray();
            int[] y = random.ints(T, 0, 8000).toArray();
            xs.add(x);
            ys.add(y);
        }
        double loss = m.meanLoss(xs, ys);
        assertEquals(Math.log(8000), loss, 0.05, "expected about ln C = 8.987");
    }
}
