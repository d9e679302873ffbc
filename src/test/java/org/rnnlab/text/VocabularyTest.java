package org.rnnlab.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnnlab.common.UserException;

class VocabularyTest {
    @TempDir
    Path dir;

    private static Vocabulary sample() {
        return Vocabulary.of(List.of(Tokens.START, Tokens.END, "the", "café", Tokens.UNKNOWN), new long[]{5, 5, 3, 1, 7});
    }

    @Test
    void indicesAndLookups() {
        Vocabulary v = sample();
        assertEquals(5, v.size());
        assertEquals(0, v.startIndex());
        assertEquals(1, v.endIndex());
        assertEquals(4, v.unknownIndex());
        assertEquals("the", v.word(2));
        assertEquals(3, v.indexOf("café"));
        assertEquals(4, v.indexOf("absent"));
        assertTrue(v.contains("the"));
        assertFalse(v.contains("absent"));
        assertArrayEquals(new int[]{0, 2, 4, 3, 1}, v.encode(List.of(Tokens.START, "the", "dog", "café", Tokens.END)));
    }

    @Test
    void theLastWordMustBeUnknown() {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("a", "b"), new long[]{1, 1}));
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("a", Tokens.UNKNOWN), new long[]{1}));
        assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.of(List.of("a", "a", Tokens.UNKNOWN), new long[]{1, 1, 0}));
    }

    @Test
    void writesAndReadsTsv() throws IOException {
        Path tsv = dir.resolve("vocabulary.tsv");
        sample().write(tsv);
        assertEquals(List.of("0\tSENTENCE_START\t5", "1\tSENTENCE_END\t5", "2\tthe\t3", "3\tcafé\t1",
                "4\tUNKNOWN_TOKEN\t7"), Files.readAllLines(tsv));
        assertEquals(sample(), Vocabulary.read(tsv));
    }

    @Test
    void readingABadFileIsAUserError() throws IOException {
        Path tsv = Files.writeString(dir.resolve("v.tsv"), "0\ta\t1\n2\tb\t1\n");
        UserException e = assertThrows(UserException.class, () -> Vocabulary.read(tsv));
        assertTrue(e.getMessage().contains("rnnlab prepare"), e.getMessage());
        Path noUnknown = Files.writeString(dir.resolve("w.tsv"), "0\ta\t1\n");
        assertThrows(UserException.class, () -> Vocabulary.read(noUnknown));
        assertThrows(UserException.class, () -> Vocabulary.read(dir.resolve("missing.tsv")));
    }
}
