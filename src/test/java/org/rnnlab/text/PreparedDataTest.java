package org.rnnlab.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.ProgressListener;
import org.rnnlab.common.UserException;

class PreparedDataTest {
    @TempDir
    Path dir;

    private static PreparedData prepare(Path corpus, int c) {
        return PreparedData.prepare(corpus, null, c, ProgressListener.NONE, Cancellation.NONE);
    }

    @Test
    void onTheRedditSampleStartAndEndAreIndicesZeroAndOne() {
        Path reddit = CorpusReaderTest.REDDIT;
        Assumptions.assumeTrue(Files.exists(reddit), "../shared/data absent: no reddit sample to prepare");
        PreparedData d = prepare(reddit, 8000);
        Vocabulary v = d.vocabulary();
        assertEquals(0, v.startIndex());
        assertEquals(1, v.endIndex());
        assertEquals(Tokens.START, v.word(0));
        assertEquals(Tokens.END, v.word(1));
        assertEquals(v.size() - 1, v.unknownIndex());
        CorpusStats s = d.stats();
        assertEquals(212, s.documents());
        assertEquals(s.sentences(), v.count(0), "one SENTENCE_START a sentence");
        assertEquals(s.sentences(), d.size());
        assertTrue(s.sentences() > 1000, "sentences: " + s.sentences());
        // fewer distinct tokens than C-1: all kept, nothing unknown
        assertEquals(s.distinctTokens() + 1, s.vocabularySize());
        assertEquals(1.0, s.coverage());
        // the lesson's training pairs: y is x shifted left by one, x starts with START, y ends with END
        for (int i = 0; i < d.size(); i++) {
            int[] w = d.sentence(i);
            int[] x = d.x(i);
            int[] y = d.y(i);
            assertEquals(w.length - 1, x.length);
            assertArrayEquals(Arrays.copyOfRange(w, 0, w.length - 1), x);
            assertArrayEquals(Arrays.copyOfRange(w, 1, w.length), y);
            assertEquals(0, x[0]);
            assertEquals(1, y[y.length - 1]);
        }
        // a small vocabulary replaces rare words by UNKNOWN_TOKEN
        PreparedData small = prepare(reddit, 100);
        assertEquals(100, small.vocabulary().size());
        assertEquals(Tokens.UNKNOWN, small.vocabulary().word(99));
        assertTrue(small.sentenceTokens(0).contains(Tokens.UNKNOWN), String.join(" ", small.sentenceTokens(0)));
        assertEquals(small.stats().leastFrequentWord(), small.vocabulary().word(98));
        assertEquals(small.stats().leastFrequentCount(), small.frequencies().countAt(98));
    }

    @Test
    void aSmallCorpusByHand() throws IOException {
        Path txt = Files.writeString(dir.resolve("tiny.txt"), "The cat sat. The dog sat!\n\nA cat ran.");
        PreparedData d = prepare(txt, 5);
        // counts of 18 tokens: START 3, END 3, the 2, cat 2, sat 2, . 2, dog 1, ! 1, a 1, ran 1
        assertEquals(List.of(Tokens.START, Tokens.END, "the", "cat", Tokens.UNKNOWN), d.vocabulary().words());
        assertEquals(3, d.size());
        assertEquals(List.of(Tokens.START, "the", "cat", Tokens.UNKNOWN, Tokens.UNKNOWN, Tokens.END), d.sentenceTokens(0));
        assertArrayEquals(new int[]{0, 2, 3, 4, 4, 1}, d.sentence(0));
        assertArrayEquals(new int[]{0, 2, 3, 4, 4}, d.x(0));
        assertArrayEquals(new int[]{2, 3, 4, 4, 1}, d.y(0));
        CorpusStats s = d.stats();
        assertEquals(2, s.documents());
        assertEquals(3, s.sentences());
        assertEquals(18, s.tokens());
        assertEquals(10, s.distinctTokens());
        assertEquals(5, s.vocabularySize());
        assertEquals("cat", s.leastFrequentWord());
        assertEquals(2, s.leastFrequentCount());
        assertEquals(10.0 / 18, s.coverage(), 1e-12);
        assertEquals(3, d.xs().size());
        assertArrayEquals(d.y(2), d.ys().get(2));
    }

    @Test
    void writesAndReadsTheTrainingSet() throws IOException {
        Path txt = Files.writeString(dir.resolve("tiny.txt"), "The cat sat. The dog sat!\n\nA cat ran.");
        PreparedData d = prepare(txt, 5);
        Path out = dir.resolve("out");
        d.write(out);
        assertEquals("SENTENCE_START the cat UNKNOWN_TOKEN UNKNOWN_TOKEN SENTENCE_END",
                Files.readAllLines(out.resolve("sentences.txt")).get(0));
        assertEquals("0 2 3 4 4 1", Files.readAllLines(out.resolve("train.txt")).get(0));
        assertEquals("0\tSENTENCE_START\t3", Files.readAllLines(out.resolve("vocabulary.tsv")).get(0));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("stats.json").toFile());
        assertEquals(3, json.path("sentences").asInt(), json.toString());
        assertEquals("cat", json.path("leastFrequentWord").asText(), json.toString());
        assertTrue(Files.exists(out.resolve("manifest.json")));

        PreparedData back = PreparedData.read(out);
        assertEquals(d.vocabulary(), back.vocabulary());
        assertEquals(d.stats(), back.stats());
        assertNull(back.frequencies());
        assertEquals(d.size(), back.size());
        for (int i = 0; i < d.size(); i++) {
            assertArrayEquals(d.sentence(i), back.sentence(i));
        }
        assertEquals(d.corpusDescription(), back.corpusDescription());
    }

    @Test
    void readingSomethingElseIsAUserError() throws IOException {
        assertThrows(UserException.class, () -> PreparedData.read(dir.resolve("absent")));
        Files.createDirectories(dir.resolve("empty"));
        assertThrows(UserException.class, () -> PreparedData.read(dir.resolve("empty")));
        Path half = dir.resolve("half");
        Files.createDirectories(half);
        Vocabulary.of(List.of("a", Tokens.UNKNOWN), new long[]{1, 0}).write(half.resolve("vocabulary.tsv"));
        Files.writeString(half.resolve("train.txt"), "0 1\n0 7\n");
        UserException e = assertThrows(UserException.class, () -> PreparedData.read(half));
        assertTrue(e.getMessage().contains("no manifest.json") && e.getMessage().contains("run 'rnnlab prepare --out"),
                e.getMessage());
    }

    @Test
    void aFolderMixedFromTwoPreparedSetsIsRefusedWithWhatToRerun() throws IOException {
        Path txt = Files.writeString(dir.resolve("tiny.txt"), "The cat sat. The dog sat!\n\nA cat ran.");
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        prepare(txt, 5).write(a);
        prepare(txt, 4).write(b);
        // what an interrupted in-place write used to leave: the new vocabulary beside the old sentences
        Files.copy(b.resolve("vocabulary.tsv"), a.resolve("vocabulary.tsv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        UserException e = assertThrows(UserException.class, () -> PreparedData.read(a));
        UserException vocabularyOnly = assertThrows(UserException.class, () -> PreparedData.readVocabulary(a));
        assertEquals(e.getMessage(), vocabularyOnly.getMessage(), "reading the vocabulary alone checks it too");
        assertTrue(e.getMessage().contains("partly written or mixed") && e.getMessage().contains("vocabulary.tsv")
                && e.getMessage().endsWith("run 'rnnlab prepare --out " + a + "' again"), e.getMessage());
        // the same size but other bytes is caught by the hash
        byte[] train = Files.readAllBytes(b.resolve("train.txt"));
        train[0] = (byte) (train[0] == '0' ? '1' : '0');
        Files.write(b.resolve("train.txt"), train);
        e = assertThrows(UserException.class, () -> PreparedData.read(b));
        assertTrue(e.getMessage().contains("train.txt is not the one its manifest lists"), e.getMessage());
    }

    @Test
    void rewritingReplacesTheWholeSetAndLeavesNoTemporaryFolder() throws IOException {
        Path txt = Files.writeString(dir.resolve("tiny.txt"), "The cat sat. The dog sat!\n\nA cat ran.");
        Path out = dir.resolve("out");
        prepare(txt, 5).write(out);
        prepare(txt, 4).write(out);
        assertEquals(4, PreparedData.read(out).vocabulary().size());
        try (var names = Files.list(dir)) {
            assertEquals(List.of("out", "tiny.txt"), names.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aFolderWithOtherFilesIsNotTakenOver() throws IOException {
        Path txt = Files.writeString(dir.resolve("tiny.txt"), "The cat sat. The dog sat!\n\nA cat ran.");
        UserException e = assertThrows(UserException.class, () -> prepare(txt, 5).write(dir));
        assertTrue(e.getMessage().contains("holds files that are not a prepared set (tiny.txt)"), e.getMessage());
        assertTrue(Files.exists(txt));
    }

    @Test
    void aKilledWritersTemporaryFolderIsRemovedByTheNextWrite() throws IOException {
        Path txt = Files.writeString(dir.resolve("tiny.txt"), "The cat sat. The dog sat!\n\nA cat ran.");
        Path dead = Files.createDirectories(dir.resolve(".out." + Integer.MAX_VALUE + "-1f.tmp"));
        Files.writeString(dead.resolve("train.txt"), "0 1");
        Path running = Files.createDirectories(dir.resolve(".out." + ProcessHandle.current().parent().orElseThrow().pid() + "-2e.tmp"));
        prepare(txt, 5).write(dir.resolve("out"));
        assertTrue(Files.notExists(dead), "a dead process's leftover is removed");
        assertTrue(Files.exists(running), "a running process's temporary folder is left alone");
    }

    @Test
    void aCorpusWithoutWordsIsAUserError() throws IOException {
        Path csv = Files.writeString(dir.resolve("blank.csv"), "body\n\"  \"\n\"\"\n");
        UserException e = assertThrows(UserException.class, () -> prepare(csv, 8000));
        assertTrue(e.getMessage().contains("no sentences"), e.getMessage());
    }

    @Test
    void cancellingStopsPreparing() {
        Cancellation cancel = new Cancellation();
        long[] calls = {0};
        assertThrows(org.rnnlab.common.CancelledException.class, () -> PreparedData.prepare(
                CorpusReader.SAMPLE_CORPUS, null, 8000, (done, total, message) -> {
                    calls[0]++;
                    cancel.cancel();
                }, cancel));
        assertEquals(1, calls[0], "stopped at the first document after the first progress report");
    }

    @Test
    void vocabularySizeBelowThreeFailsBeforeReading() {
        assertThrows(UserException.class, () -> prepare(dir.resolve("does-not-matter.csv"), 2));
    }
}
