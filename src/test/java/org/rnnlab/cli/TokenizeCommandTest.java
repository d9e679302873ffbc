package org.rnnlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizeCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsOneSentenceALine() throws IOException {
        Path p = Files.writeString(dir.resolve("t.txt"), "He left! \"Hello,\" she said.\n\nI can't go... Mr. Smith came.");
        CliRun r = CliRun.withInput("", "tokenize", p.toString());
        assertEquals(0, r.exit(), r.err());
        // an ellipsis before a capital ends the sentence; "Mr." does not
        assertEquals("He left !\n`` Hello , '' she said .\nI ca n't go ...\nMr. Smith came .\n", r.out());
    }

    @Test
    void lowerCasesAndReadsStandardInput() {
        CliRun r = CliRun.withInput("The U.S. GREW 3.5 percent.", "tokenize", "--lower", "-");
        assertEquals(0, r.exit(), r.err());
        assertEquals("the u.s. grew 3.5 percent .\n", r.out());
        assertEquals("the u.s. grew 3.5 percent .\n", CliRun.withInput("the u.s. grew 3.5 percent.", "tokenize").out(),
                "standard input is the default");
    }

    @Test
    void linePerSentenceDoesNotSplitSentences() {
        CliRun r = CliRun.withInput("one. two.\nthree!\n", "tokenize", "--line-per-sentence");
        assertEquals("one. two .\nthree !\n", r.out());
    }

    @Test
    void whitespaceOptionShowsTheNaiveSplit() {
        assertEquals("he left!\n", CliRun.withInput("he left!", "tokenize", "--whitespace").out());
    }

    @Test
    void writesUtf8() {
        CliRun r = CliRun.withInput("Café “naïve” 😀.", "tokenize");
        assertEquals("Café “ naïve ” 😀 .\n", r.out());
    }

    @Test
    void warnsAboutInvalidUtf8() throws IOException {
        Path p = Files.write(dir.resolve("t.txt"), new byte[]{'o', 'k', ' ', (byte) 0xFF, '.'});
        CliRun r = CliRun.withInput("", "tokenize", p.toString());
        assertEquals(0, r.exit());
        assertEquals("ok \uFFFD .\n", r.out());
        assertTrue(r.err().contains("1 bytes were not valid UTF-8"), r.err());
    }

    private String bad(String stdin, String... args) {
        CliRun r = CliRun.withInput(stdin, args);
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), "one line: " + r.err());
        assertTrue(r.err().startsWith("rnnlab: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        return r.err();
    }

    @Test
    void badInputs() throws IOException {
        assertTrue(bad("", "tokenize", dir.resolve("missing.txt").toString()).contains("no such file"));
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        assertTrue(bad("", "tokenize", empty.toString()).contains("empty"));
        Path binary = Files.write(dir.resolve("b.txt"), new byte[]{1, 2, 0, 3});
        assertTrue(bad("", "tokenize", binary.toString()).contains("binary"));
        Path csv = Files.writeString(dir.resolve("c.csv"), "text\nhi\n", StandardCharsets.UTF_8);
        assertTrue(bad("", "tokenize", csv.toString()).contains("--column"));
        Path folder = Files.createDirectories(dir.resolve("nothing"));
        assertTrue(bad("", "tokenize", folder.toString()).contains("no text"));
        assertTrue(bad("", "tokenize", "-").contains("standard input is empty"));
    }
}
