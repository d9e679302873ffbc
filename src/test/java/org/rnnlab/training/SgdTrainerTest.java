package org.rnnlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.common.UserException;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;

class SgdTrainerTest {
    private static final PreparedData DATA = TrainingFixtures.prepared(100, 30);
    private static final List<int[]> XS = DATA.xs();
    private static final List<int[]> YS = DATA.ys();

    private static RnnModel model() {
        return RnnModel.initialise(DATA.vocabulary().size(), 10, 4, 10, Precision.FLOAT64);
    }

    private static double lnC() {
        return Math.log(DATA.vocabulary().size());
    }

    private static void assertSameParameters(RnnModel expected, RnnModel actual) {
        assertEquals(expected.U(), actual.U());
        assertEquals(expected.V(), actual.V());
        assertEquals(expected.W(), actual.W());
    }

    /** The run ended with its Diverged and nothing after it: no Cancelled, no Finished. */
    private static TrainingEvent.Diverged endsWithDivergence(List<TrainingEvent> events, SgdTrainer trainer) {
        assertEquals(SgdTrainer.Outcome.DIVERGED, trainer.outcome());
        TrainingEvent.Diverged d = assertInstanceOf(TrainingEvent.Diverged.class, events.get(events.size() - 1));
        assertEquals(1, only(events, TrainingEvent.Diverged.class).size());
        assertTrue(only(events, TrainingEvent.Cancelled.class).isEmpty(), "no Cancelled after a Diverged");
        assertTrue(only(events, TrainingEvent.Finished.class).isEmpty());
        return d;
    }

    private static <T extends TrainingEvent> List<T> only(List<TrainingEvent> events, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (TrainingEvent e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    /** The lesson's check before the long run: 100 sentences, 10 epochs, loss every epoch, it must fall. */
    @Test
    void lessonCheckLossFallsOnOneHundredSentences() {
        RnnModel m = model();
        SgdTrainer trainer = new SgdTrainer(m, XS, YS, new TrainingConfig(0.005, 10, 1, false, 10));
        List<TrainingEvent> events = new ArrayList<>();
        trainer.addListener(events::add);
        trainer.run();

        List<TrainingEvent.Evaluation> evaluations = only(events, TrainingEvent.Evaluation.class);
        assertEquals(11, evaluations.size(), "epochs 0..9 and once after the last");
        // Random weights predict about 1/C: the loss starts near ln C.
        assertEquals(Math.log(DATA.vocabulary().size()), evaluations.get(0).loss(), 0.1);
        for (int i = 1; i < evaluations.size(); i++) {
            assertTrue(evaluations.get(i).loss() < evaluations.get(i - 1).loss(),
                    "loss rose at evaluation " + i + ": " + evaluations);
        }
        assertEquals(evaluations, trainer.evaluations());
        assertEquals(SgdTrainer.Outcome.FINISHED, trainer.outcome());
        assertEquals(1000, trainer.examplesSeen());
        assertEquals(evaluations.get(10).loss(), trainer.lastGoodLoss());
        assertEquals(evaluations.get(10).loss(), m.meanLoss(XS, YS), 1e-9, "the final evaluation is the model's loss");
        assertTrue(only(events, TrainingEvent.LearningRateHalved.class).isEmpty());
    }

    @Test
    void eventsComeInTheLessonsOrderWithConsistentCounts() {
        RnnModel m = model();
        RnnModel before = m.copy();
        SgdTrainer trainer = new SgdTrainer(m, XS, YS, new TrainingConfig(0.005, 3, 2, false, 10));
        List<TrainingEvent> events = new ArrayList<>();
        trainer.addListener(events::add);
        trainer.run();

        // evaluation(0), 100 steps, end(0), 100 steps, end(1), evaluation(2), 100 steps, end(2), evaluation(3), finished
        assertEquals(1 + 300 + 3 + 2 + 1, events.size());
        TrainingEvent.Evaluation first = assertInstanceOf(TrainingEvent.Evaluation.class, events.get(0));
        assertEquals(0, first.examplesSeen());
        assertEquals(0, first.epoch());
        assertEquals(0.005, first.learningRate());
        TrainingEvent.Step step = assertInstanceOf(TrainingEvent.Step.class, events.get(1));
        assertEquals(1, step.examplesSeen());
        assertEquals(0, step.index());
        assertEquals(100, step.total());
        assertTrue(step.nanos() > 0);
        // The step reports the sentence's mean loss before its update: the initial model's.
        assertEquals(before.sentenceLoss(XS.get(0), YS.get(0)) / YS.get(0).length, step.sentenceLoss(), 1e-9);
        assertEquals(new TrainingEvent.EpochEnd(0, 100), events.get(101));
        assertEquals(new TrainingEvent.EpochEnd(1, 200), events.get(202));
        TrainingEvent.Evaluation second = assertInstanceOf(TrainingEvent.Evaluation.class, events.get(203));
        assertEquals(200, second.examplesSeen());
        assertEquals(2, second.epoch());
        assertEquals(new TrainingEvent.Finished(300), events.get(events.size() - 1));
        TrainingEvent.Evaluation last = assertInstanceOf(TrainingEvent.Evaluation.class, events.get(events.size() - 2));
        assertEquals(3, last.epoch());
        long expected = 0;
        for (TrainingEvent.Step s : only(events, TrainingEvent.Step.class)) {
            assertEquals(++expected, s.examplesSeen());
            assertEquals((expected - 1) % 100, s.index());
        }
        assertThrows(IllegalStateException.class, trainer::run, "a trainer runs once");
    }

    @Test
    void theLearningRateIsHalvedWhenTheLossRose() {
        RnnModel m = model();
        RnnModel initial = m.copy();
        SgdTrainer trainer = new SgdTrainer(m, XS, YS, new TrainingConfig(0.01, 4, 1, false, 10));
        List<TrainingEvent> events = new ArrayList<>();
        trainer.addListener(events::add);
        // After epoch 1, put the initial (worse) parameters back: the evaluation of epoch 2 must rise.
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.EpochEnd end && end.epoch() == 1) {
                m.copyFrom(initial);
            }
        });
        trainer.run();

        List<TrainingEvent.Evaluation> evaluations = only(events, TrainingEvent.Evaluation.class);
        assertTrue(evaluations.get(1).loss() < evaluations.get(0).loss());
        assertEquals(evaluations.get(0).loss(), evaluations.get(2).loss(), 1e-12);
        List<TrainingEvent.LearningRateHalved> halvings = only(events, TrainingEvent.LearningRateHalved.class);
        assertEquals(List.of(new TrainingEvent.LearningRateHalved(200, 2, 0.005)), halvings);
        int halvedAt = events.indexOf(halvings.get(0));
        assertEquals(evaluations.get(2), events.get(halvedAt - 1), "halving follows the evaluation that rose");
        for (TrainingEvent.Step s : only(events, TrainingEvent.Step.class)) {
            assertEquals(s.examplesSeen() <= 200 ? 0.01 : 0.005, s.learningRate(), "step " + s.examplesSeen());
        }
        assertEquals(0.005, trainer.learningRate());
    }

    @Test
    void aNanLossAtAStepStopsTrainingAndRestoresTheLastGoodEvaluation() {
        RnnModel m = model();
        List<TrainingEvent> events = new ArrayList<>();
        RnnModel[] atEvaluation = new RnnModel[1];
        SgdTrainer trainer = new SgdTrainer(m, XS, YS, new TrainingConfig(0.005, 5, 1, false, 10));
        trainer.addListener(events::add);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Evaluation) {
                atEvaluation[0] = m.copy();
            }
            // Poison SENTENCE_START's column of U in the middle of epoch 1: the next sentence's loss is NaN.
            if (e instanceof TrainingEvent.Step s && s.examplesSeen() == 150) {
                m.U().getColumn(DATA.vocabulary().startIndex()).assign(Double.NaN);
            }
        });
        trainer.run();

        TrainingEvent.Diverged d = endsWithDivergence(events, trainer);
        assertEquals(151, d.examplesSeen());
        assertEquals(1, d.epoch());
        assertEquals(TrainingEvent.Diverged.Measured.SENTENCE, d.measured());
        assertTrue(Double.isNaN(d.loss()));
        assertEquals(0.005, d.learningRate());
        double restored = only(events, TrainingEvent.Evaluation.class).get(1).loss();
        assertEquals(restored, d.restoredLoss());
        assertTrue(d.message().contains("NaN") && d.message().contains("0.005"), d.message());
        assertTrue(only(events, TrainingEvent.Step.class).stream().noneMatch(s -> s.examplesSeen() == 151),
                "the step that broke the rule is reported by the Diverged alone");
        assertSameParameters(atEvaluation[0], m);
        assertEquals(restored, m.meanLoss(XS, YS), 1e-9);
    }

    @Test
    void aNanLossAtAnEvaluationAlsoDivergesAndRestores() {
        RnnModel m = model();
        RnnModel[] atEvaluation = new RnnModel[1];
        List<TrainingEvent> events = new ArrayList<>();
        SgdTrainer trainer = new SgdTrainer(m, XS, YS, new TrainingConfig(0.005, 5, 2, false, 10));
        trainer.addListener(events::add);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Evaluation) {
                atEvaluation[0] = m.copy();
            }
            if (e instanceof TrainingEvent.EpochEnd end && end.epoch() == 1) {
                m.V().putScalar(0, 0, Double.POSITIVE_INFINITY);
            }
        });
        trainer.run();

        TrainingEvent.Diverged d = endsWithDivergence(events, trainer);
        assertEquals(200, d.examplesSeen());
        assertEquals(2, d.epoch());
        assertEquals(TrainingEvent.Diverged.Measured.TRAINING_SET, d.measured());
        assertFalse(Double.isFinite(d.loss()));
        assertTrue(d.message().contains("training set"), d.message());
        assertEquals(1, trainer.evaluations().size());
        assertEquals(atEvaluation[0].V(), m.V());
        assertTrue(Double.isFinite(m.V().sumNumber().doubleValue()));
    }

    /** Too large a rate: the loss climbs to many times ln C but stays finite; the bound stops it. */
    @Test
    void aClimbingButFiniteLossIsStoppedByTheBound() {
        RnnModel m = model();
        RnnModel initial = m.copy();
        SgdTrainer trainer = new SgdTrainer(m, XS, YS, new TrainingConfig(10, 5, 1, false, 10));
        List<TrainingEvent> events = new ArrayList<>();
        trainer.addListener(events::add);
        trainer.run();

        TrainingEvent.Diverged d = endsWithDivergence(events, trainer);
        assertEquals(TrainingEvent.Diverged.Measured.RECENT_STEPS, d.measured());
        assertTrue(d.examplesSeen() >= DivergenceRule.MIN_STEPS && d.examplesSeen() < 100, "within epoch 0: " + d);
        assertEquals(0, d.epoch());
        assertEquals(LessonDefaults.DIVERGENCE_FACTOR, d.divergenceFactor());
        assertEquals(LessonDefaults.DIVERGENCE_FACTOR * lnC(), d.bound(), 1e-12);
        assertEquals(d.bound(), trainer.divergenceBound());
        assertTrue(Double.isFinite(d.loss()) && d.loss() > d.bound(), d.toString());
        assertEquals(10, d.learningRate());
        assertEquals(d.examplesSeen(), trainer.examplesSeen());
        // The rule judged the smoothed loss of the steps reported: it held until the step that broke it.
        List<TrainingEvent.Step> steps = only(events, TrainingEvent.Step.class);
        assertEquals(d.examplesSeen() - 1, steps.size());
        double recent = steps.get(0).sentenceLoss();
        for (int i = 1; i < steps.size(); i++) {
            recent = 0.95 * recent + 0.05 * steps.get(i).sentenceLoss();
            if (i + 1 >= DivergenceRule.MIN_STEPS) {
                assertTrue(recent <= d.bound(), "should have stopped at step " + (i + 1));
            }
        }
        // The only good evaluation is the first one, of the initial parameters: they are back.
        assertEquals(1, trainer.evaluations().size());
        assertEquals(trainer.evaluations().get(0).loss(), d.restoredLoss());
        assertEquals(d.restoredLoss(), trainer.lastGoodLoss());
        assertSameParameters(initial, m);
        assertTrue(d.message().startsWith("Training diverged after " + d.examplesSeen() + " examples (epoch 0): "
                + "the recent loss per word rose to "), d.message());
        assertTrue(d.message().contains("above 2 ln C = " + String.format(java.util.Locale.ROOT, "%.2f", d.bound())
                + ", with learning rate 10; the parameters of the last good evaluation"), d.message());
    }

    /** Restores the parameters of the last evaluation that passed, not the initial ones nor the broken ones. */
    @Test
    void theRestoredModelIsTheLastGoodEvaluations() {
        RnnModel m = model();
        List<TrainingEvent> events = new ArrayList<>();
        RnnModel[] atEvaluation = new RnnModel[1];
        SgdTrainer trainer = new SgdTrainer(m, XS, YS, new TrainingConfig(0.05, 5, 1, false, 10));
        trainer.addListener(events::add);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Evaluation) {
                atEvaluation[0] = m.copy();
            }
            // After the evaluation of epoch 2, blow V up: the losses become huge but stay finite.
            if (e instanceof TrainingEvent.Evaluation ev && ev.epoch() == 2) {
                m.V().muli(1000);
            }
        });
        trainer.run();

        TrainingEvent.Diverged d = endsWithDivergence(events, trainer);
        assertEquals(TrainingEvent.Diverged.Measured.RECENT_STEPS, d.measured());
        assertEquals(2, d.epoch());
        assertTrue(d.examplesSeen() > 200 && d.examplesSeen() < 300, d.toString());
        assertTrue(Double.isFinite(d.loss()) && d.loss() > d.bound(), d.toString());
        List<TrainingEvent.Evaluation> evaluations = only(events, TrainingEvent.Evaluation.class);
        assertEquals(3, evaluations.size());
        assertEquals(evaluations.get(2).loss(), d.restoredLoss());
        assertSameParameters(atEvaluation[0], m);
        assertEquals(d.restoredLoss(), m.meanLoss(XS, YS), 1e-9);
    }

    /** An evaluation whose loss is finite but above the bound ends the run and is not a good evaluation. */
    @Test
    void anEvaluationAboveTheBoundDivergesAndRestoresTheOneBefore() {
        RnnModel m = model();
        RnnModel initial = m.copy();
        List<TrainingEvent> events = new ArrayList<>();
        SgdTrainer trainer = new SgdTrainer(m, XS, YS, new TrainingConfig(0.005, 5, 2, false, 10));
        trainer.addListener(events::add);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.EpochEnd end && end.epoch() == 1) {
                m.V().muli(1000);
            }
        });
        trainer.run();

        TrainingEvent.Diverged d = endsWithDivergence(events, trainer);
        assertEquals(TrainingEvent.Diverged.Measured.TRAINING_SET, d.measured());
        assertEquals(200, d.examplesSeen());
        assertEquals(2, d.epoch());
        assertTrue(Double.isFinite(d.loss()) && d.loss() > d.bound(), d.toString());
        assertTrue(d.message().contains("the loss per word on the training set rose to"), d.message());
        assertEquals(1, trainer.evaluations().size(), "the evaluation that broke the rule is not one of them");
        assertEquals(trainer.evaluations().get(0).loss(), d.restoredLoss());
        assertSameParameters(initial, m);
    }

    @Test
    void theDivergenceFactorComesFromTheConfig() {
        // A generous factor lets the same climbing run go on to the end.
        RnnModel generous = model();
        SgdTrainer lenient = new SgdTrainer(generous, XS, YS, new TrainingConfig(10, 2, 1, false, 10, 1000));
        lenient.run();
        assertEquals(SgdTrainer.Outcome.FINISHED, lenient.outcome());
        assertEquals(1000 * lnC(), lenient.divergenceBound(), 1e-9);

        // A strict one rejects even the random model's first evaluation, near ln C.
        RnnModel m = model();
        RnnModel initial = m.copy();
        SgdTrainer strict = new SgdTrainer(m, XS, YS, new TrainingConfig(0.005, 2, 1, false, 10).withDivergenceFactor(0.5));
        List<TrainingEvent> events = new ArrayList<>();
        strict.addListener(events::add);
        strict.run();
        TrainingEvent.Diverged d = endsWithDivergence(events, strict);
        assertEquals(0, d.examplesSeen());
        assertEquals(TrainingEvent.Diverged.Measured.TRAINING_SET, d.measured());
        assertEquals(0.5, d.divergenceFactor());
        assertEquals(0.5 * lnC(), d.bound(), 1e-12);
        assertEquals(lnC(), d.loss(), 0.1);
        assertTrue(Double.isNaN(d.restoredLoss()), "no evaluation passed: the initial parameters");
        assertTrue(d.message().contains("above 0.5 ln C") && d.message().contains("the initial parameters were restored"),
                d.message());
        assertTrue(strict.evaluations().isEmpty());
        assertSameParameters(initial, m);
    }

    /** A listener that stops the trainer on Diverged (as the app did) gets no Cancelled either. */
    @Test
    void stoppingOnDivergedAddsNoCancelled() {
        SgdTrainer trainer = new SgdTrainer(model(), XS, YS, new TrainingConfig(10, 2, 1, false, 10));
        List<TrainingEvent> events = new ArrayList<>();
        trainer.addListener(events::add);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Diverged) {
                trainer.stop();
            }
        });
        trainer.run();
        endsWithDivergence(events, trainer);
    }

    @Test
    void aResumeRightAfterAGrantedStepIsAnnounced() throws Exception {
        // the resume lands between the granted step and the trainer's next look at its requests: the
        // run goes on, and it must say so (the window shows a run as paused until it hears Resumed)
        SgdTrainer trainer = new SgdTrainer(model(), XS, YS, new TrainingConfig(0.005, 1_000_000, 1_000_000, false, 10));
        BlockingQueue<TrainingEvent> events = new LinkedBlockingQueue<>();
        trainer.addListener(events::add);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Step step && step.examplesSeen() == 1) {
                trainer.resume(); // on the training thread, before it loops back to the check
            }
        });
        trainer.pause();
        Thread t = new Thread(trainer::run, "trainer-under-test");
        t.start();
        assertEquals(new TrainingEvent.Paused(0), events.poll(30, TimeUnit.SECONDS));
        trainer.stepOnce();
        assertInstanceOf(TrainingEvent.Evaluation.class, events.poll(30, TimeUnit.SECONDS));
        assertEquals(1, assertInstanceOf(TrainingEvent.Step.class, events.poll(30, TimeUnit.SECONDS)).examplesSeen());
        assertEquals(new TrainingEvent.Resumed(1), events.poll(30, TimeUnit.SECONDS));
        trainer.stop();
        t.join(30_000);
    }

    @Test
    void pauseStepOnceResumeAndStopFromAnotherThread() throws Exception {
        RnnModel m = model();
        SgdTrainer trainer = new SgdTrainer(m, XS, YS, new TrainingConfig(0.005, 1_000_000, 1_000_000, false, 10));
        BlockingQueue<TrainingEvent> events = new LinkedBlockingQueue<>();
        trainer.addListener(events::add);
        trainer.pause();
        assertTrue(trainer.isPaused());
        Thread t = new Thread(trainer::run, "trainer-under-test");
        t.start();

        assertEquals(new TrainingEvent.Paused(0), events.poll(30, TimeUnit.SECONDS));
        assertNull(events.poll(200, TimeUnit.MILLISECONDS), "nothing happens while paused");

        trainer.stepOnce(); // the due evaluation, then exactly one step
        assertInstanceOf(TrainingEvent.Evaluation.class, events.poll(30, TimeUnit.SECONDS));
        TrainingEvent.Step first = assertInstanceOf(TrainingEvent.Step.class, events.poll(30, TimeUnit.SECONDS));
        assertEquals(1, first.examplesSeen());
        assertNull(events.poll(200, TimeUnit.MILLISECONDS), "still paused after a single step");
        trainer.stepOnce();
        assertEquals(2, assertInstanceOf(TrainingEvent.Step.class, events.poll(30, TimeUnit.SECONDS)).examplesSeen());
        assertNull(events.poll(200, TimeUnit.MILLISECONDS));
        assertEquals(2, trainer.examplesSeen());

        trainer.resume();
        assertFalse(trainer.isPaused());
        assertEquals(new TrainingEvent.Resumed(2), events.poll(30, TimeUnit.SECONDS));
        assertEquals(3, assertInstanceOf(TrainingEvent.Step.class, events.poll(30, TimeUnit.SECONDS)).examplesSeen());

        trainer.pause();
        TrainingEvent e;
        do {
            e = events.poll(30, TimeUnit.SECONDS);
            assertNotNull(e, "pause took effect");
        } while (!(e instanceof TrainingEvent.Paused));
        long pausedAt = ((TrainingEvent.Paused) e).examplesSeen();
        assertEquals(pausedAt, trainer.examplesSeen());

        trainer.stop(); // wakes the paused trainer
        assertEquals(new TrainingEvent.Cancelled(pausedAt), events.poll(30, TimeUnit.SECONDS));
        t.join(30_000);
        assertFalse(t.isAlive());
        assertEquals(SgdTrainer.Outcome.CANCELLED, trainer.outcome());
        assertTrue(events.isEmpty());
    }

    @Test
    void stopWhileRunningEndsPromptlyBetweenSteps() throws Exception {
        RnnModel m = model();
        SgdTrainer trainer = new SgdTrainer(m, XS, YS, new TrainingConfig(0.005, 1_000_000, 3, false, 10));
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        trainer.addListener(events::add);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.examplesSeen() == 250) {
                trainer.stop();
            }
        });
        Thread t = new Thread(trainer::run);
        t.start();
        t.join(60_000);
        assertFalse(t.isAlive());
        assertEquals(new TrainingEvent.Cancelled(250), events.get(events.size() - 1));
        assertInstanceOf(TrainingEvent.Step.class, events.get(events.size() - 2));
        assertEquals(SgdTrainer.Outcome.CANCELLED, trainer.outcome());
    }

    @Test
    void stopInterruptsALongEvaluation() throws Exception {
        PreparedData big = TrainingFixtures.prepared(60_000, 30);
        RnnModel m = RnnModel.initialise(big.vocabulary().size(), 100, 4, 10, Precision.FLOAT64);
        List<int[]> xs = big.xs();
        List<int[]> ys = big.ys();
        long t0 = System.nanoTime();
        m.totalLoss(xs.subList(0, 2_000), ys.subList(0, 2_000));
        long perTwoThousand = System.nanoTime() - t0;
        SgdTrainer trainer = new SgdTrainer(m, xs, ys, TrainingConfig.lessonDefaults());
        BlockingQueue<TrainingEvent> events = new LinkedBlockingQueue<>();
        trainer.addListener(events::add);
        Thread t = new Thread(trainer::run);
        t.start();
        Thread.sleep(Math.max(1, perTwoThousand / 2_000_000)); // well inside the evaluation of 60,000 sentences
        long stoppedAt = System.nanoTime();
        trainer.stop();
        assertEquals(new TrainingEvent.Cancelled(0), events.poll(30, TimeUnit.SECONDS), "no evaluation finished first");
        long waited = System.nanoTime() - stoppedAt;
        t.join(30_000);
        assertFalse(t.isAlive());
        assertTrue(waited < 5 * perTwoThousand + 1_000_000_000L, "stopped within a chunk: " + waited / 1e6 + " ms");
        assertTrue(trainer.evaluations().isEmpty());
    }

    @Test
    void shuffleIsSeededAndChangesTheOrder() {
        TrainingConfig plain = new TrainingConfig(0.01, 2, 5, false, 7);
        RnnModel inOrder = model();
        new SgdTrainer(inOrder, XS, YS, plain).run();
        RnnModel shuffled1 = model();
        new SgdTrainer(shuffled1, XS, YS, plain.withShuffle(true, 7)).run();
        RnnModel shuffled2 = model();
        new SgdTrainer(shuffled2, XS, YS, plain.withShuffle(true, 7)).run();
        RnnModel otherSeed = model();
        new SgdTrainer(otherSeed, XS, YS, plain.withShuffle(true, 8)).run();
        assertEquals(shuffled1.U(), shuffled2.U());
        assertEquals(shuffled1.W(), shuffled2.W());
        assertNotEquals(inOrder.W(), shuffled1.W());
        assertNotEquals(shuffled1.W(), otherSeed.W());
    }

    @Test
    void refusesBadInput() {
        assertThrows(UserException.class, () -> new SgdTrainer(model(), List.of(), List.of(), TrainingConfig.lessonDefaults()));
        assertThrows(IllegalArgumentException.class, () -> new SgdTrainer(model(), XS, YS.subList(0, 5),
                TrainingConfig.lessonDefaults()));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(0, 1, 1, false, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(0.1, 1, 0, false, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(0.1, 1, 1, false, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(0.1, 1, 1, false, 1, Double.NaN));
        assertEquals(new TrainingConfig(0.005, 100, 5, false, 10, 2.0), TrainingConfig.lessonDefaults());
    }
}
