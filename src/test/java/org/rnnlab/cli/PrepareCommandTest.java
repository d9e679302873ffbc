package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.text.PreparedData;

class PrepareCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheLessonsFourLinesAndWritesTheTrainingSet() throws IOException {
        Path corpus = Files.writeString(dir.resolve("c.csv"), "body\n\"The cat sat. The dog sat!\"\n\"A cat ran.\"\n");
        Path out = dir.resolve("out");
        CliRun r = CliRun.withInput("", "prepare", "--corpus", corpus.toString(), "--vocabulary-size", "5",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(
                "Parsed 3 sentences.",
                "Found 10 unique words tokens.",
                "Using vocabulary size 5.",
                "The least frequent word in our vocabulary is 'cat' and appeared 2 times."), r.out().lines().toList());
        for (String f : List.of("vocabulary.tsv", "sentences.txt", "train.txt", "stats.json", "manifest.json")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(3, PreparedData.read(out).size());
        assertFalse(r.err().contains("\r"), "no progress line when stderr is not a terminal");
    }

    @Test
    void saysSoWhenTheCorpusHasFewerWordsThanTheVocabulary() throws IOException {
        Path corpus = Files.writeString(dir.resolve("c.txt"), "one two. two three.");
        CliRun r = CliRun.withInput("", "prepare", "--corpus", corpus.toString(), "--out", dir.resolve("o").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Using vocabulary size 7."), r.out());
        assertTrue(r.err().contains("only 6 distinct tokens"), r.err());
    }

    @Test
    void theColumnOptionNamesAnotherColumn() throws IOException {
        Path corpus = Files.writeString(dir.resolve("c.csv"), "id,text\n1,Hello there.\n2,General Kenobi!\n");
        CliRun r = CliRun.withInput("", "prepare", "--corpus", corpus.toString(), "--column", "text", "--out",
                dir.resolve("o").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Parsed 2 sentences."), r.out());
    }

    @Test
    void aFolderHoldingOtherFilesIsRefusedBeforeTheCorpusIsRead() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");
        CliRun r = CliRun.withInput("", "prepare", "--corpus", dir.resolve("absent.csv").toString(), "--out", dir.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("holds files that are not a prepared set (notes.txt)"), r.err());
        assertEquals("mine", Files.readString(notes));
    }

    @Test
    void anUnclosedQuoteAndLatinBytesAreWarnedWithWhatToDo() throws IOException {
        Path corpus = dir.resolve("c.csv");
        Files.write(corpus, "body\n\"Caf\u00e9 one.\"\n\"Two is never closed.\nThree.\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun r = CliRun.withInput("", "prepare", "--corpus", corpus.toString(), "--out", dir.resolve("o").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("Warning: the quote opened on line 3 of c.csv (record 2) is never closed"), r.err());
        assertTrue(r.err().contains("pass --encoding windows-1252"), r.err());
        CliRun latin = CliRun.withInput("", "prepare", "--corpus", corpus.toString(), "--encoding", "ISO-8859-1",
                "--out", dir.resolve("o").toString());
        assertEquals(0, latin.exit(), latin.err());
        assertFalse(latin.err().contains("U+FFFD"), latin.err());
        assertTrue(Files.readString(dir.resolve("o").resolve("sentences.txt")).contains("caf\u00e9"));
        assertTrue(bad("prepare", "--corpus", corpus.toString(), "--encoding", "klingon", "--out",
                dir.resolve("p").toString()).err().contains("--encoding klingon is not an encoding"));
    }

    // ---- bad input: exit 2, one line "rnnlab: what is wrong; how to fix it", never a stack trace

    private CliRun bad(String... args) {
        CliRun r = CliRun.withInput("", args);
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("rnnlab: "), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
        return r;
    }

    @Test
    void missingFile() {
        CliRun r = bad("prepare", "--corpus", dir.resolve("missing.csv").toString(), "--out", dir.resolve("o").toString());
        assertTrue(r.err().contains("no such file"), r.err());
    }

    @Test
    void emptyFile() throws IOException {
        Path p = Files.writeString(dir.resolve("empty.csv"), "");
        assertTrue(bad("prepare", "--corpus", p.toString(), "--out", dir.resolve("o").toString()).err().contains("empty"));
    }

    @Test
    void binaryFile() throws IOException {
        Path p = Files.write(dir.resolve("model.npz"), new byte[]{'P', 'K', 3, 4, 0, 0, 0, 0, 8, 0});
        assertTrue(bad("prepare", "--corpus", p.toString(), "--out", dir.resolve("o").toString()).err().contains("binary"));
    }

    @Test
    void csvWithoutTheColumn() throws IOException {
        Path p = Files.writeString(dir.resolve("c.csv"), "text\nhello\n");
        String err = bad("prepare", "--corpus", p.toString(), "--out", dir.resolve("o").toString()).err();
        assertTrue(err.contains("no column 'body'") && err.contains("--column"), err);
    }

    @Test
    void folderWithoutText() throws IOException {
        Path d = Files.createDirectories(dir.resolve("empty-folder"));
        String err = bad("prepare", "--corpus", d.toString(), "--out", dir.resolve("o").toString()).err();
        assertTrue(err.contains("no text"), err);
    }

    @Test
    void vocabularyTooSmall() throws IOException {
        Path p = Files.writeString(dir.resolve("c.txt"), "some text.");
        String err = bad("prepare", "--corpus", p.toString(), "--vocabulary-size", "2", "--out",
                dir.resolve("o").toString()).err();
        assertTrue(err.contains("at least 3"), err);
    }

    @Test
    void outputIsAFile() throws IOException {
        Path p = Files.writeString(dir.resolve("c.txt"), "some text.");
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertTrue(bad("prepare", "--corpus", p.toString(), "--out", file.toString()).err().contains("not a folder"));
    }

    @Test
    void noWordsAtAll() throws IOException {
        Path p = Files.writeString(dir.resolve("c.csv"), "body\n\"   \"\n");
        assertTrue(bad("prepare", "--corpus", p.toString(), "--out", dir.resolve("o").toString()).err()
                .contains("no sentences"));
    }
}
