package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnlab.common.UserException;

/** RnnModel's contract beyond the golden numbers: shapes, copies, chunking, the stable-softmax fallback. */
class RnnModelTest {
    static int[] words(SplittableRandom r, int n, int C) {
        return r.ints(n, 0, C).toArray();
    }

    static double maxAbsDiff(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    @Test
    void fromArraysChecksShapesAndTypes() {
        INDArray U = Nd4j.rand(DataType.DOUBLE, 4, 10);
        INDArray V = Nd4j.rand(DataType.DOUBLE, 10, 4);
        INDArray W = Nd4j.rand(DataType.DOUBLE, 4, 4);
        RnnModel m = RnnModel.fromArrays(U, V, W, 3);
        assertEquals(10, m.wordDim());
        assertEquals(4, m.hiddenDim());
        assertEquals(Precision.FLOAT64, m.precision());
        assertTrue(m.V() == V && m.W() == W, "plain row-major arrays are adopted as the live parameters");
        assertEquals(U, m.U(), "U is held as U^T, a copy");
        int[] x = {1, 2, 3};
        int[] y = {2, 3, 4};
        double before = m.sentenceLoss(x, y);
        m.U().putScalar(0, 2, m.U().getDouble(0, 2) + 1.0); // U[:, 2] is read for x_1 = 2
        assertNotEquals(before, m.sentenceLoss(x, y), "U() is live: a change in place is seen by the next call");
        assertThrows(UserException.class, () -> RnnModel.fromArrays(U, W, W, 3));
        assertThrows(UserException.class, () -> RnnModel.fromArrays(U, V, Nd4j.rand(DataType.DOUBLE, 4, 5), 3));
        assertThrows(UserException.class, () -> RnnModel.fromArrays(U, V.castTo(DataType.FLOAT), W, 3));
        assertThrows(UserException.class, () -> RnnModel.fromArrays(U.castTo(DataType.INT), V, W, 3));
        assertThrows(UserException.class, () -> RnnModel.fromArrays(U, V, W, -1));
        assertThrows(UserException.class, () -> RnnModel.fromArrays(U, V, null, 3));
    }

    @Test
    void viewsAndColumnMajorArraysAreCopied() {
        INDArray big = Nd4j.rand(DataType.DOUBLE, 10, 10);
        INDArray U = big.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4), org.nd4j.linalg.indexing.NDArrayIndex.all());
        INDArray V = Nd4j.rand(DataType.DOUBLE, 4, 10).transpose(); // 10 x 4 view in 'f' order
        INDArray W = Nd4j.rand(DataType.DOUBLE, 4, 4);
        RnnModel m = RnnModel.fromArrays(U, V, W, 4);
        assertEquals(0.0, maxAbsDiff(U, m.U()));
        assertEquals(0.0, maxAbsDiff(V, m.V()));
        int[] x = {0, 3, 9};
        int[] y = {3, 9, 1};
        RnnModel plain = RnnModel.fromArrays(U.dup('c'), V.dup('c'), W.dup('c'), 4);
        assertEquals(plain.sentenceLoss(x, y), m.sentenceLoss(x, y), 1e-12);
    }

    @Test
    void wordsOutsideTheVocabularyAreAUserError() {
        RnnModel m = RnnModel.initialise(20, 5, 4, 1, Precision.FLOAT32);
        assertThrows(UserException.class, () -> m.sentenceLoss(new int[] {0, 20}, new int[] {1, 2}));
        assertThrows(UserException.class, () -> m.sgdStep(new int[] {0, 1}, new int[] {1, -1}, 0.1));
        assertThrows(IllegalArgumentException.class, () -> m.bptt(new int[] {0, 1}, new int[] {1}));
    }

    @Test
    void copyIsIndependentAndCopyFromRestores() {
        RnnModel m = RnnModel.initialise(30, 6, 4, 2, Precision.FLOAT64);
        RnnModel saved = m.copy();
        assertNotSame(saved.U(), m.U());
        int[] x = {0, 5, 7, 9};
        int[] y = {5, 7, 9, 1};
        double before = m.sentenceLoss(x, y);
        m.sgdStep(x, y, 0.5);
        assertTrue(m.sentenceLoss(x, y) < before, "a step on a sentence lowers its loss");
        assertEquals(before, saved.sentenceLoss(x, y), 0.0, "the copy did not move");
        m.copyFrom(saved);
        assertEquals(before, m.sentenceLoss(x, y), 0.0);
        assertThrows(IllegalArgumentException.class, () -> m.copyFrom(RnnModel.initialise(31, 6, 4, 2, Precision.FLOAT64)));
    }

    @Test
    void withPrecisionConverts() {
        RnnModel d = RnnModel.initialise(40, 8, 3, 5, Precision.FLOAT64);
        RnnModel f = d.withPrecision(Precision.FLOAT32);
        assertEquals(Precision.FLOAT32, f.precision());
        assertEquals(3, f.bpttTruncate());
        int[] x = {0, 4, 8, 15};
        int[] y = {4, 8, 15, 1};
        assertEquals(d.sentenceLoss(x, y), f.sentenceLoss(x, y), 1e-5);
        RnnModel same = d.withPrecision(Precision.FLOAT64);
        assertNotSame(d.U(), same.U());
    }

    @Test
    void onlyTheSentencesColumnsOfUChange() {
        RnnModel m = RnnModel.initialise(50, 6, 4, 3, Precision.FLOAT32);
        INDArray before = m.U().dup();
        m.sgdStep(new int[] {0, 7, 7, 30}, new int[] {7, 7, 30, 1}, 0.1);
        INDArray changed = m.U().sub(before).neq(0.0).castTo(DataType.INT).sum(0);
        for (int c = 0; c < 50; c++) {
            boolean used = c == 0 || c == 7 || c == 30;
            assertEquals(used, changed.getInt(c) > 0, "column " + c);
        }
    }

    @Test
    void sgdStepEqualsBpttThenUpdate() {
        SplittableRandom r = new SplittableRandom(3);
        RnnModel a = RnnModel.initialise(60, 9, 3, 4, Precision.FLOAT64);
        RnnModel b = a.copy();
        int[] x = words(r, 14, 60);
        int[] y = words(r, 14, 60);
        Gradients g = a.bptt(x, y);
        a.U().subi(g.dU().mul(0.2));
        a.V().subi(g.dV().mul(0.2));
        a.W().subi(g.dW().mul(0.2));
        b.sgdStep(x, y, 0.2);
        assertTrue(maxAbsDiff(a.U(), b.U()) < 1e-14);
        assertTrue(maxAbsDiff(a.V(), b.V()) < 1e-14);
        assertTrue(maxAbsDiff(a.W(), b.W()) < 1e-14);
    }

    @Test
    void longSentencesAndLargeDataSetsAreChunkedWithoutChangingResults() {
        // a vocabulary this large limits the T x C block to few rows, so T = 70 spans several chunks
        int C = 300_000;
        RnnModel m = RnnModel.initialise(C, 4, 4, 9, Precision.FLOAT64);
        int rows = (int) (Kernel.MAX_BLOCK_BYTES / (8L * C));
        assertTrue(rows < 70, "the test needs several chunks, but one holds " + rows + " rows");
        SplittableRandom r = new SplittableRandom(5);
        int[] x = words(r, 70, C);
        int[] y = words(r, 70, C);
        Forward f = m.forward(x);
        double direct = 0;
        for (int t = 0; t < 70; t++) {
            direct -= Math.log(f.o().getDouble(t, y[t]));
        }
        assertEquals(direct, m.sentenceLoss(x, y), 1e-9);
        assertEquals(direct, m.totalLoss(List.of(x), List.of(y)), 1e-9);
        Gradients g = m.bptt(x, y);
        RnnModel stepped = m.copy();
        stepped.sgdStep(x, y, 0.1);
        assertTrue(maxAbsDiff(m.V().sub(g.dV().mul(0.1)), stepped.V()) < 1e-13);
        assertTrue(maxAbsDiff(m.W().sub(g.dW().mul(0.1)), stepped.W()) < 1e-13);
        // dV from the chunks equals the sum of outer(o_t - onehot(y_t), s_t)
        INDArray dO = f.o().dup();
        for (int t = 0; t < 70; t++) {
            dO.putScalar(t, y[t], dO.getDouble(t, y[t]) - 1);
        }
        INDArray S = f.s().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 70), org.nd4j.linalg.indexing.NDArrayIndex.all());
        assertTrue(maxAbsDiff(dO.transpose().mmul(S), g.dV()) < 1e-12);
    }

    @Test
    void totalLossIsTheSumOfSentenceLosses() {
        SplittableRandom r = new SplittableRandom(11);
        RnnModel m = RnnModel.initialise(200, 12, 4, 6, Precision.FLOAT64);
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        double sum = 0;
        long words = 0;
        for (int n = 0; n < 150; n++) { // more rows than one block holds? no: but many sentences per block
            int T = 1 + r.nextInt(25);
            xs.add(words(r, T, 200));
            ys.add(words(r, T, 200));
            sum += m.sentenceLoss(xs.get(n), ys.get(n));
            words += T;
        }
        assertEquals(sum, m.totalLoss(xs, ys), 1e-9);
        assertEquals(sum / words, m.meanLoss(xs, ys), 1e-12);
        assertTrue(Double.isNaN(m.meanLoss(List.of(), List.of())));
    }

    @Test
    void hugeLogitsFallBackToTheStableSoftmax() {
        // V scaled so that exp(z) overflows float32: the loss must still be finite and right
        SplittableRandom r = new SplittableRandom(2);
        RnnModel d = RnnModel.initialise(300, 10, 4, 8, Precision.FLOAT64);
        d.V().muli(400.0);
        int[] x = words(r, 12, 300);
        int[] y = words(r, 12, 300);
        double exact = d.sentenceLoss(x, y);
        assertTrue(Double.isFinite(exact) && exact > 100, "the logits are large: " + exact);
        Gradients gd = d.bptt(x, y);
        try {
            // both layouts of the kernel's logits, from S and from S^T, in OpenBLAS; then in NativeProducts
            for (int way = 0; way < (NativeProducts.available() ? 5 : 4); way++) {
                Kernel.forceWordMajor = way % 2 == 0;
                Kernel.forceLogitsFromST = way >= 2;
                Kernel.forceNativeProducts = way == 4;
                RnnModel f = d.withPrecision(Precision.FLOAT32);
                assertEquals(exact, f.sentenceLoss(x, y), 1e-4 * exact);
                Gradients gf = f.bptt(x, y);
                assertTrue(maxAbsDiff(gd.dV(), gf.dV()) < 1e-3 * gd.dV().amaxNumber().doubleValue());
            }
        } finally {
            Kernel.forceWordMajor = null;
            Kernel.forceLogitsFromST = null;
            Kernel.forceNativeProducts = null;
        }
        // and past float64's range as well
        d.V().muli(10.0);
        double far = d.sentenceLoss(x, y);
        Forward fw = d.forward(x);
        assertTrue(Double.isFinite(far));
        assertNotEquals(0.0, fw.o().sumNumber().doubleValue());
    }

    @Test
    void forwardKeepsTheLessonsStateConvention() {
        RnnModel m = RnnModel.initialise(25, 5, 4, 4, Precision.FLOAT64);
        Forward f = m.forward(new int[] {0, 3, 4});
        assertArrayEquals(new long[] {3, 25}, f.o().shape());
        assertArrayEquals(new long[] {4, 5}, f.s().shape());
        assertEquals(0.0, f.s().getRow(3).amaxNumber().doubleValue(), "row T is s_-1 = 0");
        for (int t = 0; t < 3; t++) {
            assertEquals(1.0, f.o().getRow(t).sumNumber().doubleValue(), 1e-12);
        }
        // s_0 = tanh(U[:, x_0]) since s_-1 = 0
        assertEquals(Math.tanh(m.U().getDouble(2, 0)), f.s().getDouble(0, 2), 1e-15);
        assertEquals(0.0, m.sentenceLoss(new int[0], new int[0]));
        assertEquals(0, m.predict(new int[0]).length);
    }

    @Test
    void setBpttTruncateChangesTheDefaultGradient() {
        SplittableRandom r = new SplittableRandom(4);
        RnnModel m = RnnModel.initialise(40, 6, 4, 4, Precision.FLOAT64);
        int[] x = words(r, 15, 40);
        int[] y = words(r, 15, 40);
        INDArray dW4 = m.bptt(x, y).dW();
        m.setBpttTruncate(1);
        assertEquals(1, m.bpttTruncate());
        INDArray dW1 = m.bptt(x, y).dW();
        assertEquals(0.0, maxAbsDiff(dW1, m.bptt(x, y, 1).dW()));
        assertTrue(maxAbsDiff(dW4, dW1) > 1e-6);
        assertThrows(UserException.class, () -> m.setBpttTruncate(-2));
    }

    @Test
    void aReleasedCopyFreesItsArraysAndLeavesTheOriginalWhole() {
        RnnModel original = RnnModel.initialise(50, 8, 4, 10, Precision.FLOAT32);
        RnnModel copy = original.withPrecision(Precision.FLOAT64);
        Gradients g = copy.bptt(new int[] {1, 2, 3}, new int[] {2, 3, 4});
        g.release();
        copy.release();
        org.junit.jupiter.api.Assertions.assertTrue(copy.V().wasClosed() && g.dV().wasClosed());
        org.junit.jupiter.api.Assertions.assertFalse(original.V().wasClosed());
        org.junit.jupiter.api.Assertions.assertTrue(original.sentenceLoss(new int[] {1, 2}, new int[] {2, 3}) > 0);
    }
}
