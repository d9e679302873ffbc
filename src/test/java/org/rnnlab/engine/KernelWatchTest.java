package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The watch that hands the work back to the plain loops when the vector kernels run as objects. */
class KernelWatchTest {
    @BeforeAll
    static void withTheKernels() throws InterruptedException {
        assumeTrue(Simd.awaitReady(60), "no vector kernels here: " + Simd.describe());
    }

    @AfterEach
    void backToTheDefault() throws InterruptedException {
        Simd.undoFallBack();
        Recurrence32.forceVector = null;
        Kernel.forceLane = null;
    }

    @Test
    void stepsOnCompiledKernelsAllocateFarLessThanTheWatchAllows() {
        // what the watch takes for objects must be far from what the engine's steps allocate anyway
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        RnnModelLaneTest.sentences(5, 40, xs, ys);
        for (boolean classBased : new boolean[] {false, true}) {
            RnnModel m = classBased ? ClassOutputTest.model(4001, 100, Precision.FLOAT32)
                    : RnnModel.initialise(4001, 100, 4, 10, Precision.FLOAT32);
            for (int round = 0; round < 3; round++) { // the first round compiles the engine's own methods
                long most = 0;
                for (int n = 0; n < xs.size(); n++) {
                    long before = threads.getCurrentThreadAllocatedBytes();
                    m.sgdStep(xs.get(n), ys.get(n), 0.005);
                    long bytes = threads.getCurrentThreadAllocatedBytes() - before;
                    most = Math.max(most, bytes - xs.get(n).length * KernelWatch.BYTES_A_WORD / 8);
                }
                long before = threads.getCurrentThreadAllocatedBytes();
                m.totalLoss(xs, ys);
                long evaluation = threads.getCurrentThreadAllocatedBytes() - before;
                if (round == 2) {
                    String what = (classBased ? "class-based" : "full softmax") + ": a step allocated at most " + most
                            + " bytes more than an eighth of the watch's allowance, an evaluation " + evaluation;
                    assertTrue(most < KernelWatch.BYTES_A_CALL / 8, what);
                    assertFalse(KernelWatch.boxed(evaluation * 8, 0), what);
                }
            }
            assertFalse(Simd.fellBack(), Simd.describe());
        }
    }

    @Test
    void whatTheObjectsAllocateIsCaught() {
        // the kernels as objects: about 170 KB a word for W s alone at H 100 (16 floats a vector)
        assertTrue(KernelWatch.boxed(45 * 170_000L, 45));
        assertTrue(KernelWatch.boxed(5 * 170_000L, 5));
        assertFalse(KernelWatch.boxed(2_000, 45));
    }

    @Test
    void afterAFallBackTheLoopsGoOnFromTheKernelsW() throws InterruptedException {
        // the kernels' steps update only their own copy of W^T: the loops must start from it, not from
        // the copy they had when the kernels took over (that W is many steps old)
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        RnnModelLaneTest.sentences(13, 16, xs, ys);
        for (boolean classBased : new boolean[] {false, true}) {
            RnnModel[] models = new RnnModel[2];
            for (int k = 0; k < 2; k++) {
                Recurrence32.forceVector = k == 0;
                models[k] = classBased ? ClassOutputTest.model(4001, 60, Precision.FLOAT32)
                        : RnnModel.initialise(4001, 60, 4, 10, Precision.FLOAT32);
                for (int n = 0; n < xs.size(); n++) {
                    if (k == 0 && n == xs.size() / 2) {
                        Simd.fallBack("a test");
                        assertTrue(Simd.describe().startsWith("plain loops: the vector kernels ran as objects"), Simd.describe());
                    }
                    Kernel.forceLane = n % 2 == 0;
                    models[k].sgdStep(xs.get(n), ys.get(n), 0.05);
                }
                Simd.undoFallBack();
            }
            String way = classBased ? "class-based: " : "full softmax: ";
            RnnModelLaneTest.assertNear(models[0].W(), models[1].W(), way + "W");
            RnnModelLaneTest.assertNear(models[0].U(), models[1].U(), way + "U");
            RnnModelLaneTest.assertNear(models[0].V(), models[1].V(), way + "V");
        }
    }

    @Test
    void afterAStrikeTheKernelsComeBackOnceCompiled() throws InterruptedException {
        // the tests' JVM waits for the check (rnnlab.vector.wait), so the steps after a strike run the
        // kernels again and a struck model keeps the very bits of its twin; the plain loops' sums,
        // in another order, would differ in float32's last places
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        RnnModelLaneTest.sentences(21, 12, xs, ys);
        RnnModel[] models = new RnnModel[2];
        Kernel.forceLane = true;
        for (int k = 0; k < 2; k++) {
            models[k] = RnnModel.initialise(4001, 60, 4, 10, Precision.FLOAT32);
            for (int n = 0; n < xs.size(); n++) {
                if (k == 0 && n == xs.size() / 2) {
                    Simd.struck("a test");
                    assertEquals(1, Simd.rechecks());
                    assertFalse(Simd.fellBack(), Simd.describe());
                }
                models[k].sgdStep(xs.get(n), ys.get(n), 0.05);
            }
        }
        assertTrue(Simd.awaitReady(60), Simd.describe());
        assertTrue(Simd.describe().startsWith("vector kernels ("), Simd.describe());
        assertEquals(0.0, RnnModelLaneTest.diff(models[0].W(), models[1].W()), "W");
        assertEquals(0.0, RnnModelLaneTest.diff(models[0].V(), models[1].V()), "V");
        assertEquals(0.0, RnnModelLaneTest.diff(models[0].U(), models[1].U()), "U");
    }

    @Test
    void kernelsThatKeepRunningAsObjectsLeaveTheWorkToTheLoops() throws InterruptedException {
        for (int k = 0; k < Simd.RECHECKS; k++) {
            Simd.struck("a test");
            assertTrue(Simd.awaitReady(60), "return " + (k + 1) + ": " + Simd.describe());
        }
        Simd.struck("a test");
        assertTrue(Simd.fellBack());
        assertFalse(Simd.awaitReady(1));
        assertTrue(Simd.describe().startsWith("plain loops: the vector kernels ran as objects (a test, after "), Simd.describe());
    }
}
