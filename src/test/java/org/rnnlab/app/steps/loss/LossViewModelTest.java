package org.rnnlab.app.steps.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.app.support.Batches;
import org.rnnlab.app.support.Fakes;
import org.rnnlab.app.session.ModelStoreFixture;
import org.rnnlab.app.support.Background;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.TrainingPair;

class LossViewModelTest {
    private static final double LN_8000 = Math.log(8000);

    @Test
    void closeToLnCIsExplainedAsRandomGuessing() {
        String text = LossViewModel.explain(LN_8000, LN_8000 + 0.001, 1000, 25_000);
        assertTrue(text.contains("very close to ln C = 8.987"), text);
        assertTrue(text.contains("1,000 sentences (25,000 words)"), text);
    }

    @Test
    void belowLnCSaysHowMuchBetterThanGuessing() {
        String text = LossViewModel.explain(LN_8000, 5.0, 1000, 25_000);
        assertTrue(text.contains("below ln C"), text);
        // e^-5 = 0.67 %, 1/8000 = 0.0125 %: about 54 times better
        assertTrue(text.contains("54 times more"), text);
    }

    @Test
    void aboveLnCIsCalledWorseThanGuessing() {
        assertTrue(LossViewModel.explain(LN_8000, 12, 10, 100).contains("worse than guessing"));
        assertTrue(LossViewModel.explain(LN_8000, Double.NaN, 10, 100).contains("not a number"));
    }

    // ---- the view-model with its services (fakes: no window, work done at once) ------------------

    private final ModelStoreFixture services = new ModelStoreFixture();
    private final List<LossViewModel.Progress> posted = new ArrayList<>();

    /** Progress handed over at once, and recorded. */
    private LossViewModel viewModel(Background work) {
        return new LossViewModel(services.store, work, services.notifier, onBatch -> {
            Batches<LossViewModel.Progress> direct = Batches.direct(onBatch);
            return new Batches<>() {
                @Override
                public void post(LossViewModel.Progress p) {
                    posted.add(p);
                    direct.post(p);
                }

                @Override
                public void drain() {
                }
            };
        });
    }

    private LossViewModel viewModel() {
        return viewModel(services.work);
    }

    @Test
    void progressShowsTheNewestMeanAndFinishExplains() {
        LossViewModel vm = viewModel();
        vm.start(8000, 3, 20);
        assertTrue(vm.runningProperty().get());
        assertEquals(LN_8000, vm.expectedProperty().get(), 1e-12);
        vm.progress(List.of(new LossViewModel.Progress(10, 200, 9.0), new LossViewModel.Progress(20, 410, 8.99)));
        assertEquals(20, vm.doneProperty().get());
        assertEquals(410, vm.wordsProperty().get());
        assertEquals(8.99, vm.actualProperty().get(), 1e-12);
        assertEquals(2, vm.runningMean().size());
        assertEquals(1.0, vm.progressProperty().get(), 1e-12);
        assertEquals("per word, 20 sentences (410 words)", vm.actualCaption().get());
        vm.finish(true);
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.explanationProperty().get().contains("very close"));
        assertEquals(3, vm.computedRevision());
    }

    @Test
    void aCancelledRunIsNotCountedAsDone() {
        LossViewModel vm = viewModel();
        vm.start(100, 5, 20);
        vm.progress(List.of(new LossViewModel.Progress(10, 200, 4.6)));
        vm.finish(false);
        assertEquals(-1, vm.computedRevision());
        assertTrue(vm.explanationProperty().get().startsWith("Stopped early"));
    }

    @Test
    void withoutAModelThereIsNothingToCompute() {
        LossViewModel vm = viewModel();
        assertTrue(vm.computeDisabledProperty().get());
        vm.compute();
        vm.shown();
        assertTrue(services.work.titles.isEmpty());
        assertEquals("ln C: guessing uniformly", vm.expectedCaption().get());
    }

    @Test
    void theMeanLossIsTheEnginesOnTheFirstNSentences() {
        LossViewModel vm = viewModel();
        PreparedData data = services.corpus(30);
        services.newModel(LessonDefaults.HIDDEN_DIM, 10); // float64: sums in another order agree to 1e-9
        assertEquals(data.size(), vm.maxSentencesProperty().get());
        vm.sentencesProperty().set(40);
        vm.compute();
        assertEquals(List.of("Loss step: the loss on the first 40 sentences"),
                services.work.titles.subList(services.work.titles.size() - 1, services.work.titles.size()),
                "the status bar says which step the work is for");
        RnnModel m = services.store.model();
        double engine = m.meanLoss(data.xs().subList(0, 40), data.ys().subList(0, 40));
        assertEquals(engine, vm.actualProperty().get(), 1e-9);
        assertEquals(40, vm.doneProperty().get());
        long words = data.ys().subList(0, 40).stream().mapToLong(y -> y.length).sum();
        assertEquals(words, vm.wordsProperty().get());
        assertEquals(Math.log(data.vocabulary().size()), vm.expectedProperty().get(), 1e-12);
        assertEquals(vm.actualProperty().get(), vm.expectedProperty().get(), 0.1, "random weights: about ln C");
        assertTrue(vm.explanationProperty().get().contains("very close to ln C"), vm.explanationProperty().get());
        assertEquals(40, posted.size(), "40 sentences: one point each");
        assertEquals(40, vm.runningMean().size());
        assertEquals(Math.ceil(Math.max(vm.expectedProperty().get(), vm.actualProperty().get()) * 1.15), vm.chartTopProperty().get());
        assertFalse(vm.runningProperty().get());
        assertEquals(services.store.revisionProperty().get(), vm.computedRevision());
    }

    @Test
    void theLessonsCheckIsAFreshSeededModelBesideTheCurrentOne() {
        LossViewModel vm = viewModel();
        PreparedData data = services.corpus(30);
        RnnModel trained = services.store.model().copy();
        for (int i = 0; i < 60; i++) {
            trained.sgdStep(data.x(i % 20), data.y(i % 20), 0.05);
        }
        services.adopt(trained, "trained in a test");
        vm.sentencesProperty().set(20);
        vm.compute();
        RnnModel fresh = RnnModel.initialise(data.vocabulary().size(), org.rnnlab.common.LessonDefaults.HIDDEN_DIM,
                4, 10, org.rnnlab.engine.Precision.FLOAT32);
        double lesson = fresh.meanLoss(data.xs().subList(0, 20), data.ys().subList(0, 20));
        assertEquals(lesson, vm.lessonLossProperty().get(), 1e-6); // float32, summed in chunks
        assertEquals(vm.expectedProperty().get(), vm.lessonLossProperty().get(), 0.1, "the lesson's check: about ln C");
        assertTrue(vm.actualProperty().get() < vm.lessonLossProperty().get() - 0.1,
                "the trained model is measured too: " + vm.actualProperty().get());
    }

    @Test
    void allTheCorpusIsReadWhenNIsLarger() {
        LossViewModel vm = viewModel();
        PreparedData data = services.corpus(30);
        services.newModel(LessonDefaults.HIDDEN_DIM, 10); // float64: sums in another order agree to 1e-9
        vm.compute();
        assertEquals(data.size(), vm.doneProperty().get(), "the fixture has fewer than 1,000 sentences: all are read");
        assertEquals(services.store.model().meanLoss(data.xs(), data.ys()), vm.actualProperty().get(), 1e-9);
    }

    @Test
    void chunksOfManySentencesGiveTheSameMean() {
        PreparedData data = services.corpus(30);
        services.newModel(LessonDefaults.HIDDEN_DIM, 10); // float64: sums in another order agree to 1e-9
        RnnModel m = services.store.model();
        List<LossViewModel.Progress> points = new ArrayList<>();
        int count = data.size();
        double mean = LossViewModel.meanLoss(m, count, data::pair,
                new Background.Job((d, t, text) -> { }, new Cancellation()), points::add);
        assertEquals(m.meanLoss(data.xs(), data.ys()), mean, 1e-9);
        assertEquals(count, points.get(points.size() - 1).sentences());
        assertEquals(mean, points.get(points.size() - 1).meanLoss(), 1e-12);
    }

    @Test
    void aModelWithItsOwnVocabularyReadsTheSentencesWithIt() {
        LossViewModel vm = viewModel();
        PreparedData small = services.corpus(12);
        RnnModel other = RnnModel.initialise(small.vocabulary().size(), 5, LessonDefaults.BPTT_TRUNCATE, 2, Precision.FLOAT64);
        PreparedData data = services.corpus(30);
        services.files.adopt(new LoadedModel(other, small.vocabulary(), null), "a model of another vocabulary");
        assertFalse(services.store.matchesCorpusProperty().get());
        vm.sentencesProperty().set(10);
        vm.compute();
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            TrainingPair p = TrainingPair.of(small.vocabulary().encode(data.sentenceTokens(i)));
            xs.add(p.x());
            ys.add(p.y());
        }
        assertEquals(other.meanLoss(xs, ys), vm.actualProperty().get(), 1e-9);
        assertEquals(Math.log(small.vocabulary().size()), vm.expectedProperty().get(), 1e-12, "ln C of the model's vocabulary");
    }

    @Test
    void aNewModelIsMeasuredAgainOnlyWhileTheStepIsShown() {
        LossViewModel vm = viewModel();
        services.corpus(30);
        assertTrue(services.work.titles.stream().noneMatch(t -> t.startsWith("Loss")), "not shown yet: nothing measured");
        vm.shown();
        assertEquals(1, services.work.titles.stream().filter(t -> t.startsWith("Loss")).count());
        vm.shown();
        assertEquals(1, services.work.titles.stream().filter(t -> t.startsWith("Loss")).count(), "already measured");
        services.newModel(7, 3);
        assertEquals(2, services.work.titles.stream().filter(t -> t.startsWith("Loss")).count());
        assertEquals(services.store.revisionProperty().get(), vm.computedRevision());
    }

    @Test
    void cancelStopsBetweenChunksAndKeepsWhatWasRead() {
        Fakes.HeldBackground held = new Fakes.HeldBackground();
        services.corpus(30);
        LossViewModel vm = viewModel(held);
        vm.sentencesProperty().set(20);
        vm.compute();
        assertTrue(vm.runningProperty().get());
        assertTrue(vm.computeDisabledProperty().get());
        vm.compute();
        assertEquals(1, held.held.size(), "one computation at a time");
        Runnable first = held.last()::deliver;
        // cancel as the first point arrives: the worker stops at its next check
        vm.chartVersionProperty().addListener((o, a, b) -> {
            if (vm.doneProperty().get() == 1) {
                vm.cancel();
            }
        });
        first.run();
        assertFalse(vm.runningProperty().get());
        assertEquals(1, vm.doneProperty().get());
        assertEquals(1, posted.size(), "no chunk after the cancel");
        assertTrue(vm.explanationProperty().get().startsWith("Stopped early"));
        assertEquals(-1, vm.computedRevision(), "measured again next time");
    }

    @Test
    void aFailureIsANotice() {
        Background failing = new Fakes.FailingBackground("The disk is full.");
        services.corpus(30);
        LossViewModel vm = viewModel(failing);
        vm.compute();
        assertFalse(vm.runningProperty().get());
        assertEquals("Loss: The disk is full.", services.notifier.last());
        assertEquals(-1, vm.computedRevision());
    }

    @Test
    void nIsRefusedOutsideTheCorpusAndComputeWaitsForAValidOne() {
        LossViewModel vm = viewModel();
        PreparedData data = services.corpus(30);
        assertEquals(data.size(), vm.sentencesProperty().get(), "a corpus smaller than N: all its sentences");
        assertTrue(vm.sentencesInput().isValid());
        assertFalse(vm.sentencesInput().enter(Integer.toString(data.size() + 1)));
        assertEquals(data.size(), vm.sentencesProperty().get(), "refused, not clamped");
        assertTrue(vm.computeDisabledProperty().get());
        vm.compute();
        assertEquals(0, vm.doneProperty().get(), "nothing measured while N is invalid");
        assertTrue(vm.sentencesInput().enter("10"));
        assertFalse(vm.computeDisabledProperty().get());
        vm.compute();
        assertEquals(10, vm.doneProperty().get());
    }

    @Test
    void theLearnersNComesBackOnALargerCorpus() {
        LossViewModel vm = viewModel();
        services.corpus(30);
        assertTrue(vm.sentencesInput().enter("20"));
        var tiny = org.rnnlab.app.session.Corpus.of("tiny.txt", org.rnnlab.app.session.ModelSessionFixture.texts()).sentences().subList(0, 5);
        services.prepared.set(PreparedData.fromSentences(tiny, 30));
        assertEquals(5, vm.sentencesProperty().get(), "a tiny corpus: its 5 sentences");
        services.corpus(30);
        assertEquals(20, vm.sentencesProperty().get(), "not left at 5 from the tiny corpus");
    }

    @Test
    void oneSentenceIsSaidInTheSingular() {
        assertTrue(LossViewModel.explain(Math.log(8000), Math.log(8000), 1, 1).startsWith("Measured on 1 sentence (1 word). "));
        assertTrue(LossViewModel.explain(Math.log(8000), Math.log(8000), 2, 30).startsWith("Measured on 2 sentences (30 words). "));
    }
}
