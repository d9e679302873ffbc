package org.rnnlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The window's start leaves out JavaFX's warning about the class path, and only that one. */
class JavaFxWarningTest {
    @Test
    void onlyTheClassPathWarningIsLeftOut() {
        Logger javafx = Logger.getLogger("javafx");
        List<String> seen = new ArrayList<>();
        Handler keep = new Handler() {
            @Override
            public void publish(LogRecord r) {
                seen.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        javafx.addHandler(keep);
        try {
            RnnLabApp.quietClassPathWarning();
            javafx.warning("Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1b2c3d'");
            javafx.warning("Could not load the stylesheet rnnlab.css");
        } finally {
            javafx.removeHandler(keep);
            javafx.setFilter(null);
        }
        assertEquals(List.of("Could not load the stylesheet rnnlab.css"), seen);
    }
}
