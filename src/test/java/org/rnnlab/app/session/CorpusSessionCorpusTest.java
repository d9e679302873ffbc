package org.rnnlab.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.CancelledException;
import org.rnnlab.common.ProgressListener;
import org.rnnlab.common.UserException;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.Tokens;

/** The corpus data the session keeps: read without a toolkit. */
class CorpusSessionCorpusTest {
    @TempDir
    Path dir;

    @Test
    void keepsEverySentenceWrappedInStartAndEnd() {
        Corpus c = Corpus.of("t", List.of("He left! She stayed.", "Fine."));
        assertEquals(2, c.documentCount());
        assertEquals(3, c.sentenceCount());
        assertEquals(List.of(Tokens.START, "he", "left", "!", Tokens.END), c.sentenceTokens(0));
        assertEquals(List.of(Tokens.START, "fine", ".", Tokens.END), c.sentenceTokens(2));
        // 5 + 5 + 4 tokens; distinct: START END he left ! she stayed . fine
        assertEquals(14, c.frequencies().totalTokens());
        assertEquals(9, c.frequencies().distinctTokens());
        assertEquals(10, c.maxVocabularySize());
    }

    @Test
    void sentencesMatchThePreparedDataInOrder() {
        Corpus c = CorpusSessionFixtures.corpus();
        PreparedData d = PreparedData.fromSentences(c.sentences(), 5);
        assertEquals(c.sentenceCount(), d.size());
        for (int i = 0; i < d.size(); i++) {
            List<String> original = c.sentenceTokens(i);
            List<String> replaced = d.sentenceTokens(i);
            assertEquals(original.size(), replaced.size());
            for (int k = 0; k < original.size(); k++) {
                String w = replaced.get(k);
                assertTrue(w.equals(original.get(k)) || w.equals(Tokens.UNKNOWN), original + " vs " + replaced);
            }
        }
    }

    @Test
    void keepsOnlyTheFirstDocumentsForBrowsingButCountsThemAll() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < CorpusSession.KEPT_DOCUMENTS + 7; i++) {
            texts.add("word" + i + " here.");
        }
        Corpus c = Corpus.of("many", texts);
        assertEquals(CorpusSession.KEPT_DOCUMENTS + 7, c.documentCount());
        assertEquals(CorpusSession.KEPT_DOCUMENTS, c.documents().size());
        assertTrue(c.documentsTruncated());
        assertEquals(CorpusSession.KEPT_DOCUMENTS + 7, c.sentenceCount());
        assertEquals(CorpusSession.KEPT_DOCUMENTS, c.summary().keptDocuments());
    }

    @Test
    void readsACsvAndReportsNumbersAsItGoes() throws Exception {
        Path csv = dir.resolve("c.csv");
        StringBuilder sb = new StringBuilder("body,score\n");
        for (int i = 0; i < 50; i++) {
            sb.append("\"Comment ").append(i).append(", with \"\"quotes\"\". Two sentences!\",1\n");
        }
        Files.writeString(csv, sb);
        List<CorpusSummary> seen = new ArrayList<>();
        Corpus c = Corpus.read(csv, null, ProgressListener.NONE, new Cancellation(), seen::add);
        assertEquals(50, c.documentCount());
        assertEquals(100, c.sentenceCount());
        assertTrue(c.description().contains("c.csv"), c.description());
        CorpusSummary last = seen.get(seen.size() - 1);
        assertTrue(last.complete());
        assertEquals(50, last.documents());
        assertEquals(c.frequencies().totalTokens(), last.tokens());
    }

    @Test
    void badFilesAreRefusedWithAReadableMessage() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        Path binary = dir.resolve("image.csv");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3});
        Path noColumn = dir.resolve("other.csv");
        Files.writeString(noColumn, "title,score\nhello,1\n");
        for (Path p : List.of(empty, binary, noColumn, dir.resolve("missing.csv"))) {
            UserException e = assertThrows(UserException.class,
                    () -> Corpus.read(p, null, ProgressListener.NONE, new Cancellation(), null), p.toString());
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Test
    void aFileWithoutWordsIsRefused() throws Exception {
        Path csv = dir.resolve("blank.csv");
        Files.writeString(csv, "body\n\" \"\n\"  \"\n");
        assertThrows(UserException.class,
                () -> Corpus.read(csv, null, ProgressListener.NONE, new Cancellation(), null));
    }

    @Test
    void stopsWhenCancelled() throws Exception {
        Path txt = dir.resolve("t.txt");
        Files.writeString(txt, "One.\n\nTwo.\n\nThree.\n");
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        assertThrows(CancelledException.class,
                () -> Corpus.read(txt, null, ProgressListener.NONE, cancel, null));
    }

    @Test
    void clampKeepsCBetweenThreeAndTheCorpusMaximum() {
        assertEquals(3, CorpusSession.clamp(1, 100));
        assertEquals(100, CorpusSession.clamp(8000, 100));
        assertEquals(50, CorpusSession.clamp(50, 100));
        assertEquals(3, CorpusSession.clamp(8000, 2));
    }
}
