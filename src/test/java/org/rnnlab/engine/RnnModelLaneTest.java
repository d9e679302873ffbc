package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Splitting the work between two threads must not change any number: both paths do the same arithmetic. */
@Timeout(120) // a lost hand-over between the threads hangs a step: fail instead
class RnnModelLaneTest {
    @BeforeAll
    static void twoThreads() {
        EngineThreads.configure(); // without it there is no second thread to compare with
    }

    @AfterEach
    void laneBackOn() {
        Kernel.forceLane = null;
        Kernel.forceWordMajor = null;
        Kernel.forceLogitsFromST = null;
        Kernel.forceVectorProducts = null;
        Kernel.forceNativeProducts = null;
        Recurrence32.forceDWProduct = null;
        ClassOutput.forceSmallGroups = null;
        Recurrence32.forceStart = null;
        ClassOutput.forceSmallTail = null;
        Recurrence32.forceUnitRows = null;
        Recurrence32.forceDWInUnits = null;
        WordGroups.forceFixedHalves = false;
    }

    @Test
    void theEngineCountsWhereItsOutputPhasesRan() {
        // the app's pulse monitor and `-Drnnlab.engine.report` say how often the steps had both threads
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        sentences(3, 30, xs, ys);
        RnnModel m = RnnModel.initialise(4001, 100, 4, 10, Precision.FLOAT32);
        long[] before = EngineThreads.outputCounts();
        Kernel.forceLane = true;
        m.sgdStep(xs.get(0), ys.get(0), 0.005);
        m.sgdStep(xs.get(1), ys.get(1), 0.005);
        Kernel.forceLane = false;
        m.sgdStep(xs.get(2), ys.get(2), 0.005);
        Kernel.forceLane = null;
        m.totalLoss(xs, ys); // without gradients: not a step's, not counted
        long[] after = EngineThreads.outputCounts();
        assertEquals(2, after[0] - before[0], "on two threads");
        assertEquals(1, after[1] - before[1], "on one, as asked");
        assertEquals(0, after[2] - before[2], "the lane was free");
        assertTrue(EngineThreads.describeUse().contains("on two threads in"), EngineThreads.describeUse());
    }

    @Test
    void aClassBasedStepSeesWWrittenFromOutsideSinceTheStepBefore() {
        // the step trusts its copies of W and has them checked beside the recurrence (on the lane,
        // or on the caller without one): a nudge from outside, as the gradient check makes, must
        // reach the next step's numbers as it reaches a model made afresh from the same parameters
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        sentences(4, 30, xs, ys);
        for (boolean withLane : new boolean[] {true, false}) {
            Kernel.forceLane = withLane;
            RnnModel m = ClassOutputTest.model(4001, 60, Precision.FLOAT32);
            m.sgdStep(xs.get(0), ys.get(0), 0.05);
            m.sgdStep(xs.get(1), ys.get(1), 0.05);
            m.W().putScalar(3, 7, m.W().getDouble(3, 7) + 0.25);
            RnnModel fresh = m.copy();
            m.sgdStep(xs.get(2), ys.get(2), 0.05);
            fresh.sgdStep(xs.get(2), ys.get(2), 0.05);
            assertArrayEquals(fresh.W().data().asFloat(), m.W().data().asFloat(), "W, lane " + withLane);
            assertArrayEquals(fresh.V().data().asFloat(), m.V().data().asFloat(), "V, lane " + withLane);
            assertArrayEquals(fresh.U().data().asFloat(), m.U().data().asFloat(), "U, lane " + withLane);
        }
    }

    @Test
    void anySplitOfWsUpdateGivesTheSameNumbers() {
        // each row of W is updated alone, whichever thread and unit it falls in: the same bits; and each
        // unit's rows of dW are the rows of the whole product (the last model makes dW whole first)
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        sentences(9, 12, xs, ys);
        Integer[] unitRows = {null, 20, 7, 60, null};
        RnnModel[] models = new RnnModel[unitRows.length];
        for (int k = 0; k < unitRows.length; k++) {
            Recurrence32.forceUnitRows = unitRows[k];
            Recurrence32.forceDWInUnits = k < unitRows.length - 1;
            models[k] = ClassOutputTest.model(4001, 60, Precision.FLOAT32);
            for (int n = 0; n < xs.size(); n++) {
                Kernel.forceLane = n % 3 != 0;
                models[k].sgdStep(xs.get(n), ys.get(n), 0.05);
            }
        }
        for (int k = 1; k < unitRows.length; k++) {
            assertArrayEquals(models[0].W().data().asFloat(), models[k].W().data().asFloat(),
                    (k == unitRows.length - 1 ? "dW whole, " : "") + "units of " + unitRows[k] + " rows: W");
        }
        assertTrue(diff(models[0].W(), ClassOutputTest.model(4001, 60, Precision.FLOAT32).W()) > 1e-4, "the steps changed W");
    }

    @Test
    void everyGroupingOfTheRowsCoversEachRowOnce() {
        // groups of five with the last eight rows in twos, groups of five, two groups: contiguous, none empty
        Boolean[][] ways = {{true, true}, {true, false}, {false, false}};
        for (Boolean[] way : ways) {
            ClassOutput.forceSmallGroups = way[0];
            ClassOutput.forceSmallTail = way[1];
            ClassOutput out = ClassOutputTest.model(4001, 60, Precision.FLOAT32).classOutput();
            for (int T = 1; T <= 100; T++) {
                int groups = out.groups(T);
                assertEquals(0, out.groupStart(0, T), "T " + T);
                assertEquals(T, out.groupStart(groups, T), "T " + T);
                for (int g = 0; g < groups; g++) {
                    assertTrue(out.groupStart(g + 1, T) > out.groupStart(g, T), "group " + g + " of T " + T + " is empty");
                }
                assertTrue(out.groups(T) >= out.groups(T - 1 < 1 ? 1 : T - 1), "fewer groups for a longer sentence: T " + T);
            }
            if (way[1]) {
                int last = out.groups(45) - 1;
                assertEquals(2, out.groupStart(last + 1, 45) - out.groupStart(last, 45), "the last group of 45 rows");
            }
        }
    }

    @Test
    void everyStartOfTheRecurrencesArraysGivesTheSameNumbers() {
        // the same arithmetic wherever the numbers start in the arrays, so the same bits; the timed
        // choice (null) moves W^T between starts during the run, which must not change a number either
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        sentences(7, 20, xs, ys);
        Integer[] starts = {0, 1, 2, 3, null};
        for (boolean classBased : new boolean[] {false, true}) {
            RnnModel[] models = new RnnModel[starts.length];
            double[] losses = new double[starts.length];
            for (int k = 0; k < starts.length; k++) {
                Recurrence32.forceStart = starts[k];
                models[k] = classBased ? ClassOutputTest.model(4001, 60, Precision.FLOAT32)
                        : RnnModel.initialise(4001, 60, 4, 10, Precision.FLOAT32);
                for (int n = 0; n < xs.size(); n++) {
                    Kernel.forceLane = n % 2 == 0;
                    losses[k] += models[k].sgdStep(xs.get(n), ys.get(n), 0.05);
                }
                losses[k] += models[k].totalLoss(xs, ys);
            }
            String way = classBased ? "class-based, start " : "full softmax, start ";
            for (int k = 1; k < starts.length; k++) {
                assertEquals(losses[0], losses[k], 0.0, way + starts[k]);
                assertArrayEquals(models[0].W().data().asFloat(), models[k].W().data().asFloat(), way + starts[k] + ": W");
                assertArrayEquals(models[0].U().data().asFloat(), models[k].U().data().asFloat(), way + starts[k] + ": U");
            }
            INDArray start = classBased ? ClassOutputTest.model(4001, 60, Precision.FLOAT32).W()
                    : RnnModel.initialise(4001, 60, 4, 10, Precision.FLOAT32).W();
            assertTrue(diff(models[0].W(), start) > 1e-4, way + "the steps changed W");
        }
    }

    @Test
    void everyWayOfTheLogitsAgrees() {
        // float32 (float64 is compared with the lesson's loops in both layouts by ReferenceRnnDifferentialTest):
        // the layouts multiply in other orders, so they agree to float32's rounding, not to the bit
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        sentences(12, 12, xs, ys);
        // each layout with the logits from S and from S^T (the SkylakeX kernel's choice), four ways
        RnnModel[] models = new RnnModel[4];
        double[] losses = new double[4];
        Gradients[] g = new Gradients[4];
        for (int k = 0; k < 4; k++) {
            Kernel.forceWordMajor = k % 2 == 0;
            Kernel.forceLogitsFromST = k >= 2;
            models[k] = RnnModel.initialise(4001, 60, 4, 10, Precision.FLOAT32);
            models[k].V().muli(4.0);
            Kernel.forceLane = true;
            losses[k] = models[k].totalLoss(xs, ys);
            g[k] = models[k].bptt(xs.get(2), ys.get(2));
            Kernel.forceLane = false; // and on one thread
            for (int n = 0; n < xs.size(); n++) {
                Kernel.forceLane = n % 2 == 0;
                models[k].sgdStep(xs.get(n), ys.get(n), 0.05);
            }
        }
        for (int k = 0; k < 3; k++) { // each against the last
            assertEquals(losses[3], losses[k], 1e-5 * losses[3]);
            assertNear(g[k].dV(), g[3].dV(), "dV, way " + k);
            assertNear(g[k].dU(), g[3].dU(), "dU, way " + k);
            assertNear(g[k].dW(), g[3].dW(), "dW, way " + k);
            assertNear(models[k].V(), models[3].V(), "V, way " + k);
            assertNear(models[k].U(), models[3].U(), "U, way " + k);
            assertNear(models[k].W(), models[3].W(), "W, way " + k);
        }
        // and the step changed V (else the comparison above says nothing)
        assertTrue(diff(models[0].V(), RnnModel.initialise(4001, 60, 4, 10, Precision.FLOAT32).V().muli(4.0)) > 1e-4);
    }

    @Test
    void theVectorProductsAgreeWithOpenBlas() {
        // the FORWARD phase in VectorProducts (the AVX2 machines' way without the native products) against
        // OpenBLAS, both word-major: the same sums in other orders, so float32's rounding apart, and not bit for
        // bit (else the switch did nothing)
        assumeTrue(Simd.on() && Simd.wide(), "the vector module is not in this JVM or its vectors are narrower than 8 floats");
        productsAgreeWithOpenBlas(k -> {
            Kernel.forceNativeProducts = false;
            Kernel.forceVectorProducts = k == 0;
        });
    }

    @Test
    void theNativeProductsAgreeWithOpenBlas() {
        // the FORWARD phase and V's update in NativeProducts against OpenBLAS's products
        assumeTrue(NativeProducts.available(), "the native products are not in this process: " + NativeProducts.status());
        productsAgreeWithOpenBlas(k -> {
            Kernel.forceNativeProducts = k == 0;
            Kernel.forceVectorProducts = false;
        });
    }

    private static void productsAgreeWithOpenBlas(java.util.function.IntConsumer switchTo) {
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        sentences(13, 12, xs, ys); // 1 to 50 words: 8 to 56 rows a chunk, tiles of 16 and 8
        TwoWays two = twoWays(false, xs, ys, k -> {
            Kernel.forceWordMajor = true;
            switchTo.accept(k);
        });
        RnnModel[] models = two.models();
        Gradients[] g = two.g();
        assertNear(g[0].dV(), g[1].dV(), "dV");
        assertNear(g[0].dU(), g[1].dU(), "dU");
        assertNear(g[0].dW(), g[1].dW(), "dW");
        assertNear(models[0].V(), models[1].V(), "V");
        assertNear(models[0].U(), models[1].U(), "U");
        assertTrue(diff(g[0].dU(), g[1].dU()) > 0, "the two ways computed in other orders");
        double byOpenBlas = models[1].totalLoss(xs.subList(0, 3), ys.subList(0, 3));
        assertEquals(byOpenBlas, models[0].totalLoss(xs.subList(0, 3), ys.subList(0, 3)), 1e-5 * byOpenBlas);
    }

    @Test
    void theVectorProductsGiveTheSameNumbersWhicheverThreadTakesAGroup() {
        assumeTrue(Simd.on() && Simd.wide(), "the vector module is not in this JVM or its vectors are narrower than 8 floats");
        sameNumbersWhicheverThreadTakesAGroup(true, false, true);
    }

    @Test
    void theNativeProductsGiveTheSameNumbersWhicheverThreadTakesAGroup() {
        assumeTrue(NativeProducts.available(), "the native products are not in this process: " + NativeProducts.status());
        sameNumbersWhicheverThreadTakesAGroup(true, true, true);
    }

    @Test
    void openBlasProductsGiveTheSameNumbersWhicheverThreadTakesAGroup() {
        sameNumbersWhicheverThreadTakesAGroup(false, false, true);
        sameNumbersWhicheverThreadTakesAGroup(false, false, false);
    }

    /**
     * WordGroups: each group of words has its own sums, added in the groups' order, so a step on two
     * threads taking groups as they find them left, on one thread, or on fixed halves gives the same
     * bits; in VectorProducts, NativeProducts or OpenBLAS's products, in either layout of the logits.
     */
    private static void sameNumbersWhicheverThreadTakesAGroup(boolean vector, boolean nativeProducts, boolean wordMajor) {
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        sentences(17, 16, xs, ys);
        RnnModel[] models = new RnnModel[4];
        Gradients[] g = new Gradients[4];
        double[] losses = new double[4];
        for (int k = 0; k < 4; k++) {
            Kernel.forceWordMajor = wordMajor;
            Kernel.forceVectorProducts = vector && !nativeProducts && k < 3; // with vectors, the last by OpenBLAS: shows the path ran
            Kernel.forceNativeProducts = nativeProducts && k < 3;
            WordGroups.forceFixedHalves = k == 2 || (!vector && k == 3);
            Kernel.forceLane = k != 1;
            models[k] = RnnModel.initialise(4001, 60, 4, 10, Precision.FLOAT32);
            g[k] = models[k].bptt(xs.get(2), ys.get(2));
            for (int n = 0; n < xs.size(); n++) {
                losses[k] += models[k].sgdStep(xs.get(n), ys.get(n), 0.05);
            }
        }
        for (int k = 1; k < 3; k++) {
            String way = (nativeProducts ? "native, " : vector ? "vectors, " : "OpenBLAS, ") + (k == 1 ? "one thread" : "fixed halves");
            assertEquals(losses[0], losses[k], 0.0, way);
            assertEquals(0.0, diff(g[0].dV(), g[k].dV()), way + ": dV");
            assertEquals(0.0, diff(g[0].dU(), g[k].dU()), way + ": dU");
            assertEquals(0.0, diff(models[0].V(), models[k].V()), way + ": V");
            assertEquals(0.0, diff(models[0].W(), models[k].W()), way + ": W");
        }
        if (vector) {
            assertNear(g[0].dU(), g[3].dU(), "dU by OpenBLAS");
            assertTrue(diff(g[0].dU(), g[3].dU()) > 0, "the vector products ran");
        }
    }

    @Test
    void bothWaysOfDWAgree() {
        // dW as one native product (with the SkylakeX kernel) and as Java loops in units of rows: the same
        // sums in other orders, so they agree to float32's rounding; for the full softmax and the class-based layer
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        sentences(5, 12, xs, ys);
        for (boolean classBased : new boolean[] {false, true}) {
            TwoWays two = twoWays(classBased, xs, ys, k -> Recurrence32.forceDWProduct = k == 0);
            RnnModel[] models = two.models();
            Gradients[] g = two.g();
            String way = classBased ? "class-based: " : "full softmax: ";
            assertNear(g[0].dW(), g[1].dW(), way + "dW");
            assertNear(g[0].dU(), g[1].dU(), way + "dU");
            assertNear(models[0].W(), models[1].W(), way + "W");
            assertNear(models[0].U(), models[1].U(), way + "U");
            INDArray start = classBased ? ClassOutputTest.model(4001, 60, Precision.FLOAT32).W()
                    : RnnModel.initialise(4001, 60, 4, 10, Precision.FLOAT32).W();
            assertTrue(diff(models[0].W(), start) > 1e-4, way + "the steps changed W");
        }
    }

    /** Two models, one made with a way on (k 0) and one with it off (k 1), and what they did. */
    record TwoWays(RnnModel[] models, Gradients[] g) {
    }

    /**
     * For k 0 and 1: {@code switchTo.accept(k)}, a model (C 4001, H 60, float32, BPTT truncated at 4),
     * its gradients on sentence 2, then SGD steps through every sentence, the lane on every other one.
     */
    static TwoWays twoWays(boolean classBased, List<int[]> xs, List<int[]> ys, java.util.function.IntConsumer switchTo) {
        RnnModel[] models = new RnnModel[2];
        Gradients[] g = new Gradients[2];
        for (int k = 0; k < 2; k++) {
            switchTo.accept(k);
            models[k] = classBased ? ClassOutputTest.model(4001, 60, Precision.FLOAT32)
                    : RnnModel.initialise(4001, 60, 4, 10, Precision.FLOAT32);
            models[k].setBpttTruncate(4);
            g[k] = models[k].bptt(xs.get(2), ys.get(2));
            for (int n = 0; n < xs.size(); n++) {
                Kernel.forceLane = n % 2 == 0;
                models[k].sgdStep(xs.get(n), ys.get(n), 0.05);
            }
        }
        return new TwoWays(models, g);
    }

    /** Classes of a vocabulary of 4,001 words with Zipf-like counts. */
    private static WordClasses classesOf4001() {
        long[] counts = new long[4001];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = 1 + 100_000 / (i + 1);
        }
        return WordClasses.byFrequency(counts, WordClasses.defaultCount(counts.length));
    }

    /** n sentences of 1 to 50 words of 4,001 (C H past the lane's threshold) into xs, their targets into ys. */
    static void sentences(long seed, int n, List<int[]> xs, List<int[]> ys) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < n; k++) {
            int T = 1 + r.nextInt(50);
            xs.add(r.ints(T, 0, 4001).toArray());
            ys.add(r.ints(T, 0, 4001).toArray());
        }
    }

    /** actual within 1e-5 of expected's largest magnitude, element by element: float32's rounding in other orders. */
    static void assertNear(INDArray actual, INDArray expected, String what) {
        assertTrue(diff(actual, expected) < 1e-5 * expected.amaxNumber().doubleValue(), what);
    }

    static double diff(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    @Test
    void twoThreadsAgreeWithOne() {
        sameNumbersOnOneThreadAndTwo(Precision.FLOAT64);
    }

    @Test
    void twoThreadsAgreeWithOneInFloat32() {
        // float32: V's update in several units of rows a half, taken by whichever thread is free
        sameNumbersOnOneThreadAndTwo(Precision.FLOAT32);
    }

    private static void sameNumbersOnOneThreadAndTwo(Precision precision) {
        // C * H large enough for the lane; an odd C so that the halves differ in size
        RnnModel a = RnnModel.initialise(4001, 60, 4, 10, precision);
        a.V().muli(4.0);
        RnnModel b = a.copy();
        RnnModel c = a.copy();
        SplittableRandom r = new SplittableRandom(8);
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            int T = 2 + r.nextInt(40);
            xs.add(r.ints(T, 0, 4001).toArray());
            ys.add(r.ints(T, 0, 4001).toArray());
        }
        Kernel.forceLane = true;
        double lossA = a.totalLoss(xs, ys);
        Gradients gA = a.bptt(xs.get(3), ys.get(3));
        double stepA = 0;
        for (int n = 0; n < xs.size(); n++) {
            stepA += a.sgdStep(xs.get(n), ys.get(n), 0.05);
        }
        Kernel.forceLane = false;
        double lossB = b.totalLoss(xs, ys);
        Gradients gB = b.bptt(xs.get(3), ys.get(3));
        double stepB = 0;
        for (int n = 0; n < xs.size(); n++) {
            stepB += b.sgdStep(xs.get(n), ys.get(n), 0.05);
        }
        assertEquals(lossB, lossA, 0.0);
        assertEquals(0.0, diff(gA.dU(), gB.dU()));
        assertEquals(0.0, diff(gA.dV(), gB.dV()));
        assertEquals(0.0, diff(gA.dW(), gB.dW()));
        assertEquals(stepB, stepA, 0.0);
        assertEquals(0.0, diff(a.U(), b.U()));
        assertEquals(0.0, diff(a.V(), b.V()));
        assertEquals(0.0, diff(a.W(), b.W()));
        assertTrue(lossA > 0 && stepA > 0);
        // left to choose by measurement, it mixes both ways: still the same numbers
        Kernel.forceLane = null;
        for (int repeat = 0; repeat < 3; repeat++) {
            assertEquals(lossA, c.totalLoss(xs, ys), 0.0);
        }
        for (int n = 0; n < xs.size(); n++) {
            c.sgdStep(xs.get(n), ys.get(n), 0.05);
        }
        assertEquals(0.0, diff(a.V(), c.V()));
        assertEquals(0.0, diff(a.U(), c.U()));
    }

    @Test
    void modelsUsedFromManyThreadsAtOnceStayCorrect() throws Exception {
        // the lane serves one caller at a time; the others must do the work themselves
        RnnModel template = RnnModel.initialise(4000, 64, 4, 3, Precision.FLOAT32);
        int[] x = new SplittableRandom(1).ints(30, 0, 4000).toArray();
        int[] y = new SplittableRandom(2).ints(30, 0, 4000).toArray();
        Kernel.forceLane = false;
        RnnModel serial = template.copy();
        double[] expected = new double[5];
        for (int i = 0; i < 5; i++) {
            expected[i] = serial.sgdStep(x, y, 0.1);
        }
        Kernel.forceLane = true;
        List<Thread> threads = new ArrayList<>();
        List<double[]> results = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            RnnModel m = template.copy();
            double[] out = new double[5];
            results.add(out);
            threads.add(new Thread(() -> {
                for (int i = 0; i < 5; i++) {
                    out[i] = m.sgdStep(x, y, 0.1);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        for (double[] out : results) {
            for (int i = 0; i < 5; i++) {
                assertEquals(expected[i], out[i], 0.0);
            }
        }
    }

    @Test
    void aStepsUpdateOfVThatRunsOnIsCompleteForAnotherThreadAndForCopies() throws Exception {
        RnnModel a = RnnModel.initialise(4001, 60, 4, 10, Precision.FLOAT32);
        RnnModel b = a.copy();
        int[] x = new SplittableRandom(2).ints(30, 0, 4001).toArray();
        int[] y = new SplittableRandom(4).ints(30, 0, 4001).toArray();
        Kernel.forceLane = false;
        b.sgdStep(x, y, 0.05);
        Kernel.forceLane = true;
        a.sgdStep(x, y, 0.05);
        // read at once, from another thread, while V's update may still run on the lane
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            INDArray seen = other.submit(() -> a.V().dup()).get();
            assertEquals(0.0, diff(b.V(), seen));
        } finally {
            other.shutdown();
        }
        a.sgdStep(x, y, 0.05);
        b.sgdStep(x, y, 0.05);
        assertEquals(0.0, diff(b.V(), a.copy().V()));
        assertEquals(0.0, diff(b.U(), a.U()));
    }

    @Test
    void aClassBasedStepsUpdateMadeOnTheLaneIsTheSameAndCompleteWhenRead() throws Exception {
        classBasedStepOnTheLane(false); // the rows in two groups (Haswell's way)
    }

    @Test
    void aClassBasedStepsUpdateMadeOnTheLaneIsTheSameAndCompleteWhenReadWithGroupsOfFive() throws Exception {
        classBasedStepOnTheLane(true); // the SkylakeX kernel's way: the lane follows the recurrence five rows at a time
    }

    @Test
    void bothGroupingsOfTheClassBasedRowsAgree() {
        int C = 4001;
        WordClasses classes = classesOf4001();
        SplittableRandom r = new SplittableRandom(11);
        RnnModel[] models = new RnnModel[2];
        double[] losses = new double[2];
        for (int k = 0; k < 2; k++) {
            ClassOutput.forceSmallGroups = k == 0;
            models[k] = RnnModel.initialiseClassBased(C, 60, 4, 10, Precision.FLOAT32, classes);
        }
        for (int n = 0; n < 10; n++) {
            int T = 1 + r.nextInt(40);
            int[] x = r.ints(T, 0, C).toArray();
            int[] y = r.ints(T, 0, C).toArray();
            Kernel.forceLane = n % 3 != 0;
            for (int k = 0; k < 2; k++) {
                losses[k] += models[k].sgdStep(x, y, 0.05);
            }
        }
        assertEquals(losses[1], losses[0], 1e-6 * losses[1]);
        assertNear(models[0].V(), models[1].V(), "V");
        assertNear(models[0].X(), models[1].X(), "X");
        assertNear(models[0].U(), models[1].U(), "U");
        assertNear(models[0].W(), models[1].W(), "W");
        assertTrue(diff(models[0].X(), RnnModel.initialiseClassBased(C, 60, 4, 10, Precision.FLOAT32, classes).X()) > 1e-4,
                "the steps changed X");
    }

    private static void classBasedStepOnTheLane(boolean smallGroups) throws Exception {
        ClassOutput.forceSmallGroups = smallGroups;
        int C = 4001; // C H past LANE_MIN_PARAMETERS: the layer's update runs on the lane
        WordClasses classes = classesOf4001();
        RnnModel a = RnnModel.initialiseClassBased(C, 60, 4, 10, Precision.FLOAT32, classes);
        RnnModel b = a.copy();
        int[] x = new SplittableRandom(6).ints(30, 0, C).toArray();
        int[] y = new SplittableRandom(7).ints(30, 0, 200).toArray(); // frequent words: a few classes, some twice
        for (int i = 0; i < 4; i++) {
            Kernel.forceLane = false;
            double inPlace = b.sgdStep(x, y, 0.05);
            Kernel.forceLane = true;
            assertEquals(inPlace, a.sgdStep(x, y, 0.05), 0.0);
        }
        // read at once, from another thread, while the update may still run on the lane
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            assertEquals(0.0, diff(b.W(), other.submit(() -> a.W().dup()).get())); // its rows may be updated on the lane too
            assertEquals(0.0, diff(b.X(), a.X()));
            assertEquals(0.0, diff(b.V(), a.V()));
            assertEquals(0.0, diff(b.U(), a.U()));
        } finally {
            other.shutdown();
        }
        assertTrue(diff(b.X(), RnnModel.initialiseClassBased(C, 60, 4, 10, Precision.FLOAT32, classes).X()) > 0,
                "the steps changed X");
    }

    @Test
    void aChangeToWAfterAClassBasedStepIsSeenByTheNextCall() {
        int C = 4001;
        WordClasses classes = classesOf4001();
        RnnModel a = RnnModel.initialiseClassBased(C, 60, 4, 10, Precision.FLOAT32, classes);
        int[] x = new SplittableRandom(8).ints(30, 0, C).toArray();
        int[] y = new SplittableRandom(9).ints(30, 0, 300).toArray();
        Kernel.forceLane = true;
        a.sgdStep(x, y, 0.05); // the engine keeps W's rows as the step left them, and compares before it trusts them
        double before = a.sentenceLoss(x, y);
        a.W().putScalar(3, 7, a.W().getDouble(3, 7) + 0.5); // as the gradient check does
        RnnModel fresh = a.copy();
        double after = a.sentenceLoss(x, y);
        assertTrue(after != before, "the loss did not see W change");
        assertEquals(fresh.sentenceLoss(x, y), after, 0.0);
    }

    @Test
    void aModelDroppedRightAfterAStepLeavesTheLaneFreeForOthers() throws Exception {
        RnnModel dropped = RnnModel.initialise(4001, 60, 4, 10, Precision.FLOAT32);
        int[] x = new SplittableRandom(5).ints(30, 0, 4001).toArray();
        Kernel.forceLane = true;
        dropped.sgdStep(x, x, 0.05); // V's update left running on the lane; nobody settles this model
        Lane lane = EngineThreads.lane();
        boolean forked = false;
        for (int i = 0; i < 1000 && !forked; i++) {
            forked = lane.fork(() -> { });
            if (!forked) {
                Thread.sleep(1);
            }
        }
        assertTrue(forked, "the lane never came free");
        lane.join();
    }
}
