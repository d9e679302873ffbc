package org.rnnlab.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.rnnlab.engine.EngineThreads;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.common.MemoryBudget;
import org.rnnlab.common.UserException;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.engine.ModelInfo;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.Vocabulary;
import org.rnnlab.text.Tokens;
import org.rnnlab.text.TreebankTokenizer;
import org.rnnlab.training.Checkpoint;
import org.rnnlab.training.LiveStreams;
import org.rnnlab.training.RunEnd;
import org.rnnlab.training.RunLogWriter;
import org.rnnlab.training.RunSettings;
import org.rnnlab.training.SampledVerdict;
import org.rnnlab.training.SgdTrainer;
import org.rnnlab.training.TrainValidationSplit;
import org.rnnlab.training.TrainingConfig;
import org.rnnlab.training.TrainingEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rnnlab train}: the lesson's train_with_sgd on a 'prepare' output, printing the lesson's lines. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model with SGD and truncated backpropagation through time, as the lesson's "
                + "train_with_sgd: the loss on the whole training set every K epochs, the learning rate halved "
                + "when it rose.",
                "Training diverges when a loss becomes NaN or infinite, or the loss per word rises above "
                        + LessonDefaults.DIVERGENCE_FACTOR + " times ln C, the loss of guessing uniformly: it stops, "
                        + "saves the parameters of the last good evaluation and exits " + TrainCommand.EXIT_DIVERGED + ".",
                "Ctrl-C stops training and saves the model as it is after the last step."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0:trained; the model was saved",
                "2:bad input (options, files)",
                TrainCommand.EXIT_DIVERGED + ":training diverged; the last good model was saved (try a smaller --learning-rate)",
                TrainCommand.EXIT_STOPPED + ":stopped by Ctrl-C; the model as it was after the last step was saved"})
public final class TrainCommand implements Callable<Integer> {
    /** The exit status of a run that diverged: the last good model was saved, but the run is a failure. */
    static final int EXIT_DIVERGED = 3;
    /** The exit status of a run stopped by Ctrl-C (SIGINT) or SIGTERM, as a shell reports a signalled process. */
    static final int EXIT_STOPPED = 130;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "The training set: a 'prepare' output.")
    Path data;

    @Option(names = "--init", paramLabel = "M.npz", description = "Start from this model instead of a fresh one.")
    Path init;

    @Option(names = {"-H", "--hidden"}, paramLabel = "H",
            description = "Hidden units of a fresh model (default: " + LessonDefaults.HIDDEN_DIM + ").")
    Integer hidden;

    @Option(names = {"--learning-rate", "--lr"}, paramLabel = "LR", defaultValue = "" + LessonDefaults.LEARNING_RATE,
            description = "Initial learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "" + LessonDefaults.EPOCHS,
            description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--evaluate-loss-after", paramLabel = "K", defaultValue = "" + LessonDefaults.EVALUATE_LOSS_AFTER,
            description = "Compute the loss every K epochs (default: ${DEFAULT-VALUE}).")
    int evaluateLossAfter;

    @Option(names = "--bptt-truncate", paramLabel = "K",
            description = "Steps of backpropagation through time kept (default: " + LessonDefaults.BPTT_TRUNCATE
                    + ", or the --init model's).")
    Integer bpttTruncate;

    @Option(names = "--limit", paramLabel = "N", description = "Train on the first N sentences only.")
    Integer limit;

    @Option(names = "--dtype", paramLabel = "TYPE", description = "float32 or float64 (default: float32, or the --init model's).")
    String dtype;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + LessonDefaults.SEED,
            description = "Seed of a fresh model's weights and of --shuffle (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--shuffle", description = "Visit the sentences in a new random order each epoch (the lesson keeps corpus order).")
    boolean shuffle;

    @Option(names = "--output-layer", paramLabel = "LAYER",
            description = "For a fresh model: full (the lesson's softmax over all C words, the default) or class (words in "
                    + "about sqrt(C) frequency classes, Mikolov et al. 2011). An --init model keeps its own.")
    String outputLayer;

    @Option(names = "--classes", paramLabel = "K", description = "Word classes of --output-layer class (default: about sqrt(C)).")
    Integer classes;

    @Option(names = {"-o", "--out"}, paramLabel = "M.npz", required = true, description = "Where to save the trained model.")
    Path out;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0",
            description = "Hold this share of the sentences out of training (chosen with --seed) and report the loss on "
                    + "them at every evaluation, with both perplexities (default: ${DEFAULT-VALUE}: train on all, as the lesson).")
    double validationFraction;

    @Option(names = "--probe", paramLabel = "SENTENCE",
            description = "Follow this sentence while training: about every second, the probability the model gives each of "
                    + "its words after the words before it. Tokenized as the training data; words outside the vocabulary "
                    + "read as " + Tokens.UNKNOWN + ". The first and last probes are printed, every one goes to --log.")
    String probe;

    @Option(names = "--gradcheck-every", paramLabel = "N", defaultValue = "0",
            description = "Every N steps, check the gradient as the lesson does (h " + LessonDefaults.GRADCHECK_H
                    + ", threshold " + LessonDefaults.GRADCHECK_THRESHOLD + ", BPTT not truncated) on a float64 copy of the "
                    + "model: " + LiveStreams.GRADCHECK_SAMPLES + " elements each of U, V and W on one short training "
                    + "sentence. A check that would take the checks above 5%% of the time waits until it fits; a run "
                    + "that made none is checked once at its end (default: ${DEFAULT-VALUE}: never).")
    int gradcheckEvery;

    @Option(names = "--checkpoint-every", paramLabel = "SECONDS", defaultValue = "300",
            description = "Every SECONDS of training, and when stopped, save the run (weights, rate, position, curves) to "
                    + "--checkpoint, atomically; 0: never (default: ${DEFAULT-VALUE}).")
    double checkpointEvery;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Where to save the checkpoints (default: beside --out, trained.npz giving trained.checkpoint.npz). "
                    + "Removed when the run ends well.")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Go on from this checkpoint, exactly where the run stopped: give the options of the run that wrote it.")
    Path resume;

    @Option(names = "--log", paramLabel = "FILE",
            description = "Write the run as JSON Lines, one object per event (\"event\": start, evaluation, halving, probe, "
                    + "gradcheck, end), each appended as it comes, so the file can be followed and survives a killed run.")
    Path log;

    @Override
    public Integer call() {
        // paths first: a run must not end in "cannot write"
        OutputCheck.file(out, "--out");
        if (log != null) {
            OutputCheck.file(log, "--log");
        }
        EngineThreads.configure(); // this command computes: the engine's threads first, the same for every step
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new UserException("--learning-rate must be a positive number, not " + learningRate + ".");
        }
        ModelOptions.notNegative("--epochs", epochs);
        ModelOptions.positive("--evaluate-loss-after", evaluateLossAfter);
        if (limit != null) {
            ModelOptions.positive("--limit", limit);
        }
        if (bpttTruncate != null) {
            ModelOptions.positive("--bptt-truncate", bpttTruncate);
        }
        if (hidden != null) {
            ModelOptions.positive("--hidden", hidden);
        }
        Precision precision = dtype == null ? null : ModelOptions.precision(dtype);
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new UserException("--validation-fraction must be at least 0 and below 1, not " + validationFraction + ".");
        }
        ModelOptions.notNegative("--gradcheck-every", gradcheckEvery);
        if (!(checkpointEvery >= 0) || Double.isInfinite(checkpointEvery)) {
            throw new UserException("--checkpoint-every must be 0 or more seconds, not " + checkpointEvery + ".");
        }
        if (resume != null && init != null) {
            throw new UserException("--resume and --init both name a model to start from: drop --init.");
        }
        Path checkpointFile = checkpoint != null ? checkpoint : Checkpoint.defaultFor(out);
        if (checkpointEvery > 0) {
            OutputCheck.file(checkpointFile, "--checkpoint");
        }

        PreparedData prepared = PreparedData.read(data);
        Vocabulary vocabulary = prepared.vocabulary();
        int n = limit == null ? prepared.size() : Math.min(limit, prepared.size());
        List<int[]> xs = new ArrayList<>(n);
        List<int[]> ys = new ArrayList<>(n);
        long words = 0;
        for (int i = 0; i < n; i++) {
            xs.add(prepared.x(i));
            ys.add(prepared.y(i));
            words += ys.get(i).length;
        }

        RnnModel model;
        Long modelSeed;
        List<Double> history = new ArrayList<>();
        Checkpoint.Loaded resumed = resume == null ? null : Checkpoint.load(resume);
        if (init != null || resumed != null) {
            LoadedModel loaded = resumed != null ? resumed.model() : ModelFile.load(init);
            Path init = resumed != null ? resume : this.init;
            ModelOptions.checkFits(loaded, vocabulary, init, data);
            if (loaded.vocabulary() != null && !loaded.vocabulary().words().equals(vocabulary.words())) {
                throw new UserException(init.getFileName() + " was made for other words than " + data
                        + "'s vocabulary: train it on the data it was made with, or start afresh without --init.");
            }
            if (hidden != null && hidden != loaded.model().hiddenDim()) {
                throw new UserException("--hidden " + hidden + " disagrees with " + init.getFileName() + ", which has H = "
                        + loaded.model().hiddenDim() + ": drop --hidden.");
            }
            model = loaded.model();
            if (outputLayer != null && outputLayer.equals("class") != model.isClassBased()) {
                throw new UserException("--output-layer " + outputLayer + " disagrees with " + init + ", whose output layer is "
                        + (model.isClassBased() ? "class-based" : "the full softmax") + ": drop --output-layer.");
            }
            // the loaded weights are held already; the run adds gradients, a last good copy and the engine's mirror
            MemoryBudget.require(MemoryBudget.modelBytes(model.parameterCount(), model.precision() == Precision.FLOAT32 ? 4 : 8,
                    MemoryBudget.TRAINING_COPIES - 1), String.format(Locale.ROOT, "Training a model with C = %d and H = %d",
                    model.wordDim(), model.hiddenDim()), "a smaller --hidden");
            if (precision != null && precision != model.precision()) {
                model = model.withPrecision(precision);
            }
            if (bpttTruncate != null) {
                model.setBpttTruncate(bpttTruncate);
            }
            modelSeed = loaded.info().seed();
            history.addAll(loaded.info().lossHistory());
        } else {
            int h = hidden == null ? LessonDefaults.HIDDEN_DIM : hidden;
            if (!LessonDefaults.withinParameterLimit(vocabulary.size(), h)) {
                throw new UserException(String.format(Locale.ROOT, "H = %d and C = %d make more than %,d parameters "
                        + "(2HC + H^2): choose a smaller --hidden.", h, vocabulary.size(), LessonDefaults.MAX_PARAMETERS));
            }
            Precision p = precision == null ? Precision.FLOAT32 : precision;
            MemoryBudget.require(MemoryBudget.modelBytes(LessonDefaults.parameterCount(vocabulary.size(), h),
                    p == Precision.FLOAT32 ? 4 : 8, MemoryBudget.TRAINING_COPIES),
                    String.format(Locale.ROOT, "Training a model with C = %d and H = %d", vocabulary.size(), h), "a smaller --hidden");
            model = ModelOptions.initialise(vocabulary, vocabulary.size(), h,
                    bpttTruncate == null ? LessonDefaults.BPTT_TRUNCATE : bpttTruncate, seed,
                    precision == null ? Precision.FLOAT32 : precision, outputLayer == null ? "full" : outputLayer, classes);
            modelSeed = seed;
        }

        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        int[] probeWords = probe == null ? null : probeWords(probe, vocabulary, stdout);
        TrainingConfig config = new TrainingConfig(learningRate, epochs, evaluateLossAfter, shuffle, seed)
                .withValidationFraction(validationFraction);
        SgdTrainer trainer = new SgdTrainer(model, xs, ys, config, LiveStreams.PROBE_ONLY.withGradcheckEverySteps(gradcheckEvery));
        String corpusHash = ModelFile.corpusHash(vocabulary, xs, ys);
        RunSettings settings = RunSettings.of("RNN Lab (rnnlab train)", data.toString(), corpusHash, vocabulary, model, config,
                trainer.split());
        if (resumed != null) {
            List<String> differ = Checkpoint.differences(resumed.settings(), settings);
            if (!differ.isEmpty()) {
                throw new UserException(resume.getFileName() + " was written by another run: " + differ.get(0)
                        + (differ.size() > 1 ? " and " + (differ.size() - 1) + " more" : "")
                        + "; resume with the options of the run that wrote it.");
            }
            trainer.resume(resumed.state(), resumed.lastGood());
        }
        if (checkpointEvery > 0) {
            Long checkpointSeed = modelSeed;
            trainer.saveStateEvery((long) (checkpointEvery * 1e9), (state, live, lastGood) -> Checkpoint.save(checkpointFile,
                    live, lastGood, vocabulary, ModelInfo.of(live, "RNN Lab (rnnlab train), checkpoint").withSeed(checkpointSeed),
                    settings, state));
        }
        // Ctrl-C (or SIGTERM): stop between two steps, let this thread save, then let the JVM exit. Registered before the
        // first line is printed, so a signal that follows the line always finds the hook and its one-line answer.
        CountDownLatch saved = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            trainer.stop();
            try {
                saved.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rnnlab-train-stop");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // stopped (Ctrl-C, SIGTERM) while setting up: nothing trained, nothing to save
            stderr.println(String.format(Locale.ROOT, "rnnlab: training stopped before its first step; nothing was saved%s.",
                    Files.exists(out) ? " and " + out + " was left as it was" : ""));
            stderr.flush();
            return EXIT_STOPPED;
        }
        RunLogWriter logWriter = null;
        try {
            TrainValidationSplit split = trainer.split();
            int trained = split.trainingSize();
            long trainedWords = 0;
            for (int k : split.training()) {
                trainedWords += ys.get(k).length;
            }
            stdout.println(String.format(Locale.ROOT,
                    "Training a model with %s, on %,d sentences (%,d words) of %s%s: learning rate %s, %d epochs, loss every %d epoch%s, "
                            + "bptt_truncate %d%s.",
                    ModelOptions.describe(model), trained, trainedWords, data,
                    split.heldOutSize() == 0 ? "" : String.format(Locale.ROOT, ", %,d more held out (%s, seed %d)",
                            split.heldOutSize(), percent(validationFraction), seed),
                    learningRate, epochs, evaluateLossAfter,
                    evaluateLossAfter == 1 ? "" : "s", model.bpttTruncate(), shuffle ? ", shuffled" : ""));
            stdout.flush();
            if (probeWords != null) {
                trainer.setProbe(probeWords);
            }
            logWriter = log == null ? null : RunLogWriter.create(log, vocabulary, settings);
            if (logWriter != null) {
                trainer.addListener(logWriter);
            }

            ProgressBar bar = ProgressBar.forConsole();
            long totalSteps = (long) epochs * trained;
            TrainingEvent.Diverged[] divergence = new TrainingEvent.Diverged[1];
            TrainingEvent[] lastEvent = new TrainingEvent[1];
            TrainingEvent.Probe[] lastProbe = new TrainingEvent.Probe[1];
            int[] failedChecks = new int[1];
            long[] stepNanos = new long[1];
            long[] stepWords = new long[1];
            trainer.addListener(event -> {
                if (!(event instanceof TrainingEvent.Step)) {
                    lastEvent[0] = event;
                }
                if (event instanceof TrainingEvent.Step s) {
                    stepNanos[0] += s.nanos();
                    stepWords[0] += ys.get(s.sentence()).length;
                    if (bar.enabled()) {
                        bar.update(s.examplesSeen(), totalSteps, String.format(Locale.ROOT, "epoch %d/%d  sentence %,d/%,d  loss %.3f",
                                s.epoch() + 1, epochs, s.index() + 1, s.total(), s.sentenceLoss()));
                    }
                } else if (event instanceof TrainingEvent.Evaluation e) {
                    bar.clear();
                    // The lesson's line, with its %f.
                    stdout.println(String.format(Locale.ROOT, "%s: Loss after num_examples_seen=%d epoch=%d: %f",
                            LocalDateTime.now().format(TIME), e.examplesSeen(), e.epoch(), e.loss()));
                    if (e.hasValidation()) {
                        stdout.println(String.format(Locale.ROOT, "  held-out loss: %f (perplexity %.1f; on the training sentences %.1f)",
                                e.validationLoss(), e.validationPerplexity(), e.perplexity()));
                    }
                    stdout.flush();
                } else if (event instanceof TrainingEvent.Probe p) {
                    if (lastProbe[0] == null) {
                        bar.clear();
                        stdout.println(probeLine(p, vocabulary));
                        stdout.flush();
                    }
                    lastProbe[0] = p;
                } else if (event instanceof TrainingEvent.GradientCheckDone g) {
                    bar.clear();
                    if (!g.passed()) {
                        failedChecks[0]++;
                    }
                    stdout.println(gradcheckLine(g, xs.get(g.sentence()).length));
                    stdout.flush();
                } else if (event instanceof TrainingEvent.LearningRateHalved h) {
                    bar.clear();
                    stdout.println(String.format(Locale.ROOT, "Setting learning rate to %f", h.learningRate()));
                    stdout.flush();
                } else if (event instanceof TrainingEvent.EpochEnd end) {
                    int next = end.epoch() + 1;
                    if (next == epochs || next % evaluateLossAfter == 0) {
                        bar.status(end.examplesSeen(), totalSteps, String.format(Locale.ROOT, "computing the loss on %,d sentences...", n));
                    }
                } else if (event instanceof TrainingEvent.Diverged d) {
                    divergence[0] = d;
                }
            });

            bar.status(0, totalSteps, String.format(Locale.ROOT, "computing the loss on %,d sentences...", n));
            trainer.run();
            bar.clear();
            if (lastProbe[0] != null && lastProbe[0].examplesSeen() > 0) {
                stdout.println(probeLine(lastProbe[0], vocabulary));
            }
            double seconds = trainer.trainingNanos() / 1e9;
            if (trainer.examplesSeen() > 0) {
                stdout.println(String.format(Locale.ROOT, "Trained on %,d examples (%,d words) in %.2f s, evaluations "
                        + "included: %.1f sentences/s, %,.0f words/s (the steps alone: %.1f sentences/s, %,.0f words/s).",
                        trainer.examplesSeen(), stepWords[0], seconds, trainer.examplesSeen() / seconds, stepWords[0] / seconds,
                        trainer.examplesSeen() / (stepNanos[0] / 1e9), stepWords[0] / (stepNanos[0] / 1e9)));
            }
            if (gradcheckEvery > 0) {
                long due = trainer.examplesSeen() / gradcheckEvery;
                stdout.println(String.format(Locale.ROOT, "Live gradient checks: %d, %s; they took %.2f s of %.2f s of training "
                        + "(%.1f%%).%s", trainer.gradientChecks(), failedChecks[0] == 0 ? "all passed" : failedChecks[0] + " failed",
                        trainer.gradientCheckNanos() / 1e9, seconds, 100.0 * trainer.gradientCheckNanos() / Math.max(1, trainer.trainingNanos()),
                        due > trainer.gradientChecks() ? String.format(Locale.ROOT, " Every %,d steps would have made %,d; "
                                + "%,d were left out to keep the checks within 5%% of the time.",
                                gradcheckEvery, due, due - trainer.gradientChecks()) : ""));
            }
            if (logWriter != null) {
                logWriter.end(RunEnd.of(trainer, lastEvent[0]));
                logWriter.close();
                stdout.println("Wrote the run's log to " + log + ".");
            }
            stdout.flush();
            List<Double> losses = new ArrayList<>(history);
            trainer.evaluations().forEach(e -> losses.add(e.loss()));
            ModelInfo info = ModelInfo.of(model, "RNN Lab (rnnlab train)").withSeed(modelSeed)
                    .withCorpusHash(corpusHash).withLossHistory(losses);
            switch (trainer.outcome()) {
                case DIVERGED -> {
                    // The trainer put back the last evaluation that passed its rule; with none, nothing is worth saving.
                    TrainingEvent.Diverged d = divergence[0];
                    boolean anyGood = !Double.isNaN(d.restoredLoss());
                    if (anyGood) {
                        ModelFile.save(out, model, vocabulary, info);
                    }
                    stderr.println("rnnlab: " + d.what() + "; "
                            + (anyGood ? d.restoredParameters() + " were saved to " + out : "nothing was saved")
                            + ". Try a smaller learning rate.");
                    return EXIT_DIVERGED;
                }
                case CANCELLED -> {
                    if (trainer.examplesSeen() == 0) {
                        // nothing was learned: an existing --out (perhaps a trained model) must not become the start weights
                        stderr.println(String.format(Locale.ROOT, "rnnlab: training stopped before its first step; nothing was "
                                + "saved%s.", Files.exists(out) ? " and " + out + " was left as it was" : ""));
                        return EXIT_STOPPED;
                    }
                    ModelFile.save(out, model, vocabulary, info);
                    stderr.println(String.format(Locale.ROOT,
                            "rnnlab: training stopped after %,d examples; the model as it is now was saved to %s%s.",
                            trainer.examplesSeen(), out, checkpointEvery > 0 ? "; to go on from there, run the same command "
                                    + "with --resume " + checkpointFile : ""));
                    return EXIT_STOPPED;
                }
                default -> {
                    ModelFile.save(out, model, vocabulary, info);
                    if (checkpointEvery > 0) {
                        try {
                            java.nio.file.Files.deleteIfExists(checkpointFile); // served its purpose: the run ended well
                        } catch (java.io.IOException e) {
                            stderr.println("rnnlab: note: could not remove the checkpoint " + checkpointFile + " (" + e.getMessage() + ").");
                        }
                    }
                    stdout.println(String.format(Locale.ROOT, "Saved the model to %s (loss %f after %,d examples).",
                            out, trainer.lastGoodLoss(), trainer.examplesSeen()));
                    return 0;
                }
            }
        } finally {
            if (logWriter != null) {
                try {
                    logWriter.close(); // again after an error: closing twice is harmless
                } catch (UserException e) {
                    // reported by the first close
                }
            }
            // a signal's shutdown halts the JVM as soon as the hook returns: say everything first
            stdout.flush();
            stderr.flush();
            saved.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it has what it waited for
            }
        }
    }

    /** The probe as the training data reads: lower-cased, tokenized, SENTENCE_START .. SENTENCE_END, unknown words noted. */
    static int[] probeWords(String sentence, Vocabulary vocabulary, PrintStream stdout) {
        List<String> tokens = new ArrayList<>();
        tokens.add(Tokens.START);
        tokens.addAll(new TreebankTokenizer().tokenize(sentence.toLowerCase(Locale.ROOT)));
        tokens.add(Tokens.END);
        if (tokens.size() < 3) {
            throw new UserException("--probe needs a sentence with at least one word.");
        }
        for (String t : tokens.subList(1, tokens.size() - 1)) {
            if (!vocabulary.contains(t)) {
                stdout.println("note: the probe's '" + t + "' is not in the vocabulary; it is read as " + Tokens.UNKNOWN + ".");
            }
        }
        return vocabulary.encode(tokens);
    }

    /** "Probe after num_examples_seen=0: the 0.000125  president 0.000124 ... (loss per word 8.99)". */
    private static String probeLine(TrainingEvent.Probe p, Vocabulary vocabulary) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Probe after num_examples_seen=%d:", p.examplesSeen()));
        for (int t = 0; t < p.p().length; t++) {
            b.append(String.format(Locale.ROOT, "  %s %.4g", vocabulary.word(p.words()[t + 1]), p.p()[t]));
        }
        return b.append(String.format(Locale.ROOT, "  (loss per word %.3f)", p.loss())).toString();
    }

    /** One line per check, then the lesson's lines for each failing parameter. */
    private static String gradcheckLine(TrainingEvent.GradientCheckDone g, int words) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "Gradient check after num_examples_seen=%d (sentence %d, %d words):", g.examplesSeen(), g.sentence(), words));
        for (SampledVerdict v : g.parameters()) {
            b.append(String.format(Locale.ROOT, " %s %s (%d elements, max %.1e, median %.1e);", v.parameter(),
                    v.passed() ? "passed" : "FAILED", v.checked(), v.maxRelativeError(), v.medianRelativeError()));
        }
        b.append(String.format(Locale.ROOT, " %.2f s, checks %.1f%% of the time so far.", g.nanos() / 1e9, 100 * g.share()));
        for (SampledVerdict v : g.parameters()) {
            if (!v.passed()) {
                b.append('\n').append(v.firstFailureText());
            }
        }
        return b.toString();
    }

    /** 0.1 as "10%". */
    private static String percent(double fraction) {
        return java.math.BigDecimal.valueOf(fraction * 100).stripTrailingZeros().toPlainString() + "%";
    }
}
