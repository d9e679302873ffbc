package org.rnnlab.app.steps.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The next-word distribution after a prefix, kept up to date as the prefix grows: when the new
 * prefix extends the old one only the new words are fed (one recurrent step each); when a word
 * was changed or deleted, it starts again from SENTENCE_START. Not thread-safe: one thread uses it.
 */
final class IncrementalPrefix {
    /** What feeds words through the network: a {@code NextWordPredictor} in the app. */
    interface Stepper {
        void reset();

        double[] feed(int word);
    }

    private final Stepper stepper;
    private final int start;
    private final List<Integer> fed = new ArrayList<>();
    private double[] last;
    private long feeds;

    IncrementalPrefix(Stepper stepper, int startIndex) {
        this.stepper = stepper;
        this.start = startIndex;
    }

    /** P(next word | SENTENCE_START, words...). */
    double[] distribution(int[] words) {
        int common = 0;
        while (common < fed.size() && common < words.length && fed.get(common) == words[common]) {
            common++;
        }
        if (last == null || common < fed.size()) {
            stepper.reset();
            fed.clear();
            last = stepper.feed(start);
            feeds++;
            common = 0;
        }
        for (int i = common; i < words.length; i++) {
            last = stepper.feed(words[i]);
            feeds++;
            fed.add(words[i]);
        }
        return last;
    }

    /** Words fed through the network so far, SENTENCE_START included (for tests). */
    long feeds() {
        return feeds;
    }
}
