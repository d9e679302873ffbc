package org.rnnlab.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.rnnlab.common.IoReason;
import org.rnnlab.common.UserException;
import org.rnnlab.text.Vocabulary;

/**
 * Writes a run's {@link RunLog} as it goes: one JSON object per line, appended and flushed as each
 * event comes, so that a run of hours loses nothing when it is killed, and the file can be followed
 * (or reopened) while the run goes on; a line torn by a crash is the last one, and
 * {@link RunLog#read} skips it. Add it as a {@link TrainingListener}: it writes the evaluations,
 * halvings, learning rates set, probes and gradient checks (not the steps), on the training thread.
 * A failure to write does not stop training: the first one is kept and {@link #close()} reports it.
 */
public final class RunLogWriter implements TrainingListener, Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Vocabulary vocabulary;
    private final BufferedWriter out;
    private IOException failure;

    private RunLogWriter(Path file, Vocabulary vocabulary, BufferedWriter out) {
        this.file = file;
        this.vocabulary = vocabulary;
        this.out = out;
    }

    /**
     * Starts a new log at {@code file} (replacing one there) with its settings line.
     *
     * @param vocabulary names the words of probes
     */
    public static RunLogWriter create(Path file, Vocabulary vocabulary, RunSettings settings) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            RunLogWriter w = new RunLogWriter(file, vocabulary, Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
            w.write(start(settings));
            return w;
        } catch (IOException e) {
            throw UserException.said(e, "runlog.cannotWrite", file, IoReason.of(e));
        }
    }

    @Override
    public synchronized void on(TrainingEvent event) {
        ObjectNode line = line(event, vocabulary);
        if (line != null) {
            write(line);
        }
    }

    /** A point of the smoothed per-sentence loss curve (the app writes its curve before the end). */
    public synchronized void loss(long examplesSeen, double smoothedLoss) {
        ObjectNode o = event("loss");
        o.put("examples_seen", examplesSeen);
        number(o, "smoothed_loss", smoothedLoss);
        write(o);
    }

    /** The last line: how the run ended. */
    public synchronized void end(RunEnd end) {
        ObjectNode o = event("end");
        o.put("outcome", end.outcome());
        o.put("examples_seen", end.examplesSeen());
        number(o, "train_loss", end.loss());
        number(o, "learning_rate", end.learningRate());
        o.put("message", end.message());
        o.put("training_nanos", end.trainingNanos());
        o.put("gradcheck_nanos", end.gradcheckNanos());
        o.put("gradchecks", end.gradchecks());
        o.put("probe_nanos", end.probeNanos());
        number(o, "gradcheck_share", end.gradcheckShare());
        write(o);
    }

    /** Closes the file; throws a {@link UserException} if any line could not be written. */
    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
        if (failure != null) {
            throw UserException.said(failure, "runlog.couldNotWrite", file, IoReason.of(failure));
        }
    }

    private void write(ObjectNode line) {
        if (failure != null) {
            return;
        }
        try {
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            failure = e;
        }
    }

    private static ObjectNode start(RunSettings s) {
        ObjectNode o = event("start");
        o.put("format", RunLog.FORMAT);
        o.put("version", RunLog.VERSION);
        o.put("created_by", s.createdBy());
        o.put("started", java.time.OffsetDateTime.now().withNano(0).toString());
        o.put("data", s.data());
        o.put("corpus_hash", s.corpusHash());
        o.put("vocabulary_hash", s.vocabularyHash());
        o.put("word_dim", s.wordDim());
        o.put("hidden_dim", s.hiddenDim());
        o.put("bptt_truncate", s.bpttTruncate());
        o.put("precision", s.precision());
        o.put("seed", s.seed());
        number(o, "learning_rate", s.learningRate());
        o.put("epochs", s.epochs());
        o.put("evaluate_loss_after", s.evaluateLossAfter());
        o.put("shuffle", s.shuffle());
        o.put("sentences", s.sentences());
        o.put("training_sentences", s.trainingSentences());
        o.put("held_out_sentences", s.heldOutSentences());
        number(o, "validation_fraction", s.validationFraction());
        return o;
    }

    /** The line for an event, or null for the events a log leaves out (steps, epoch ends, pauses, the run's end). */
    static ObjectNode line(TrainingEvent event, Vocabulary vocabulary) {
        if (event instanceof TrainingEvent.Evaluation e) {
            ObjectNode o = event("evaluation");
            o.put("examples_seen", e.examplesSeen());
            o.put("epoch", e.epoch());
            number(o, "learning_rate", e.learningRate());
            number(o, "train_loss", e.loss());
            number(o, "validation_loss", e.validationLoss());
            number(o, "train_perplexity", e.perplexity());
            number(o, "validation_perplexity", e.validationPerplexity());
            return o;
        }
        if (event instanceof TrainingEvent.LearningRateHalved h) {
            ObjectNode o = event("halving");
            o.put("examples_seen", h.examplesSeen());
            o.put("epoch", h.epoch());
            number(o, "learning_rate", h.learningRate());
            return o;
        }
        if (event instanceof TrainingEvent.LearningRateSet r) {
            ObjectNode o = event("learning_rate");
            o.put("examples_seen", r.examplesSeen());
            number(o, "learning_rate", r.learningRate());
            return o;
        }
        if (event instanceof TrainingEvent.Probe p) {
            ObjectNode o = event("probe");
            o.put("examples_seen", p.examplesSeen());
            o.put("epoch", p.epoch());
            ArrayNode words = o.putArray("words");
            for (int w : p.words()) {
                words.add(vocabulary.word(w));
            }
            numbers(o.putArray("p"), p.p());
            ArrayNode top = o.putArray("top");
            for (int w : p.top()) {
                top.add(vocabulary.word(w));
            }
            numbers(o.putArray("top_p"), p.topP());
            return o;
        }
        if (event instanceof TrainingEvent.GradientCheckDone g) {
            ObjectNode o = event("gradcheck");
            o.put("examples_seen", g.examplesSeen());
            o.put("epoch", g.epoch());
            o.put("sentence", g.sentence());
            o.put("passed", g.passed());
            ObjectNode parameters = o.putObject("parameters");
            for (SampledVerdict v : g.parameters()) {
                ObjectNode p = parameters.putObject(v.parameter());
                p.put("checked", v.checked());
                number(p, "max_relative_error", v.maxRelativeError());
                number(p, "median_relative_error", v.medianRelativeError());
                p.put("passed", v.passed());
                CheckedElement f = v.firstFailure();
                if (f == null) {
                    p.putNull("first_failure");
                } else {
                    ObjectNode e = p.putObject("first_failure");
                    e.put("row", f.row());
                    e.put("column", f.column());
                    number(e, "backprop", f.backprop());
                    number(e, "estimate", f.estimate());
                    number(e, "relative_error", f.relativeError());
                    e.put("text", f.lessonText());
                }
            }
            o.put("nanos", g.nanos());
            o.put("check_nanos", g.checkNanos());
            o.put("training_nanos", g.trainingNanos());
            return o;
        }
        return null;
    }

    private static ObjectNode event(String kind) {
        ObjectNode o = JSON.createObjectNode();
        o.put("event", kind);
        return o;
    }

    /** JSON has no NaN or infinity: NaN is null, an infinity the string "Infinity" or "-Infinity". */
    private static void number(ObjectNode o, String key, double x) {
        if (Double.isNaN(x)) {
            o.putNull(key);
        } else if (Double.isInfinite(x)) {
            o.put(key, x > 0 ? "Infinity" : "-Infinity");
        } else {
            o.put(key, x);
        }
    }

    private static void numbers(ArrayNode a, double[] xs) {
        for (double x : xs) {
            if (Double.isNaN(x)) {
                a.addNull();
            } else if (Double.isInfinite(x)) {
                a.add(x > 0 ? "Infinity" : "-Infinity");
            } else {
                a.add(x);
            }
        }
    }
}
