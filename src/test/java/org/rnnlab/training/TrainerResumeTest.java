package org.rnnlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;

/** A run resumed from a saved state ends at the weights of the run that was never interrupted (float64). */
class TrainerResumeTest {
    private static final PreparedData DATA = TrainingFixtures.prepared(60, 20);
    private static final TrainingConfig CONFIG = new TrainingConfig(0.05, 3, 1, true, 7).withValidationFraction(0.1);

    private record Saved(TrainerState state, RnnModel model, RnnModel lastGood) {
    }

    private static RnnModel fresh() {
        return RnnModel.initialise(DATA.vocabulary().size(), 8, 4, 3, Precision.FLOAT64);
    }

    private static SgdTrainer trainer(RnnModel model) {
        return new SgdTrainer(model, DATA.xs(), DATA.ys(), CONFIG);
    }

    private static double largestDifference(RnnModel a, RnnModel b) {
        return Math.max(a.U().sub(b.U()).amaxNumber().doubleValue(), Math.max(a.V().sub(b.V()).amaxNumber().doubleValue(),
                a.W().sub(b.W()).amaxNumber().doubleValue()));
    }

    @Test
    void resumingFromAnyStepEndsAtTheUninterruptedWeights() {
        RnnModel whole = fresh();
        SgdTrainer uninterrupted = trainer(whole);
        List<Saved> saved = new ArrayList<>();
        uninterrupted.saveStateEvery(0, (state, model, lastGood) -> saved.add(new Saved(state, model.copy(), lastGood.copy())));
        uninterrupted.run();
        assertEquals(SgdTrainer.Outcome.FINISHED, uninterrupted.outcome());
        int n = uninterrupted.split().trainingSize();
        assertEquals(3L * n, saved.size(), "a state after every step");

        // mid-epoch, the last step of an epoch, and the first step of the last epoch
        for (int at : new int[] {n / 2, n - 1, 2 * n}) {
            Saved s = saved.get(at);
            RnnModel model = s.model().copy();
            SgdTrainer resumed = trainer(model);
            resumed.resume(s.state(), s.lastGood());
            resumed.run();
            assertEquals(SgdTrainer.Outcome.FINISHED, resumed.outcome());
            assertEquals(uninterrupted.examplesSeen(), resumed.examplesSeen());
            assertTrue(largestDifference(whole, model) <= 1e-12, "resumed after step " + (at + 1) + ": "
                    + largestDifference(whole, model));
            sameEvaluations(uninterrupted.evaluations(), resumed.evaluations());
        }
    }

    @Test
    void aStopHandsOverTheStateAndResumingFromItFinishesTheSameRun() {
        RnnModel whole = fresh();
        SgdTrainer uninterrupted = trainer(whole);
        uninterrupted.run();

        RnnModel model = fresh();
        SgdTrainer stopped = trainer(model);
        List<Saved> saved = new ArrayList<>();
        stopped.saveStateEvery(Long.MAX_VALUE, (state, m, lastGood) -> saved.add(new Saved(state, m.copy(), lastGood.copy())));
        stopped.addListener(e -> {
            if (e instanceof TrainingEvent.Step step && step.examplesSeen() == 75) {
                stopped.stop();
            }
        });
        stopped.run();
        assertEquals(SgdTrainer.Outcome.CANCELLED, stopped.outcome());
        assertEquals(1, saved.size(), "only the stop's state");
        assertEquals(75, saved.get(0).state().examplesSeen());

        RnnModel again = saved.get(0).model().copy();
        SgdTrainer resumed = trainer(again);
        resumed.resume(saved.get(0).state(), saved.get(0).lastGood());
        resumed.run();
        assertTrue(largestDifference(whole, again) <= 1e-12, "" + largestDifference(whole, again));
        sameEvaluations(uninterrupted.evaluations(), resumed.evaluations());
    }

    /** The same evaluations; the losses to the last bits only, as the evaluation's chunks follow the clock. */
    private static void sameEvaluations(List<TrainingEvent.Evaluation> expected, List<TrainingEvent.Evaluation> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            TrainingEvent.Evaluation e = expected.get(i);
            TrainingEvent.Evaluation a = actual.get(i);
            assertEquals(e.examplesSeen(), a.examplesSeen());
            assertEquals(e.epoch(), a.epoch());
            assertEquals(e.learningRate(), a.learningRate());
            assertEquals(e.loss(), a.loss(), 1e-12);
            assertEquals(e.validationLoss(), a.validationLoss(), 1e-12);
        }
    }
}
