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
import org.rnnlab.engine.Simd;

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
 * <p>With {@link TrainingConfig#validationFraction()} above 0 the sentences are split
 * ({@link TrainValidationSplit}, seeded with the config's seed): the trainer steps on the training
 * part only, and every evaluation reports the loss on both parts; the rate is halved, and the
 * divergence rule judged, on the training part's loss alone, as in the lesson.
 *
 * <p>Between two steps the trainer also applies a learning rate set from another thread
 * ({@link #setLearningRate}), probes a sentence ({@link #setProbe}) and checks the gradient, as
 * {@link LiveStreams} schedules: each reported by its event, on the training thread, with the
 * live model as it describes it.
 *
 * <p>The per-step path allocates nothing but the {@link TrainingEvent.Step} record (and not even
 * that without listeners): a few volatile reads and a clock reading decide whether anything but
 * the step is needed.
 */
public final class SgdTrainer {
    /** How the run ended. */
    public enum Outcome { NOT_RUN, RUNNING, FINISHED, CANCELLED, DIVERGED }

    /**
     * An evaluation runs in chunks of sentences so that stop stays prompt; each {@link RnnModel#totalLoss}
     * call has a fixed cost, so the chunk grows until a call takes about this long.
     */
    private static final long EVALUATION_CHUNK_NANOS = 50_000_000L;

    /** No learning rate waiting to be applied. */
    private static final long NO_RATE = Double.doubleToRawLongBits(Double.NaN);

    private final RnnModel model;
    private final List<int[]> xs;
    private final List<int[]> ys;
    private final TrainingConfig config;
    private final DivergenceRule rule;
    private final TrainValidationSplit split;
    private final List<int[]> trainXs;
    private final List<int[]> trainYs;
    private final List<int[]> heldXs;
    private final List<int[]> heldYs;
    private final long words; // target words of the training part
    private final long heldWords;
    private final ModelWatch watch;
    private final java.util.function.Consumer<TrainingEvent> emitter = this::emit; // one object, not one per step

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
    private final java.util.concurrent.atomic.AtomicLong requestedRate = new java.util.concurrent.atomic.AtomicLong(NO_RATE);
    private long runStart; // training thread only, as the next two
    private long pausedNanos;
    private final List<TrainingEvent.Evaluation> evaluations = Collections.synchronizedList(new ArrayList<>());
    /** The one snapshot: the parameters of the last evaluation that passed the rule, or the initial ones. */
    private RnnModel lastGood;
    private double lastGoodLoss = Double.NaN;
    private int evaluationChunk = 16; // training thread only
    private TrainerState resumeFrom;          // set before run(), or null
    private RnnModel resumeLastGood;
    private TrainerState.Sink stateSink;      // set before run(), or null
    private long stateEveryNanos;
    private double previousLoss = Double.NaN; // training thread only, as the next three
    private int epochNow;
    private int indexNow;
    private int[] orderNow;
    private volatile long trainingNanos;

    /** A trainer that probes when a probe is set ({@link LiveStreams#PROBE_ONLY}) and checks no gradient. */
    public SgdTrainer(RnnModel model, List<int[]> xs, List<int[]> ys, TrainingConfig config) {
        this(model, xs, ys, config, LiveStreams.PROBE_ONLY);
    }

    /**
     * @param xs      every sentence's input; with a validation fraction the trainer holds some of them out
     * @param ys      every sentence's targets
     * @param streams when to probe and to check the gradient while training
     */
    public SgdTrainer(RnnModel model, List<int[]> xs, List<int[]> ys, TrainingConfig config, LiveStreams streams) {
        if (xs.size() != ys.size()) {
            throw new IllegalArgumentException("xs and ys differ in length: " + xs.size() + " vs " + ys.size());
        }
        if (xs.isEmpty()) {
            throw UserException.said("training.empty");
        }
        for (int i = 0; i < ys.size(); i++) {
            if (xs.get(i).length != ys.get(i).length) {
                throw new IllegalArgumentException("sentence " + i + ": x and y differ in length");
            }
        }
        this.model = model;
        this.xs = xs;
        this.ys = ys;
        this.config = config;
        this.rule = new DivergenceRule(config.divergenceFactor(), model.wordDim());
        this.split = TrainValidationSplit.of(xs.size(), config.validationFraction(), config.seed());
        this.trainXs = new ArrayList<>(split.trainingOf(xs));
        this.trainYs = new ArrayList<>(split.trainingOf(ys));
        this.heldXs = new ArrayList<>(split.heldOutOf(xs));
        this.heldYs = new ArrayList<>(split.heldOutOf(ys));
        this.words = count(trainYs);
        this.heldWords = count(heldYs);
        this.learningRate = config.learningRate();
        this.watch = new ModelWatch(model, xs, ys, split.training(), streams, config.seed());
    }

    private static long count(List<int[]> ys) {
        long n = 0;
        for (int[] y : ys) {
            n += y.length;
        }
        return n;
    }

    /**
     * The sentence to probe, SENTENCE_START to SENTENCE_END as word indices, or null for none. May be
     * called from any thread, before or during the run: the next probe (after the next step, or at
     * the start) is of this sentence.
     */
    public void setProbe(int[] words) {
        watch.setProbe(words);
    }

    /** The probe sentence (a copy), or null. */
    public int[] probe() {
        return watch.probe();
    }

    /**
     * Sets the learning rate from any thread: the next step uses it, and a
     * {@link TrainingEvent.LearningRateSet} right before that step says so. Halving goes on from it.
     */
    public void setLearningRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("the learning rate must be a positive number, not " + rate);
        }
        requestedRate.set(Double.doubleToRawLongBits(rate));
    }

    /** Which sentences train and which are held out. */
    public TrainValidationSplit split() {
        return split;
    }

    /** The wall time of the live gradient checks so far. */
    public long gradientCheckNanos() {
        return watch.checkNanos();
    }

    /** How many live gradient checks ran. */
    public int gradientChecks() {
        return watch.checks();
    }

    /** The wall time of the probes so far. */
    public long probeNanos() {
        return watch.probeNanos();
    }

    /** The wall time of the run so far, pauses left out (for a finished run, all of it). */
    public long trainingNanos() {
        return trainingNanos;
    }

    /** Lets a test check the gradient with a wrong one (see GradientCheckTest). */
    void useGradientCheck(GradientCheck check) {
        watch.useGradientCheck(check);
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

    /**
     * Hands the run's state and weights to {@code sink} every {@code everyNanos} of training (between two
     * steps) and once more when the run is stopped after its first step. Call before {@link #run()}.
     */
    public void saveStateEvery(long everyNanos, TrainerState.Sink sink) {
        this.stateEveryNanos = everyNanos;
        this.stateSink = sink;
    }

    /**
     * Makes {@link #run()} go on from {@code state}: the model must hold the weights saved with it, and
     * the trainer the same data and configuration. The steps that follow are those the interrupted run
     * would have taken.
     */
    public void resume(TrainerState state, RnnModel lastGood) {
        if (state.order().length != trainXs.size()) {
            throw UserException.said("training.resume.otherData", String.valueOf(state.order().length),
                    String.valueOf(trainXs.size()));
        }
        this.resumeFrom = state;
        this.resumeLastGood = lastGood;
    }

    /** The run's state now (on the training thread, or after {@link #run()} returned). */
    private TrainerState state(double lr, long seen) {
        synchronized (evaluations) {
            return new TrainerState(epochNow, indexNow, orderNow.clone(), lr, previousLoss, seen, lastGoodLoss,
                    rule.recentLoss(), rule.steps(), List.copyOf(evaluations), trainingNanos);
        }
    }

    /**
     * The engine's vector kernels compiled before the first step, so that the run's steps take one
     * path: at once when the app's warm-up has done it, a few tenths of a second after a launch. At
     * most 3 s: in the window, while C2 was busy, the warm-up once took most of a minute, and the run
     * waited for it; past that the steps start on the plain loops and the kernels take over when ready.
     */
    private static void awaitVectorKernels() {
        try {
            Simd.awaitReady(3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the run goes on, and its stop is seen at the first step
        }
    }

    /** Trains until the epochs are done, {@link #stop()} is called or the loss diverges. Call once. */
    public void run() {
        synchronized (this) {
            if (outcome != Outcome.NOT_RUN) {
                throw new IllegalStateException("a trainer runs once");
            }
            outcome = Outcome.RUNNING;
        }
        awaitVectorKernels();
        runStart = System.nanoTime();
        lastGood = model.copy();
        int n = trainXs.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = split.training().get(i);
        }
        SplittableRandom rng = new SplittableRandom(config.seed());
        double lr = config.learningRate();
        long seen = 0;
        int epochs = config.epochs();
        int firstEpoch = 0;
        int firstIndex = 0;
        TrainerState resumed = resumeFrom;
        if (resumed != null) {
            if (config.shuffle()) {
                // the same draws as the interrupted run: its generator is where it was after that epoch's shuffle
                int[] scratch = new int[n];
                for (int e = 0; e <= resumed.epoch(); e++) {
                    shuffle(scratch, rng);
                }
            }
            System.arraycopy(resumed.order(), 0, order, 0, n);
            lr = resumed.learningRate();
            learningRate = lr;
            previousLoss = resumed.previousLoss();
            seen = resumed.examplesSeen();
            examplesSeen = seen;
            evaluations.addAll(resumed.evaluations());
            lastGoodLoss = resumed.lastGoodLoss();
            if (resumeLastGood != null) {
                lastGood.copyFrom(resumeLastGood);
            }
            rule.restore(resumed.recentLoss(), resumed.ruleSteps());
            runStart -= resumed.trainingNanos();
            firstEpoch = resumed.epoch();
            firstIndex = resumed.nextIndex();
        }
        orderNow = order;
        watch.start(runStart, emitter);
        long lastSaved = System.nanoTime();
        for (int epoch = firstEpoch; epoch < epochs; epoch++) {
            boolean continuing = resumed != null && epoch == firstEpoch; // its evaluation and shuffle were done
            epochNow = epoch;
            indexNow = continuing ? firstIndex : 0;
            if (!continuing && epoch % config.evaluateLossAfter() == 0) {
                // Pause before a (possibly long) evaluation too; a granted single step covers it and the step after.
                if (mustCheck() && !checkpoint(false)) {
                    cancel(seen);
                    saveOnStop(lr, seen);
                    return;
                }
                double loss = evaluate(seen, epoch, lr);
                if (Double.isNaN(loss)) {
                    if (outcome == Outcome.CANCELLED) {
                        saveOnStop(lr, seen);
                    }
                    return; // stopped or diverged, already reported
                }
                if (!Double.isNaN(previousLoss) && loss > previousLoss) {
                    lr *= 0.5;
                    learningRate = lr;
                    emit(new TrainingEvent.LearningRateHalved(seen, epoch, lr));
                }
                previousLoss = loss;
            }
            if (!continuing && config.shuffle()) {
                shuffle(order, rng);
            }
            for (int i = continuing ? firstIndex : 0; i < n; i++) {
                indexNow = i;
                if (mustCheck() && !checkpoint(true)) {
                    cancel(seen);
                    saveOnStop(lr, seen);
                    return;
                }
                if (requestedRate.get() != NO_RATE) {
                    lr = Double.longBitsToDouble(requestedRate.getAndSet(NO_RATE));
                    learningRate = lr;
                    emit(new TrainingEvent.LearningRateSet(seen, lr));
                }
                boolean single = pauseRequested;
                int k = order[i];
                int[] y = ys.get(k);
                long t0 = System.nanoTime();
                double total = model.sgdStep(xs.get(k), y, lr);
                long t1 = System.nanoTime();
                long nanos = t1 - t0;
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
                watch.afterStep(seen, epoch, single, t1, elapsed(t1), emitter);
                if (stateSink != null && t1 - lastSaved >= stateEveryNanos) {
                    indexNow = i + 1;
                    stateSink.save(state(lr, seen), model, lastGood);
                    lastSaved = System.nanoTime();
                }
            }
            indexNow = n;
            emit(new TrainingEvent.EpochEnd(epoch, seen));
        }
        long end = System.nanoTime();
        watch.finish(seen, epochs, end, elapsed(end), emitter);
        if (Double.isNaN(evaluate(seen, epochs, lr))) {
            if (outcome == Outcome.CANCELLED) {
                saveOnStop(lr, seen);
            }
            return;
        }
        outcome = Outcome.FINISHED;
        emit(new TrainingEvent.Finished(seen));
    }

    /** Fisher-Yates, as each epoch's --shuffle draws it. */
    private static void shuffle(int[] order, SplittableRandom rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /**
     * A stop hands the state over once more, so the run can be resumed from exactly there. A stop at an
     * epoch's start (or in its evaluation) resumes from the end of the epoch before, which then does
     * both again; before the first step there is nothing to save.
     */
    private void saveOnStop(double lr, long seen) {
        if (stateSink == null || seen == 0) {
            return;
        }
        if (indexNow == 0) {
            epochNow -= 1;
            indexNow = orderNow.length;
        }
        stateSink.save(state(lr, seen), model, lastGood);
    }

    /** The run's time up to {@code now}, pauses left out; kept for {@link #trainingNanos()}. */
    private long elapsed(long now) {
        long t = now - runStart - pausedNanos;
        trainingNanos = t;
        return t;
    }

    /**
     * The lesson's calculate_loss on the training part, then the same on the held-out part, in timed
     * chunks so that stop is honoured; NaN when stopped or diverged.
     */
    private double evaluate(long seen, int epoch, double lr) {
        double total = total(trainXs, trainYs, seen);
        if (outcome == Outcome.CANCELLED) {
            return Double.NaN;
        }
        double loss = total / words;
        if (rule.rejectsEvaluation(loss)) {
            diverge(seen, epoch, TrainingEvent.Diverged.Measured.TRAINING_SET, loss, lr);
            return Double.NaN;
        }
        double validation = Double.NaN;
        if (!heldXs.isEmpty()) {
            double held = total(heldXs, heldYs, seen);
            if (outcome == Outcome.CANCELLED) {
                return Double.NaN;
            }
            validation = held / heldWords;
        }
        lastGood.copyFrom(model);
        lastGoodLoss = loss;
        TrainingEvent.Evaluation e = new TrainingEvent.Evaluation(seen, epoch, loss, lr, validation);
        evaluations.add(e);
        emit(e);
        watch.evaluated(seen, System.nanoTime());
        elapsed(System.nanoTime());
        return loss;
    }

    /** The total loss of the sentences, chunk by chunk; when stop is asked, reports the run cancelled and returns NaN. */
    private double total(List<int[]> sentences, List<int[]> targets, long seen) {
        double total = 0;
        int n = sentences.size();
        for (int from = 0; from < n; ) {
            if (stopRequested) {
                cancel(seen);
                return Double.NaN;
            }
            int to = Math.min(n, from + evaluationChunk);
            long t0 = System.nanoTime();
            total += model.totalLoss(sentences.subList(from, to), targets.subList(from, to));
            long nanos = System.nanoTime() - t0;
            if (nanos < EVALUATION_CHUNK_NANOS / 2 && to - from == evaluationChunk) {
                evaluationChunk = (int) Math.min(n, 2L * evaluationChunk);
            } else if (nanos > 2 * EVALUATION_CHUNK_NANOS && evaluationChunk > 1) {
                evaluationChunk /= 2;
            }
            from = to;
        }
        return total;
    }

    /**
     * The slow path between steps: waits while paused (a granted single step passes) and reports
     * whether to go on. Paused and Resumed are reported once per pause, however many single steps.
     */
    /**
     * Whether to go through {@link #checkpoint}: asked to pause or stop, or paused and announced
     * (after a granted step, a resume that lands before this check must still announce it: the
     * window would otherwise show the run paused while it trains).
     */
    private boolean mustCheck() {
        return pauseRequested || stopRequested || pausedAnnounced;
    }

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
                long waitFrom = System.nanoTime();
                changed.awaitUninterruptibly();
                pausedNanos += System.nanoTime() - waitFrom;
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
        elapsed(System.nanoTime());
        outcome = Outcome.CANCELLED;
        emit(new TrainingEvent.Cancelled(seen));
    }

    /** Puts back the last good snapshot and reports it; the run ends there (no Cancelled follows). */
    private void diverge(long seen, int epoch, TrainingEvent.Diverged.Measured measured, double loss, double lr) {
        model.copyFrom(lastGood);
        elapsed(System.nanoTime());
        outcome = Outcome.DIVERGED;
        emit(new TrainingEvent.Diverged(seen, epoch, measured, loss, rule.factor(), rule.bound(), lr, lastGoodLoss));
    }

    private static boolean finite(RnnModel m) {
        // A NaN or infinity anywhere makes the sum NaN or infinite.
        return Double.isFinite(m.U().sumNumber().doubleValue())
                && Double.isFinite(m.V().sumNumber().doubleValue())
                && Double.isFinite(m.W().sumNumber().doubleValue())
                && (m.X() == null || Double.isFinite(m.X().sumNumber().doubleValue())); // class weights, if any
    }

    private void emit(TrainingEvent e) {
        for (TrainingListener l : listeners) {
            l.on(e);
        }
    }
}
