package org.rnnlab.training;

import org.rnnlab.common.LessonDefaults;

/**
 * The settings of the lesson's {@code train_with_sgd}, and when a run counts as diverged.
 *
 * @param learningRate      initial SGD step size; halved whenever an evaluation's loss rose
 * @param epochs            passes over the training set
 * @param evaluateLossAfter evaluate the loss on the whole set every this many epochs (epoch 0 too)
 * @param shuffle           visit the sentences in a new random order each epoch (the lesson keeps corpus order)
 * @param seed              seeds the shuffle
 * @param divergenceFactor  the run diverges when its loss per word rises above this many times ln C
 *                          (see {@link DivergenceRule}); {@code Double.POSITIVE_INFINITY} keeps only the
 *                          NaN-or-infinite rule
 * @param validationFraction the share of the sentences held out of training to measure the loss on
 *                          sentences never stepped on (see {@link TrainValidationSplit}, seeded with
 *                          {@code seed}); 0, the lesson's way, trains on every sentence
 */
public record TrainingConfig(double learningRate, int epochs, int evaluateLossAfter, boolean shuffle, long seed,
                             double divergenceFactor, double validationFraction) {
    public TrainingConfig {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, not " + learningRate);
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be 0 or more, not " + epochs);
        }
        if (evaluateLossAfter < 1) {
            throw new IllegalArgumentException("evaluateLossAfter must be 1 or more, not " + evaluateLossAfter);
        }
        if (!(divergenceFactor > 0)) {
            throw new IllegalArgumentException("divergenceFactor must be a positive number, not " + divergenceFactor);
        }
        TrainValidationSplit.checkFraction(validationFraction);
    }

    /** Nothing held out: every sentence trains, as in the lesson. */
    public TrainingConfig(double learningRate, int epochs, int evaluateLossAfter, boolean shuffle, long seed,
                          double divergenceFactor) {
        this(learningRate, epochs, evaluateLossAfter, shuffle, seed, divergenceFactor, 0.0);
    }

    /** The lesson's divergence factor, {@link LessonDefaults#DIVERGENCE_FACTOR}, nothing held out. */
    public TrainingConfig(double learningRate, int epochs, int evaluateLossAfter, boolean shuffle, long seed) {
        this(learningRate, epochs, evaluateLossAfter, shuffle, seed, LessonDefaults.DIVERGENCE_FACTOR);
    }

    /** lr 0.005, 100 epochs, loss every 5 epochs, corpus order, seed 10: the lesson's call. */
    public static TrainingConfig lessonDefaults() {
        return new TrainingConfig(LessonDefaults.LEARNING_RATE, LessonDefaults.EPOCHS, LessonDefaults.EVALUATE_LOSS_AFTER,
                false, LessonDefaults.SEED);
    }

    public TrainingConfig withShuffle(boolean s, long newSeed) {
        return new TrainingConfig(learningRate, epochs, evaluateLossAfter, s, newSeed, divergenceFactor, validationFraction);
    }

    public TrainingConfig withDivergenceFactor(double factor) {
        return new TrainingConfig(learningRate, epochs, evaluateLossAfter, shuffle, seed, factor, validationFraction);
    }

    /** The same settings with {@code fraction} of the sentences held out (the app's default is 0.1). */
    public TrainingConfig withValidationFraction(double fraction) {
        return new TrainingConfig(learningRate, epochs, evaluateLossAfter, shuffle, seed, divergenceFactor, fraction);
    }
}
