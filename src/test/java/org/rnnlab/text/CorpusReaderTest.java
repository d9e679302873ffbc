package org.rnnlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.CancelledException;
import org.rnnlab.common.ProgressListener;
import org.rnnlab.common.UserException;

class CorpusReaderTest {
    static final Path REDDIT = Path.of("../shared/data/reddit-comments-sample.csv");

    @TempDir
    Path dir;

    static List<String> texts(CorpusReader reader) {
        List<String> out = new ArrayList<>();
        reader.forEach(d -> {
            assertEquals(out.size(), d.index(), "documents are numbered in order");
            out.add(d.text());
        }, ProgressListener.NONE, Cancellation.NONE);
        return out;
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsEachOfTheLessonsRedditRecordsAsOneComment() {
        Assumptions.assumeTrue(Files.exists(REDDIT), "../shared/data absent: no reddit sample to read");
        CorpusReader reader = CorpusReader.open(REDDIT, null);
        List<String> comments = texts(reader);
        assertEquals(212, comments.size());
        assertEquals(212, reader.documents());
        assertTrue(comments.get(0).startsWith("I joined a new league this year"), comments.get(0));
        assertTrue(comments.get(0).endsWith("grab a QB in the first round?"), comments.get(0));
        // a record spanning lines, with doubled quotes undone
        String second = comments.get(1);
        assertTrue(second.contains("say \"nah, you know what, here's your gun anyway.\""), second);
        assertTrue(second.contains("\n\n&gt;Here's an idea"), second);
        // the sample stops inside the 212th record's quotes; Python's csv reads it anyway, so do we
        assertTrue(comments.get(211).contains("### Gameplay"), comments.get(211));
        assertEquals(0, reader.malformedBytes());
        assertEquals(212, reader.unclosedQuote().record(), "... but says the last quote was never closed");
        assertEquals("reddit-comments-sample.csv (CSV, column body)", reader.description());
    }

    @Test
    void readsTheSampleCorpusAndAnotherColumn() {
        CorpusReader body = CorpusReader.open(CorpusReader.SAMPLE_CORPUS, null);
        List<String> passages = texts(body);
        assertEquals(4793, passages.size());
        assertTrue(passages.get(0).startsWith("To the Congress of the United States:"));
        List<String> presidents = texts(CorpusReader.open(CorpusReader.SAMPLE_CORPUS, "president"));
        assertEquals("Harry S Truman", presidents.get(0));
        assertEquals("state-of-the-union.csv (CSV, column president)",
                CorpusReader.open(CorpusReader.SAMPLE_CORPUS, "president").description());
    }

    @Test
    void csvQuotingAsInTheLesson() throws IOException {
        Path csv = write("c.csv", "year,body\n1999, \"a \"\"quoted\"\" word\nand a second line\"\n2000,plain\n"
                + "2001,\"\"\n");
        assertEquals(List.of("a \"quoted\" word\nand a second line", "plain", ""), texts(CorpusReader.open(csv, null)));
        assertEquals(List.of("1999", "2000", "2001"), texts(CorpusReader.open(csv, "year")));
    }

    @Test
    void textFileParagraphsAreSeparatedByBlankLines() throws IOException {
        Path txt = write("t.txt", "\n\nfirst line\nsecond line\n\n\n  \nnext paragraph\r\n \t\r\nlast");
        assertEquals(List.of("first line\nsecond line", "next paragraph", "last"), texts(CorpusReader.open(txt, null)));
    }

    @Test
    void folderReadsItsTextFilesInNameOrder() throws IOException {
        write("books/b.txt", "from b\n\nb again");
        write("books/a.txt", "from a");
        write("books/sub/c.TXT", "from c");
        write("books/notes.md", "not read");
        write("books/empty.txt", "");
        CorpusReader reader = CorpusReader.open(dir.resolve("books"), null);
        assertEquals(List.of("from a", "from b", "b again", "from c"), texts(reader));
        assertEquals("books/ (folder, 3 .txt files)", reader.description());
    }

    @Test
    void invalidUtf8IsReplacedAndCounted() throws IOException {
        Path txt = dir.resolve("bad.txt");
        byte[] bytes = {'c', 'a', 'f', (byte) 0xC3, ' ', 'o', 'k', ' ', (byte) 0xFF, (byte) 0xFE, '!', (byte) 0xE2, (byte) 0x82};
        Files.write(txt, bytes);
        CorpusReader reader = CorpusReader.open(txt, null);
        assertEquals(List.of("caf\uFFFD ok \uFFFD\uFFFD!\uFFFD"), texts(reader));
        assertEquals(5, reader.malformedBytes());
    }

    @Test
    void byteOrderMarkIsSkipped() throws IOException {
        Path csv = dir.resolve("bom.csv");
        Files.write(csv, ("\uFEFFbody\nhello\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("hello"), texts(CorpusReader.open(csv, null)));
    }

    @Test
    void aParagraphWithoutBlankLinesIsCutSoItNeverBecomesOneHugeString() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 3 * CorpusReader.MAX_DOCUMENT_CHARS) {
            sb.append("a line of words that never ends with a blank line\n");
        }
        Path txt = write("long.txt", sb.toString());
        List<String> docs = texts(CorpusReader.open(txt, null));
        assertTrue(docs.size() >= 3, "cut into " + docs.size());
        for (String d : docs) {
            assertTrue(d.length() <= CorpusReader.MAX_DOCUMENT_CHARS + 100, "document of " + d.length() + " chars");
            assertTrue(d.endsWith("blank line"), "cut at a line end");
        }
        assertEquals(sb.toString().strip(), String.join("\n", docs));
    }

    @Test
    void reportsProgressUpToTheTotal() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 1_000_000; i++) {
            sb.append("paragraph ").append(i).append("\n\n");
        }
        Path txt = write("big.txt", sb.toString());
        List<long[]> calls = new ArrayList<>();
        CorpusReader.open(txt, null).forEach(d -> { }, (done, total, msg) -> calls.add(new long[]{done, total}),
                Cancellation.NONE);
        assertTrue(calls.size() >= 3, "progress calls: " + calls.size());
        long size = Files.size(txt);
        for (int i = 1; i < calls.size(); i++) {
            assertTrue(calls.get(i)[0] >= calls.get(i - 1)[0], "progress never goes back");
            assertEquals(size, calls.get(i)[1]);
        }
        assertEquals(size, calls.get(calls.size() - 1)[0]);
    }

    @Test
    void stopsPromptlyWhenCancelled() throws IOException {
        StringBuilder sb = new StringBuilder("body\n");
        for (int i = 0; i < 10_000; i++) {
            sb.append("comment ").append(i).append('\n');
        }
        Path csv = write("many.csv", sb.toString());
        Cancellation cancel = new Cancellation();
        List<String> seen = new ArrayList<>();
        assertThrows(CancelledException.class, () -> CorpusReader.open(csv, null).forEach(d -> {
            seen.add(d.text());
            if (seen.size() == 3) {
                cancel.cancel();
            }
        }, ProgressListener.NONE, cancel));
        assertEquals(3, seen.size());
    }

    @Test
    void readsAStream() {
        CorpusReader reader = CorpusReader.ofStream(
                new ByteArrayInputStream("one\ntwo\n\nthree".getBytes(StandardCharsets.UTF_8)), "standard input");
        assertEquals(List.of("one\ntwo", "three"), texts(reader));
    }

    // ---- bad input: one sentence saying what is wrong and how to fix it

    private static void assertOneLine(UserException e, String... fragments) {
        String m = e.getMessage();
        assertFalse(m.contains("\n"), "one line: " + m);
        for (String f : fragments) {
            assertTrue(m.contains(f), "'" + f + "' in: " + m);
        }
    }

    @Test
    void missingFile() {
        assertOneLine(assertThrows(UserException.class, () -> CorpusReader.open(dir.resolve("nope.csv"), null)),
                "no such file", "nope.csv", "check the path");
    }

    @Test
    void emptyFile() throws IOException {
        Path p = write("empty.csv", "");
        assertOneLine(assertThrows(UserException.class, () -> CorpusReader.open(p, null)), "is empty");
    }

    @Test
    void binaryFile() throws IOException {
        Path p = dir.resolve("image.csv");
        Files.write(p, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        assertOneLine(assertThrows(UserException.class, () -> CorpusReader.open(p, null)), "binary", ".txt");
    }

    @Test
    void csvWithoutTheColumn() throws IOException {
        Path p = write("other.csv", "title,text\nx,y\n");
        assertOneLine(assertThrows(UserException.class, () -> CorpusReader.open(p, null)),
                "no column 'body'", "title, text", "--column");
        assertEquals(List.of("y"), texts(CorpusReader.open(p, "text")));
        assertEquals(List.of("y"), texts(CorpusReader.open(p, "TEXT")), "column names match ignoring case");
    }

    @Test
    void folderWithoutText() throws IOException {
        Files.createDirectories(dir.resolve("nothing"));
        write("nothing/data.csv", "body\nx\n");
        write("nothing/empty.txt", "");
        assertOneLine(assertThrows(UserException.class, () -> CorpusReader.open(dir.resolve("nothing"), null)),
                "holds no text", ".txt");
    }

    @Test
    void emptyStream() {
        assertOneLine(assertThrows(UserException.class,
                () -> CorpusReader.ofStream(new ByteArrayInputStream(new byte[0]), "standard input")), "empty");
    }

    @Test
    void aQuoteLeftOpenMidFileIsReportedWithItsLineAndTheLinesItSwallowed() throws IOException {
        Path csv = write("open.csv", "body\n\"first, fine\"\n\"second \"\"quoted\"\" word\"\n\"third is never closed\n"
                + "fourth\nfifth\n");
        CorpusReader reader = CorpusReader.open(csv, null);
        List<String> docs = texts(reader);
        assertEquals(3, docs.size(), "Python's reading: the rest of the file is the third record");
        CorpusReader.UnclosedQuote q = reader.unclosedQuote();
        assertEquals(3, q.record());
        assertEquals(4, q.fromLine());
        assertEquals(6, q.lines());
        assertEquals("the quote opened on line 4 of open.csv (record 3) is never closed, so its last 3 lines were read "
                + "as one text; if that is not meant, close the quote", q.describe(csv));
    }

    @Test
    void closedQuotesDoubledQuotesAndQuotesInsideUnquotedFieldsAreNotReported() throws IOException {
        Path csv = write("fine.csv", "id, body\n1, \"a \"\"b\"\", c\nd\"\n2,say 5\" of snow\n3,\"x\"trailing\n");
        CorpusReader reader = CorpusReader.open(csv, null);
        assertEquals(List.of("a \"b\", c\nd", "say 5\" of snow", "xtrailing"), texts(reader));
        assertEquals(null, reader.unclosedQuote());
    }

    @Test
    void latinTextIsReadInTheEncodingGiven() throws IOException {
        Path txt = dir.resolve("latin.txt");
        Files.write(txt, "Caf\u00e9 cr\u00e8me, na\u00efve.".getBytes(StandardCharsets.ISO_8859_1));
        CorpusReader utf8 = CorpusReader.open(txt, null);
        assertEquals(List.of("Caf\ufffd cr\ufffdme, na\ufffdve."), texts(utf8));
        assertEquals(3, utf8.malformedBytes());
        CorpusReader latin = CorpusReader.open(txt, null, StandardCharsets.ISO_8859_1);
        assertEquals(List.of("Caf\u00e9 cr\u00e8me, na\u00efve."), texts(latin));
        assertEquals(0, latin.malformedBytes());
    }
}
