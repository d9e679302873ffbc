package org.rnnlab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.rnnlab.common.UserException;
import org.rnnlab.engine.RnnModel;

/**
 * The lesson's {@code train_with_sgd}: for each epoch, every {@code evaluateLossAfter} epochs
 * compute the mean loss on the whole training set and halve the learning rate if it rose since the
 * previous evaluation; then one SGD step per sentence. After the last epoch the loss is evaluated
 * once more, so the result's loss is known (the lesson stops without it).
 *
 * <p>{@link #run()} blocks its thread; {@link #pause()}, {@link #resume()}, {@link #stepOnce()} and
 * {@link #stop()} may be called from any thread and take effect between two steps ({@code stop}
 * also between two chunks of an evaluation). Every step and every evaluation is judged by a
 * {@link DivergenceRule} (a NaN or infinite loss, or a loss per word above
 * {@link TrainingConfig#divergenceFactor()} times ln C): a run that breaks it ends with
 * {@link TrainingEvent.Diverged}, after the model is put back to the one snapshot the trainer keeps,
 * the parameters of the last evaluation that passed the rule (at first, the initial parameters).
 *
 * <p>The per-step path allocates nothing but the {@link TrainingEvent.Step} record (and not even
 * that without listeners): two volatile reads decide whether anything but the step is needed.
 */
public final class SgdTrainer {
    /** How the run ended. */
    public enum Outcome { NOT_RUN, RUNNING, FINISHED, CANCELLED, DIVERGED }

    /**
     * An evaluation runs in chunks of sentences so that stop stays prompt; each {@link RnnModel#totalLoss}
     * call has a fixed cost, so the chunk grows until a call takes about this long.
     */
    private static final long EVALUATION_CHUNK_NANOS = 50_000_000L;

    private final RnnModel model;
    private final List<int[]> xs;
    private final List<int[]> ys;
    private final TrainingConfig config;
    private final DivergenceRule rule;
    private final long words;

    private volatile TrainingListener[] listeners = new TrainingListener[0];
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private volatile boolean pauseRequested;
    private volatile boolean stopRequested;
    private int stepsGranted; // guarded by lock
    private boolean pausedAnnounced; // training thread only

    private volatile Outcome outcome = Outcome.NOT_RUN;
    private volatile long examplesSeen;
    private volatile double learningRate;
    private final List<TrainingEvent.Evaluation> evaluations = Collections.synchronizedList(new ArrayList<>());
    /** The one snapshot: the parameters of the last evaluation that passed the rule, or the initial ones. */
    private RnnModel lastGood;
    private double lastGoodLoss = Double.NaN;
    private int evaluationChunk = 16; // training thread only

    public SgdTrainer(RnnModel model, List<int[]> xs, List<int[]> ys, TrainingConfig config) {
        if (xs.size() != ys.size()) {
            throw new IllegalArgumentException("xs and ys differ in length: " + xs.size() + " vs " + ys.size());
        }
        if (xs.isEmpty()) {
            throw new UserException("The training set has no sentences: prepare a larger corpus.");
        }
        long n = 0;
        for (int i = 0; i < ys.size(); i++) {
            if (xs.get(i).length != ys.get(i).length) {
                throw new IllegalArgumentException("sentence " + i + ": x and y differ in length");
            }
            n += ys.get(i).length;
        }
        this.model = model;
        this.xs = xs;
        this.ys = ys;
        this.config = config;
        this.rule = new DivergenceRule(config.divergenceFactor(), model.wordDim());
        this.words = n;
        this.learningRate = config.learningRate();
    }

    public synchronized void addListener(TrainingListener l) {
        TrainingListener[] grown = Arrays.copyOf(listeners, listeners.length + 1);
        grown[grown.length - 1] = l;
        listeners = grown;
    }

    /** Asks the training thread to pause before its next step. */
    public void pause() {
        pauseRequested = true;
    }

    public void resume() {
        lock.lock();
        try {
            pauseRequested = false;
            stepsGranted = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** While paused, lets exactly one more SGD step run (preceded by the evaluation, if one is due); else does nothing. */
    public void stepOnce() {
        lock.lock();
        try {
            if (pauseRequested) {
                stepsGranted++;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends training before the next step (or evaluation chunk); also wakes a paused trainer. */
    public void stop() {
        stopRequested = true;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isPaused() {
        return pauseRequested;
    }

    public Outcome outcome() {
        return outcome;
    }

    public long examplesSeen() {
        return examplesSeen;
    }

    /** The learning rate in use (halved along the way). */
    public double learningRate() {
        return learningRate;
    }

    /** Every evaluation so far, in order. */
    public List<TrainingEvent.Evaluation> evaluations() {
        synchronized (evaluations) {
            return List.copyOf(evaluations);
        }
    }

    /** Above this loss per word the run diverges: {@link TrainingConfig#divergenceFactor()} times ln C. */
    public double divergenceBound() {
        return rule.bound();
    }

    /** The loss of the last evaluation that passed the divergence rule, NaN before the first. */
    public double lastGoodLoss() {
        return lastGoodLoss;
    }

    /** Trains until the epochs are done, {@link #stop()} is called or the loss diverges. Call once. */
    public void run() {
        synchronized (this) {
            if (outcome != Outcome.NOT_RUN) {
                throw new IllegalStateException("a trainer runs once");
            }
            outcome = Outcome.RUNNING;
        }
        lastGood = model.copy();
        int n = xs.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(config.seed());
        double lr = config.learningRate();
        double previous = Double.NaN;
        long seen = 0;
        int epochs = config.epochs();
        for (int epoch = 0; epoch < epochs; epoch++) {
            if (epoch % config.evaluateLossAfter() == 0) {
                // Pause before a (possibly long) evaluation too; a granted single step covers it and the step after.
                if ((pauseRequested || stopRequested) && !checkpoint(false)) {
                    cancel(seen);
                    return;
                }
                double loss = evaluate(seen, epoch, lr);
                if (Double.isNaN(loss)) {
                    return; // stopped or diverged, already reported
                }
                if (!Double.isNaN(previous) && loss > previous) {
                    lr *= 0.5;
                    learningRate = lr;
                    emit(new TrainingEvent.LearningRateHalved(seen, epoch, lr));
                }
                previous = loss;
            }
            if (config.shuffle()) {
                for (int i = n - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
            }
            for (int i = 0; i < n; i++) {
                if ((pauseRequested || stopRequested) && !checkpoint(true)) {
                    cancel(seen);
                    return;
                }
                int k = order[i];
                int[] y = ys.get(k);
                long t0 = System.nanoTime();
                double total = model.sgdStep(xs.get(k), y, lr);
                long nanos = System.nanoTime() - t0;
                examplesSeen = ++seen;
                double perWord = y.length == 0 ? 0 : total / y.length;
                OptionalDouble broke = rule.afterStep(perWord);
                if (broke.isPresent()) {
                    diverge(seen, epoch, Double.isFinite(perWord) ? TrainingEvent.Diverged.Measured.RECENT_STEPS
                            : TrainingEvent.Diverged.Measured.SENTENCE, broke.getAsDouble(), lr);
                    return;
                }
                if (listeners.length > 0) {
                    emit(new TrainingEvent.Step(seen, epoch, i, k, n, perWord, lr, nanos));
                }
            }
            emit(new TrainingEvent.EpochEnd(epoch, seen));
        }
        if (Double.isNaN(evaluate(seen, epochs, lr))) {
            return;
        }
        outcome = Outcome.FINISHED;
        emit(new TrainingEvent.Finished(seen));
    }

    /** The lesson's calculate_loss, in timed chunks so that stop is honoured; NaN when stopped or diverged. */
    private double evaluate(long seen, int epoch, double lr) {
        double total = 0;
        int n = xs.size();
        for (int from = 0; from < n; ) {
            if (stopRequested) {
                cancel(seen);
                return Double.NaN;
            }
            int to = Math.min(n, from + evaluationChunk);
            long t0 = System.nanoTime();
            total += model.totalLoss(xs.subList(from, to), ys.subList(from, to));
            long nanos = System.nanoTime() - t0;
            if (nanos < EVALUATION_CHUNK_NANOS / 2 && to - from == evaluationChunk) {
                evaluationChunk = (int) Math.min(n, 2L * evaluationChunk);
            } else if (nanos > 2 * EVALUATION_CHUNK_NANOS && evaluationChunk > 1) {
                evaluationChunk /= 2;
            }
            from = to;
        }
        double loss = total / words;
        if (rule.rejectsEvaluation(loss)) {
            diverge(seen, epoch, TrainingEvent.Diverged.Measured.TRAINING_SET, loss, lr);
            return Double.NaN;
        }
        lastGood.copyFrom(model);
        lastGoodLoss = loss;
        TrainingEvent.Evaluation e = new TrainingEvent.Evaluation(seen, epoch, loss, lr);
        evaluations.add(e);
        emit(e);
        return loss;
    }

    /**
     * The slow path between steps: waits while paused (a granted single step passes) and reports
     * whether to go on. Paused and Resumed are reported once per pause, however many single steps.
     */
    private boolean checkpoint(boolean consumeStep) {
        lock.lock();
        try {
            while (true) {
                if (stopRequested) {
                    return false;
                }
                if (!pauseRequested) {
                    break;
                }
                if (stepsGranted > 0) {
                    if (consumeStep) {
                        stepsGranted--;
                    }
                    return true;
                }
                if (!pausedAnnounced) {
                    pausedAnnounced = true;
                    lock.unlock();
                    try {
                        emit(new TrainingEvent.Paused(examplesSeen));
                    } finally {
                        lock.lock();
                    }
                    continue;
                }
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        if (pausedAnnounced) {
            pausedAnnounced = false;
            emit(new TrainingEvent.Resumed(examplesSeen));
        }
        return true;
    }

    private void cancel(long seen) {
        // The last step's update is unchecked until the next loss; never hand back broken parameters.
        if (!finite(model)) {
            model.copyFrom(lastGood);
        }
        outcome = Outcome.CANCELLED;
        emit(new TrainingEvent.Cancelled(seen));
    }

    /** Puts back the last good snapshot and reports it; the run ends there (no Cancelled follows). */
    private void diverge(long seen, int epoch, TrainingEvent.Diverged.Measured measured, double loss, double lr) {
        model.copyFrom(lastGood);
        outcome = Outcome.DIVERGED;
        emit(new TrainingEvent.Diverged(seen, epoch, measured, loss, rule.factor(), rule.bound(), lr, lastGoodLoss));
    }

    private static boolean finite(RnnModel m) {
        // A NaN or infinity anywhere makes the sum NaN or infinite.
        return Double.isFinite(m.U().sumNumber().doubleValue())
                && Double.isFinite(m.V().sumNumber().doubleValue())
                && Double.isFinite(m.W().sumNumber().doubleValue());
    }

    private void emit(TrainingEvent e) {
        for (TrainingListener l : listeners) {
            l.on(e);
        }
    }
}
