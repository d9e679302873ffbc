package org.rnnlab.app.steps.bptt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.SimpleLongProperty;
import org.junit.jupiter.api.Test;
import org.rnnlab.app.support.Fakes;
import org.rnnlab.engine.DeltaFlow;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.ReferenceRnn;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.Tokens;
import org.rnnlab.text.Vocabulary;

class BpttViewModelTest {
    private static final int C = 12;

    /** A model and vocabulary held by the test, changed at will. */
    static final class FakeSource implements BpttSource {
        RnnModel model = RnnModel.initialise(C, 5, 4, 3, Precision.FLOAT64);
        final Vocabulary vocabulary = makeVocabulary();
        final SimpleLongProperty revision = new SimpleLongProperty();

        @Override
        public RnnModel model() {
            return model;
        }

        @Override
        public Vocabulary vocabulary() {
            return model == null ? null : vocabulary;
        }

        @Override
        public long seed() {
            return 7;
        }

        @Override
        public Observable changes() {
            return revision;
        }

        @Override
        public List<String> exampleSentence() {
            return List.of("a", "b", "c", "d", "e", "f", "g");
        }
    }

    static Vocabulary makeVocabulary() {
        List<String> words = new ArrayList<>(List.of(Tokens.START, Tokens.END));
        for (int i = 0; i < C - 3; i++) {
            words.add(String.valueOf((char) ('a' + i)));
        }
        words.add(Tokens.UNKNOWN);
        long[] counts = new long[C];
        for (int i = 0; i < C; i++) {
            counts[i] = 100 - i;
        }
        return Vocabulary.of(words, counts);
    }

    private final FakeSource source = new FakeSource();
    private final BpttViewModel vm = new BpttViewModel(source, new Fakes.DirectBackground(new Fakes.RecordingNotifier()));

    @Test
    void showingTheStepFillsInACorpusSentenceAndFollowsTheLastOutput() {
        vm.shown();
        assertEquals("a b c d e f g", vm.sentenceProperty().get());
        BpttViewModel.Comparison r = vm.resultProperty().get();
        assertNotNull(r, vm.problemProperty().get());
        assertEquals(List.of(Tokens.START, "a", "b", "c", "d", "e", "f", "g", Tokens.END), r.words());
        assertEquals(7, r.t(), "x has 8 words: the last output is t = 7");
        assertEquals(7, vm.lastTProperty().get());
        assertEquals(8, r.current().lags().size());
        assertFalse(vm.runningProperty().get());
    }

    @Test
    void bothModelsAreTheOnesTheLessonWouldUse() {
        vm.shown();
        BpttViewModel.Comparison r = vm.resultProperty().get();
        int[] words = source.vocabulary.encode(r.words());
        int[][] pair = ReferenceRnn.trainingPair(words);
        DeltaFlow.Result current = DeltaFlow.of(ReferenceRnn.of(source.model), pair[0], pair[1], 7, 4);
        DeltaFlow.Result initial = DeltaFlow.of(ReferenceRnn.of(RnnModel.initialise(C, 5, 4, 7, Precision.FLOAT64)),
                pair[0], pair[1], 7, 4);
        assertEquals(current, r.current());
        assertEquals(initial, r.initial(), "the random start is drawn with the store's seed");
        assertEquals(7, r.seed());
    }

    @Test
    void truncationAndOutputRecomputeAndCutTheRightLags() {
        vm.shown();
        vm.truncationProperty().set(2);
        BpttViewModel.Comparison r = vm.resultProperty().get();
        assertEquals(2, r.bpttTruncate());
        for (DeltaFlow.Lag lag : r.current().lags()) {
            assertEquals(lag.lag() > 2, lag.cut(), "lag " + lag.lag());
        }
        assertTrue(r.current().truncationErrorW() > 0);
        vm.tProperty().set(1);
        r = vm.resultProperty().get();
        assertEquals(1, r.t());
        assertEquals(2, r.current().lags().size());
        assertEquals(0.0, r.current().truncationErrorW(), "t = 1 with K = 2: nothing is cut");
    }

    @Test
    void aNewModelIsShownAgainAndNoModelIsANotice() {
        vm.shown();
        DeltaFlow.Result before = vm.resultProperty().get().current();
        source.model = RnnModel.initialise(C, 5, 4, 99, Precision.FLOAT64);
        source.revision.set(1);
        assertFalse(before.equals(vm.resultProperty().get().current()));
        source.model = null;
        source.revision.set(2);
        assertNull(vm.resultProperty().get());
        assertFalse(vm.problemProperty().get().isEmpty());
    }

    @Test
    void wordsOutsideTheVocabularyAreNamedOnceAndStillShown() {
        vm.shown();
        assertEquals("", vm.problemProperty().get(), "the corpus's own sentence: every word known");
        vm.sentenceProperty().set("a xyzzy b xyzzy plugh");
        vm.useSentence();
        assertEquals("Not in the vocabulary, read as UNKNOWN_TOKEN: xyzzy, plugh", vm.problemProperty().get());
        assertEquals(List.of(Tokens.START, "a", Tokens.UNKNOWN, "b", Tokens.UNKNOWN, Tokens.UNKNOWN, Tokens.END),
                vm.resultProperty().get().words(), "computed all the same, as training reads such words");
    }

    @Test
    void nothingIsComputedBeforeTheStepIsShown() {
        source.revision.set(5);
        assertNull(vm.resultProperty().get());
    }
}
