package org.rnnlab.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Says that a window's launch got as far as the learner's work: the window shown and the engine
 * loaded. The launch that writes the class archive at exit (the launcher's {@code ClassArchive})
 * keeps that archive only when it did; a launch that failed early (no display, no GTK) loaded a
 * few hundred classes, and an archive of those would make every later launch slower, not faster.
 */
public final class LaunchComplete {
    /** System property set on the launch that writes the archive: the file to create when complete. */
    public static final String PROPERTY = "rnnlab.classArchive.complete";

    private LaunchComplete() {
    }

    /** Creates the launch's mark, when this launch writes the archive; anything else does nothing. */
    public static void mark() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Path p = Path.of(file);
            if (!Files.exists(p)) {
                Files.createFile(p);
            }
        } catch (IOException | RuntimeException e) {
            // no mark: the next launch writes the archive again, which costs a few seconds once
        }
    }
}
