package org.rnnlab.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.rnnlab.common.IoReason;
import org.rnnlab.common.UserException;

/**
 * A training run as its log holds it: JSON Lines, one object per event with an {@code "event"}
 * field, written by {@link RunLogWriter} ({@code rnnlab train --log}, and the app's run files):
 * <ul>
 * <li>{@code start}: the {@link RunSettings} (snake_case), with {@code format} and {@code version};
 * <li>{@code evaluation}: {@code examples_seen}, {@code epoch}, {@code learning_rate},
 *     {@code train_loss}, {@code validation_loss} (null without held-out sentences), and both
 *     perplexities;
 * <li>{@code halving}: {@code examples_seen}, {@code epoch}, {@code learning_rate} (the new one);
 * <li>{@code learning_rate}: a rate set during the run: {@code examples_seen}, {@code learning_rate};
 * <li>{@code probe}: {@code examples_seen}, {@code epoch}, {@code words} (the probe sentence,
 *     SENTENCE_START to SENTENCE_END), {@code p} ({@code p[t]} the probability of
 *     {@code words[t+1]} after {@code words[0..t]}), {@code top} and {@code top_p} (the model's
 *     guess at each position and its probability);
 * <li>{@code gradcheck}: {@code examples_seen}, {@code epoch}, {@code sentence}, {@code passed}, and
 *     {@code parameters} U, V, W, each with {@code checked}, {@code max_relative_error},
 *     {@code median_relative_error}, {@code passed}, {@code first_failure} (null, or the element
 *     with its lesson {@code text}); its {@code nanos}, and {@code check_nanos} and
 *     {@code training_nanos} so far;
 * <li>{@code loss}: a point of the smoothed per-sentence loss curve ({@code examples_seen},
 *     {@code smoothed_loss}); the app writes its curve so a reopened run draws it (a CLI log has
 *     none: its curve is drawn through its evaluations);
 * <li>{@code end}: the {@link RunEnd}.
 * </ul>
 * Numbers that JSON cannot hold are written as null (NaN) and "Infinity" or "-Infinity".
 *
 * @param settings     the start line's; null when the log has none
 * @param end          the end line's; null while the run goes on (or when it was killed)
 * @param skippedLines lines left out: a torn last line, or events of kinds this version does not know
 */
public record RunLog(RunSettings settings, List<TrainingEvent.Evaluation> evaluations,
                     List<TrainingEvent.LearningRateHalved> halvings, List<TrainingEvent.LearningRateSet> learningRates,
                     List<Probe> probes, List<TrainingEvent.GradientCheckDone> gradientChecks, List<LossPoint> losses,
                     RunEnd end, int skippedLines) {
    static final String FORMAT = "rnnlab-run";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunLog {
        evaluations = List.copyOf(evaluations);
        halvings = List.copyOf(halvings);
        learningRates = List.copyOf(learningRates);
        probes = List.copyOf(probes);
        gradientChecks = List.copyOf(gradientChecks);
        losses = List.copyOf(losses);
    }

    /** A point of the smoothed per-sentence loss curve. */
    public record LossPoint(long examplesSeen, double smoothedLoss) {
    }

    /**
     * A probe as the log holds it: words rather than indices, so a log reads without its vocabulary.
     * Equal when every field is (the arrays by their contents).
     */
    public record Probe(long examplesSeen, int epoch, List<String> words, double[] p, List<String> top, double[] topP) {
        public Probe {
            words = List.copyOf(words);
            top = List.copyOf(top);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Probe q && examplesSeen == q.examplesSeen && epoch == q.epoch && words.equals(q.words)
                    && Arrays.equals(p, q.p) && top.equals(q.top) && Arrays.equals(topP, q.topP);
        }

        @Override
        public int hashCode() {
            return Objects.hash(examplesSeen, epoch, words, Arrays.hashCode(p), top, Arrays.hashCode(topP));
        }

        @Override
        public String toString() {
            return "Probe[" + examplesSeen + ", " + words + ", p=" + Arrays.toString(p) + ", top=" + top + "]";
        }
    }

    /**
     * Reads a run log. Blank lines are ignored; a last line that is not JSON (a write torn by a
     * crash) is skipped and counted; any other line that is not a JSON object is an error naming it.
     */
    public static RunLog read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw UserException.said(e, "runlog.missing", file);
        } catch (IOException e) {
            throw UserException.said(e, "runlog.unreadable", file, IoReason.of(e));
        }
        int last = lines.size() - 1;
        while (last >= 0 && lines.get(last).isBlank()) {
            last--;
        }
        RunSettings settings = null;
        RunEnd end = null;
        List<TrainingEvent.Evaluation> evaluations = new ArrayList<>();
        List<TrainingEvent.LearningRateHalved> halvings = new ArrayList<>();
        List<TrainingEvent.LearningRateSet> rates = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        List<TrainingEvent.GradientCheckDone> checks = new ArrayList<>();
        List<LossPoint> losses = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i <= last; i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            JsonNode o;
            try {
                o = JSON.readTree(text);
            } catch (JsonProcessingException e) {
                o = null;
            }
            if (o == null || !o.isObject() || !o.path("event").isTextual()) {
                if (i == last) {
                    skipped++; // torn by a crash while it was written
                    continue;
                }
                throw UserException.said("runlog.notEvent", file, String.valueOf(i + 1));
            }
            switch (o.get("event").asText()) {
                case "start" -> settings = settings(o);
                case "evaluation" -> evaluations.add(new TrainingEvent.Evaluation(o.path("examples_seen").asLong(),
                        o.path("epoch").asInt(), number(o.get("train_loss")), number(o.get("learning_rate")),
                        number(o.get("validation_loss"))));
                case "halving" -> halvings.add(new TrainingEvent.LearningRateHalved(o.path("examples_seen").asLong(),
                        o.path("epoch").asInt(), number(o.get("learning_rate"))));
                case "learning_rate" -> rates.add(new TrainingEvent.LearningRateSet(o.path("examples_seen").asLong(),
                        number(o.get("learning_rate"))));
                case "probe" -> probes.add(new Probe(o.path("examples_seen").asLong(), o.path("epoch").asInt(),
                        strings(o.path("words")), numbers(o.path("p")), strings(o.path("top")), numbers(o.path("top_p"))));
                case "gradcheck" -> checks.add(gradcheck(o));
                case "loss" -> losses.add(new LossPoint(o.path("examples_seen").asLong(), number(o.get("smoothed_loss"))));
                case "end" -> end = new RunEnd(o.path("outcome").asText(null), o.path("examples_seen").asLong(),
                        number(o.get("train_loss")), number(o.get("learning_rate")), text(o, "message"),
                        o.path("training_nanos").asLong(), o.path("gradcheck_nanos").asLong(), o.path("gradchecks").asInt(),
                        o.path("probe_nanos").asLong());
                default -> skipped++; // a kind this version does not know
            }
        }
        return new RunLog(settings, evaluations, halvings, rates, probes, checks, losses, end, skipped);
    }

    private static RunSettings settings(JsonNode o) {
        return new RunSettings(text(o, "created_by"), text(o, "data"), text(o, "corpus_hash"), text(o, "vocabulary_hash"),
                o.path("word_dim").asInt(), o.path("hidden_dim").asInt(), o.path("bptt_truncate").asInt(),
                text(o, "precision"), o.path("seed").asLong(), number(o.get("learning_rate")), o.path("epochs").asInt(),
                o.path("evaluate_loss_after").asInt(), o.path("shuffle").asBoolean(), o.path("sentences").asInt(),
                o.path("training_sentences").asInt(), o.path("held_out_sentences").asInt(),
                number(o.get("validation_fraction")));
    }

    private static TrainingEvent.GradientCheckDone gradcheck(JsonNode o) {
        List<SampledVerdict> verdicts = new ArrayList<>(3);
        o.path("parameters").properties().forEach(entry -> {
            String name = entry.getKey();
            JsonNode p = entry.getValue();
            JsonNode f = p.path("first_failure");
            CheckedElement failure = f.isObject()
                    ? new CheckedElement(name, f.path("row").asInt(), f.path("column").asInt(), number(f.get("backprop")),
                            number(f.get("estimate")), number(f.get("relative_error")), false)
                    : null;
            verdicts.add(new SampledVerdict(name, p.path("checked").asInt(), number(p.get("max_relative_error")),
                    number(p.get("median_relative_error")), p.path("passed").asBoolean(), failure, List.of()));
        });
        return new TrainingEvent.GradientCheckDone(o.path("examples_seen").asLong(), o.path("epoch").asInt(),
                o.path("sentence").asInt(), verdicts, o.path("nanos").asLong(), o.path("check_nanos").asLong(),
                o.path("training_nanos").asLong());
    }

    private static String text(JsonNode o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** A number as {@link RunLogWriter} writes it: null (or missing) is NaN, "Infinity" and "-Infinity" the infinities. */
    private static double number(JsonNode n) {
        if (n == null || n.isNull()) {
            return Double.NaN;
        }
        if (n.isTextual()) {
            return switch (n.asText()) {
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> Double.NaN;
            };
        }
        return n.asDouble();
    }

    private static double[] numbers(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(a.get(i));
        }
        return out;
    }

    private static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>(a.size());
        for (JsonNode n : a) {
            out.add(n.asText());
        }
        return out;
    }

    /** The probe as a log holds it, its words named by {@code wordOf}. */
    public static Probe probe(TrainingEvent.Probe p, java.util.function.IntFunction<String> wordOf) {
        return new Probe(p.examplesSeen(), p.epoch(), Arrays.stream(p.words()).mapToObj(wordOf).toList(), p.p(),
                Arrays.stream(p.top()).mapToObj(wordOf).toList(), p.topP());
    }
}
