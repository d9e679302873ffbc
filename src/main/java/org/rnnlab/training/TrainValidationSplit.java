package org.rnnlab.training;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Which sentences train and which are held out to measure how well the model does on sentences
 * it never stepped on. A seeded shuffle of 0..n-1 puts its first {@code round(n * fraction)}
 * indices aside (at least one when the fraction is above 0 and there are two sentences or more,
 * and never all of them); both parts are then sorted, so training keeps the corpus order as the
 * lesson does. The same n, fraction and seed always give the same split; a fraction of 0 holds
 * nothing out and trains on every sentence in order.
 *
 * @param size     n, the sentences split
 * @param fraction the share asked for, in [0, 1)
 * @param seed     seeds the shuffle
 * @param training indices of the training sentences, ascending
 * @param heldOut  indices of the held-out sentences, ascending; disjoint from {@code training}
 */
public record TrainValidationSplit(int size, double fraction, long seed, List<Integer> training, List<Integer> heldOut) {

    public TrainValidationSplit {
        training = List.copyOf(training);
        heldOut = List.copyOf(heldOut);
        if (training.size() + heldOut.size() != size) {
            throw new IllegalArgumentException("the parts do not add up to " + size);
        }
    }

    /** Splits sentences 0..n-1: about {@code fraction} of them held out, chosen by a shuffle seeded with {@code seed}. */
    public static TrainValidationSplit of(int n, double fraction, long seed) {
        int held = heldOutSize(n, fraction); // checks n and the fraction
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (held > 0) {
            SplittableRandom rng = new SplittableRandom(seed);
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        int[] out = Arrays.copyOfRange(order, 0, held);
        int[] in = Arrays.copyOfRange(order, held, n);
        Arrays.sort(out);
        Arrays.sort(in);
        return new TrainValidationSplit(n, fraction, seed, boxed(in), boxed(out));
    }

    /**
     * How many of {@code n} sentences {@link #of} holds out, without the shuffle: what the window states
     * beside its fields (shuffling and boxing the sample corpus's 24,000 indices took 2-5 ms of the FX
     * thread each time a field changed).
     */
    public static int heldOutSize(int n, double fraction) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be 0 or more, not " + n);
        }
        checkFraction(fraction);
        int held = (int) Math.round(n * fraction);
        if (fraction > 0 && held == 0 && n >= 2) {
            held = 1;
        }
        return Math.min(held, Math.max(0, n - 1)); // something must be left to train on
    }

    /** Throws unless {@code fraction} is in [0, 1). */
    public static void checkFraction(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("the held-out fraction must be at least 0 and below 1, not " + fraction);
        }
    }

    public int trainingSize() {
        return training.size();
    }

    public int heldOutSize() {
        return heldOut.size();
    }

    /** The items of {@code all} (of {@link #size()} items) at the training indices, as a view. */
    public <T> List<T> trainingOf(List<T> all) {
        return pick(all, training);
    }

    /** The items of {@code all} at the held-out indices, as a view. */
    public <T> List<T> heldOutOf(List<T> all) {
        return pick(all, heldOut);
    }

    /**
     * The probe a run watches unless told another: the first held-out sentence of at most
     * {@code maxWords} words (the shortest held-out one when none is so short; the training
     * sentences when none is held out), SENTENCE_START to SENTENCE_END, or null when there is no
     * sentence. A sentence the model never steps on shows what it learns in general.
     */
    public int[] probeSentence(List<int[]> xs, List<int[]> ys, int maxWords) {
        List<Integer> from = heldOut.isEmpty() ? training : heldOut;
        int best = -1;
        for (int i : from) {
            int len = xs.get(i).length;
            if (len >= 1 && len <= maxWords) {
                best = i;
                break;
            }
            if (len >= 1 && (best < 0 || len < xs.get(best).length)) {
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        int[] x = xs.get(best);
        int[] words = java.util.Arrays.copyOf(x, x.length + 1);
        words[x.length] = ys.get(best)[x.length - 1]; // x is words 0..T-1, y words 1..T
        return words;
    }

    /** "1,800 training sentences, 200 held out (10%, seed 10)", or "80 training sentences, none held out". */
    public String describe() {
        if (heldOut.isEmpty()) {
            return String.format(Locale.ROOT, "%,d training sentence%s, none held out", training.size(),
                    training.size() == 1 ? "" : "s");
        }
        return String.format(Locale.ROOT, "%,d training sentence%s, %,d held out (%s%%, seed %d)", training.size(),
                training.size() == 1 ? "" : "s", heldOut.size(),
                java.math.BigDecimal.valueOf(fraction * 100).stripTrailingZeros().toPlainString(), seed);
    }

    private <T> List<T> pick(List<T> all, List<Integer> indices) {
        if (all.size() != size) {
            throw new IllegalArgumentException("the split is of " + size + " items, not " + all.size());
        }
        return new AbstractList<>() {
            @Override
            public T get(int i) {
                return all.get(indices.get(i));
            }

            @Override
            public int size() {
                return indices.size();
            }
        };
    }

    private static List<Integer> boxed(int[] a) {
        return Arrays.stream(a).boxed().toList();
    }
}
