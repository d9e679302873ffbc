package org.rnnlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether standard error is a terminal: progress is drawn there even when standard output is redirected. */
final class Terminal {
    private Terminal() {
    }

    /**
     * On Linux, where file descriptor 2 points; elsewhere, whether the JVM has a console at all
     * ({@code System.console()} needs stdin and stdout to be terminals too, so it is the fallback only).
     */
    static boolean stderrIsTerminal() {
        try {
            Path fd2 = Path.of("/proc/self/fd/2");
            if (Files.isSymbolicLink(fd2)) {
                return isTerminalDevice(Files.readSymbolicLink(fd2).toString());
            }
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            // fall through
        }
        return System.console() != null;
    }

    /** /dev/pts/N (a pseudo-terminal) or /dev/ttyN. */
    static boolean isTerminalDevice(String path) {
        return path.startsWith("/dev/pts/") || path.startsWith("/dev/tty");
    }
}
