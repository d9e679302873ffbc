package org.rnnlab.training;

/**
 * When {@link SgdTrainer} looks at the model it trains, between two steps: the probe sentence's
 * per-word probabilities (when a probe is set, see {@link SgdTrainer#setProbe}) and the live
 * gradient check. Both run on the training thread, so what they report is the model exactly
 * between two steps, and their time is training time lost: the gradient check, the costly one,
 * only starts while the time spent in it, with its last cost added, stays within
 * {@code gradcheckMaxShare} of the run's time (pauses left out); a check that is due but would go
 * over waits for the first step where it fits.
 *
 * @param probeEveryNanos     about how often to probe (also after every single step while paused)
 * @param gradcheckEveryNanos run the live gradient check this often; 0 for never by time
 * @param gradcheckEverySteps run it every this many steps; 0 for never by steps
 * @param gradcheckSamples    elements checked per parameter (U, V, W)
 * @param gradcheckMaxWords   check one of the training sentences of at most this many words (x's
 *                            length), drawn anew each time; the shortest sentences when none is so short
 * @param gradcheckMaxShare   the most of the run's time the live check may take, in (0, 1]
 */
public record LiveStreams(long probeEveryNanos, long gradcheckEveryNanos, int gradcheckEverySteps, int gradcheckSamples,
                          int gradcheckMaxWords, double gradcheckMaxShare) {
    /** About once a second. */
    public static final long PROBE_EVERY_NANOS = 1_000_000_000L;
    /** Every few seconds (and within the share). */
    public static final long GRADCHECK_EVERY_NANOS = 3_000_000_000L;
    /** 20 elements of each of U, V and W. */
    public static final int GRADCHECK_SAMPLES = 20;
    /** A short sentence: the check's cost grows with its length. */
    public static final int GRADCHECK_MAX_WORDS = 10;
    /** The live check may take at most 5% of the run's time. */
    public static final double GRADCHECK_MAX_SHARE = 0.05;

    /** A probe about every second (when one is set), no gradient check: what a trainer does unless told. */
    public static final LiveStreams PROBE_ONLY = new LiveStreams(PROBE_EVERY_NANOS, 0, 0, GRADCHECK_SAMPLES,
            GRADCHECK_MAX_WORDS, GRADCHECK_MAX_SHARE);

    public LiveStreams {
        if (probeEveryNanos < 0 || gradcheckEveryNanos < 0 || gradcheckEverySteps < 0) {
            throw new IllegalArgumentException("intervals must be 0 or more");
        }
        if (gradcheckSamples < 1 || gradcheckMaxWords < 1) {
            throw new IllegalArgumentException("check at least one element of a sentence of at least one word");
        }
        if (!(gradcheckMaxShare > 0 && gradcheckMaxShare <= 1)) {
            throw new IllegalArgumentException("the gradient check's share must be in (0, 1], not " + gradcheckMaxShare);
        }
    }

    /** Probe about every second; check the gradient every 3 seconds, 20 elements each, within 5% of the time. */
    public static LiveStreams defaults() {
        return PROBE_ONLY.withGradcheckEveryNanos(GRADCHECK_EVERY_NANOS);
    }

    /** The gradient check every {@code nanos} of training (0: not by time); the steps' schedule is kept. */
    public LiveStreams withGradcheckEveryNanos(long nanos) {
        return new LiveStreams(probeEveryNanos, nanos, gradcheckEverySteps, gradcheckSamples, gradcheckMaxWords,
                gradcheckMaxShare);
    }

    /** The gradient check every {@code steps} steps (0: not by steps); the time schedule is kept. */
    public LiveStreams withGradcheckEverySteps(int steps) {
        return new LiveStreams(probeEveryNanos, gradcheckEveryNanos, steps, gradcheckSamples, gradcheckMaxWords,
                gradcheckMaxShare);
    }

    public LiveStreams withProbeEveryNanos(long nanos) {
        return new LiveStreams(nanos, gradcheckEveryNanos, gradcheckEverySteps, gradcheckSamples, gradcheckMaxWords,
                gradcheckMaxShare);
    }

    public LiveStreams withGradcheckMaxShare(double share) {
        return new LiveStreams(probeEveryNanos, gradcheckEveryNanos, gradcheckEverySteps, gradcheckSamples,
                gradcheckMaxWords, share);
    }

    public LiveStreams withGradcheckSamples(int samples) {
        return new LiveStreams(probeEveryNanos, gradcheckEveryNanos, gradcheckEverySteps, samples, gradcheckMaxWords,
                gradcheckMaxShare);
    }

    /** Whether the live gradient check runs at all. */
    public boolean gradcheck() {
        return gradcheckEveryNanos > 0 || gradcheckEverySteps > 0;
    }
}
