package org.rnnlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.engine.Gradients;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;

/** The streams of a run: held-out loss, probe, live gradient check, learning rate set while training. */
class LiveStreamsTest {
    private static final PreparedData DATA = TrainingFixtures.prepared(100, 30);
    private static final List<int[]> XS = DATA.xs();
    private static final List<int[]> YS = DATA.ys();

    private static RnnModel model(Precision p) {
        return RnnModel.initialise(DATA.vocabulary().size(), 10, 4, 10, p);
    }

    /** SENTENCE_START the cat sat on the mat . SENTENCE_END, as word indices. */
    private static int[] probeWords() {
        return DATA.vocabulary().encode(List.of("SENTENCE_START", "the", "cat", "sat", "on", "the", "mat", ".", "SENTENCE_END"));
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

    // ---- held-out split

    @Test
    void theSplitIsReproducibleForASeedDisjointAndComplete() {
        TrainValidationSplit a = TrainValidationSplit.of(100, 0.1, 7);
        assertEquals(a, TrainValidationSplit.of(100, 0.1, 7), "the same seed, the same split");
        assertNotEquals(a.heldOut(), TrainValidationSplit.of(100, 0.1, 8).heldOut(), "another seed, another split");
        assertEquals(90, a.trainingSize());
        assertEquals(10, a.heldOutSize());
        Set<Integer> all = new HashSet<>(a.training());
        all.addAll(a.heldOut());
        assertEquals(100, all.size(), "disjoint, and every sentence is in one part");
        assertEquals(a.training().stream().sorted().toList(), a.training(), "training keeps the corpus order");
        assertEquals(a.heldOut().stream().sorted().toList(), a.heldOut());
        assertEquals("90 training sentences, 10 held out (10%, seed 7)", a.describe());

        TrainValidationSplit none = TrainValidationSplit.of(5, 0, 7);
        assertEquals(List.of(0, 1, 2, 3, 4), none.training());
        assertEquals(List.of(), none.heldOut());
        assertEquals("5 training sentences, none held out", none.describe());
        assertEquals(1, TrainValidationSplit.of(2, 0.01, 1).heldOutSize(), "a fraction above 0 holds at least one out");
        assertEquals(0, TrainValidationSplit.of(1, 0.5, 1).heldOutSize(), "but leaves one to train on");
        assertEquals(List.of(XS.get(a.heldOut().get(3))), List.of(a.heldOutOf(XS).get(3)));
        assertThrows(IllegalArgumentException.class, () -> TrainValidationSplit.of(10, 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> TrainValidationSplit.of(10, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new TrainingConfig(0.005, 1, 1, false, 1, 2, Double.NaN));
    }

    @Test
    void theHeldOutSizeWithoutTheShuffleIsTheSplitsOwn() {
        for (int n : new int[] {0, 1, 2, 3, 10, 99, 1000, 23931}) {
            for (double fraction : new double[] {0, 0.01, 0.1, 0.25, 0.5, 0.9, 0.999}) {
                assertEquals(TrainValidationSplit.of(n, fraction, 10).heldOutSize(), TrainValidationSplit.heldOutSize(n, fraction),
                        "n " + n + ", fraction " + fraction);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> TrainValidationSplit.heldOutSize(10, 1.0));
    }

    @Test
    void theDefaultProbeIsTheFirstShortHeldOutSentence() {
        // sentence i has i + 1 words (x), its targets y are x shifted by one
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int[] x = new int[i + 1];
            int[] y = new int[i + 1];
            for (int t = 0; t <= i; t++) {
                x[t] = 100 * i + t;
                y[t] = 100 * i + t + 1;
            }
            xs.add(x);
            ys.add(y);
        }
        TrainValidationSplit split = TrainValidationSplit.of(40, 0.25, 3);
        int first = split.heldOut().stream().filter(i -> i + 1 <= 15).findFirst().orElseThrow();
        int[] probe = split.probeSentence(xs, ys, 15);
        assertEquals(first + 2, probe.length, "its words, then the last target");
        assertEquals(100 * first, probe[0]);
        assertEquals(100 * first + first + 1, probe[probe.length - 1]);
        int shortest = split.heldOut().stream().min(Integer::compare).orElseThrow();
        assertEquals(shortest + 2, split.probeSentence(xs, ys, 0).length, "none short enough: the shortest held out");
        TrainValidationSplit none = TrainValidationSplit.of(40, 0, 3);
        assertEquals(2, none.probeSentence(xs, ys, 15).length, "none held out: the first training sentence, here of one word");
        assertNull(TrainValidationSplit.of(0, 0, 3).probeSentence(List.of(), List.of(), 15), "no sentence, no probe");
    }

    @Test
    void theTrainerStepsOnTheTrainingPartAndEvaluatesBoth() {
        RnnModel m = model(Precision.FLOAT64);
        TrainingConfig config = new TrainingConfig(0.005, 2, 1, true, 10).withValidationFraction(0.2);
        SgdTrainer trainer = new SgdTrainer(m, XS, YS, config);
        TrainValidationSplit split = trainer.split();
        assertEquals(TrainValidationSplit.of(100, 0.2, 10), split, "seeded with the config's seed");
        List<TrainingEvent> events = new ArrayList<>();
        List<double[]> direct = new ArrayList<>();
        trainer.addListener(events::add);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Evaluation) {
                direct.add(new double[] {m.meanLoss(split.trainingOf(XS), split.trainingOf(YS)),
                        m.meanLoss(split.heldOutOf(XS), split.heldOutOf(YS))});
            }
        });
        trainer.run();

        Set<Integer> stepped = new HashSet<>();
        for (TrainingEvent.Step s : only(events, TrainingEvent.Step.class)) {
            assertEquals(80, s.total());
            stepped.add(s.sentence());
        }
        assertEquals(new HashSet<>(split.training()), stepped, "every training sentence, no held-out one");
        assertEquals(160, trainer.examplesSeen());
        List<TrainingEvent.Evaluation> evaluations = only(events, TrainingEvent.Evaluation.class);
        assertEquals(3, evaluations.size());
        for (int i = 0; i < 3; i++) {
            TrainingEvent.Evaluation e = evaluations.get(i);
            assertEquals(direct.get(i)[0], e.loss(), 1e-12);
            assertEquals(direct.get(i)[1], e.validationLoss(), 1e-12);
            assertTrue(e.hasValidation());
            assertEquals(Math.exp(e.loss()), e.perplexity(), 1e-9);
            assertEquals(Math.exp(e.validationLoss()), e.validationPerplexity(), 1e-9);
        }
        assertEquals(evaluations.get(2).loss(), trainer.lastGoodLoss(), "the training loss is the one the lesson follows");

        TrainingEvent.Evaluation without = new TrainingEvent.Evaluation(0, 0, 2.0, 0.005);
        assertTrue(Double.isNaN(without.validationLoss()));
        assertFalse(without.hasValidation());
        assertTrue(Double.isNaN(without.validationPerplexity()));
    }

    // ---- probe

    /** Each probe is RnnModel's forward pass of the probe on the live model at that moment. */
    @Test
    void theProbeIsTheForwardPassOfTheLiveModelAtThatMoment() {
        RnnModel m = model(Precision.FLOAT32);
        int[] words = probeWords();
        int[] x = Arrays.copyOfRange(words, 0, words.length - 1);
        int[] y = Arrays.copyOfRange(words, 1, words.length);
        SgdTrainer trainer = new SgdTrainer(m, XS, YS, new TrainingConfig(0.05, 2, 1, false, 10),
                LiveStreams.PROBE_ONLY.withProbeEveryNanos(0)); // after every step
        trainer.setProbe(words);
        List<TrainingEvent.Probe> probes = new ArrayList<>();
        List<RnnModel> snapshots = new ArrayList<>();
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Probe p) {
                probes.add(p);
                snapshots.add(m.copy()); // the live model, between the same two steps
            }
        });
        trainer.run();

        assertEquals(201, probes.size(), "one at the start, then one after each of the 200 steps");
        assertEquals(0, probes.get(0).examplesSeen());
        assertEquals(200, probes.get(200).examplesSeen());
        for (int i = 0; i < probes.size(); i += 20) {
            TrainingEvent.Probe p = probes.get(i);
            assertEquals(i, p.examplesSeen());
            assertArrayEquals(words, p.words());
            INDArray o = snapshots.get(i).forward(x).o();
            int[] predicted = snapshots.get(i).predict(x);
            for (int t = 0; t < y.length; t++) {
                assertEquals(o.getDouble(t, y[t]), p.p()[t], 0.0, "p(y_" + t + ")");
                assertEquals(predicted[t], p.top()[t], "top guess at " + t);
                assertEquals(o.getDouble(t, p.top()[t]), p.topP()[t], 0.0);
            }
            assertEquals(snapshots.get(i).sentenceLoss(x, y) / y.length, p.loss(), 1e-5);
        }
        double lnC = Math.log(DATA.vocabulary().size());
        assertEquals(lnC, probes.get(0).loss(), 0.1, "a random model gives about 1/C");
        assertTrue(probes.get(200).loss() < probes.get(0).loss() - 1, "the probe is learnt: " + probes.get(200).loss());
    }

    @Test
    void probesComeAboutEveryIntervalAndAtTheEnd() {
        SgdTrainer trainer = new SgdTrainer(model(Precision.FLOAT32), XS, YS, new TrainingConfig(0.005, 3, 5, false, 10));
        trainer.setProbe(probeWords());
        List<TrainingEvent> events = new ArrayList<>();
        trainer.addListener(events::add);
        trainer.run();
        List<TrainingEvent.Probe> probes = only(events, TrainingEvent.Probe.class);
        assertEquals(0, probes.get(0).examplesSeen(), "the model as it starts");
        assertEquals(300, probes.get(probes.size() - 1).examplesSeen(), "and as it ends");
        assertInstanceOf(TrainingEvent.Probe.class, events.get(0));
        assertTrue(probes.size() >= 2);

        assertNull(new SgdTrainer(model(Precision.FLOAT32), XS, YS, TrainingConfig.lessonDefaults()).probe());
        SgdTrainer t = new SgdTrainer(model(Precision.FLOAT32), XS, YS, TrainingConfig.lessonDefaults());
        assertThrows(IllegalArgumentException.class, () -> t.setProbe(new int[] {0}));
        assertThrows(IllegalArgumentException.class, () -> t.setProbe(new int[] {0, 999}));
    }

    // ---- live gradient check

    /** Every element the live check reports is the lesson's central difference on a float64 copy of the live model. */
    @Test
    void theLiveCheckIsTheLessonsCheckOnACopyOfTheLiveModel() {
        RnnModel m = model(Precision.FLOAT32);
        LiveStreams streams = LiveStreams.PROBE_ONLY.withGradcheckEverySteps(25).withGradcheckMaxShare(1.0);
        SgdTrainer trainer = new SgdTrainer(m, XS, YS, new TrainingConfig(0.05, 1, 1, false, 10), streams);
        List<TrainingEvent.GradientCheckDone> checks = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.GradientCheckDone g) {
                checks.add(g);
                mismatches.addAll(recompute(m, g));
            }
        });
        trainer.run();

        assertEquals(4, checks.size(), "after 25, 50, 75 and 100 steps");
        assertEquals(List.of(), mismatches);
        long total = 0;
        for (TrainingEvent.GradientCheckDone g : checks) {
            assertEquals(25L * (checks.indexOf(g) + 1), g.examplesSeen());
            assertTrue(g.passed(), g.toString());
            assertTrue(XS.get(g.sentence()).length <= LiveStreams.GRADCHECK_MAX_WORDS, "a short sentence");
            assertEquals(List.of("U", "V", "W"), g.parameters().stream().map(SampledVerdict::parameter).toList());
            for (SampledVerdict v : g.parameters()) {
                assertEquals(LiveStreams.GRADCHECK_SAMPLES, v.checked(), v.parameter());
                assertEquals(v.checked(), new HashSet<>(v.elements().stream().map(e -> e.row() + "," + e.column()).toList()).size(),
                        "distinct elements");
                double[] errors = v.elements().stream().mapToDouble(CheckedElement::relativeError).sorted().toArray();
                assertEquals(errors[errors.length - 1], v.maxRelativeError());
                assertEquals((errors[9] + errors[10]) / 2, v.medianRelativeError());
                assertTrue(v.maxRelativeError() <= LessonDefaults.GRADCHECK_THRESHOLD);
                assertNull(v.firstFailure());
                for (CheckedElement e : v.elements()) {
                    assertNotEquals(0.0, e.backprop(), "drawn where the gradient is not zero: " + e);
                }
            }
            int[] x = XS.get(g.sentence());
            for (CheckedElement e : g.parameters().get(0).elements()) {
                int column = e.column();
                assertTrue(Arrays.stream(x).anyMatch(w -> w == column), "U only in the columns of the sentence's words");
            }
            total += g.nanos();
            assertEquals(total, g.checkNanos());
            assertTrue(g.trainingNanos() > g.checkNanos());
        }
        assertEquals(total, trainer.gradientCheckNanos());
        assertEquals(4, trainer.gradientChecks());
        assertEquals(Precision.FLOAT32, m.precision(), "the live model is not touched");
    }

    /** The lesson's check of each reported element, recomputed here on a float64 copy of the live model. */
    private static List<String> recompute(RnnModel live, TrainingEvent.GradientCheckDone g) {
        RnnModel m = live.withPrecision(Precision.FLOAT64);
        int[] x = XS.get(g.sentence());
        int[] y = YS.get(g.sentence());
        Gradients exact = m.bptt(x, y, Integer.MAX_VALUE);
        double h = LessonDefaults.GRADCHECK_H;
        List<String> wrong = new ArrayList<>();
        for (SampledVerdict v : g.parameters()) {
            INDArray theta = switch (v.parameter()) {
                case "U" -> m.U();
                case "V" -> m.V();
                default -> m.W();
            };
            INDArray grad = switch (v.parameter()) {
                case "U" -> exact.dU();
                case "V" -> exact.dV();
                default -> exact.dW();
            };
            for (CheckedElement e : v.elements()) {
                double original = theta.getDouble(e.row(), e.column());
                theta.putScalar(e.row(), e.column(), original + h);
                double plus = m.sentenceLoss(x, y);
                theta.putScalar(e.row(), e.column(), original - h);
                double minus = m.sentenceLoss(x, y);
                theta.putScalar(e.row(), e.column(), original);
                double estimate = (plus - minus) / (2 * h);
                double backprop = grad.getDouble(e.row(), e.column());
                if (estimate != e.estimate() || backprop != e.backprop()
                        || GradientCheck.relativeError(backprop, estimate) != e.relativeError()) {
                    wrong.add(e + " vs " + backprop + ", " + estimate);
                }
            }
        }
        return wrong;
    }

    @Test
    void aWrongGradientMakesTheLiveCheckFail() {
        RnnModel m = model(Precision.FLOAT32);
        SgdTrainer trainer = new SgdTrainer(m, XS, YS, new TrainingConfig(0.05, 1, 1, false, 10),
                LiveStreams.PROBE_ONLY.withGradcheckEverySteps(50).withGradcheckMaxShare(1.0));
        // BPTT with dW negated, as GradientCheckTest breaks it.
        trainer.useGradientCheck(new GradientCheck(LessonDefaults.GRADCHECK_H, LessonDefaults.GRADCHECK_THRESHOLD, (mm, x, y) -> {
            Gradients g = mm.bptt(x, y, Integer.MAX_VALUE);
            return new Gradients(g.dU(), g.dV(), g.dW().neg());
        }));
        List<TrainingEvent.GradientCheckDone> checks = new ArrayList<>();
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.GradientCheckDone g) {
                checks.add(g);
            }
        });
        trainer.run();

        assertEquals(2, checks.size());
        for (TrainingEvent.GradientCheckDone g : checks) {
            assertFalse(g.passed());
            assertTrue(g.parameters().get(0).passed(), "U");
            assertTrue(g.parameters().get(1).passed(), "V");
            SampledVerdict w = g.parameters().get(2);
            assertFalse(w.passed());
            assertEquals(1.0, w.maxRelativeError(), 1e-9, "opposite signs");
            assertEquals(1.0, w.medianRelativeError(), 1e-9);
            CheckedElement first = w.firstFailure();
            assertNotNull(first);
            assertEquals(w.elements().get(0), first, "the first in row-major order");
            assertEquals("Gradient Check ERROR: parameter=W ix=(" + first.row() + ", " + first.column() + ")\n"
                    + String.format(java.util.Locale.ROOT, "Estimated_gradient: %f%nBackpropagation gradient: %f%nRelative Error: %f",
                    first.estimate(), first.backprop(), first.relativeError()).replace(System.lineSeparator(), "\n"),
                    w.firstFailureText());
        }
        assertEquals(SgdTrainer.Outcome.FINISHED, trainer.outcome(), "a failing check does not stop training");
    }

    @Test
    void aRunShorterThanTheChecksIntervalIsCheckedOnceAtItsEnd() {
        SgdTrainer trainer = new SgdTrainer(model(Precision.FLOAT32), XS, YS, new TrainingConfig(0.005, 2, 1, false, 10),
                LiveStreams.PROBE_ONLY.withGradcheckEveryNanos(3_600_000_000_000L));
        List<TrainingEvent> events = new ArrayList<>();
        trainer.addListener(events::add);
        trainer.run();

        List<TrainingEvent.GradientCheckDone> checks = events.stream()
                .filter(TrainingEvent.GradientCheckDone.class::isInstance).map(TrainingEvent.GradientCheckDone.class::cast).toList();
        assertEquals(1, checks.size(), "one check, on the final model");
        assertEquals(trainer.examplesSeen(), checks.get(0).examplesSeen());
        assertTrue(checks.get(0).passed(), checks.get(0).toString());
        assertTrue(events.indexOf(checks.get(0)) > events.indexOf(events.stream()
                .filter(TrainingEvent.EpochEnd.class::isInstance).reduce((a, b) -> b).orElseThrow()), "after the last step");

        // with no check asked for, none at the end either
        SgdTrainer unchecked = new SgdTrainer(model(Precision.FLOAT32), XS, YS, new TrainingConfig(0.005, 1, 1, false, 10),
                LiveStreams.PROBE_ONLY);
        unchecked.run();
        assertEquals(0, unchecked.gradientChecks());
    }

    @Test
    void theChecksStayWithinTheirShareOfTheTime() {
        // Due after every step, but a share of a billionth: the first check runs (its cost is not known yet), no other.
        SgdTrainer strict = new SgdTrainer(model(Precision.FLOAT32), XS, YS, new TrainingConfig(0.005, 1, 1, false, 10),
                LiveStreams.PROBE_ONLY.withGradcheckEverySteps(1).withGradcheckMaxShare(1e-9));
        strict.run();
        assertEquals(1, strict.gradientChecks());

        // Due after every step: the checks' time stays near their share of the run's (one check's cost above, at most).
        // A check costs about 120 sentence losses, a step about 2: a share of 25% lets one in every few hundred steps.
        // The checks' code compiled first: a first check run cold (this class alone, in some orders) cost so much
        // that the run ended before a second fitted, and the test saw one check
        new SgdTrainer(model(Precision.FLOAT32), XS, YS, new TrainingConfig(0.005, 2, 1, false, 10),
                LiveStreams.PROBE_ONLY.withGradcheckEverySteps(1).withGradcheckMaxShare(0.99)).run();
        double allowed = 0.25;
        // The run lasts until a third check, not a number of epochs: on a slow or busy machine a fixed run
        // had ended before the second check fitted within the share (one check, a failure of the clock, not of
        // the rule). A minute of training without a second check is a failure.
        SgdTrainer fair = new SgdTrainer(model(Precision.FLOAT32), XS, YS, new TrainingConfig(0.005, 1_000_000, 1_000_000, false, 10),
                LiveStreams.PROBE_ONLY.withGradcheckEverySteps(1).withGradcheckMaxShare(allowed));
        List<TrainingEvent.GradientCheckDone> checks = new ArrayList<>();
        fair.addListener(e -> {
            if (e instanceof TrainingEvent.GradientCheckDone g) {
                checks.add(g);
                if (checks.size() == 3) {
                    fair.stop();
                }
            } else if (e instanceof TrainingEvent.Step && fair.trainingNanos() > 60_000_000_000L) {
                fair.stop();
            }
        });
        fair.run();
        assertEquals(3, checks.size(), checks.size() + " checks in " + fair.trainingNanos() / 1e9 + " s");
        for (TrainingEvent.GradientCheckDone g : checks.subList(1, checks.size())) {
            // before it started, the checks so far plus the last one's cost fitted within 5%
            long before = g.checkNanos() - g.nanos();
            long lastCost = checks.get(checks.indexOf(g) - 1).nanos();
            assertTrue(before + lastCost <= allowed * (g.trainingNanos() - g.nanos() + lastCost) + 1, g.toString());
        }
        assertEquals(checks.get(checks.size() - 1).checkNanos(), fair.gradientCheckNanos());
        double share = (double) fair.gradientCheckNanos() / fair.trainingNanos();
        long largest = checks.stream().mapToLong(TrainingEvent.GradientCheckDone::nanos).max().orElseThrow();
        assertTrue(share <= allowed + (double) largest / fair.trainingNanos(), "share " + share);
    }

    /** The run's time, which the checks' share is of, leaves pauses out. */
    @Test
    void theRunsTimeLeavesPausesOut() throws Exception {
        SgdTrainer trainer = new SgdTrainer(model(Precision.FLOAT32), XS, YS, new TrainingConfig(0.005, 1_000_000, 1_000_000, false, 10));
        java.util.concurrent.BlockingQueue<TrainingEvent> events = new java.util.concurrent.LinkedBlockingQueue<>();
        trainer.addListener(e -> {
            if (!(e instanceof TrainingEvent.Step)) {
                events.add(e);
            }
        });
        trainer.pause();
        long start = System.nanoTime();
        Thread t = new Thread(trainer::run, "trainer-under-test");
        t.start();
        assertEquals(new TrainingEvent.Paused(0), events.poll(30, java.util.concurrent.TimeUnit.SECONDS));
        Thread.sleep(600);
        trainer.resume();
        Thread.sleep(100);
        trainer.stop();
        t.join(30_000);
        long wall = System.nanoTime() - start;
        assertEquals(SgdTrainer.Outcome.CANCELLED, trainer.outcome());
        assertTrue(trainer.examplesSeen() > 0);
        assertTrue(trainer.trainingNanos() > 0 && trainer.trainingNanos() < wall - 500_000_000L,
                trainer.trainingNanos() / 1e6 + " ms of " + wall / 1e6);
    }

    // ---- learning rate

    @Test
    void aLearningRateSetMidRunIsUsedFromTheNextStep() {
        RnnModel m = model(Precision.FLOAT64);
        SgdTrainer trainer = new SgdTrainer(m, XS, YS, new TrainingConfig(0.005, 2, 5, false, 10));
        List<TrainingEvent> events = new ArrayList<>();
        RnnModel[] before51 = new RnnModel[1];
        RnnModel[] after51 = new RnnModel[1];
        trainer.addListener(events::add);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.examplesSeen() == 50) {
                trainer.setLearningRate(0.02);
                before51[0] = m.copy();
            }
            if (e instanceof TrainingEvent.Step s && s.examplesSeen() == 51) {
                after51[0] = m.copy();
            }
        });
        trainer.run();

        List<TrainingEvent.LearningRateSet> sets = only(events, TrainingEvent.LearningRateSet.class);
        assertEquals(List.of(new TrainingEvent.LearningRateSet(50, 0.02)), sets);
        int at = events.indexOf(sets.get(0));
        TrainingEvent.Step next = assertInstanceOf(TrainingEvent.Step.class, events.get(at + 1), "the next step follows it");
        assertEquals(51, next.examplesSeen());
        for (TrainingEvent.Step s : only(events, TrainingEvent.Step.class)) {
            assertEquals(s.examplesSeen() <= 50 ? 0.005 : 0.02, s.learningRate(), "step " + s.examplesSeen());
        }
        // Step 51 is the SGD step with the new rate, and no other.
        before51[0].sgdStep(XS.get(50), YS.get(50), 0.02);
        assertEquals(before51[0].U(), after51[0].U());
        assertEquals(before51[0].V(), after51[0].V());
        assertEquals(before51[0].W(), after51[0].W());
        assertEquals(0.02, trainer.learningRate());
        assertThrows(IllegalArgumentException.class, () -> trainer.setLearningRate(0));
        assertThrows(IllegalArgumentException.class, () -> trainer.setLearningRate(Double.POSITIVE_INFINITY));
    }
}
