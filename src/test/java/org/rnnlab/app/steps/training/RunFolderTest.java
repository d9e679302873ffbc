package org.rnnlab.app.steps.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    @Test
    void twoRunsEndingInTheSameSecondKeepTwoFiles(@TempDir Path folder) throws Exception {
        LocalDateTime when = LocalDateTime.of(2026, 12, 2, 6, 35, 12);
        Path first = RunFolder.freeFile(folder, when);
        assertEquals("run-20261202-063512.jsonl", first.getFileName().toString());
        Files.writeString(first, "{}");
        Path second = RunFolder.freeFile(folder, when);
        assertEquals("run-20261202-063512-2.jsonl", second.getFileName().toString());
        Files.writeString(second, "{}");
        assertEquals("run-20261202-063512-3.jsonl", RunFolder.freeFile(folder, when).getFileName().toString());
    }
}
