package org.rnnlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.common.UserException;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.Vocabulary;

class RunLogTest {
    private static final PreparedData DATA = TrainingFixtures.prepared(100, 30);
    private static final Vocabulary VOCABULARY = DATA.vocabulary();

    @TempDir
    Path dir;

    private static RunSettings settings() {
        return new RunSettings("test", "data", "sha256:abc", RunSettings.vocabularyHash(VOCABULARY), VOCABULARY.size(), 10, 4,
                "float32", 10, 0.005, 3, 1, false, 100, 90, 10, 0.1);
    }

    /** Each kind of event, written and read back, as it was (the elements of a check are not kept, its verdicts are). */
    @Test
    void everyEventRoundTrips() throws Exception {
        Path file = dir.resolve("run.jsonl");
        CheckedElement failing = new CheckedElement("W", 3, 7, -0.25, 0.25, 1.0, false);
        CheckedElement fine = new CheckedElement("W", 0, 1, 0.5, 0.5000001, 1e-7, true);
        List<SampledVerdict> verdicts = List.of(
                SampledVerdict.of("U", List.of(new CheckedElement("U", 1, 2, 0.1, 0.1, 0, true))),
                SampledVerdict.of("V", List.of(new CheckedElement("V", 4, 5, 1e-9, 1.0000001e-9, 5e-8, true))),
                SampledVerdict.of("W", List.of(fine, failing)));
        int[] words = VOCABULARY.encode(List.of("SENTENCE_START", "the", "cat", "SENTENCE_END"));
        TrainingEvent.Probe probe = new TrainingEvent.Probe(12, 0, words, new double[] {0.25, 1.0 / 3, Math.PI / 10},
                new int[] {words[1], words[1], VOCABULARY.unknownIndex()}, new double[] {0.25, 0.5, 0.125});
        List<TrainingEvent> events = List.of(
                new TrainingEvent.Evaluation(0, 0, 3.401197381662155, 0.005, 3.4123456789012345),
                new TrainingEvent.Evaluation(90, 1, 2.5, 0.005), // nothing held out: null in the file
                new TrainingEvent.LearningRateHalved(180, 2, 0.0025),
                new TrainingEvent.LearningRateSet(200, 0.01),
                probe,
                new TrainingEvent.GradientCheckDone(150, 1, 42, verdicts, 1_234_567, 2_000_000, 99_000_000),
                new TrainingEvent.Step(1, 0, 0, 0, 90, 3.0, 0.005, 10), // not logged
                new TrainingEvent.Finished(270));
        RunEnd end = new RunEnd("finished", 270, 2.25, 0.01, null, 99_000_000, 2_000_000, 2, 30_000);
        try (RunLogWriter w = RunLogWriter.create(file, VOCABULARY, settings())) {
            events.forEach(w::on);
            w.end(end);
        }

        RunLog log = RunLog.read(file);
        assertEquals(settings(), log.settings());
        assertEquals(List.of(events.get(0), events.get(1)), log.evaluations());
        assertTrue(Double.isNaN(log.evaluations().get(1).validationLoss()));
        assertEquals(List.of(events.get(2)), log.halvings());
        assertEquals(List.of(events.get(3)), log.learningRates());
        assertEquals(List.of(RunLog.probe(probe, VOCABULARY::word)), log.probes());
        assertEquals(List.of("SENTENCE_START", "the", "cat", "SENTENCE_END"), log.probes().get(0).words());
        assertEquals(List.of("the", "the", "UNKNOWN_TOKEN"), log.probes().get(0).top());
        TrainingEvent.GradientCheckDone check = log.gradientChecks().get(0);
        assertEquals(1, log.gradientChecks().size());
        assertEquals(withoutElements((TrainingEvent.GradientCheckDone) events.get(5)), check);
        assertEquals(failing, check.parameters().get(2).firstFailure());
        assertEquals(failing.lessonText(), check.parameters().get(2).firstFailureText());
        assertEquals(end, log.end());
        assertEquals(0, log.skippedLines());

        // One object per line, each with its "event", in the order they came.
        ObjectMapper json = new ObjectMapper();
        List<String> kinds = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode o = json.readTree(line);
            kinds.add(o.get("event").asText());
        }
        assertEquals(List.of("start", "evaluation", "evaluation", "halving", "learning_rate", "probe", "gradcheck", "end"), kinds);
        JsonNode gradcheck = json.readTree(Files.readAllLines(file).get(6));
        assertEquals(1.0, gradcheck.at("/parameters/W/max_relative_error").asDouble());
        assertEquals(0.5 * (1e-7 + 1.0), gradcheck.at("/parameters/W/median_relative_error").asDouble());
        assertTrue(gradcheck.at("/parameters/U/passed").asBoolean());
        assertTrue(gradcheck.at("/parameters/U/first_failure").isNull());
        assertTrue(json.readTree(Files.readAllLines(file).get(2)).get("validation_loss").isNull());
    }

    private static TrainingEvent.GradientCheckDone withoutElements(TrainingEvent.GradientCheckDone g) {
        List<SampledVerdict> vs = g.parameters().stream().map(v -> new SampledVerdict(v.parameter(), v.checked(),
                v.maxRelativeError(), v.medianRelativeError(), v.passed(), v.firstFailure(), List.of())).toList();
        return new TrainingEvent.GradientCheckDone(g.examplesSeen(), g.epoch(), g.sentence(), vs, g.nanos(), g.checkNanos(),
                g.trainingNanos());
    }

    /** A real run's log holds what its trainer reported. */
    @Test
    void aRunsLogHoldsItsEvaluationsProbesAndChecks() {
        Path file = dir.resolve("run.jsonl");
        RnnModel m = RnnModel.initialise(VOCABULARY.size(), 10, 4, 10, Precision.FLOAT32);
        TrainingConfig config = new TrainingConfig(0.05, 3, 1, false, 10).withValidationFraction(0.1);
        SgdTrainer trainer = new SgdTrainer(m, DATA.xs(), DATA.ys(), config,
                LiveStreams.PROBE_ONLY.withProbeEveryNanos(0).withGradcheckEverySteps(100).withGradcheckMaxShare(1));
        trainer.setProbe(VOCABULARY.encode(List.of("SENTENCE_START", "the", "cat", "sat", ".", "SENTENCE_END")));
        List<TrainingEvent> events = new ArrayList<>();
        trainer.addListener(events::add);
        RunLogWriter w = RunLogWriter.create(file, VOCABULARY, RunSettings.of("test", "fixture", null, VOCABULARY, m, config,
                trainer.split()));
        trainer.addListener(w);
        trainer.run();
        w.end(RunEnd.of(trainer, events.get(events.size() - 1)));
        w.close();

        RunLog log = RunLog.read(file);
        assertEquals(trainer.evaluations(), log.evaluations());
        assertEquals(90, log.settings().trainingSentences());
        assertEquals(10, log.settings().heldOutSentences());
        assertEquals(271, log.probes().size(), "the start and every one of 270 steps");
        List<RunLog.Probe> expected = events.stream().filter(e -> e instanceof TrainingEvent.Probe)
                .map(e -> RunLog.probe((TrainingEvent.Probe) e, VOCABULARY::word)).toList();
        assertEquals(expected, log.probes());
        assertEquals(2, log.gradientChecks().size());
        assertTrue(log.gradientChecks().stream().allMatch(TrainingEvent.GradientCheckDone::passed));
        assertEquals("finished", log.end().outcome());
        assertEquals(270, log.end().examplesSeen());
        assertEquals(trainer.gradientCheckNanos(), log.end().gradcheckNanos());
    }

    @Test
    void aTornLastLineIsSkippedAndABadLineElsewhereIsAnError() throws Exception {
        Path file = dir.resolve("run.jsonl");
        try (RunLogWriter w = RunLogWriter.create(file, VOCABULARY, settings())) {
            w.on(new TrainingEvent.Evaluation(0, 0, 3.4, 0.005));
        }
        Files.writeString(file, "{\"event\":\"evaluation\",\"examples_se", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        RunLog log = RunLog.read(file);
        assertEquals(1, log.evaluations().size());
        assertEquals(1, log.skippedLines());
        assertNull(log.end(), "a run killed before its end");

        Files.writeString(file, "\n{\"event\":\"evaluation\",\"examples_seen\":5,\"epoch\":1,\"train_loss\":3.0,"
                + "\"learning_rate\":0.005,\"validation_loss\":null}\n{\"event\":\"something_new\"}\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        UserException e = assertThrows(UserException.class, () -> RunLog.read(file));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());

        Path other = dir.resolve("other.jsonl");
        Files.writeString(other, "{\"event\":\"something_new\"}\n{\"event\":\"halving\",\"examples_seen\":5,\"epoch\":1,"
                + "\"learning_rate\":\"Infinity\"}\n");
        RunLog tolerant = RunLog.read(other);
        assertEquals(1, tolerant.skippedLines(), "an unknown kind is skipped");
        assertEquals(Double.POSITIVE_INFINITY, tolerant.halvings().get(0).learningRate());
        assertNull(tolerant.settings());
        assertThrows(UserException.class, () -> RunLog.read(dir.resolve("none.jsonl")));
    }
}
