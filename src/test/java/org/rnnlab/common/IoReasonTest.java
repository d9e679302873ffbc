package org.rnnlab.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file system's exceptions said with their reason, not as a bare path. */
class IoReasonTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileAndADeniedOneSayWhy() {
        Path missing = dir.resolve("no-such.csv");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Files.readString(missing));
        assertEquals(missing.toString(), e.getMessage(), "what the exception alone would have said");
        assertEquals("no such file or folder: " + missing, IoReason.of(e));
        assertEquals("permission denied: /x/run.jsonl", IoReason.of(new AccessDeniedException("/x/run.jsonl")));
    }

    @Test
    void aReasonTheSystemGaveIsKept() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        IOException e = assertThrows(IOException.class, () -> Files.createDirectories(file.resolve("inside")));
        assertTrue(IoReason.of(e).startsWith(file.toString()), IoReason.of(e));
        assertTrue(IoReason.of(e).length() > file.toString().length() + 2, "a reason follows the path: " + IoReason.of(e));
        assertEquals("Input/output error", IoReason.of(new IOException("Input/output error")));
        assertEquals("IOException", IoReason.of(new IOException()));
        assertEquals("no such file or folder: /x/train.txt", IoReason.of(
                new java.io.UncheckedIOException(new NoSuchFileException("/x/train.txt"))), "a stream's failure: its cause's reason");
    }
}
