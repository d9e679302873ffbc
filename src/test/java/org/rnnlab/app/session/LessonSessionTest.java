package org.rnnlab.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnnlab.app.session.ModelSessionFixture.fx;
import static org.rnnlab.app.session.ModelSessionFixture.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.common.UserException;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.Vocabulary;
import org.rnnlab.training.TrainingEvent;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
/** The session's parts together: the model store, model files, the training controller, the query lane, shutdown. */
class LessonSessionTest {
    private LessonSession session;
    private ModelStore model;
    private ModelFiles files;

    @Start
    void start(Stage stage) {
        session = new LessonSession();
        model = session.models();
        files = session.files();
        ModelSessionFixtureStage.show(stage, new javafx.scene.layout.Pane(), session);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx(() -> session.dispose());
        FxToolkit.cleanupStages();
    }

    private int ready(int c) throws Exception {
        var data = ModelSessionFixture.install(session, c);
        waitFor(60, () -> model.model() != null && model.matchesCorpusProperty().get()
                && model.model().wordDim() == data.vocabulary().size());
        return data.vocabulary().size();
    }

    @Test
    void aPreparedCorpusGetsTheLessonsSeededRandomModel() throws Exception {
        assertNull(model.model(), "no model before the corpus");
        int c = ready(30);
        RnnModel m = model.model();
        assertEquals(c, m.wordDim());
        assertEquals(LessonDefaults.HIDDEN_DIM, m.hiddenDim());
        assertTrue(model.revisionProperty().get() > 0);
        RnnModel same = RnnModel.initialise(c, LessonDefaults.HIDDEN_DIM, 4, 10, Precision.FLOAT32);
        assertEquals(same.U().getDouble(3, 7), m.U().getDouble(3, 7), 0.0, "seed 10, as in the lesson");
        assertTrue(model.descriptionProperty().get().contains("seed 10"));
    }

    @Test
    void trainingWorksOnACopyAndPublishesTheResult() throws Exception {
        ready(30);
        fx(() -> files.initialiseRandom(8, 10, Precision.FLOAT64));
        waitFor(30, () -> model.model().hiddenDim() == 8);
        RnnModel before = model.model();
        double u = before.U().getDouble(0, 0);
        long revision = model.revisionProperty().get();
        List<TrainingEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
        fx(() -> session.training().start(new TrainingControl.Request(0.05, 2, 1, 4, 50, 10, Precision.FLOAT32), events::addAll));
        assertTrue(model.isTraining());
        waitFor(120, () -> !model.isTraining());
        assertTrue(events.stream().anyMatch(e -> e instanceof TrainingEvent.Finished));
        assertEquals(u, before.U().getDouble(0, 0), 0.0, "the published model is never changed in place");
        assertTrue(model.revisionProperty().get() > revision);
        assertEquals(Precision.FLOAT32, model.model().precision());
        assertTrue(model.descriptionProperty().get().startsWith("trained in the app: 100 examples"), model.descriptionProperty().get());
        assertEquals(3, model.lossHistory().size(), "evaluations before epochs 0 and 1, and at the end");
    }

    @Test
    void theAppsRunHoldsSentencesOutProbesAHeldOutOneAndTakesANewRateMidRun() throws Exception {
        ready(30);
        fx(() -> files.initialiseRandom(8, 10, Precision.FLOAT64));
        waitFor(30, () -> model.model().hiddenDim() == 8);
        List<TrainingEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
        fx(() -> session.training().start(new TrainingControl.Request(0.05, 1000, 1, 4, 50, 10, Precision.FLOAT64,
                TrainingControl.HELD_OUT_FRACTION, null), events::addAll));
        waitFor(60, () -> events.stream().anyMatch(e -> e instanceof TrainingEvent.Probe));
        fx(() -> session.training().setLearningRate(0.02));
        waitFor(60, () -> events.stream().anyMatch(e -> e instanceof TrainingEvent.LearningRateSet));
        fx(() -> session.training().stop());
        waitFor(60, () -> !model.isTraining());
        TrainingEvent.LearningRateSet set = (TrainingEvent.LearningRateSet) events.stream()
                .filter(e -> e instanceof TrainingEvent.LearningRateSet).findFirst().orElseThrow();
        assertEquals(0.02, set.learningRate());
        TrainingEvent.Evaluation first = (TrainingEvent.Evaluation) events.stream()
                .filter(e -> e instanceof TrainingEvent.Evaluation).findFirst().orElseThrow();
        assertTrue(first.hasValidation(), "every evaluation gives the held-out loss too");
        // the probe is the first held-out sentence of at most 15 words, SENTENCE_START .. SENTENCE_END
        org.rnnlab.text.PreparedData data = model.prepared();
        org.rnnlab.training.TrainValidationSplit split = org.rnnlab.training.TrainValidationSplit.of(50, 0.1, 10);
        int k = split.heldOut().stream().filter(i -> data.xs().get(i).length <= TrainingControl.PROBE_MAX_WORDS)
                .findFirst().orElseThrow();
        int[] x = data.xs().get(k);
        int[] expected = java.util.Arrays.copyOf(x, x.length + 1);
        expected[x.length] = data.ys().get(k)[x.length - 1];
        TrainingEvent.Probe probe = (TrainingEvent.Probe) events.stream()
                .filter(e -> e instanceof TrainingEvent.Probe).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, probe.words());
        assertEquals(x.length, probe.p().length);
    }

    @Test
    void onlyOneTrainingAtATimeAndDisposeStopsIt() throws Exception {
        ready(30);
        fx(() -> session.training().start(new TrainingControl.Request(0.005, 1000, 1000, 4, 100, 10, Precision.FLOAT64), b -> { }));
        fx(() -> assertThrows(UserException.class,
                () -> session.training().start(new TrainingControl.Request(0.005, 1, 1, 4, 10, 10, Precision.FLOAT64), b -> { })));
        fx(() -> session.queries().query("busy", () -> {
            Thread.sleep(200);
            return 0;
        }, r -> { }, e -> { }));
        Thread.sleep(300);
        long t0 = System.nanoTime();
        fx(() -> session.dispose());
        assertTrue(System.nanoTime() - t0 < LessonSession.SHUTDOWN_MILLIS * 1_000_000L, "dispose returns within 3 s");
        // a thread whose work is over may take a moment more to leave: judged at the 3 s mark
        while (!session.liveThreads().isEmpty() && System.nanoTime() - t0 < LessonSession.SHUTDOWN_MILLIS * 1_000_000L) {
            Thread.sleep(10);
        }
        assertEquals(List.of(), session.liveThreads(), "every thread of the session ended within 3 s");
    }

    @Test
    void aSavedModelLoadsBackAndAModelOfAnotherVocabularyIsRecognised(@TempDir Path dir) throws Exception {
        ready(30);
        Path file = dir.resolve("m.npz");
        Vocabulary v30 = model.vocabulary();
        fx(() -> files.save(file));
        waitFor(30, () -> Files.exists(file));
        AtomicReference<LoadedModel> loaded = new AtomicReference<>();
        fx(() -> files.load(file, loaded::set));
        waitFor(30, () -> loaded.get() != null);
        assertTrue(files.matchesCorpus(loaded.get()));

        int c = ready(20); // another corpus: the session makes a new model for it
        assertEquals(c, model.model().wordDim());
        assertTrue(c != v30.size());
        assertFalse(files.matchesCorpus(loaded.get()), "the saved model has the other C");
        fx(() -> files.adopt(loaded.get(), "the saved model with its own vocabulary"));
        assertSame(loaded.get().model(), model.model());
        assertFalse(model.matchesCorpusProperty().get());
        assertEquals(v30.size(), model.vocabulary().size());
        assertEquals(v30.indexOf("america"), model.encode(List.of("america"))[0]);
        fx(() -> assertThrows(UserException.class,
                () -> session.training().start(new TrainingControl.Request(0.005, 1, 1, 4, 10, 10, Precision.FLOAT64), b -> { })));
    }

    @Test
    void theLessonsModelNeedsAVocabularyOf8000(@TempDir Path dir) throws Exception {
        ready(30);
        fx(() -> files.importLesson(dir.resolve("trained-model-theano.npz")));
        assertNotNull(session.notices().lastMessage());
        String said = session.notices().lastMessage();
        assertTrue(said.contains("exactly 8,000 words"), said);
        assertTrue(said.contains("open a larger one (Corpus > Sample corpus"), "advice the window can follow: " + said);
        assertFalse(said.contains("--"), said);
    }

    @Test
    void queriesKeepOnlyTheLatestRequestOfALane() throws Exception {
        List<Integer> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Integer> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
        fx(() -> {
            session.queries().query("slow", () -> {
                Thread.sleep(300);
                return 0;
            }, delivered::add, e -> { });
            for (int i = 1; i <= 5; i++) {
                int n = i;
                session.queries().query("lane", () -> {
                    ran.add(n);
                    return n;
                }, delivered::add, e -> { });
            }
        });
        waitFor(10, () -> delivered.contains(5));
        assertEquals(List.of(5), ran, "requests 1 to 4 were replaced while the slow one ran");
    }

}
