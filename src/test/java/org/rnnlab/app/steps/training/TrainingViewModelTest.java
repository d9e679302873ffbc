package org.rnnlab.app.steps.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.app.session.Corpus;
import org.rnnlab.app.session.FakeTraining;
import org.rnnlab.app.session.ModelFiles;
import org.rnnlab.app.session.ModelSessionFixture;
import org.rnnlab.app.session.ModelStore;
import org.rnnlab.app.support.Fakes;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.training.TrainingEvent;

/** The training step's logic with fakes of its services: no window, no trainer thread. */
class TrainingViewModelTest {
    private static final long S = 1_000_000_000L;

    private final SimpleObjectProperty<PreparedData> prepared = new SimpleObjectProperty<>();
    private final Fakes.RecordingNotifier notifier = new Fakes.RecordingNotifier();
    private final Fakes.DirectBackground work = new Fakes.DirectBackground(notifier);
    private final Fakes.DirectQueries queries = new Fakes.DirectQueries();
    private final long[] now = {0};
    private final boolean[] answer = {false};
    private ModelStore store;
    private ModelFiles files;
    private FakeTraining training;
    private TrainingViewModel vm;

    @BeforeEach
    void services() {
        store = new ModelStore(prepared);
        files = new ModelFiles(store, prepared, work, notifier, Optional::empty);
        training = new FakeTraining(store);
        vm = new TrainingViewModel(store, training, files, queries, notifier,
                (title, header, text, yes) -> answer[0], () -> now[0], new RunHistory(null, notifier, null));
    }

    private PreparedData corpus(int c) {
        PreparedData data = PreparedData.fromSentences(Corpus.of("fixture.txt", ModelSessionFixture.texts()).sentences(), c);
        prepared.set(data);
        return data;
    }

    @Test
    void aPreparedCorpusGetsTheLessonsModelAndItsLnC() {
        PreparedData data = corpus(30);
        RnnModel m = store.model();
        assertNotNull(m, "a new corpus gets the lesson's random model at once");
        assertEquals(LessonDefaults.HIDDEN_DIM, m.hiddenDim());
        assertEquals(Math.log(data.vocabulary().size()), vm.lnCProperty().get(), 1e-12);
        assertEquals(1000, vm.sentencesProperty().get(), "the learner's number is not clamped by a small corpus");
        assertEquals(String.format(java.util.Locale.ROOT, "Trains on %,d of the corpus's %,d sentences per epoch.",
                data.size(), data.size()), vm.sentencesNote().get());
        assertTrue(vm.modelLine().get().contains("random weights (seed 10)"), vm.modelLine().get());
        assertTrue(vm.modelLine().get().contains("float32"), vm.modelLine().get());
        assertEquals(Precision.FLOAT32, vm.precisionProperty().get(), "the field says what the model is");
    }

    @Test
    void startTrainsAFreshModelWithTheOutputLayerChosenAndTheFieldFollowsTheModel() {
        corpus(30);
        assertEquals(org.rnnlab.training.OutputLayer.FULL, vm.outputLayerProperty().get(), "the lesson's softmax first");
        vm.outputLayerProperty().set(org.rnnlab.training.OutputLayer.CLASS_BASED);
        assertTrue(vm.startsWith().get().contains("class-based output layer"), vm.startsWith().get());
        vm.start();
        RnnModel m = store.model();
        assertNotNull(m.classes(), "Start made a class-based model");
        assertTrue(m.classes().count() > 1 && m.classes().count() <= org.rnnlab.engine.WordClasses.defaultCount(m.wordDim()),
                "about sqrt(C) classes, fewer where frequent words take one each: " + m.classes().count());
        assertTrue(vm.modelLine().get().contains(m.classes().count() + " word classes"), vm.modelLine().get());
        assertEquals(List.of("start"), training.calls, "and trains it");
        training.end(m);

        files.initialiseRandom(LessonDefaults.HIDDEN_DIM, 10, Precision.FLOAT64); // the Model menu's lesson model
        assertEquals(org.rnnlab.training.OutputLayer.FULL, vm.outputLayerProperty().get(), "the field follows the model");
        vm.outputLayerProperty().set(org.rnnlab.training.OutputLayer.CLASS_BASED);
        vm.resetToLesson();
        assertEquals(org.rnnlab.training.OutputLayer.FULL, vm.outputLayerProperty().get(), "the lesson's settings: its softmax");
    }

    @Test
    void startSendsTheFieldsAndTheEventsFillTheCounters() {
        corpus(30);
        vm.learningRateProperty().set(0.05);
        vm.epochsProperty().set(2);
        vm.sentencesProperty().set(40);
        vm.start();
        assertEquals(List.of("start"), training.calls);
        assertEquals(0.05, training.lastRequest.learningRate());
        assertEquals(40, training.lastRequest.sentences());
        assertEquals(TrainingRunState.State.RUNNING, vm.run().stateProperty().get());
        assertEquals(72, vm.run().totalExamplesProperty().get(), "2 epochs of the 36 training sentences (4 of 40 held out)");

        long chart = vm.chartVersionProperty().get();
        now[0] = S / 10;
        training.deliver(new TrainingEvent.Step(1, 0, 0, 0, 40, 3.4, 0.05, 1_000_000));
        assertEquals(0, vm.run().examplesSeenProperty().get(), "numbers wait half a second");
        now[0] = S * 6 / 10;
        training.deliver(new TrainingEvent.Step(2, 0, 1, 1, 40, 3.3, 0.05, 1_000_000));
        assertEquals(2, vm.run().examplesSeenProperty().get());
        assertEquals(chart, vm.chartVersionProperty().get(), "the chart waits a second");
        now[0] = 2 * S;
        training.deliver(new TrainingEvent.Step(3, 0, 2, 2, 40, 3.2, 0.05, 1_000_000));
        assertTrue(vm.chartVersionProperty().get() > chart);
        training.deliver(new TrainingEvent.Evaluation(3, 0, 3.3, 0.05));
        assertEquals(1, vm.run().evaluations().size(), "an evaluation is shown at once");
    }

    @Test
    void whileARunTrainsTheModelLineNamesItsModelNotTheCountOfItsLastCopy() {
        corpus(30);
        vm.start();
        training.snapshot(store.model()); // a copy handed over mid-run, described "in training"
        assertTrue(vm.modelLine().get().contains("the one this run trains"), vm.modelLine().get());
        assertFalse(vm.modelLine().get().contains("Model: in training"), "not its copy's description: " + vm.modelLine().get());
        training.end(store.model());
        assertTrue(vm.modelLine().get().contains("trained in a test"), "after the run, its description: " + vm.modelLine().get());
    }

    @Test
    void theControlsFollowTheState() {
        corpus(30);
        vm.pauseOrResume();
        vm.step();
        vm.stop();
        assertTrue(training.calls.isEmpty(), "nothing to control before a run");
        vm.start();
        vm.step();
        vm.pauseOrResume();
        training.deliver(new TrainingEvent.Paused(5));
        vm.step();
        vm.pauseOrResume();
        vm.stop();
        assertEquals(List.of("start", "pause", "step", "resume", "stop"), training.calls);
    }

    @Test
    void withoutAModelStartSaysWhyAndStaysIdle() {
        vm.start();
        assertEquals(TrainingRunState.State.IDLE, vm.run().stateProperty().get());
        assertTrue(notifier.last().startsWith("Training:"), notifier.last());
        assertFalse(vm.startAcceptedProperty().get(), "a Start refused is not one taken");
    }

    @Test
    void aStartTakenSaysSoAtThePressBeforeTheFreshModelExists() {
        corpus(30);
        Fakes.HeldBackground held = new Fakes.HeldBackground();
        TrainingViewModel v = new TrainingViewModel(store, training, new ModelFiles(store, prepared, held, notifier, Optional::empty),
                queries, notifier, (title, header, text, yes) -> answer[0], () -> now[0], new RunHistory(null, notifier, null));
        v.startFromProperty().set(TrainingViewModel.StartFrom.LESSON_MODEL);
        assertFalse(v.startAcceptedProperty().get());
        v.start();
        assertTrue(v.startAcceptedProperty().get(), "the press, while the fresh lesson model is still being made");
        assertEquals(List.of(), training.calls, "the run itself waits for that model");
        held.last().deliver();
        assertEquals(List.of("start"), training.calls);
    }

    @Test
    void aDivergedRunIsANoticeAndTheOutcome() {
        corpus(30);
        vm.start();
        training.deliver(new TrainingEvent.Diverged(4, 0, TrainingEvent.Diverged.Measured.SENTENCE, Double.NaN, 2,
                2 * Math.log(10), 10, Double.NaN));
        // epochs counted from 1 in the window, as its epoch counter shows them
        assertTrue(notifier.last().startsWith("Training stopped: Training diverged after 4 examples (epoch 1)"), notifier.last());
        assertTrue(vm.run().divergedProperty().get());
        assertEquals(TrainingRunState.State.IDLE, vm.run().stateProperty().get());
    }

    @Test
    void theEndOfARunShowsSamplesAndASecondRunContinuesTheCurve() {
        corpus(30);
        vm.epochsProperty().set(1);
        vm.sentencesProperty().set(10);
        vm.start();
        now[0] = S;
        training.deliver(new TrainingEvent.Step(10, 0, 9, 9, 10, 3.0, 0.005, 1), new TrainingEvent.Finished(10));
        training.end(store.model().copy());
        assertEquals(SampleSentences.SAMPLE_SENTENCES, vm.samples().size());
        assertTrue(vm.samplesTitleProperty().get().contains("trained in a test"), vm.samplesTitleProperty().get());
        vm.startFromProperty().set(TrainingViewModel.StartFrom.CURRENT_MODEL);
        RnnModel trained = store.model();
        vm.start();
        assertSame(trained, store.model(), "continuing keeps the model");
        assertEquals(10, vm.run().examplesSeenProperty().get(), "the second run starts where the first ended");
        assertEquals(19, vm.run().totalExamplesProperty().get(), "10 seen, then the 9 training sentences of 10 (one held out)");
    }

    /** The corpus of 30 words and its model trained by a run of the current model (as if Start ran and ended). */
    private void trainedOnce() {
        corpus(30);
        vm.startFromProperty().set(TrainingViewModel.StartFrom.CURRENT_MODEL);
        vm.start();
        training.end(store.model().copy());
    }

    @Test
    void startTrainsAFreshLessonModelByDefaultAndKeepsTheOneBefore() {
        trainedOnce();
        RnnModel trained = store.model();
        assertEquals(List.of(), store.earlierModels(), "the random model it replaced is not worth a place");
        assertTrue(vm.startsWith().get().startsWith("Start trains the current model"), vm.startsWith().get());

        vm.startFromProperty().set(TrainingViewModel.StartFrom.LESSON_MODEL);
        assertTrue(vm.startsWith().get().contains("fresh model"), vm.startsWith().get());
        vm.start();
        assertTrue(store.model() != trained, "a fresh model trains");
        assertTrue(store.descriptionProperty().get().startsWith("random weights (seed 10)"));
        assertEquals(Precision.FLOAT32, training.lastRequest.precision());
        assertEquals(0, vm.run().examplesSeenProperty().get());
        assertSame(trained, store.earlierModels().get(0).model(), "the trained model is kept");
        training.end(store.model());
        vm.menu().restore(store.earlierModels().get(0));
        assertSame(trained, store.model());
        assertEquals(TrainingViewModel.StartFrom.CURRENT_MODEL, vm.startFromProperty().get());
    }

    @Test
    void aSingleStepSaysItsSentenceAndItsLossBeforeAndAfter() {
        PreparedData data = corpus(30);
        vm.startFromProperty().set(TrainingViewModel.StartFrom.CURRENT_MODEL);
        vm.start();
        training.deliver(new TrainingEvent.Paused(0));
        vm.step();
        assertEquals("step", training.calls.get(training.calls.size() - 1));
        training.deliver(new TrainingEvent.Step(1, 0, 0, 2, data.size(), 3.3, 0.005, 1));
        assertEquals("Taking one step...", vm.stepResultProperty().get(), "said once the new parameters are here");
        RnnModel after = store.model().copy();
        training.snapshot(after);
        double expected = after.sentenceLoss(data.x(2), data.y(2)) / data.y(2).length;
        String said = vm.stepResultProperty().get();
        assertTrue(said.startsWith("One step on sentence 3 ("), said);
        assertTrue(said.contains(String.format(java.util.Locale.ROOT, "3.3000 before, %.4f after", expected)), said);
        training.deliver(new TrainingEvent.Resumed(1));
        assertEquals("", vm.stepResultProperty().get());
    }

    @Test
    void aNewModelNeverDiscardsATrainedOneWithoutAWord() {
        trainedOnce();
        RnnModel trained = store.model();
        vm.menu().newModel();
        assertTrue(notifier.last().startsWith("Model kept: The model before, trained in a test, is kept"), notifier.last());
        assertTrue(notifier.last().contains("Model > Earlier models"), notifier.last());
        assertSame(trained, vm.menu().earlierModels().get(0).model());
        corpus(20);
        assertEquals(1, vm.menu().earlierModels().size(), "a fresh random model is not kept: one click makes it again");
    }

    @Test
    void anEarlierModelIsNamedWithItsSizeAndWhenItWasReplaced() {
        trainedOnce();
        vm.menu().newModel();
        ModelStore.Kept kept = vm.menu().earlierModels().get(0);
        java.time.ZonedDateTime at = kept.replacedAt().atZone(java.time.ZoneId.systemDefault());
        String today = ModelMenuViewModel.label(kept, at.plusMinutes(5));
        assertTrue(today.startsWith("trained in a test (C = " + kept.model().wordDim() + ", H = " + kept.model().hiddenDim() + "), replaced "), today);
        assertTrue(today.endsWith(java.time.format.DateTimeFormatter.ofLocalizedTime(java.time.format.FormatStyle.SHORT)
                .withLocale(java.util.Locale.ENGLISH).format(at)), "the time alone: " + today);
        String later = ModelMenuViewModel.label(kept, at.plusDays(2));
        assertTrue(later.contains(String.valueOf(at.getYear())), "another day says the date: " + later);
    }

    @Test
    void anotherModelClearsWhatTheStepShowedOfTheLastRun() {
        corpus(30);
        vm.startFromProperty().set(TrainingViewModel.StartFrom.CURRENT_MODEL);
        vm.epochsProperty().set(1);
        vm.start();
        now[0] = S;
        training.deliver(new TrainingEvent.Step(5, 0, 4, 4, 10, 3.0, 0.005, 1), new TrainingEvent.Evaluation(5, 1, 3.1, 0.005),
                new TrainingEvent.Finished(5));
        training.end(store.model().copy());
        assertEquals(5, vm.run().examplesSeenProperty().get());
        assertEquals(1, vm.run().evaluations().size());
        vm.precisionProperty().set(Precision.FLOAT64);
        vm.menu().newModel();
        assertEquals(0, vm.run().examplesSeenProperty().get(), "counters of a run on another model are gone");
        assertTrue(vm.run().evaluations().isEmpty());
        assertEquals(0, vm.run().stepLoss().size());
        assertEquals("", vm.run().outcomeProperty().get());
        assertTrue(vm.samples().isEmpty());
        assertEquals(Precision.FLOAT64, store.model().precision());
        corpus(20);
        assertEquals(Precision.FLOAT32, vm.precisionProperty().get(), "the precision field follows the model");
    }

    @Test
    void samplesAreAskedForEveryFewSecondsWhileTraining() {
        corpus(30);
        vm.start();
        now[0] = TrainingViewModel.SAMPLE_NANOS + 1;
        training.deliver(new TrainingEvent.Step(1, 0, 0, 0, 10, 3.0, 0.005, 1));
        assertTrue(training.calls.contains("snapshot"));
    }

    @Test
    void newModelUsesTheFieldsAndTheLessonsSettingsComeBack() {
        PreparedData data = corpus(30);
        vm.hiddenSizeProperty().set(7);
        vm.seedProperty().set(3);
        vm.precisionProperty().set(Precision.FLOAT32);
        vm.menu().newModel();
        assertEquals(7, store.model().hiddenDim());
        assertEquals(Precision.FLOAT32, store.model().precision());
        vm.learningRateProperty().set(1);
        vm.lessonDefaults();
        assertEquals(LessonDefaults.LEARNING_RATE, vm.learningRateProperty().get());
        assertEquals(LessonDefaults.EPOCHS, vm.epochsProperty().get());
        assertEquals(LessonDefaults.EVALUATE_LOSS_AFTER, vm.evaluateEveryProperty().get());
        assertEquals(data.size(), vm.sentencesProperty().get());
    }

    @Test
    void aModelOfAnotherVocabularyIsUsedOnlyIfTheLearnerAgrees(@TempDir Path dir) {
        corpus(30);
        Path file = dir.resolve("m.npz");
        vm.menu().save(file);
        RnnModel saved = store.model();
        corpus(20);
        RnnModel fresh = store.model();
        vm.menu().load(file);
        assertSame(fresh, store.model(), "declined: the corpus's model stays");
        answer[0] = true;
        vm.menu().load(file);
        assertEquals(saved.wordDim(), store.model().wordDim());
        assertFalse(store.matchesCorpusProperty().get());
    }
}
