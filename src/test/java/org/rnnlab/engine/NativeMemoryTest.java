package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Native memory is freed when its owner is done with it, not at a garbage collection: the live
 * gradient check makes and drops a float64 model every few seconds, and a kernel's buffers grow with
 * the longest sentence. Left to the collector, the app's memory grew by hundreds of megabytes in an epoch.
 */
class NativeMemoryTest {
    private static final int C = 3001;

    @Test
    void aReleasedModelFreesItsParametersAndEveryBufferItsKernelGrew() {
        for (RnnModel live : List.of(RnnModel.initialise(C, 20, 4, 3, Precision.FLOAT32),
                RnnModel.initialiseClassBased(C, 20, 4, 3, Precision.FLOAT32, zipf()))) {
            RnnModel copy = live.withPrecision(Precision.FLOAT64); // as the live check does
            int[][] s = sentence(30, 5);
            copy.sentenceLoss(s[0], s[1]);
            copy.bptt(s[0], s[1]).release();
            copy.sgdStep(s[0], s[1], 0.005);
            List<INDArray> held = copy.nativeBuffers();
            assertTrue(held.size() > 3, "the kernel grew buffers: " + held.size());
            copy.release();
            held.forEach(a -> assertTrue(a.wasClosed(), "still held after release: " + a.shapeInfoToString()));
            live.nativeBuffers().forEach(a -> assertFalse(a.wasClosed(), "the live model is untouched"));
        }
    }

    @Test
    void buffersOutgrownByALongerSentenceAreFreedAndTheNumbersStayTheSame() {
        RnnModel grown = RnnModel.initialise(C, 20, 100, 3, Precision.FLOAT32);
        RnnModel fresh = grown.copy();
        int[][] shortOne = sentence(10, 1);
        int[][] longOne = sentence(150, 2); // past the first buffers' 64 rows
        grown.sgdStep(shortOne[0], shortOne[1], 0.005);
        fresh.sgdStep(shortOne[0], shortOne[1], 0.005);
        List<INDArray> before = grown.nativeBuffers();
        grown.sgdStep(longOne[0], longOne[1], 0.005);
        List<INDArray> outgrown = before.stream().filter(a -> !grown.nativeBuffers().contains(a)).toList();
        assertFalse(outgrown.isEmpty(), "a 150-word sentence needs larger buffers than a 10-word one");
        outgrown.forEach(a -> assertTrue(a.wasClosed(), "an outgrown buffer was left to the collector"));
        // against a model that never held the small buffers
        RnnModel big = RnnModel.initialise(C, 20, 100, 3, Precision.FLOAT32);
        big.copyFrom(fresh);
        big.sgdStep(longOne[0], longOne[1], 0.005);
        assertEquals(big.sentenceLoss(shortOne[0], shortOne[1]), grown.sentenceLoss(shortOne[0], shortOne[1]), 1e-9);
    }

    private static int[][] sentence(int T, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return new int[][] {r.ints(T, 0, C).toArray(), r.ints(T, 0, C).toArray()};
    }

    private static WordClasses zipf() {
        long[] counts = IntStream.range(0, C).mapToLong(i -> 100_000L / (i + 1) + 1).toArray();
        return WordClasses.byFrequency(counts, WordClasses.defaultCount(C));
    }
}
