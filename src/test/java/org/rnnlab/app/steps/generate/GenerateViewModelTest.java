package org.rnnlab.app.steps.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnnlab.engine.NextWordPredictor;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.Tokens;
import org.rnnlab.text.Vocabulary;

class GenerateViewModelTest {
    static final Vocabulary VOCAB = Vocabulary.of(
            List.of(Tokens.START, Tokens.END, "the", "cat", "sat", ".", Tokens.UNKNOWN), new long[] {9, 9, 8, 5, 4, 3, 1});

    /** Records what was fed; the distribution is just the fed word, one-hot. */
    static final class FakeStepper implements IncrementalPrefix.Stepper {
        final List<Integer> fed = new ArrayList<>();
        int resets;

        @Override
        public void reset() {
            resets++;
        }

        @Override
        public double[] feed(int word) {
            fed.add(word);
            double[] p = new double[10];
            p[word] = 1;
            return p;
        }
    }

    @Test
    void aGrowingPrefixFeedsOnlyTheNewWords() {
        FakeStepper s = new FakeStepper();
        IncrementalPrefix prefix = new IncrementalPrefix(s, 0);
        prefix.distribution(new int[] {});
        assertEquals(List.of(0), s.fed, "the empty prefix feeds SENTENCE_START only");
        prefix.distribution(new int[] {3});
        prefix.distribution(new int[] {3, 4});
        double[] p = prefix.distribution(new int[] {3, 4, 5});
        assertEquals(List.of(0, 3, 4, 5), s.fed);
        assertEquals(1.0, p[5], "the distribution after the last word");
        assertEquals(1, s.resets);
    }

    @Test
    void aChangedWordStartsOverFromSentenceStart() {
        FakeStepper s = new FakeStepper();
        IncrementalPrefix prefix = new IncrementalPrefix(s, 0);
        prefix.distribution(new int[] {3, 4});
        prefix.distribution(new int[] {3, 6});
        assertEquals(List.of(0, 3, 4, 0, 3, 6), s.fed);
        prefix.distribution(new int[] {3});
        assertEquals(List.of(0, 3, 4, 0, 3, 6, 0, 3), s.fed, "a deleted word also starts over");
        assertEquals(8, prefix.feeds());
    }

    @Test
    void predictionsMatchFeedingTheWholePrefix() {
        RnnModel model = RnnModel.initialise(VOCAB.size(), 6, 4, 3, Precision.FLOAT64);
        GenerateViewModel vm = new GenerateViewModel();
        vm.predict(model, VOCAB, "the");
        var p = vm.predict(model, VOCAB, "the cat");
        NextWordPredictor ref = new NextWordPredictor(model);
        ref.feed(VOCAB.startIndex());
        ref.feed(VOCAB.indexOf("the"));
        double[] expected = ref.feed(VOCAB.indexOf("cat"));
        assertEquals(GenerateViewModel.TOP_K > VOCAB.size() ? VOCAB.size() : GenerateViewModel.TOP_K, p.top().size());
        for (var pr : p.top()) {
            assertEquals(expected[pr.index()], pr.probability(), 1e-12);
        }
        for (int i = 1; i < p.top().size(); i++) {
            assertTrue(p.top().get(i - 1).probability() >= p.top().get(i).probability());
        }
    }

    @Test
    void unknownWordsAreShownAsUnknownToken() {
        var tokens = GenerateViewModel.tokens("The zebra", VOCAB);
        assertEquals(2, tokens.size());
        assertFalse(tokens.get(0).unknown());
        assertEquals("the", tokens.get(0).seen());
        assertTrue(tokens.get(1).unknown());
        assertEquals(Tokens.UNKNOWN, tokens.get(1).seen());
        assertEquals("zebra", tokens.get(1).typed());
    }

    @Test
    void clickingAWordAppendsIt() {
        assertEquals("the ", GenerateViewModel.append("", "the"));
        assertEquals("the cat ", GenerateViewModel.append("the  ", "cat"));
    }

    @Test
    void generatesSeededRepeatableSentencesOfTheMinimumLength() {
        RnnModel model = RnnModel.initialise(VOCAB.size(), 6, 4, 3, Precision.FLOAT64);
        var a = GenerateViewModel.generate(model, VOCAB, 3, 4, 1.0, 42);
        var b = GenerateViewModel.generate(model, VOCAB, 3, 4, 1.0, 42);
        assertEquals(3, a.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(a.get(i).words(), b.get(i).words());
            assertArrayEquals(a.get(i).probabilities(), b.get(i).probabilities());
            assertTrue(a.get(i).words().size() >= 4);
            assertFalse(a.get(i).words().contains(Tokens.UNKNOWN), "UNKNOWN_TOKEN is redrawn");
        }
        assertTrue(GenerateViewModel.summary(a, 4).startsWith("UNKNOWN_TOKEN came up"));
    }
}
