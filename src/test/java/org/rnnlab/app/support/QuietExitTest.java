package org.rnnlab.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** At exit the terminal gets no stack trace from JavaFX's toolkit; everything else as before. */
class QuietExitTest {
    @Test
    void anExceptionIsReportedAsBeforeUnlessTheProcessIsEnding() {
        List<Throwable> reported = new ArrayList<>();
        boolean[] ending = {false};
        Thread.UncaughtExceptionHandler h = QuietExit.handler((t, e) -> reported.add(e), () -> ending[0]);
        RuntimeException bug = new IllegalStateException("a bug");
        h.uncaughtException(Thread.currentThread(), bug);
        assertEquals(List.of(bug), reported, "a bug in the window is still reported");
        ending[0] = true;
        RuntimeException stopped = new java.util.concurrent.RejectedExecutionException("renderer stopped");
        stopped.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("java.util.concurrent.ThreadPoolExecutor", "reject", "ThreadPoolExecutor.java", 833),
            new StackTraceElement("com.sun.javafx.tk.quantum.QuantumRenderer", "submitRenderJob", "QuantumRenderer.java", 221)});
        h.uncaughtException(Thread.currentThread(), stopped);
        assertEquals(List.of(bug), reported, "what the renderer's stop throws while the process ends is not");
        RuntimeException late = new IllegalStateException("the app's own bug, while the process ends");
        h.uncaughtException(Thread.currentThread(), late);
        assertEquals(List.of(bug, late), reported, "an exception of the app's own is, even then");
    }

    @Test
    void aRunningProcessIsNotEnding() {
        assertFalse(QuietExit.ending());
    }

    @Test
    void theToolkitsTracesAreDroppedAndEveryOtherLineKept() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(new QuietExit.ToolkitTraces(new PrintStream(bytes, true, StandardCharsets.UTF_8)),
                true, StandardCharsets.UTF_8);
        err.println("rnnlab: a line of the app's own");
        err.println("java.util.concurrent.RejectedExecutionException: Task PaintRenderJob rejected");
        err.println("\tat java.base/java.util.concurrent.ThreadPoolExecutor.reject(ThreadPoolExecutor.java:833)");
        err.println("\tat com.sun.javafx.tk.quantum.QuantumRenderer.submitRenderJob(QuantumRenderer.java:221)");
        err.println("\tat com.sun.glass.ui.gtk.GtkApplication._runLoop(Native Method)");
        err.println("Exception in thread \"JavaFX Application Thread\" java.lang.NullPointerException: Cannot invoke x");
        err.println("\tat com.sun.javafx.tk.quantum.GlassScene.something(GlassScene.java:1)");
        err.println("java.lang.IllegalStateException: the app's own bug");
        err.println("\tat java.base/java.util.Objects.requireNonNull(Objects.java:1)");
        err.println("\tat org.rnnlab.app.Something.run(Something.java:12)");
        err.println("\tat com.sun.javafx.application.PlatformImpl.lambda$runLater$10(PlatformImpl.java:456)");
        err.println("done");
        assertEquals(String.join("\n", "rnnlab: a line of the app's own",
                "java.lang.IllegalStateException: the app's own bug",
                "\tat java.base/java.util.Objects.requireNonNull(Objects.java:1)",
                "\tat org.rnnlab.app.Something.run(Something.java:12)",
                "\tat com.sun.javafx.application.PlatformImpl.lambda$runLater$10(PlatformImpl.java:456)",
                "done", ""), bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
