package org.rnnlab.app.steps.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rnnlab.app.session.Corpus;
import org.rnnlab.app.session.FakeTraining;
import org.rnnlab.app.session.ModelFiles;
import org.rnnlab.app.session.ModelSessionFixture;
import org.rnnlab.app.session.ModelStore;
import org.rnnlab.app.support.Fakes;
import org.rnnlab.text.PreparedData;
import org.rnnlab.training.CheckedElement;
import org.rnnlab.training.SampledVerdict;
import org.rnnlab.training.TrainingEvent;

/** The live streams as the training step reads them: held-out loss, probe, live check, learning rate set. */
class LiveStreamsViewModelTest {
    private static final long S = 1_000_000_000L;

    private final SimpleObjectProperty<PreparedData> prepared = new SimpleObjectProperty<>();
    private final Fakes.RecordingNotifier notifier = new Fakes.RecordingNotifier();
    private final long[] now = {0};
    private ModelStore store;
    private FakeTraining training;
    private TrainingViewModel vm;

    @BeforeEach
    void services() {
        store = new ModelStore(prepared);
        ModelFiles files = new ModelFiles(store, prepared, new Fakes.DirectBackground(notifier), notifier, Optional::empty);
        training = new FakeTraining(store);
        vm = new TrainingViewModel(store, training, files, new Fakes.DirectQueries(), notifier,
                (title, header, text, yes) -> false, () -> now[0], new RunHistory(null, notifier, null));
        prepared.set(PreparedData.fromSentences(Corpus.of("fixture.txt", ModelSessionFixture.texts()).sentences(), 30));
    }

    private static TrainingEvent.Probe probe(long seen, int[] words, double... p) {
        int[] top = new int[p.length];
        double[] topP = new double[p.length];
        for (int t = 0; t < p.length; t++) {
            top[t] = words[t + 1];
            topP[t] = p[t];
        }
        return new TrainingEvent.Probe(seen, 0, words, p, top, topP);
    }

    private static SampledVerdict verdict(String parameter, double... errors) {
        List<CheckedElement> elements = new ArrayList<>();
        for (int i = 0; i < errors.length; i++) {
            elements.add(new CheckedElement(parameter, i, 0, 0.5, 0.5 + errors[i], errors[i], errors[i] <= 0.01));
        }
        return SampledVerdict.of(parameter, elements);
    }

    @Test
    void theRequestHoldsATenthOutAndTheScreenSaysSo() {
        vm.sentencesProperty().set(20);
        vm.start();
        assertEquals(0.1, training.lastRequest.heldOutFraction());
        assertNull(training.lastRequest.probe(), "the controller picks a held-out sentence");
        assertEquals(18L * vm.epochsProperty().get(), vm.run().totalExamplesProperty().get(), "the held-out ones are never stepped on");
        assertTrue(vm.live().splitNote().get().startsWith("18 training sentences, 2 held out (10%, seed 10)"),
                vm.live().splitNote().get());
    }

    @Test
    void heldOutEvaluationsArePointsAndPerplexities() {
        vm.start();
        training.deliver(new TrainingEvent.Evaluation(0, 0, Math.log(30), 0.005, Math.log(31)),
                new TrainingEvent.Evaluation(50, 1, 2.0, 0.005, 2.5));
        List<TrainingRunState.Evaluation> evs = vm.run().evaluations();
        assertEquals(2, evs.size());
        assertEquals(2.5, evs.get(1).validationLoss());
        assertEquals(Math.log(31), evs.get(0).validationLoss(), 1e-12);
        assertEquals(Math.exp(2.0), vm.run().perplexityProperty().get(), 1e-9);
        assertEquals(Math.exp(2.5), vm.run().heldOutPerplexityProperty().get(), 1e-9);
    }

    @Test
    void probesAreColumnsOfTheirWordsProbabilities() {
        vm.start();
        int[] words = {0, 5, 6, 1};
        training.deliver(probe(0, words, 0.1, 0.2, 0.3), probe(10, words, 0.4, 0.5, 0.6));
        ProbeStream s = vm.run().probe();
        assertArrayEquals(words, s.words());
        assertEquals(2, s.columns().size());
        assertEquals(10, s.columns().get(1).examplesSeen());
        double[][] m = s.matrix();
        assertEquals(3, m.length, "one row per predicted word");
        assertEquals(0.2, m[1][0]);
        assertEquals(0.6, m[2][1]);
        training.deliver(probe(20, new int[] {0, 7, 1}, 0.9, 0.8));
        assertEquals(1, s.columns().size(), "another sentence starts the columns afresh");
        assertEquals(2, s.matrix().length);
    }

    @Test
    void aLongRunKeepsAtMostTheColumnsAndTheLatest() {
        ProbeStream s = new ProbeStream(10);
        int[] words = {0, 5, 1};
        for (int i = 0; i <= 100; i++) {
            s.accept(probe(i, words, i / 100.0, 0.5), 0);
        }
        assertTrue(s.columns().size() <= 10, "" + s.columns().size());
        assertTrue(s.columns().size() >= 5, "" + s.columns().size());
        assertEquals(100, s.columns().get(s.columns().size() - 1).examplesSeen(), "the latest stays");
        for (int c = 1; c < s.columns().size(); c++) {
            assertTrue(s.columns().get(c).examplesSeen() > s.columns().get(c - 1).examplesSeen());
        }
    }

    @Test
    void gradientChecksAreSeriesVerdictsAndTheirShare() {
        vm.start();
        training.deliver(new TrainingEvent.GradientCheckDone(10, 0, 3,
                List.of(verdict("U", 1e-6, 3e-6, 2e-6), verdict("V", 1e-7, 1e-7), verdict("W", 1e-5)), 1_000, 1_000, 100_000));
        LiveCheckState c = vm.run().check();
        assertEquals(List.of("U", "V", "W"), c.parameters());
        assertEquals(3e-6, c.maxSeries("U").y(0));
        assertEquals(2e-6, c.medianSeries("U").y(0));
        assertEquals(10, c.maxSeries("W").x(0));
        assertNull(c.firstFailure());
        assertEquals(0.01, c.share(), 1e-12);
        assertTrue(c.summary().contains("passed"), c.summary());
        assertTrue(c.summary().contains("1.0%"), c.summary());

        training.deliver(new TrainingEvent.GradientCheckDone(20, 0, 4,
                List.of(verdict("U", 1e-6), verdict("V", 0.5, 0.02), verdict("W", 1e-5)), 1_000, 2_000, 200_000));
        assertEquals(2, c.maxSeries("V").size());
        assertEquals(0.5, c.latest("V").maxRelativeError());
        assertTrue(c.verdictLine("V").startsWith("V FAILED: max 5.0e-01"), c.verdictLine("V"));
        assertTrue(c.firstFailure().contains("Gradient Check ERROR: parameter=V ix=(0, 0)"), c.firstFailure());
        assertTrue(c.firstFailure().startsWith("After 20 examples, V: "), c.firstFailure());
        training.deliver(new TrainingEvent.GradientCheckDone(30, 0, 4,
                List.of(verdict("U", 0.9)), 1_000, 3_000, 300_000));
        assertTrue(c.firstFailure().contains("parameter=V"), "the first failure stays the first");
    }

    @Test
    void theLearningRateSetMidRunReachesTheControllerAndIsMarked() {
        vm.start();
        vm.learningRateProperty().set(0.02);
        vm.live().applyLearningRate();
        assertEquals("learningRate 0.02", training.calls.get(training.calls.size() - 1));
        training.deliver(new TrainingEvent.LearningRateSet(42, 0.02));
        assertEquals(List.of(new TrainingRunState.RateSet(42, 0.02)), vm.run().rateSets());
        assertEquals(0.02, vm.run().currentLearningRateProperty().get());
    }

    @Test
    void theTypedRateIsCommittedBeforeItIsSet() {
        vm.start();
        vm.inputs().learningRate().textProperty().set("0.03");
        vm.live().applyLearningRate();
        assertEquals("learningRate 0.03", training.calls.get(training.calls.size() - 1));
        vm.inputs().learningRate().textProperty().set("-1");
        int calls = training.calls.size();
        vm.live().applyLearningRate();
        assertEquals(calls, training.calls.size(), "a wrong rate is not sent");
        assertTrue(notifier.last().startsWith("Learning rate"), notifier.last());
    }

    @Test
    void aTypedProbeIsEncodedWithTheVocabularyAndSent() {
        vm.start();
        vm.live().probeTextProperty().set("The zzqx");
        vm.live().applyProbe();
        String call = training.calls.get(training.calls.size() - 1);
        PreparedData d = prepared.get();
        int[] expected = {d.vocabulary().startIndex(), d.vocabulary().indexOf("the"), d.vocabulary().unknownIndex(),
                d.vocabulary().endIndex()};
        assertEquals("probe " + java.util.Arrays.toString(expected), call);
        assertTrue(vm.live().probeNoteProperty().get().contains("zzqx"), vm.live().probeNoteProperty().get());
        assertArrayEquals(expected, vm.request().probe(), "the next run probes it too");
    }
}
