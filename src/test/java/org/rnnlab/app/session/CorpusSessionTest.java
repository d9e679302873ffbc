package org.rnnlab.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.app.support.BackgroundWork;
import org.rnnlab.app.support.Notices;
import org.rnnlab.common.SampleFiles;
import org.rnnlab.text.PreparedData;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The session with a real toolkit: background reading, rebuilds when C moves, bad files. */
@ExtendWith(ApplicationExtension.class)
class CorpusSessionTest {
    @TempDir
    Path dir;
    private final Notices notices = new Notices();
    private BackgroundWork work;
    private CorpusSession session;

    @Start
    void start(Stage stage) {
        work = new BackgroundWork(notices);
        session = new CorpusSession(work, notices);
        // Notices need a window to appear over.
        StackPane root = new StackPane();
        CorpusSessionFixtures.show(stage, root);
        notices.setOwner(root);
    }

    @AfterEach
    void tearDown() throws Exception {
        work.shutdown(1000);
        FxToolkit.cleanupStages();
    }

    private void open(Path p) {
        WaitForAsyncUtils.asyncFx(() -> session.open(p));
    }

    private void awaitLoaded() throws Exception {
        CorpusSessionFixtures.await(60, () -> !session.loadingProperty().get() && session.preparedProperty().get() != null);
    }

    @Test
    void opensTheSampleCorpusInTheBackgroundWithTheLessonsC() throws Exception {
        assertNull(session.preparedProperty().get());
        open(SampleFiles.corpus());
        awaitLoaded();
        PreparedData data = session.preparedProperty().get();
        assertEquals(CorpusSession.DEFAULT_VOCABULARY_SIZE, data.vocabulary().size());
        assertEquals(SampleFiles.corpus(), session.fileProperty().get());
        CorpusSummary s = session.summaryProperty().get();
        assertTrue(s.complete());
        assertEquals(4793, s.documents());
        assertEquals(s.sentences(), data.size());
        assertEquals(session.corpusProperty().get().maxVocabularySize(), session.maxVocabularySizeProperty().get());
    }

    @Test
    void changingCRebuildsTheTrainingDataWithoutReadingTheFileAgain() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> CorpusSessionFixtures.install(session, 8000)).get();
        Corpus corpus = session.corpusProperty().get();
        PreparedData before = session.preparedProperty().get();
        assertEquals(corpus.maxVocabularySize(), before.vocabulary().size(), "C clamped to distinct + 1");
        // A slider moving: several values in a row, only the last one counts.
        WaitForAsyncUtils.asyncFx(() -> {
            session.vocabularySizeProperty().set(12);
            session.vocabularySizeProperty().set(8);
            session.vocabularySizeProperty().set(5);
        }).get();
        CorpusSessionFixtures.await(20, () -> session.preparedProperty().get().vocabulary().size() == 5);
        assertSame(corpus, session.corpusProperty().get(), "the corpus was not read again");
        assertFalse(session.rebuildingProperty().get());
        PreparedData after = session.preparedProperty().get();
        assertEquals(before.size(), after.size());
        assertEquals(4, after.vocabulary().unknownIndex());
    }

    @Test
    void opensTheRedditSampleAs212Comments() throws Exception {
        Assumptions.assumeTrue(Files.exists(CorpusSessionFixtures.REDDIT_SAMPLE),
                "../shared/data absent: the lesson's reddit sample is only on the team's machines");
        open(CorpusSessionFixtures.REDDIT_SAMPLE);
        awaitLoaded();
        assertEquals(212, session.summaryProperty().get().documents());
        assertEquals(212, session.corpusProperty().get().documents().size());
        // The training data's stats name the corpus, not its sentence list.
        assertEquals(212, session.preparedProperty().get().stats().documents());
        assertTrue(session.preparedProperty().get().corpusDescription().contains("reddit-comments-sample.csv"));
        // The sample has fewer distinct tokens than 8,000: C is clamped to all of them plus UNKNOWN_TOKEN.
        int max = session.corpusProperty().get().maxVocabularySize();
        assertTrue(max < 8000, "distinct tokens + 1 = " + max);
        assertEquals(max, session.vocabularySizeProperty().get());
        assertEquals(max, session.preparedProperty().get().vocabulary().size());
    }

    @Test
    void aBadFileLeavesTheOldCorpusInPlace() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> CorpusSessionFixtures.install(session, 8000)).get();
        Corpus corpus = session.corpusProperty().get();
        PreparedData data = session.preparedProperty().get();
        Path file = session.fileProperty().get();
        CorpusSummary summary = session.summaryProperty().get();

        Path empty = Files.createFile(dir.resolve("empty.csv"));
        Path binary = dir.resolve("photo.csv");
        Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0, 0x10, 'J', 'F', 'I', 'F', 0});
        Path noColumn = dir.resolve("scores.csv");
        Files.writeString(noColumn, "title,score\nhello,1\n");
        for (Path bad : new Path[] {empty, binary, noColumn}) {
            AtomicReference<String> before = new AtomicReference<>(notices.lastMessage());
            open(bad);
            CorpusSessionFixtures.await(30, () -> !session.loadingProperty().get()
                    && notices.lastMessage() != null && !notices.lastMessage().equals(before.get()));
            String message = notices.lastMessage();
            assertTrue(message.contains(bad.getFileName().toString()), message);
            assertTrue(message.contains("stays loaded"), message);
            assertSame(corpus, session.corpusProperty().get(), bad.toString());
            assertSame(data, session.preparedProperty().get(), bad.toString());
            assertEquals(file, session.fileProperty().get());
            assertEquals(summary, session.summaryProperty().get());
        }
    }

    @Test
    void aSmallCorpusClampsCOnlyForItself() throws Exception {
        Corpus tiny = CorpusSessionFixtures.corpus();
        WaitForAsyncUtils.asyncFx(() -> session.install(tiny,
                PreparedData.fromSentences(tiny.sentences(), tiny.maxVocabularySize()))).get();
        int small = session.corpusProperty().get().maxVocabularySize();
        assertEquals(small, session.vocabularySizeProperty().get(), "clamped to the small corpus");
        assertEquals(8000, session.requestedVocabularySize(), "the learner's C is remembered");
        open(SampleFiles.corpus());
        awaitLoaded();
        CorpusSessionFixtures.await(30, () -> session.preparedProperty().get().vocabulary().size() == 8000);
        assertEquals(8000, session.vocabularySizeProperty().get(), "back to the lesson's C on a large corpus");
        WaitForAsyncUtils.asyncFx(() -> session.vocabularySizeProperty().set(500)).get();
        assertEquals(500, session.requestedVocabularySize(), "a C the learner sets is theirs");
    }

    @Test
    void aCsvWithoutABodyColumnAsksForTheTextColumn() throws Exception {
        Path csv = dir.resolve("speeches.csv");
        Files.writeString(csv, "year,speech\n1990,\"The nation is strong. We will build.\"\n1991,\"The people want peace.\"\n");
        List<String> offered = new java.util.ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> session.setColumnChooser((file, columns) -> {
            offered.addAll(columns);
            return "speech";
        })).get();
        open(csv);
        CorpusSessionFixtures.await(30, () -> csv.equals(session.fileProperty().get()) && !session.loadingProperty().get());
        assertEquals(List.of("year", "speech"), offered);
        assertEquals(2, session.summaryProperty().get().documents());
        assertTrue(session.corpusProperty().get().description().contains("column speech"),
                session.corpusProperty().get().description());

        Path other = dir.resolve("other.csv");
        Files.writeString(other, "a,b\n1,2\n");
        WaitForAsyncUtils.asyncFx(() -> session.setColumnChooser((file, columns) -> null)).get();
        open(other);
        CorpusSessionFixtures.await(30, () -> notices.lastMessage() != null && notices.lastMessage().contains("other.csv"));
        assertTrue(notices.lastMessage().contains("no column named body"), notices.lastMessage());
        assertTrue(!notices.lastMessage().contains("--column"), "advice the window can follow: " + notices.lastMessage());
        assertEquals(csv, session.fileProperty().get(), "the corpus before stays");
    }

    @Test
    void aNewerOpenWinsOverOneStillRunning() throws Exception {
        Assumptions.assumeTrue(Files.exists(CorpusSessionFixtures.REDDIT_SAMPLE),
                "../shared/data absent: the lesson's reddit sample is only on the team's machines");
        open(SampleFiles.corpus());
        open(CorpusSessionFixtures.REDDIT_SAMPLE);
        awaitLoaded();
        // Give the first job time to finish or notice its cancel: it must not replace the second.
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(CorpusSessionFixtures.REDDIT_SAMPLE, session.fileProperty().get());
        assertNotNull(session.preparedProperty().get());
        assertEquals(212, session.summaryProperty().get().documents());
    }
}
