package org.rnnlab.app.support;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The app's folder for what it keeps of the learner's work (runs, the interrupted run's checkpoint):
 * ~/.local/share/rnnlab on Linux ($XDG_DATA_HOME when set), %APPDATA%\RNN Lab on Windows,
 * ~/Library/Application Support/RNN Lab on macOS; {@code -Drnnlab.dataDir=...} puts it elsewhere (tests).
 */
public final class DataFolder {
    /** The system property that overrides the data folder. */
    public static final String PROPERTY = "rnnlab.dataDir";

    private DataFolder() {
    }

    public static Path path() {
        String override = System.getProperty(PROPERTY);
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
}
