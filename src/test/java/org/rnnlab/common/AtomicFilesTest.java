package org.rnnlab.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void failedWriteLeavesTheOldFileWholeAndNoTemporary() throws IOException {
        Path target = dir.resolve("model.npz");
        AtomicFiles.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void writtenFileIsReadableByOthers() throws IOException {
        Path target = dir.resolve("vocabulary.tsv");
        AtomicFiles.writeString(target, "0\tthe\t3\n");
        assertEquals("0\tthe\t3\n", Files.readString(target));
        // Same mode as any file this process creates (the umask decides), not a temporary file's 0600.
        Path reference = Files.createFile(dir.resolve("reference"));
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(target));
        assertTrue(Files.getPosixFilePermissions(target).contains(PosixFilePermission.OWNER_READ));
    }

    @Test
    void temporariesOfKilledWritersAreRemovedByTheNextWriteThoseOfRunningOnesKept() throws IOException {
        Path target = dir.resolve("model.npz");
        Path dead = Files.writeString(dir.resolve(".model.npz." + Integer.MAX_VALUE + "-ab.tmp"), "half");
        Path running = Files.writeString(dir.resolve(".model.npz." + ProcessHandle.current().parent().orElseThrow().pid()
                + "-cd.tmp"), "being written");
        Path other = Files.writeString(dir.resolve(".other.npz." + Integer.MAX_VALUE + "-ab.tmp"), "not ours to judge");
        AtomicFiles.writeString(target, "new");
        assertEquals("new", Files.readString(target));
        assertTrue(Files.notExists(dead));
        assertTrue(Files.exists(running));
        assertTrue(Files.exists(other), "only the temporaries of the file being written are looked at");
    }
}
