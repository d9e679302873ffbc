package org.rnnlab.training;

import java.util.OptionalDouble;

/**
 * When a training run has diverged, so that going on is pointless: a step's or an evaluation's
 * loss per word is NaN or infinite; or the recent loss per word, smoothed over the steps as
 * {@code r = 0.95 r + 0.05 loss} and judged from the tenth step on, rises above the bound; or an
 * evaluation's loss rises above the bound. The bound is {@code factor * ln C}: ln C is the loss of
 * guessing uniformly among the C words, so a model far above it has learnt worse than nothing.
 *
 * <p>One rule per run, fed on the training thread (it is not thread-safe). {@link SgdTrainer} applies
 * it to every step and every evaluation; what it sees are the losses its events report.
 */
public final class DivergenceRule {
    /** The weight of the previous recent loss: {@code r = SMOOTHING r + (1 - SMOOTHING) loss}. */
    public static final double SMOOTHING = 0.95;
    /** The recent loss is judged from this many steps on: before, it is a handful of sentences. */
    public static final int MIN_STEPS = 10;

    private final double factor;
    private final double bound;
    private double recentLoss = Double.NaN;
    private long steps;

    /**
     * @param factor   the bound in units of ln C (positive; infinite keeps only the NaN-or-infinite rule)
     * @param wordDim  C, the vocabulary size
     */
    public DivergenceRule(double factor, int wordDim) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("the divergence factor must be a positive number, not " + factor);
        }
        if (wordDim < 2) {
            throw new IllegalArgumentException("the vocabulary has " + wordDim + " words: ln C is no bound");
        }
        this.factor = factor;
        this.bound = factor * Math.log(wordDim);
    }

    public double factor() {
        return factor;
    }

    /** {@code factor * ln C}. */
    public double bound() {
        return bound;
    }

    /** The smoothed loss per word of the steps so far; NaN before the first. */
    public double recentLoss() {
        return recentLoss;
    }

    /** Steps seen so far. */
    public long steps() {
        return steps;
    }

    /**
     * Takes one step's loss per word (the sentence's, before its update).
     *
     * @return the loss that breaks the rule (this step's when it is not finite, else the recent loss),
     *         or empty while the run may go on
     */
    public OptionalDouble afterStep(double lossPerWord) {
        steps++;
        if (!Double.isFinite(lossPerWord)) {
            return OptionalDouble.of(lossPerWord);
        }
        recentLoss = Double.isNaN(recentLoss) ? lossPerWord : SMOOTHING * recentLoss + (1 - SMOOTHING) * lossPerWord;
        return steps >= MIN_STEPS && recentLoss > bound ? OptionalDouble.of(recentLoss) : OptionalDouble.empty();
    }

    /** Puts back what {@link #recentLoss()} and {@link #steps()} said, for a resumed run. */
    public void restore(double recentLoss, long steps) {
        this.recentLoss = recentLoss;
        this.steps = steps;
    }

    /** True when an evaluation's loss per word on the training set breaks the rule: NaN, infinite or above the bound. */
    public boolean rejectsEvaluation(double loss) {
        return !Double.isFinite(loss) || loss > bound;
    }
}
