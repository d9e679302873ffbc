package org.rnnlab.app.steps.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;

/** The training step's number fields: a bad value never trains in place of the one shown. */
class TrainingInputsTest {
    private final SimpleObjectProperty<PreparedData> prepared = new SimpleObjectProperty<>();
    private final Fakes.RecordingNotifier notifier = new Fakes.RecordingNotifier();
    private final Fakes.DirectBackground work = new Fakes.DirectBackground(notifier);
    private ModelStore store;
    private FakeTraining training;
    private TrainingViewModel vm;

    @BeforeEach
    void services() {
        store = new ModelStore(prepared);
        ModelFiles files = new ModelFiles(store, prepared, work, notifier, Optional::empty);
        training = new FakeTraining(store);
        vm = new TrainingViewModel(store, training, files, new Fakes.DirectQueries(), notifier,
                (title, header, text, yes) -> false, () -> 0L, new RunHistory(null, notifier, null));
        prepared.set(PreparedData.fromSentences(Corpus.of("fixture.txt", ModelSessionFixture.texts()).sentences(), 30));
    }

    @Test
    void aBadLearningRateNeverReusesThePreviousOne() {
        TrainingInputs in = vm.inputs();
        assertTrue(in.learningRate().enter("10"));
        assertEquals(10, vm.learningRateProperty().get());
        for (String bad : List.of("", "0", "-5", "99999999999", "1e", "abc")) {
            in.learningRate().textProperty().set(bad);
            in.learningRate().commit();
            assertFalse(in.forStart().isValid(), bad);
            vm.start();
            assertEquals(List.of(), training.calls, "Start with \u201c" + bad + "\u201d must not train at 10");
        }
        assertTrue(notifier.last().startsWith("Training: Fix the learning rate first"), notifier.last());
        assertEquals("Fix the learning rate first: \u201cabc\u201d is not a number (more than 0, up to 1,000,000).",
                vm.inputs().forStart().problemProperty().get());
        assertEquals(10, vm.learningRateProperty().get(), "the value stays, but only the field's line speaks for it");

        assertTrue(in.learningRate().enter("0.05"));
        assertTrue(in.forStart().isValid());
        vm.start();
        assertEquals(List.of("start"), training.calls);
        assertEquals(0.05, training.lastRequest.learningRate());
    }

    @Test
    void theHeldOutShareIsAFieldStatedOnScreenAndSentWithTheRun() {
        TrainingInputs in = vm.inputs();
        vm.sentencesProperty().set(40);
        assertTrue(vm.live().splitNote().get().startsWith("36 training sentences, 4 held out (10%, seed 10)"),
                vm.live().splitNote().get());
        assertFalse(in.heldOut().enter("0.95"), "at least a tenth trains");
        assertFalse(in.heldOut().enter("-0.1"));
        assertTrue(in.heldOut().enter("0.25"));
        assertTrue(vm.live().splitNote().get().startsWith("30 training sentences, 10 held out (25%, seed 10)"),
                vm.live().splitNote().get());
        assertTrue(in.heldOut().enter("0"));
        assertTrue(vm.live().splitNote().get().startsWith("40 training sentences, none held out"), vm.live().splitNote().get());
        assertTrue(in.heldOut().enter("0.2"));
        vm.start();
        assertEquals(0.2, training.lastRequest.heldOutFraction());
    }

    @Test
    void fieldsRefuseWhatIsOutOfRangeAndKeepTheirValue() {
        TrainingInputs in = vm.inputs();
        int sentences = vm.sentencesProperty().get();
        assertFalse(in.epochs().enter("0"));
        assertFalse(in.bpttTruncate().enter("-5"));
        assertFalse(in.sentences().enter("0"));
        assertFalse(in.seed().enter("99999999999"));
        assertEquals(10, vm.epochsProperty().get());
        assertEquals(LessonDefaults.BPTT_TRUNCATE, vm.bpttTruncateProperty().get());
        assertEquals(sentences, vm.sentencesProperty().get());
        assertEquals(LessonDefaults.SEED, vm.seedProperty().get());
        assertTrue(in.sentences().enter(Integer.toString(prepared.get().size() + 1)),
                "more than the corpus has is fine: a run uses them all, and the step says so");
        assertTrue(vm.sentencesNote().get().startsWith("Trains on " + prepared.get().size() + " of"), vm.sentencesNote().get());
        vm.lessonDefaults();
        assertTrue(in.forStart().isValid(), "the lesson's settings fill every field with a valid number");
    }

    @Test
    void aNewModelWaitsForAValidHAndSeed() {
        RnnModel before = store.model();
        assertFalse(vm.inputs().hiddenSize().enter("5000"));
        vm.menu().newModel();
        assertEquals(before, store.model(), "no model of the H that was there before");
        assertTrue(notifier.last().contains("Fix H first: 5000 is too large (1 to 1,000)."), notifier.last());
        assertTrue(vm.inputs().hiddenSize().enter("7"));
        vm.menu().newModel();
        assertEquals(7, store.model().hiddenDim());
    }
}
