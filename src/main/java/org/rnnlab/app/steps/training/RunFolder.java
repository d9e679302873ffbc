package org.rnnlab.app.steps.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.rnnlab.app.support.DataFolder;

/** Where runs are kept: {@code runs} in the user's {@link DataFolder}. */
public final class RunFolder {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private RunFolder() {
    }

    /** The folder the runs are saved to. */
    public static Path runs() {
        return DataFolder.path().resolve("runs");
    }

    /** A new run's file name: run-20261202-063512.jsonl (the time it ended). */
    static String fileName(LocalDateTime when) {
        return "run-" + STAMP.format(when) + ".jsonl";
    }

    /** A file in {@code folder} for a run that ended {@code when}; a run that ended in the same second gets -2, -3, ... */
    static Path freeFile(Path folder, LocalDateTime when) {
        Path file = folder.resolve(fileName(when));
        String stem = "run-" + STAMP.format(when);
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve(stem + "-" + n + ".jsonl");
        }
        return file;
    }
}
