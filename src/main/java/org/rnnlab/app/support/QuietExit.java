package org.rnnlab.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * While the process ends without its window (SIGTERM, a logout), JavaFX's own exit hook stops its
 * renderer while the FX thread may still be drawing a frame, which then throws: a
 * RejectedExecutionException from the stopped renderer, which JavaFX prints itself, or a
 * NullPointerException for its pipeline gone, which reaches the thread's handler. That is not the
 * learner's business: from the start of the exit, the terminal gets no stack trace from JavaFX's
 * toolkit. Any other time, and any other trace, is reported as before.
 */
public final class QuietExit {
    private QuietExit() {
    }

    /** Installs the quiet handler on {@code fx} (the FX thread) and the filter of System.err at exit. */
    public static void install(Thread fx) {
        fx.setUncaughtExceptionHandler(handler(fx.getUncaughtExceptionHandler(), QuietExit::ending));
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> System.setErr(new PrintStream(new ToolkitTraces(System.err), true, StandardCharsets.UTF_8)),
                "rnnlab-quiet-exit"));
    }

    /** Passes {@code e} on to {@code before} unless the process is ending and {@code e} comes from the toolkit. */
    static Thread.UncaughtExceptionHandler handler(Thread.UncaughtExceptionHandler before, BooleanSupplier ending) {
        return (thread, e) -> {
            if (!(ending.getAsBoolean() && fromToolkit(e))) {
                before.uncaughtException(thread, e);
            }
        };
    }

    /** Whether the first frame of {@code e} outside the JDK is in JavaFX's toolkit. */
    static boolean fromToolkit(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (!jdk(frame.getClassName())) {
                return toolkit(frame.getClassName());
            }
        }
        return false;
    }

    private static boolean jdk(String className) {
        return className.startsWith("java.") || className.startsWith("javax.") || className.startsWith("jdk.")
                || className.startsWith("sun.");
    }

    private static boolean toolkit(String className) {
        return className.startsWith("com.sun.javafx.") || className.startsWith("com.sun.glass.")
                || className.startsWith("com.sun.prism.");
    }

    /** True once the JVM has begun to exit: from then on it takes no new exit hook. */
    static boolean ending() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException exiting) {
            return true;
        }
    }

    /**
     * Passes text through line by line, but holds a stack trace until its first frame outside the
     * JDK: a trace from JavaFX's toolkit (the same rule as {@link #fromToolkit}) is dropped, any
     * other is written whole.
     */
    static final class ToolkitTraces extends OutputStream {
        private static final Pattern HEADER = Pattern.compile("(Exception in thread \".*\" )?[\\w.$]+(Exception|Error)(: .*)?");
        /** A frame as printed: "\tat java.base/java.util.Foo.bar(Foo.java:1)", group 1 the class and method. */
        private static final Pattern FRAME = Pattern.compile("\\s+at (?:[\\w.$-]+/)?([\\w.$<>]+)\\(.*");
        private final PrintStream out;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final List<String> held = new ArrayList<>();
        private boolean dropping;

        ToolkitTraces(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (b == '\n') {
                line(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }

        private void line(String text) {
            boolean frame = text.startsWith("\t") || text.startsWith("Caused by:");
            if (!frame) {
                release();
                dropping = false;
                if (HEADER.matcher(text).matches()) {
                    held.add(text);
                    return;
                }
                out.println(text);
                return;
            }
            if (dropping) {
                return;
            }
            java.util.regex.Matcher frameOf = FRAME.matcher(text);
            String where = frameOf.matches() ? frameOf.group(1) : "";
            if (held.isEmpty()) {
                out.println(text);
            } else if (toolkit(where)) {
                held.clear();
                dropping = true;
            } else {
                held.add(text);
                if (!where.isEmpty() && !jdk(where)) {
                    release(); // the first frame of another library or the app's: a trace to show
                }
            }
        }

        private void release() {
            held.forEach(out::println);
            held.clear();
        }

        @Override
        public synchronized void flush() {
            out.flush();
        }
    }
}
