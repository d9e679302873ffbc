package org.rnnlab.engine;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Words of a vocabulary of C drawn as text draws them, with a frequency proportional to 1 / rank
 * (Zipf's law), and the class-based layer's classes binned from the same counts: what the speed of
 * a class-based step is measured on (its cost depends on the targets' classes; the full softmax costs
 * the same for any words).
 */
public final class ZipfWords {
    private final long[] counts;
    private final double[] cumulative;

    private ZipfWords(long[] counts, double[] cumulative) {
        this.counts = counts;
        this.cumulative = cumulative;
    }

    /** Counts of about 10^6 / rank, at least 1, for words 0 (the most frequent) to C - 1. */
    public static ZipfWords of(int C) {
        long[] counts = new long[C];
        double[] cumulative = new double[C];
        double sum = 0;
        for (int i = 0; i < C; i++) {
            counts[i] = Math.max(1, Math.round(1e6 / (i + 1)));
            sum += counts[i];
            cumulative[i] = sum;
        }
        return new ZipfWords(counts, cumulative);
    }

    /** Each word's count (a copy). */
    public long[] counts() {
        return counts.clone();
    }

    /** The default number of classes, binned from the counts ({@link WordClasses#byFrequency}). */
    public WordClasses classes() {
        return WordClasses.byFrequency(counts, WordClasses.defaultCount(counts.length));
    }

    /** n words drawn by their counts. */
    public int[] draw(SplittableRandom random, int n) {
        int[] words = new int[n];
        for (int i = 0; i < n; i++) {
            int k = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
            words[i] = Math.min(cumulative.length - 1, k >= 0 ? k : -k - 1);
        }
        return words;
    }

    /**
     * {@code count} sentences of n words each. A class-based step reads the blocks of V its targets'
     * classes own: steps that cycle through many sentences find fewer of them in the caches than steps
     * on one sentence, as training does (C 8000, H 100, T 45, 2-core AMD EPYC VM: one sentence again
     * and again took 77-79 us a step, 256 in turn 89-91 us on a calm machine and up to 60% more on a busy one).
     */
    public int[][] sentences(SplittableRandom random, int count, int n) {
        int[][] all = new int[count][];
        for (int i = 0; i < count; i++) {
            all[i] = draw(random, n);
        }
        return all;
    }
}
