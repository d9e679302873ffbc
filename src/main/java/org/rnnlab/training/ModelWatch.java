package org.rnnlab.training;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.rnnlab.engine.Forward;
import org.rnnlab.engine.RnnModel;

/**
 * The streams of {@link SgdTrainer} that look at the live model between two steps: the probe and
 * the live gradient check, their schedules and their costs. Called on the training thread only,
 * except {@link #setProbe}.
 */
final class ModelWatch {
    private final RnnModel model;
    private final List<int[]> xs;
    private final List<int[]> ys;
    private final LiveStreams settings;
    private final SplittableRandom checkRng;
    private final int[] checkSentences; // indices into xs of the short training sentences
    private GradientCheck check = GradientCheck.lesson();

    private volatile int[] probe; // SENTENCE_START .. SENTENCE_END, or null
    private volatile boolean probeChanged;
    private long lastProbeAt = Long.MIN_VALUE;
    private long lastProbeSeen = -1;
    private volatile long probeNanos; // the counters are read from other threads

    private long lastCheckAt;
    private long lastCheckSeen;
    private long lastCheckCost;
    private volatile long checkNanos;
    private volatile int checks;

    ModelWatch(RnnModel model, List<int[]> xs, List<int[]> ys, List<Integer> training, LiveStreams settings, long seed) {
        this.model = model;
        this.xs = xs;
        this.ys = ys;
        this.settings = settings;
        this.checkRng = new SplittableRandom(seed ^ 0x5DEECE66DL); // its own stream: the shuffle's numbers stay
        this.checkSentences = shortSentences(xs, training, settings.gradcheckMaxWords());
    }

    /** The training sentences of at most {@code maxWords} words; when there is none, the shortest ones. */
    private static int[] shortSentences(List<int[]> xs, List<Integer> training, int maxWords) {
        int shortest = Integer.MAX_VALUE;
        for (int k : training) {
            if (xs.get(k).length > 0) {
                shortest = Math.min(shortest, xs.get(k).length);
            }
        }
        int limit = Math.max(maxWords, shortest);
        return training.stream().mapToInt(Integer::intValue)
                .filter(k -> xs.get(k).length > 0 && xs.get(k).length <= limit).toArray();
    }

    void useGradientCheck(GradientCheck c) {
        check = c;
    }

    void setProbe(int[] words) {
        if (words != null) {
            if (words.length < 2) {
                throw new IllegalArgumentException("a probe needs at least two words (x and y of one word or more)");
            }
            for (int w : words) {
                if (w < 0 || w >= model.wordDim()) {
                    throw new IllegalArgumentException("word index " + w + " is outside the vocabulary of " + model.wordDim());
                }
            }
            words = words.clone();
        }
        probe = words;
        probeChanged = true;
    }

    int[] probe() {
        int[] p = probe;
        return p == null ? null : p.clone();
    }

    /** At the start of the run: the probe on the model as it starts. */
    void start(long now, Consumer<TrainingEvent> emit) {
        lastCheckAt = now;
        if (probe != null) {
            probe(0, 0, now, emit);
        }
    }

    /**
     * After a step: probe when a probe is set and about {@code probeEveryNanos} have passed since the
     * last (or it changed, or this was a single step while paused); check the gradient when one is
     * due and its cost fits within the share of {@code trainingNanos}.
     */
    void afterStep(long seen, int epoch, boolean single, long now, long trainingNanos, Consumer<TrainingEvent> emit) {
        if (probe != null && (probeChanged || single || now - lastProbeAt >= settings.probeEveryNanos())) {
            probe(seen, epoch, now, emit);
        }
        if (settings.gradcheck() && checkSentences.length > 0) {
            long start = System.nanoTime(); // the step's listeners and the probe took training time, not the check's
            trainingNanos += start - now;
            if (due(seen, start) && checkNanos + lastCheckCost <= settings.gradcheckMaxShare() * (trainingNanos + lastCheckCost)) {
                gradientCheck(seen, epoch, start, trainingNanos, emit);
            }
        }
    }

    /** After an evaluation, which leaves the model as it was: the probe's clock counts from here. */
    void evaluated(long seen, long now) {
        if (lastProbeSeen == seen) {
            lastProbeAt = now;
        }
    }

    /**
     * At the end: the probe on the final model, unless the last one was already taken on it; and the
     * gradient check on it if none was made: a run shorter than the check's interval (a class-based
     * model trains a thousand sentences in a second or two) had left the learner's panel unchecked.
     */
    void finish(long seen, int epoch, long now, long trainingNanos, Consumer<TrainingEvent> emit) {
        if (probe != null && (lastProbeSeen != seen || probeChanged)) {
            probe(seen, epoch, now, emit);
        }
        if (settings.gradcheck() && checks == 0 && checkSentences.length > 0 && seen > 0) {
            gradientCheck(seen, epoch, System.nanoTime(), trainingNanos, emit);
        }
    }

    private boolean due(long seen, long now) {
        return seen > lastCheckSeen
                && ((settings.gradcheckEveryNanos() > 0 && now - lastCheckAt >= settings.gradcheckEveryNanos())
                || (settings.gradcheckEverySteps() > 0 && seen - lastCheckSeen >= settings.gradcheckEverySteps()));
    }

    private void probe(long seen, int epoch, long now, Consumer<TrainingEvent> emit) {
        probeChanged = false;
        int[] words = probe;
        if (words == null) {
            return;
        }
        long start = System.nanoTime();
        TrainingEvent.Probe p = probe(model, seen, epoch, words);
        probeNanos += System.nanoTime() - start;
        lastProbeAt = now;
        lastProbeSeen = seen;
        emit.accept(p);
    }

    /** One forward pass of the probe sentence on {@code m}: p(y_t) and the top guess per position. */
    static TrainingEvent.Probe probe(RnnModel m, long seen, int epoch, int[] words) {
        int T = words.length - 1;
        int[] x = Arrays.copyOfRange(words, 0, T);
        Forward f = m.forward(x);
        INDArray o = f.o(); // T x C
        INDArray argMax = Nd4j.argMax(o, 1);
        long[] best = argMax.toLongVector();
        double[] p = new double[T];
        int[] top = new int[T];
        double[] topP = new double[T];
        for (int t = 0; t < T; t++) {
            p[t] = o.getDouble(t, words[t + 1]);
            top[t] = (int) best[t];
            topP[t] = o.getDouble(t, top[t]);
        }
        // a probe a second: freed now, not at a garbage collection tens of seconds away
        f.release();
        if (argMax.closeable()) {
            argMax.close();
        }
        return new TrainingEvent.Probe(seen, epoch, words.clone(), p, top, topP);
    }

    private void gradientCheck(long seen, int epoch, long now, long trainingNanos, Consumer<TrainingEvent> emit) {
        int k = checkSentences[checkRng.nextInt(checkSentences.length)];
        List<SampledVerdict> verdicts = check.runSample(model, xs.get(k), ys.get(k), settings.gradcheckSamples(), checkRng);
        long end = System.nanoTime();
        long cost = end - now;
        checkNanos += cost;
        lastCheckCost = cost;
        lastCheckAt = end;
        lastCheckSeen = seen;
        checks++;
        emit.accept(new TrainingEvent.GradientCheckDone(seen, epoch, k, verdicts, cost, checkNanos, trainingNanos + cost));
    }

    long probeNanos() {
        return probeNanos;
    }

    long checkNanos() {
        return checkNanos;
    }

    int checks() {
        return checks;
    }
}
