package org.rnnlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.CancelledException;
import org.rnnlab.engine.Gradients;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;

class GradientCheckTest {
    private static final int[] X = {0, 1, 2, 3};
    private static final int[] Y = {1, 2, 3, 4};

    /** The lesson's gradient-check model: C = 100, H = 10, seed 10. */
    private static RnnModel lessonModel(Precision p) {
        return RnnModel.initialise(100, 10, 1000, 10, p);
    }

    private static final class Recorder implements GradientCheckListener {
        final List<String> starts = new ArrayList<>();
        final List<CheckedElement> elements = new ArrayList<>();
        final List<ParameterVerdict> verdicts = new ArrayList<>();

        @Override
        public void onParameterStart(String parameter, int elements) {
            starts.add(parameter + ":" + elements);
        }

        @Override
        public void onElement(CheckedElement e) {
            elements.add(e);
        }

        @Override
        public void onParameterDone(ParameterVerdict v) {
            verdicts.add(v);
        }
    }

    @Test
    void everyParameterOfTheLessonsModelPasses() {
        RnnModel model = lessonModel(Precision.FLOAT32);
        RnnModel untouched = model.copy();
        Recorder r = new Recorder();
        List<ParameterVerdict> verdicts = GradientCheck.lesson().run(model, X, Y, r, Cancellation.NONE);

        assertEquals(List.of("U:1000", "V:1000", "W:100"), r.starts);
        assertEquals(List.of(new ParameterVerdict("U", true, 1000, null), new ParameterVerdict("V", true, 1000, null),
                new ParameterVerdict("W", true, 100, null)), verdicts);
        assertEquals(verdicts, r.verdicts);
        assertEquals(2100, r.elements.size());
        // Streamed in nditer order: U row-major first.
        assertEquals("U", r.elements.get(0).parameter());
        assertEquals(0, r.elements.get(1).row());
        assertEquals(1, r.elements.get(1).column());
        assertEquals(1, r.elements.get(100).row());
        assertEquals("W", r.elements.get(2099).parameter());
        long nonZero = r.elements.stream().filter(e -> e.backprop() != 0).count();
        assertTrue(nonZero > 500, "most of V and W and four columns of U carry gradient: " + nonZero);
        for (CheckedElement e : r.elements) {
            assertTrue(e.passed() && e.relativeError() <= 0.01, e.toString());
            if (e.parameter().equals("U") && e.column() > 3) {
                // Words never seen in x: both gradients are exactly 0, and 0/0 counts as agreement.
                assertEquals(0, e.backprop());
                assertEquals(0, e.relativeError());
            }
        }
        assertEquals(untouched.U(), model.U(), "the check runs on a copy");
        assertEquals(Precision.FLOAT32, model.precision());
    }

    @Test
    void aWrongGradientFailsAtItsFirstWrongElement() {
        // BPTT with one element of dV doubled and all of dW negated.
        GradientCheck broken = new GradientCheck(0.001, 0.01, (m, x, y) -> {
            Gradients g = m.bptt(x, y, Integer.MAX_VALUE);
            INDArray dV = g.dV().dup();
            dV.putScalar(7, 3, dV.getDouble(7, 3) * 2);
            return new Gradients(g.dU(), dV, g.dW().neg());
        });
        Recorder r = new Recorder();
        List<ParameterVerdict> verdicts = broken.run(lessonModel(Precision.FLOAT64), X, Y, r, Cancellation.NONE);

        assertTrue(verdicts.get(0).passed());
        ParameterVerdict v = verdicts.get(1);
        assertFalse(v.passed());
        assertEquals(1000, v.checked(), "every element is still checked");
        CheckedElement f = v.firstFailure();
        assertEquals("V", f.parameter());
        assertEquals(7, f.row());
        assertEquals(3, f.column());
        assertEquals(2 * f.estimate(), f.backprop(), 1e-6 * Math.abs(f.backprop()));
        assertEquals(1.0 / 3, f.relativeError(), 1e-4);
        assertEquals(1, r.elements.stream().filter(e -> e.parameter().equals("V") && !e.passed()).count());
        ParameterVerdict w = verdicts.get(2);
        assertFalse(w.passed());
        assertNotNull(w.firstFailure());
        assertEquals(1.0, w.firstFailure().relativeError(), 1e-9, "opposite signs: |a-b| = |a|+|b|");
    }

    @Test
    void theSampledCheckTellsTheEstimatesOwnErrorFromAWrongGradient() {
        // h = 0.3: coarse enough that the central difference misses the right gradient by over 1% somewhere
        RnnModel model = lessonModel(Precision.FLOAT64);
        GradientCheck coarse = new GradientCheck(0.3, 0.01);
        assertTrue(coarse.run(model, X, Y, GradientCheckListener.NONE, Cancellation.NONE).stream().anyMatch(v -> !v.passed()),
                "the lesson's check at h = 0.3 fails somewhere");
        List<SampledVerdict> sampled = coarse.runSample(model, X, Y, 300, new java.util.SplittableRandom(3));
        for (SampledVerdict v : sampled) {
            assertTrue(v.passed(), v.parameter() + ": " + v.firstFailureText());
        }
        // a wrong gradient still fails at h / 10
        GradientCheck broken = new GradientCheck(0.3, 0.01, (m, x, y) -> {
            Gradients g = m.bptt(x, y, Integer.MAX_VALUE);
            return new Gradients(g.dU(), g.dV(), g.dW().mul(1.05));
        });
        List<SampledVerdict> wrong = broken.runSample(model, X, Y, 300, new java.util.SplittableRandom(3));
        assertTrue(wrong.get(0).passed() && wrong.get(1).passed());
        assertFalse(wrong.get(2).passed(), "dW 5% off");
    }

    @Test
    void aTruncatedGradientIsNotTheExactOne() {
        List<ParameterVerdict> verdicts = GradientCheck.truncated(0.001, 0.01, 1)
                .run(lessonModel(Precision.FLOAT64), X, Y, GradientCheckListener.NONE, Cancellation.NONE);
        assertFalse(verdicts.get(0).passed(), "U");
        assertTrue(verdicts.get(1).passed(), "V does not depend on truncation");
        assertFalse(verdicts.get(2).passed(), "W");
        assertNull(verdicts.get(1).firstFailure());
    }

    @Test
    void cancellationStopsTheCheck() {
        Cancellation cancel = new Cancellation();
        int[] seen = new int[1];
        assertThrows(CancelledException.class, () -> GradientCheck.lesson().run(lessonModel(Precision.FLOAT64), X, Y,
                new GradientCheckListener() {
                    @Override
                    public void onElement(CheckedElement e) {
                        if (++seen[0] == 25) {
                            cancel.cancel();
                        }
                    }
                }, cancel));
        assertEquals(25, seen[0]);
    }

    @Test
    void relativeErrorFollowsTheLesson() {
        assertEquals(0, GradientCheck.relativeError(0, 0));
        assertEquals(1, GradientCheck.relativeError(1, 0));
        assertEquals(0.5 / 1.5, GradientCheck.relativeError(1, 0.5), 1e-15);
        assertEquals(1, GradientCheck.relativeError(-2, 2));
    }
}
