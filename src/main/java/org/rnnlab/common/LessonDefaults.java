package org.rnnlab.common;

/**
 * The lesson's numbers, in one place: the app, the command line and the tests read them here.
 * Names follow the lesson ({@code word_dim}, {@code hidden_dim}, {@code bptt_truncate}).
 */
public final class LessonDefaults {
    /** C, the vocabulary size ({@code vocabulary_size = 8000}). */
    public static final int WORD_DIM = 8000;
    /** H, the hidden layer's size ({@code hidden_dim = 100}). */
    public static final int HIDDEN_DIM = 100;
    /** How many steps back BPTT follows the error ({@code bptt_truncate = 4}). */
    public static final int BPTT_TRUNCATE = 4;
    /** SGD's initial step size ({@code learning_rate = 0.005}). */
    public static final double LEARNING_RATE = 0.005;
    /** {@code nepoch = 100}. */
    public static final int EPOCHS = 100;
    /** The loss on the whole set is measured every this many epochs ({@code evaluate_loss_after = 5}). */
    public static final int EVALUATE_LOSS_AFTER = 5;
    /** {@code np.random.seed(10)}. */
    public static final long SEED = 10;
    /** The gradient check's central-difference step ({@code h = 0.001}). */
    public static final double GRADCHECK_H = 0.001;
    /** The largest relative error the gradient check passes ({@code error_threshold = 0.01}). */
    public static final double GRADCHECK_THRESHOLD = 0.01;
    /** The small model the lesson checks gradients on ({@code grad_check_vocab_size = 100}). */
    public static final int GRADCHECK_WORD_DIM = 100;
    /** The small model's hidden size ({@code RNNNumpy(grad_check_vocab_size, 10, ...)}). */
    public static final int GRADCHECK_HIDDEN_DIM = 10;
    /**
     * A run counts as diverged when its loss per word climbs above this many times ln C, the loss of
     * guessing uniformly (or becomes NaN or infinite).
     */
    public static final double DIVERGENCE_FACTOR = 2.0;
    /**
     * The most parameters (2HC + H^2) a model may have: each of U, V, W is one ND4J buffer indexed
     * by int, with room to spare for the copies training makes.
     */
    public static final long MAX_PARAMETERS = Integer.MAX_VALUE / 2;

    private LessonDefaults() {
    }

    /** 2HC + H^2, the number of parameters of U (H x C), V (C x H) and W (H x H). */
    public static long parameterCount(long wordDim, long hiddenDim) {
        return 2 * hiddenDim * wordDim + hiddenDim * hiddenDim;
    }

    /** Whether a model of C words and H hidden units has at most {@link #MAX_PARAMETERS}; no overflow for any sizes. */
    public static boolean withinParameterLimit(long wordDim, long hiddenDim) {
        // each factor at most MAX_PARAMETERS (< 2^30) keeps 2HC + H^2 below 2^62
        return wordDim <= MAX_PARAMETERS && hiddenDim <= MAX_PARAMETERS
                && parameterCount(wordDim, hiddenDim) <= MAX_PARAMETERS;
    }
}
