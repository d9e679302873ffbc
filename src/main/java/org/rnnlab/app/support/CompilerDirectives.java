package org.rnnlab.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps the window's own code (JavaFX, ChartFX, ControlsFX, AtlantaFX, the app) at the JIT's first
 * tier, C1, and the second, C2, for the engine and the JDK. In an app run, C2 compiled the UI's
 * code paths for most of the first minute (text layout, CSS, charts, as each first got data):
 * 17.6-22.9 s of a core in a 60-s run, taken from training. With this directive it took 9.7 s, the FX
 * thread's own time did not grow, and training ran faster (sentences per second, measured in turns:
 * see src/docs/speed-log.md). Added to the running JVM through its diagnostic command
 * ({@code jcmd Compiler.directives_add}); {@code -Drnnlab.uiAtC1=false} leaves the JIT as it was.
 */
public final class CompilerDirectives {
    static final String PROPERTY = "rnnlab.uiAtC1";
    static final String RESOURCE = "/org/rnnlab/app/ui-compiler-directives.json";

    private CompilerDirectives() {
    }

    /** Adds the directive; true when the JVM took it. Never fails (another JVM: nothing changes). */
    public static boolean keepUiAtC1() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            return false;
        }
        try (InputStream in = CompilerDirectives.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return false;
            }
            Path file = Files.createTempFile("rnnlab-directives", ".json");
            try {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                Object said = ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                        new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
                return String.valueOf(said).contains("1 compiler directives added");
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException | JMException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
