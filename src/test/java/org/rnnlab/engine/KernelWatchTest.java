package org.rnnlab.engine;

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
    void backToTheDefault() {
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
    void afterAFallBackTheLoopsGoOnFromTheKernelsW() {
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
}
