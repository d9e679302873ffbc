package org.rnnlab.app.steps.training;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Where runs are kept: {@code runs} in the user's data folder (~/.local/share/rnnlab on Linux,
 * %APPDATA%\RNN Lab on Windows, ~/Library/Application Support/RNN Lab on macOS);
 * {@code -Drnnlab.dataDir=...} puts the data folder elsewhere (tests).
 */
public final class RunFolder {
    /** The system property that overrides the data folder. */
    public static final String DATA_DIR = "rnnlab.dataDir";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private RunFolder() {
    }

    /** The folder the runs are saved to. */
    public static Path runs() {
        return dataDir().resolve("runs");
    }

    static Path dataDir() {
        String override = System.getProperty(DATA_DIR);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.startsWith("windows")) {
            String appData = System.getenv("APPDATA");
            return (appData == null ? home.resolve("AppData").resolve("Roaming") : Path.of(appData)).resolve("RNN Lab");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("RNN Lab");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg)).resolve("rnnlab");
    }

    /** A new run's file name: run-20261202-063512.jsonl (the time it ended). */
    static String fileName(LocalDateTime when) {
        return "run-" + STAMP.format(when) + ".jsonl";
    }
}
