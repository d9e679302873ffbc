package org.rnnlab.app.steps.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.training.TrainingEvent;

class TrainingRunStateTest {
    private static final long S = 1_000_000_000L;

    @Test
    void durationsReadLikePeopleSayThem() {
        assertEquals("45 s", org.rnnlab.app.support.NumberText.duration(44.6));
        assertEquals("3 min 20 s", org.rnnlab.app.support.NumberText.duration(200));
        assertEquals("2 h 05 min", org.rnnlab.app.support.NumberText.duration(2 * 3600 + 5 * 60 + 10));
        assertEquals("3 days 4 h", org.rnnlab.app.support.NumberText.duration(3 * 86_400 + 4 * 3600));
    }

    @Test
    void timeLeftIsRemainingOverRate() {
        assertEquals("about 1 min 40 s", org.rnnlab.app.support.NumberText.timeLeft(1000, 10));
        assertEquals("–", org.rnnlab.app.support.NumberText.timeLeft(1000, Double.NaN));
        assertEquals("done", org.rnnlab.app.support.NumberText.timeLeft(0, 10));
    }

    @Test
    void learningRatesLoseTheirTrailingZeros() {
        assertEquals("0.005", TrainingText.rateText(0.005));
        assertEquals("0.0025", TrainingText.rateText(0.0025));
        assertEquals("10", TrainingText.rateText(10));
        assertEquals("–", TrainingText.rateText(Double.NaN));
    }

    @Test
    void rateIsMeasuredOverTheWindow() {
        ArrayDeque<long[]> samples = new ArrayDeque<>();
        samples.add(new long[] {0, 100});
        assertTrue(Double.isNaN(TrainingRunState.rate(samples)));
        samples.add(new long[] {2 * S, 300});
        assertEquals(100.0, TrainingRunState.rate(samples), 1e-9);
    }

    @Test
    void stepsFillTheChartAndTheCounters() {
        TrainingRunState vm = new TrainingRunState();
        vm.started(50, 2, 0.005, 0, false);
        assertEquals(100, vm.totalExamplesProperty().get());
        List<TrainingEvent> batch = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            batch.add(new TrainingEvent.Step(i, 0, i - 1, i - 1, 50, 8.0 - i * 0.01, 0.005, 2_000_000));
        }
        vm.accept(batch, S);
        assertEquals(25, vm.examplesSeenProperty().get());
        assertEquals(1, vm.epochProperty().get(), "epochs are counted from 1");
        assertEquals(0.25, vm.progressProperty().get(), 1e-12);
        assertEquals(25, vm.stepLoss().size());
        assertEquals(25, vm.smoothLoss().size());
        assertEquals(2.0, vm.msPerStepProperty().get(), 1e-9);
        vm.accept(List.of(new TrainingEvent.Step(50, 0, 49, 49, 50, 7.5, 0.005, 2_000_000)), 3 * S);
        assertEquals(12.5, vm.sentencesPerSecondProperty().get(), 1e-9, "25 more in 2 s");
        assertEquals("about 4 s", vm.timeLeftProperty().get());
    }

    @Test
    void evaluationsHalvingsAndTheEndAreRecorded() {
        TrainingRunState vm = new TrainingRunState();
        vm.started(10, 1, 0.005, 0, false);
        long rev = vm.chartRevision();
        vm.accept(List.of(new TrainingEvent.Evaluation(0, 0, 8.9, 0.005),
                new TrainingEvent.Evaluation(10, 1, 9.1, 0.005),
                new TrainingEvent.LearningRateHalved(10, 1, 0.0025)), S);
        assertEquals(2, vm.evaluations().size());
        assertEquals(9.1, vm.evaluations().get(1).loss());
        assertEquals(List.of(new TrainingRunState.Halving(10, 0.0025)), vm.halvings());
        assertEquals(0.0025, vm.currentLearningRateProperty().get());
        assertTrue(vm.chartRevision() > rev);
        vm.accept(List.of(new TrainingEvent.Finished(10)), 2 * S);
        assertEquals(TrainingRunState.State.IDLE, vm.stateProperty().get());
        assertTrue(vm.outcomeProperty().get().startsWith("Finished: 10 examples"), vm.outcomeProperty().get());
    }

    @Test
    void pauseAndResumeChangeTheState() {
        TrainingRunState vm = new TrainingRunState();
        vm.started(10, 1, 0.005, 0, false);
        vm.accept(List.of(new TrainingEvent.Paused(3)), S);
        assertEquals(TrainingRunState.State.PAUSED, vm.stateProperty().get());
        vm.accept(List.of(new TrainingEvent.Resumed(3)), 5 * S);
        assertEquals(TrainingRunState.State.RUNNING, vm.stateProperty().get());
        vm.accept(List.of(new TrainingEvent.Step(6, 0, 5, 5, 10, 5, 0.005, 1)), 6 * S);
        assertEquals(3.0, vm.averageSentencesPerSecond(6 * S), 1e-9, "6 examples in 2 s of running (4 s paused)");
    }

    @Test
    void aBatchOfStepsChangesTheShownNumbersOnceAndKeepsTheEventsOrder() {
        TrainingRunState vm = new TrainingRunState();
        vm.started(1000, 1, 0.005, 0, false);
        int[] changes = new int[2];
        vm.examplesSeenProperty().addListener((o, was, now) -> changes[0]++);
        vm.msPerStepProperty().addListener((o, was, now) -> changes[1]++);
        List<TrainingEvent> batch = new java.util.ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            batch.add(new TrainingEvent.Step(i, 0, i - 1, i - 1, 1000, 5 + i / 100.0, 0.005, 2_000_000));
        }
        batch.add(new TrainingEvent.LearningRateHalved(300, 0, 0.0025)); // after the steps: its rate wins
        vm.accept(batch, S);
        assertEquals(1, changes[0], "one label update for 300 steps");
        assertEquals(1, changes[1]);
        assertEquals(300, vm.examplesSeenProperty().get());
        assertEquals(0.0025, vm.currentLearningRateProperty().get());
        assertEquals(2.0, vm.msPerStepProperty().get(), 1e-9);
        assertEquals(300, vm.stepLoss().size(), "every step is still on the chart");
        vm.accept(List.of(new TrainingEvent.Step(301, 0, 300, 300, 1000, 5, 0.001, 2_000_000)), 2 * S);
        assertEquals(0.001, vm.currentLearningRateProperty().get(), "a later step's rate wins over the halving before it");
        vm.accept(List.of(new TrainingEvent.Step(302, 0, 301, 301, 1000, 5, 0.001, 2_000_000), new TrainingEvent.Finished(302)), 3 * S);
        assertTrue(vm.outcomeProperty().get().startsWith("Finished: 302 examples"), "the end counts the batch's steps: "
                + vm.outcomeProperty().get());
    }

    @Test
    void theStepsAloneCountOnlyTheStepsOwnTime() {
        TrainingRunState vm = new TrainingRunState();
        assertTrue(Double.isNaN(vm.stepsAloneSentencesPerSecond()), "no step yet");
        vm.started(10, 1, 0.005, 0, false);
        // two steps of 0.25 s each in a run of 4 s (an evaluation took the rest)
        vm.accept(List.of(new TrainingEvent.Step(1, 0, 0, 0, 10, 5, 0.005, S / 4),
                new TrainingEvent.Step(2, 0, 1, 1, 10, 5, 0.005, S / 4)), 4 * S);
        assertEquals(4.0, vm.stepsAloneSentencesPerSecond(), 1e-9);
        assertEquals(0.5, vm.averageSentencesPerSecond(4 * S), 1e-9);
        vm.started(10, 1, 0.005, 5 * S, false);
        assertTrue(Double.isNaN(vm.stepsAloneSentencesPerSecond()), "a new run counts from nothing");
    }

    @Test
    void aDivergedRunSaysTheLastGoodModelIsKept() {
        TrainingRunState vm = new TrainingRunState();
        vm.started(10, 1, 0.005, 0, false);
        vm.accept(List.of(new TrainingEvent.Step(4, 0, 3, 3, 10, Double.NaN, 10, 1000),
                new TrainingEvent.Diverged(5, 0, TrainingEvent.Diverged.Measured.SENTENCE, Double.NaN, 2,
                2 * Math.log(10), 10, Double.NaN)), S);
        assertEquals(5, vm.examplesSeenProperty().get(), "the step that diverged counts, as the notice says");
        assertEquals(TrainingRunState.State.IDLE, vm.stateProperty().get());
        assertTrue(vm.divergedProperty().get());
        assertTrue(vm.outcomeProperty().get().contains("parameters were restored"));
        assertTrue(vm.outcomeProperty().get().contains("(epoch 1)"), "epochs from 1, as the step counts them: "
                + vm.outcomeProperty().get());
        // the run's own speed, 5 sentences in its 1 s, not a live rate from before its first step
        assertEquals(5.0, vm.sentencesPerSecondProperty().get(), 1e-9);
    }

    @Test
    void aLongRunKeepsTheChartBounded() {
        TrainingRunState vm = new TrainingRunState();
        vm.started(20_000, 10, 0.005, 0, false);
        List<TrainingEvent> batch = new ArrayList<>();
        for (int i = 1; i <= 200_000; i++) {
            batch.add(new TrainingEvent.Step(i, i / 20_000, i % 20_000, i % 20_000, 20_000, 5 + Math.sin(i), 0.005, 1_000_000));
        }
        vm.accept(batch, S);
        assertTrue(vm.stepLoss().size() <= TrainingRunState.CHART_POINTS + 1);
        assertTrue(vm.smoothLoss().size() <= TrainingRunState.CHART_POINTS + 1);
        assertEquals(200_000, vm.stepLoss().added());
    }

    @Test
    void aSecondRunContinuesTheCurve() {
        TrainingRunState vm = new TrainingRunState();
        vm.started(10, 1, 0.005, 0, false);
        vm.accept(List.of(new TrainingEvent.Step(10, 0, 9, 9, 10, 6, 0.005, 1)), S);
        vm.started(10, 1, 0.005, 2 * S, true);
        vm.accept(List.of(new TrainingEvent.Step(1, 0, 0, 0, 10, 5, 0.005, 1)), 3 * S);
        assertEquals(11, vm.examplesSeenProperty().get());
        assertEquals(20, vm.totalExamplesProperty().get());
        assertEquals(2, vm.stepLoss().size());
    }

    @Test
    void aNewRunCountsFromZeroAndItsSpeedIsNeverNegative() {
        TrainingRunState vm = new TrainingRunState();
        vm.started(10_000, 1, 0.005, 0, false);
        vm.accept(List.of(new TrainingEvent.Step(8037, 0, 8036, 8036, 10_000, 5, 0.005, 1)), S);
        vm.accept(List.of(new TrainingEvent.Finished(8037)), 2 * S);
        vm.started(1, 1, 0.005, 3 * S, false);
        assertEquals(0, vm.examplesSeenProperty().get(), "a new run on a new model starts at 0");
        assertEquals(1, vm.totalExamplesProperty().get());
        vm.accept(List.of(new TrainingEvent.Step(1, 0, 0, 0, 1, 5, 0.005, 1)), 4 * S);
        assertTrue(!(vm.sentencesPerSecondProperty().get() < 0), "speed " + vm.sentencesPerSecondProperty().get());
    }
}
