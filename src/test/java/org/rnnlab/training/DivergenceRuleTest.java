package org.rnnlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class DivergenceRuleTest {
    private static final double LN_100 = Math.log(100);

    @Test
    void theBoundIsTheFactorTimesLnC() {
        assertEquals(2 * LN_100, new DivergenceRule(2, 100).bound(), 1e-12);
        assertEquals(3.5 * Math.log(8000), new DivergenceRule(3.5, 8000).bound(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new DivergenceRule(0, 100));
        assertThrows(IllegalArgumentException.class, () -> new DivergenceRule(Double.NaN, 100));
        assertThrows(IllegalArgumentException.class, () -> new DivergenceRule(2, 1));
    }

    @Test
    void theRecentLossIsSmoothedAndJudgedFromTheTenthStep() {
        DivergenceRule rule = new DivergenceRule(2, 100);
        double high = 100;
        double recent = Double.NaN;
        for (int step = 1; step < DivergenceRule.MIN_STEPS; step++) {
            assertEquals(OptionalDouble.empty(), rule.afterStep(high), "step " + step + " is not judged yet");
            recent = Double.isNaN(recent) ? high : 0.95 * recent + 0.05 * high;
            assertEquals(recent, rule.recentLoss(), 1e-12);
        }
        OptionalDouble broke = rule.afterStep(high);
        assertEquals(high, broke.orElseThrow(), 1e-9);
        assertEquals(DivergenceRule.MIN_STEPS, rule.steps());
    }

    @Test
    void oneHighSentenceAmongLowOnesDoesNotDiverge() {
        DivergenceRule rule = new DivergenceRule(2, 100);
        for (int step = 0; step < 50; step++) {
            assertFalse(rule.afterStep(LN_100).isPresent());
        }
        // r = 0.95 ln C + 0.05 * 10 ln C = 1.45 ln C: below 2 ln C.
        assertFalse(rule.afterStep(10 * LN_100).isPresent());
        assertEquals(1.45 * LN_100, rule.recentLoss(), 1e-9);
        // Twenty more like it push the recent loss over.
        boolean diverged = false;
        for (int step = 0; step < 20 && !diverged; step++) {
            diverged = rule.afterStep(10 * LN_100).isPresent();
        }
        assertTrue(diverged);
    }

    @Test
    void aNanOrInfiniteLossDivergesAtOnce() {
        OptionalDouble nan = new DivergenceRule(2, 100).afterStep(Double.NaN);
        assertTrue(nan.isPresent() && Double.isNaN(nan.getAsDouble()));
        assertEquals(Double.POSITIVE_INFINITY, new DivergenceRule(2, 100).afterStep(Double.POSITIVE_INFINITY).orElseThrow());
        DivergenceRule noBound = new DivergenceRule(Double.POSITIVE_INFINITY, 100);
        assertTrue(noBound.rejectsEvaluation(Double.NaN));
        assertTrue(noBound.rejectsEvaluation(Double.POSITIVE_INFINITY));
        assertFalse(noBound.rejectsEvaluation(1e300));
    }

    @Test
    void anEvaluationIsJudgedAgainstTheBound() {
        DivergenceRule rule = new DivergenceRule(2, 100);
        assertFalse(rule.rejectsEvaluation(LN_100));
        assertFalse(rule.rejectsEvaluation(2 * LN_100));
        assertTrue(rule.rejectsEvaluation(2 * LN_100 + 1e-9));
        assertTrue(rule.rejectsEvaluation(Double.NaN));
    }

    @Test
    void theDivergedEventSaysWhatWhereAndWhichParametersWereRestored() {
        TrainingEvent.Diverged recent = new TrainingEvent.Diverged(1234, 1, TrainingEvent.Diverged.Measured.RECENT_STEPS,
                512.3, 2, 17.97, 10, 8.91);
        assertEquals("Training diverged after 1,234 examples (epoch 1): the recent loss per word rose to 512.30, above "
                + "2 ln C = 17.97, with learning rate 10; the parameters of the last good evaluation (loss 8.91) were "
                + "restored. Try a smaller learning rate.", recent.message());
        TrainingEvent.Diverged nan = new TrainingEvent.Diverged(151, 1, TrainingEvent.Diverged.Measured.SENTENCE,
                Double.NaN, 2, 17.97, 0.005, Double.NaN);
        assertEquals("Training diverged after 151 examples (epoch 1): the loss per word of the last sentence became NaN, "
                + "with learning rate 0.005; the initial parameters were restored. Try a smaller learning rate.", nan.message());
        TrainingEvent.Diverged evaluation = new TrainingEvent.Diverged(0, 0, TrainingEvent.Diverged.Measured.TRAINING_SET,
                Double.POSITIVE_INFINITY, 2.5, 22.47, 1e38, 3.5);
        assertEquals("Training diverged after 0 examples (epoch 0): the loss per word on the training set became Infinity, "
                + "with learning rate 1.0E38", evaluation.what());
        assertEquals("the parameters of the last good evaluation (loss 3.50)", evaluation.restoredParameters());
        TrainingEvent.Diverged close = new TrainingEvent.Diverged(30, 0, TrainingEvent.Diverged.Measured.RECENT_STEPS,
                5.99152, 2, 2 * Math.log(20), 0.7, 3);
        assertTrue(close.what().endsWith("rose to 5.992, above 2 ln C = 5.991, with learning rate 0.7"), close.what());
    }

    /** The window says it in its own language, and counts epochs from 1 as its own counter does. */
    @Test
    void theDivergedEventInTheWindowsLanguage() {
        TrainingEvent.Diverged recent = new TrainingEvent.Diverged(1234, 0, TrainingEvent.Diverged.Measured.RECENT_STEPS,
                512.3, 2, 17.97, 10, 8.91);
        assertEquals("Training diverged after 1,234 examples (epoch 1): the recent loss per word rose to 512.30, above "
                + "2 ln C = 17.97, with learning rate 10; the parameters of the last good evaluation (loss 8.91) were "
                + "restored. Try a smaller learning rate.", recent.message(java.util.Locale.ENGLISH, 1));
        assertEquals("训练在 1,234 个样本后发散（第 1 轮）：最近的每词损失升到了 512.30，超过 2 ln C = 17.97，学习率为 10；"
                + "已恢复上一次通过的评估时的参数（损失 8.91）。请试试更小的学习率。", recent.message(java.util.Locale.SIMPLIFIED_CHINESE, 1));
        TrainingEvent.Diverged nan = new TrainingEvent.Diverged(151, 2, TrainingEvent.Diverged.Measured.SENTENCE,
                Double.NaN, 2, 17.97, 0.005, Double.NaN);
        assertEquals("训练在 151 个样本后发散（第 3 轮）：最后一个句子的每词损失变成了 NaN，学习率为 0.005；已恢复初始参数。请试试更小的学习率。",
                nan.message(java.util.Locale.SIMPLIFIED_CHINESE, 1));
    }
}
