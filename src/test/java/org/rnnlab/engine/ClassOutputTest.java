package org.rnnlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnlab.common.Cancellation;
import org.rnnlab.training.GradientCheck;
import org.rnnlab.training.GradientCheckListener;
import org.rnnlab.training.ParameterVerdict;

/** The class-based output layer: the lesson's gradient check, a distribution that sums to 1, SGD = gradients. */
class ClassOutputTest {
    private static final int[] X = {0, 1, 2, 3};
    private static final int[] Y = {1, 2, 3, 4};

    /** Zipf-like counts, in the vocabulary's order (most frequent first). */
    static long[] zipf(int C) {
        long[] counts = new long[C];
        for (int i = 0; i < C; i++) {
            counts[i] = Math.max(1, Math.round(100_000.0 / (i + 1)));
        }
        return counts;
    }

    static RnnModel model(int C, int H, Precision p) {
        WordClasses classes = WordClasses.byFrequency(zipf(C), WordClasses.defaultCount(C));
        return RnnModel.initialiseClassBased(C, H, 1000, 10, p, classes);
    }

    @Test
    void passesTheLessonsGradientCheckForEveryParameterIncludingTheClassWeights() {
        RnnModel m = model(100, 10, Precision.FLOAT64);
        List<ParameterVerdict> verdicts = GradientCheck.lesson().run(m, X, Y, GradientCheckListener.NONE, Cancellation.NONE);
        assertEquals(List.of("U", "V", "W", "X"), verdicts.stream().map(ParameterVerdict::parameter).toList());
        for (ParameterVerdict v : verdicts) {
            assertTrue(v.passed(), v.toString());
        }
    }

    @Test
    void passesTheGradientCheckWhereTargetsShareAClass() {
        // V's update takes two targets of one class in one product (their rows some rows apart): the
        // same word at once and three apart, two rare words of one class, and a third of a class
        RnnModel m = model(100, 10, Precision.FLOAT64);
        WordClasses classes = m.classes();
        int[] y = {5, 5, 90, 9, 5, 91, 92, 1};
        assertEquals(classes.classOf(90), classes.classOf(91));
        assertEquals(classes.classOf(90), classes.classOf(92));
        int[] x = {0, 5, 5, 90, 9, 5, 91, 92};
        List<ParameterVerdict> verdicts = GradientCheck.lesson().run(m, x, y, GradientCheckListener.NONE, Cancellation.NONE);
        for (ParameterVerdict v : verdicts) {
            assertTrue(v.passed(), v.toString());
        }
    }

    @Test
    void theNextWordDistributionSumsToOneAndGivesTheTrainingLoss() {
        RnnModel m = model(300, 12, Precision.FLOAT64);
        int[] x = {0, 5, 17, 250, 3, 99};
        int[] y = {5, 17, 250, 3, 99, 1};
        INDArray o = m.forward(x).o();
        double loss = 0;
        for (int t = 0; t < x.length; t++) {
            assertEquals(1.0, o.getRow(t).sumNumber().doubleValue(), 1e-12);
            loss -= Math.log(o.getDouble(t, y[t]));
        }
        assertEquals(loss, m.sentenceLoss(x, y), 1e-9);
        assertEquals(loss, m.totalLoss(List.of(x), List.of(y)), 1e-9);
        NextWordPredictor predictor = new NextWordPredictor(m);
        double[] p = predictor.feed(x[0]);
        assertEquals(o.getDouble(0, y[0]), p[y[0]], 1e-12);
        int[] best = new int[x.length];
        for (int t = 0; t < x.length; t++) {
            best[t] = o.getRow(t).argMax().getInt(0);
        }
        assertArrayEquals(best, m.predict(x), "predict is the most probable word of each row");
    }

    @org.junit.jupiter.api.AfterEach
    void productsAsTheKernelChooses() {
        Kernel.forceNativeProducts = null;
    }

    @Test
    void theFloat32LayerGivesTheFloat64LayersLossAndGradients() {
        // float32 has its own arithmetic (FastExp, the class softmax of a part's rows at once): same numbers to its rounding
        Kernel.forceNativeProducts = false;
        float32GivesFloat64sLossAndGradients();
    }

    @Test
    void theFloat32LayerInNativeCodeGivesTheFloat64LayersLossAndGradients() {
        org.junit.jupiter.api.Assumptions.assumeTrue(NativeProducts.available(), "no native products here: " + NativeProducts.status());
        Kernel.forceNativeProducts = true;
        float32GivesFloat64sLossAndGradients();
        float32LogitsBeyondExpsRange();
    }

    private static void float32GivesFloat64sLossAndGradients() {
        RnnModel d = model(300, 12, Precision.FLOAT64);
        d.V().muli(20.0); // logits of a few units, so that the softmaxes are far from uniform
        d.X().muli(20.0);
        RnnModel f = d.withPrecision(Precision.FLOAT32);
        int[] x = {0, 5, 17, 250, 3, 99, 5, 5, 1, 42, 7, 0, 3};
        int[] y = {5, 17, 250, 3, 99, 5, 5, 1, 42, 7, 0, 3, 8};
        assertEquals(d.sentenceLoss(x, y), f.sentenceLoss(x, y), 1e-5 * d.sentenceLoss(x, y));
        Gradients gd = d.bptt(x, y);
        Gradients gf = f.bptt(x, y);
        INDArray[][] pairs = {{gd.dU(), gf.dU()}, {gd.dV(), gf.dV()}, {gd.dW(), gf.dW()}, {gd.dX(), gf.dX()}};
        for (INDArray[] p : pairs) {
            double scale = p[0].amaxNumber().doubleValue();
            double diff = p[0].sub(p[1].castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)).amaxNumber().doubleValue();
            assertTrue(scale > 1e-3 && diff < 1e-4 * scale, "largest gradient " + scale + ", difference " + diff);
        }
    }

    @Test
    void float32LogitsBeyondExpsRangeAreRedoneLessTheirMaximumAndGiveTheFloat64LayersNumbers() {
        Kernel.forceNativeProducts = false;
        float32LogitsBeyondExpsRange();
    }

    private static void float32LogitsBeyondExpsRange() {
        // float32 exponentiates its logits unshifted. The same vector added to every row of X and
        // of V adds w . s_t to all of a row's logits: the softmaxes do not change, but logits of
        // hundreds overflow or underflow exp, and those rows must be redone less their maximum
        RnnModel d = model(300, 12, Precision.FLOAT64);
        d.V().muli(20.0);
        d.X().muli(20.0);
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        INDArray w = org.nd4j.linalg.factory.Nd4j.create(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 12);
        for (int i = 0; i < 12; i++) {
            w.putScalar(i, (r.nextBoolean() ? 1 : -1) * (200 + 100 * r.nextDouble()));
        }
        RnnModel plain = d.withPrecision(Precision.FLOAT64);
        d.V().addiRowVector(w);
        d.X().addiRowVector(w);
        RnnModel f = d.withPrecision(Precision.FLOAT32);
        int[] x = {0, 5, 17, 250, 3, 99, 5, 5, 1, 42, 7, 0, 3};
        int[] y = {5, 17, 250, 3, 99, 5, 5, 1, 42, 7, 0, 3, 8};
        double expected = d.sentenceLoss(x, y);
        assertEquals(plain.sentenceLoss(x, y), expected, 1e-9 * expected, "the shift leaves the softmaxes as they were");
        assertEquals(expected, f.sentenceLoss(x, y), 1e-5 * expected);
        Gradients gd = d.bptt(x, y);
        Gradients gf = f.bptt(x, y);
        INDArray[][] pairs = {{gd.dV(), gf.dV()}, {gd.dX(), gf.dX()}, {gd.dW(), gf.dW()}};
        for (INDArray[] p : pairs) {
            double scale = p[0].amaxNumber().doubleValue();
            double diff = p[0].sub(p[1].castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)).amaxNumber().doubleValue();
            assertTrue(diff < 1e-4 * scale, "largest gradient " + scale + ", difference " + diff);
        }
    }

    @Test
    void aFloat32StepInNativeCodeMovesTheParametersAsFloat64sStep() {
        // V's update in parts (two targets of a class in one product, a lone one in another) and X's, in native code
        org.junit.jupiter.api.Assumptions.assumeTrue(NativeProducts.available(), "no native products here: " + NativeProducts.status());
        Kernel.forceNativeProducts = true;
        RnnModel d = model(300, 12, Precision.FLOAT64);
        d.V().muli(20.0);
        d.X().muli(20.0);
        RnnModel f = d.withPrecision(Precision.FLOAT32);
        int[] x = {0, 5, 17, 250, 3, 99, 5, 5, 1, 42, 7, 0, 3};
        int[] y = {5, 17, 250, 3, 99, 5, 5, 1, 42, 7, 0, 3, 8};
        assertEquals(d.sgdStep(x, y, 0.5), f.sgdStep(x, y, 0.5), 1e-5 * d.sentenceLoss(x, y));
        INDArray[][] pairs = {{d.U(), f.U()}, {d.V(), f.V()}, {d.W(), f.W()}, {d.X(), f.X()}};
        for (INDArray[] p : pairs) {
            double scale = p[0].amaxNumber().doubleValue();
            double diff = p[0].sub(p[1].castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE)).amaxNumber().doubleValue();
            assertTrue(diff < 1e-5 * scale, "largest parameter " + scale + ", difference " + diff);
        }
    }

    @Test
    void anSgdStepMovesEveryParameterByMinusTheLearningRateTimesItsGradient() {
        RnnModel m = model(300, 12, Precision.FLOAT64);
        m.setBpttTruncate(2);
        int[] x = {0, 5, 17, 250, 3, 99, 5, 5};
        int[] y = {5, 17, 250, 3, 99, 5, 5, 1};
        RnnModel before = m.copy();
        Gradients g = before.bptt(x, y);
        double lr = 0.05;
        double loss = m.sgdStep(x, y, lr);
        assertEquals(before.sentenceLoss(x, y), loss, 1e-9);
        INDArray[][] pairs = {{m.U(), before.U(), g.dU()}, {m.V(), before.V(), g.dV()}, {m.W(), before.W(), g.dW()},
                {m.X(), before.X(), g.dX()}};
        for (INDArray[] p : pairs) {
            INDArray want = p[1].sub(p[2].mul(lr));
            assertTrue(want.equalsWithEps(p[0], 1e-9), "after the step\n" + p[0] + "\nwant\n" + want);
        }
    }

    @Test
    void aModelFileCarriesTheClassesAndTheClassWeights(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        RnnModel m = model(300, 12, Precision.FLOAT32);
        java.nio.file.Path file = dir.resolve("class.npz");
        ModelFile.save(file, m, null, null);
        RnnModel back = ModelFile.load(file).model();
        assertTrue(back.isClassBased());
        assertEquals(m.classes(), back.classes());
        assertEquals(m.X(), back.X());
        int[] x = {0, 5, 17, 250};
        int[] y = {5, 17, 250, 3};
        assertEquals(m.sentenceLoss(x, y), back.sentenceLoss(x, y), 1e-6);
    }

    @Test
    void theClassBasedLayerCostsAboutTwoSqrtCRowsAWordInsteadOfC() {
        long[] counts = zipf(8000);
        WordClasses c = WordClasses.byFrequency(counts, WordClasses.defaultCount(8000));
        OutputLayerCost full = OutputLayerCost.full(8000, 100);
        OutputLayerCost byClass = OutputLayerCost.classBased(c, counts, 100);
        assertEquals(800_000, full.multiplyAdds());
        assertEquals((8000L + c.count()) * 100 * 4, byClass.weightBytes(4));
        // K classes plus the mean class a token falls in: of the order of 2 sqrt(C) = 179 rows
        assertTrue(byClass.multiplyAdds() > 100 * c.count() && byClass.multiplyAdds() < 100 * 400,
                "class-based multiply-adds " + byClass.multiplyAdds());
    }

    @Test
    void byTokenShareClassesHoldSimilarSharesOfTheTokens() {
        long[] counts = zipf(8000);
        WordClasses c = WordClasses.byTokenShare(counts, WordClasses.defaultCount(8000));
        assertEquals(8000, c.words());
        assertTrue(c.count() > 40 && c.count() <= 89, "classes: " + c.count());
        double total = java.util.Arrays.stream(counts).sum();
        int tail = c.count() - 1;
        double lastShare = 0;
        for (int w = c.start(tail); w < 8000; w++) {
            lastShare += counts[w] / total;
        }
        assertTrue(lastShare < 2.0 / 89, "the rare words' class holds " + lastShare);
        assertEquals(1, c.size(0), "the most frequent word is a class of its own");
        assertArrayEquals(c.boundaries(), WordClasses.fromBoundaries(c.boundaries(), 8000).boundaries());
    }

    @Test
    void byFrequencyClassesHoldSimilarSharesOfTheCountsSquareRootsAndATokensClassIsSmaller() {
        long[] counts = zipf(8000);
        WordClasses c = WordClasses.byFrequency(counts, 89);
        assertEquals(89, c.count(), "no class is left empty");
        double rootTotal = 0;
        for (long n : counts) {
            rootTotal += Math.sqrt(n);
        }
        for (int k = 0; k < c.count(); k++) {
            double share = 0;
            for (int w = c.start(k); w < c.start(k) + c.size(k); w++) {
                share += Math.sqrt(counts[w]) / rootTotal;
            }
            assertTrue(share < 2.0 / 89, "class " + k + " holds " + share + " of the square roots");
        }
        // what a step's cost follows: the size of its target's class, weighted by how often targets fall there
        WordClasses old = WordClasses.byTokenShare(counts, 89);
        double meanByRoots = meanClassOfAToken(c, counts);
        double meanByTokens = meanClassOfAToken(old, counts);
        assertTrue(meanByRoots < 0.5 * meanByTokens, meanByRoots + " words against " + meanByTokens);
        assertTrue(c.maxSize() < old.maxSize() / 3, c.maxSize() + " words at most against " + old.maxSize());
    }

    private static double meanClassOfAToken(WordClasses c, long[] counts) {
        double total = java.util.Arrays.stream(counts).sum();
        double mean = 0;
        for (int w = 0; w < counts.length; w++) {
            mean += counts[w] / total * c.size(c.classOf(w));
        }
        return mean;
    }

    @Test
    void aRowsMaximumAndSumTakenInFourRunningValuesAreTheRowsOwn() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(9);
        for (int n = 1; n <= 23; n++) {
            for (int trial = 0; trial < 20; trial++) {
                float[] a = new float[n + 3]; // longer than n: what lies past n must not count
                for (int i = 0; i < a.length; i++) {
                    a[i] = (float) (r.nextDouble() * 40 - 30);
                }
                a[n] = 1e9f;
                float max = Float.NEGATIVE_INFINITY;
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    max = Math.max(max, a[i]);
                    sum += a[i];
                }
                assertEquals(max, ClassOutput.maxOf(a, n), 0f, "n " + n);
                assertEquals(sum, ClassOutput.sumOf(a, n), 1e-12 * n * 30, "n " + n);
            }
        }
    }
}
