package org.rnnlab.engine;

import java.util.Arrays;
import org.rnnlab.common.UserException;

/**
 * The word classes of a class-based output layer (Mikolov et al., 2011, "Extensions of recurrent
 * neural network language model"): p(w | s) = p(class(w) | s) p(w | class(w), s). Words are binned
 * by frequency: a few frequent words make a class each, rare words share the last ones.
 * {@link #byFrequency} bins as the RNNLM toolkit does by default, each class holding a similar share
 * of the square roots of the counts; the paper's binning, a similar share of the tokens
 * ({@link #byTokenShare}, the toolkit's {@code -old-classes}), puts the long tail in a few very
 * large classes, and a step's cost grows with its target's class.
 *
 * <p>Classes are ranges of word indices, [start(k), start(k+1)): the vocabulary's order is by
 * frequency (the lesson's {@code most_common}), so binning in index order is binning by frequency,
 * and a class's rows of V are one contiguous block (one BLAS call per word instead of a gather).
 * Immutable.
 */
public final class WordClasses {
    private final int[] start;   // K + 1 boundaries, start[0] = 0, start[K] = C
    private final int[] classOf; // C: the class of each word
    private final int maxSize;

    private WordClasses(int[] start) {
        this.start = start;
        int K = start.length - 1;
        int C = start[K];
        classOf = new int[C];
        int max = 0;
        for (int k = 0; k < K; k++) {
            Arrays.fill(classOf, start[k], start[k + 1], k);
            max = Math.max(max, start[k + 1] - start[k]);
        }
        maxSize = max;
    }

    /** Mikolov's choice of about sqrt(C) classes. */
    public static int defaultCount(int C) {
        return Math.max(1, (int) Math.round(Math.sqrt(C)));
    }

    /**
     * Bins C = counts.length words, in index order, into K classes of about equal shares of
     * sqrt(count), as the RNNLM toolkit does by default. On Zipf words (C 8000, K 89) a target's class
     * then holds 37 words on average (at most 177) against 90 (at most 815) with equal token shares,
     * and the class-based step costs less and varies less from sentence to sentence, for the same
     * perplexity (src/docs/speed-log.md has the figures). Classes left empty are dropped, so
     * there can be fewer than K. Counts of 0 count as 1 (every word must be reachable).
     */
    public static WordClasses byFrequency(long[] counts, int K) {
        return binned(counts, K, true);
    }

    /**
     * Bins the words into K classes of about equal token share, as Mikolov et al. (2011) describe
     * (the toolkit's {@code -old-classes}): word i goes to class floor(K * (tokens before i +
     * count(i) / 2) / total), so a word more frequent than a K-th of the corpus has a class of its own.
     */
    public static WordClasses byTokenShare(long[] counts, int K) {
        return binned(counts, K, false);
    }

    /** Word i goes to class floor(K * (weight before i + weight(i) / 2) / total weight), in index order. */
    private static WordClasses binned(long[] counts, int K, boolean squareRoots) {
        int C = counts.length;
        if (C < 2 || K < 1 || K > C) {
            throw UserException.said("classes.sizes", String.valueOf(C), String.valueOf(K));
        }
        double[] weight = new double[C];
        double total = 0;
        for (int i = 0; i < C; i++) {
            double c = Math.max(1, counts[i]);
            weight[i] = squareRoots ? Math.sqrt(c) : c;
            total += weight[i];
        }
        int[] bin = new int[C];
        double before = 0;
        for (int i = 0; i < C; i++) {
            bin[i] = (int) Math.min(K - 1, Math.floor(K * (before + weight[i] / 2) / total));
            before += weight[i];
        }
        int[] boundaries = new int[K + 1];
        int n = 0;
        boundaries[n++] = 0;
        for (int i = 1; i < C; i++) {
            if (bin[i] != bin[i - 1]) {
                boundaries[n++] = i;
            }
        }
        boundaries[n++] = C;
        return new WordClasses(Arrays.copyOf(boundaries, n));
    }

    /** Classes from their boundaries (as stored in a model file): 0 = start[0] < start[1] < ... < start[K] = C. */
    public static WordClasses fromBoundaries(int[] start, int C) {
        if (start.length < 2 || start[0] != 0 || start[start.length - 1] != C) {
            throw UserException.said("classes.ends", String.valueOf(C));
        }
        for (int k = 1; k < start.length; k++) {
            if (start[k] <= start[k - 1]) {
                throw UserException.said("classes.order", String.valueOf(start[k]), String.valueOf(start[k - 1]));
            }
        }
        return new WordClasses(start.clone());
    }

    /** K, the number of classes. */
    public int count() {
        return start.length - 1;
    }

    /** C, the number of words. */
    public int words() {
        return classOf.length;
    }

    public int classOf(int word) {
        return classOf[word];
    }

    /** The first word of class k. */
    public int start(int k) {
        return start[k];
    }

    /** The number of words in class k. */
    public int size(int k) {
        return start[k + 1] - start[k];
    }

    public int maxSize() {
        return maxSize;
    }

    /** The K + 1 boundaries, start(0) = 0 ... start(K) = C (a copy). */
    public int[] boundaries() {
        return start.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WordClasses w && Arrays.equals(start, w.start);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(start);
    }
}
