package org.rnnlab;

import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.rnnlab.engine.Simd;

/**
 * Replaces this JVM by the same command with JVM options added ({@code execv}: same process, same
 * id, same terminal, same exit code for the caller), as {@code java -jar} gives no way to pass them:
 * the window's class archive ({@link ClassArchive}) and the engine's vector module ({@link Simd}).
 * Linux only; anywhere else, or when anything is unexpected, the launch goes on as it was.
 */
final class Relaunch {
    /**
     * Set on a JVM started with the vector module: the descriptor that held standard error while it
     * started. The JDK prints "WARNING: Using incubator modules" on standard error at every start, a
     * line about the JVM's internals that a learner would take for a fault: the JVM starts with
     * standard error on /dev/null and puts it back ({@link #restoreStandardError}) before anything else.
     */
    static final String STANDARD_ERROR = "rnnlab.relaunch.stderr";
    /**
     * The options that start a JVM with the vector module, one a line in the resource
     * {@value #VECTOR_OPTIONS_FILE}: the tests' JVM (pom.xml) and steps_in_turns.sh take the same file as
     * an argument file ({@code java @file}). They have C2 compile the kernels after a twentieth of the
     * usual calls (the engine runs its plain loops until they are compiled, see Simd, and at the
     * window's start C2 had them after 4-5 s, behind the window's own methods), and never inline the
     * recurrence's word and exp into their callers, where C2 may run out of its inlining budget before
     * the Vector API's own methods and leave every vector an object: in three of six epochs in the
     * window the heap grew to 1.3-1.8 GB and the training ran at 530-650 sentences/s (none in six
     * with the options). The same for VectorProducts' tiles. And C2 may inline a callee whose own
     * compiled code is up to 6,000 bytes (2,500 by default): when code ran the Vector API's methods
     * outside C2's kernels for a while (the products at shapes C2 had not seen, interpreted until
     * compiled again), C2 compiled those methods alone, larger than 2,500 bytes, and then no longer
     * inlined them into a kernel it recompiled; the recurrence's vectors became objects (120 KB a
     * word) in every one of three runs of the engine's vector tests, none of four with the option.
     */
    static final List<String> VECTOR_OPTIONS = vectorOptions();
    static final String VECTOR_OPTIONS_FILE = "vector-jvm-options";
    /** Set by a packaged app's launcher (jpackage): the app runs from bin/rnnlab, not from java. */
    static final String PACKAGED_PATH = "jpackage.app-path";
    /** Where the packaged launcher's restart puts the JVM options (see {@link #exec}). */
    static final String TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

    private static List<String> vectorOptions() {
        try (java.io.InputStream in = Relaunch.class.getResourceAsStream(VECTOR_OPTIONS_FILE)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The commands that train or time the engine: worth a second start (about 0.1 s) for the vector kernels. */
    private static final Set<String> COMPUTING = Set.of("train", "bench", "loss", "gradcheck");

    private Relaunch() {
    }

    /**
     * For a command that computes: the same command with the vector module, unless this JVM has it,
     * the JDK has none, or {@code -Drnnlab.vector=off}; returns only when it does not relaunch.
     */
    static void withVectorModule(String command) {
        if (COMPUTING.contains(command) && vectorModuleWanted()) {
            exec(VECTOR_OPTIONS, true);
        }
    }

    /** The module is in the JDK and not in this JVM, not turned off, and its options are there to pass. */
    static boolean vectorModuleWanted() {
        return !Simd.turnedOff() && ModuleLayer.boot().findModule(Simd.MODULE).isEmpty()
                && ModuleFinder.ofSystem().find(Simd.MODULE).isPresent() && !VECTOR_OPTIONS.isEmpty();
    }

    /**
     * execv's this process with {@code options} after the java command; {@code quietStart}: the new
     * JVM's start-up messages (the incubator warning) go to /dev/null, standard error comes back
     * before its main runs. A packaged app's own launcher ({@code bin/rnnlab}, which takes no JVM
     * options on its command line) is started again with them in {@code JAVA_TOOL_OPTIONS}, always
     * quietly (the JVM says it picked them up). Returns only when it did not happen.
     */
    static void exec(List<String> options, boolean quietStart) {
        if (!Platform.isLinux()) {
            return;
        }
        try {
            Path exe = Files.readSymbolicLink(Path.of("/proc/self/exe"));
            List<String> argv = commandLine();
            boolean java = exe.getFileName().toString().equals("java");
            boolean packaged = packaged() && !java;
            if (argv.isEmpty() || !(java || packaged)) {
                return; // another program that embeds this JVM: its options are its own
            }
            quietStart |= packaged;
            List<String> jvm = new ArrayList<>(options);
            NativeLibrary c = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
            closeFilesOnExec(c);
            int saved = -1;
            if (quietStart) {
                saved = c.getFunction("dup").invokeInt(new Object[] {2}); // a new descriptor, kept across the exec
                int devNull = c.getFunction("open").invokeInt(new Object[] {"/dev/null", 1 /* O_WRONLY */});
                if (saved < 0 || devNull < 0) {
                    closeAll(c, saved, devNull);
                    saved = -1;
                } else {
                    c.getFunction("dup2").invokeInt(new Object[] {devNull, 2});
                    c.getFunction("close").invokeInt(new Object[] {devNull});
                    jvm.add("-D" + STANDARD_ERROR + "=" + saved);
                }
            }
            List<String> next = new ArrayList<>();
            next.add(argv.get(0));
            if (packaged) {
                // the launcher's own options come from its configuration; these reach the JVM it starts
                String theirs = System.getenv(TOOL_OPTIONS); // the user's own come last and win
                c.getFunction("setenv").invokeInt(new Object[] {TOOL_OPTIONS,
                        String.join(" ", jvm) + (theirs == null || theirs.isBlank() ? "" : " " + theirs), 1});
                // the launcher's mark that it has set up its libraries' path and started itself again: left
                // in place, the launcher started next took itself for that second start and ended at once
                c.getFunction("unsetenv").invokeInt(new Object[] {"_JPACKAGE_LAUNCHER"});
            } else {
                next.addAll(jvm);
            }
            next.addAll(argv.subList(1, argv.size()));
            // the new JVM starts with no signal blocked, as a shell would start it (this thread blocks some)
            Memory none = new Memory(128);
            none.clear();
            c.getFunction("sigprocmask").invokeInt(new Object[] {2 /* SIG_SETMASK */, none, null});
            c.getFunction("execv").invokeInt(new Object[] {exe.toString(), next.toArray(new String[0])});
            // returned: the exec failed, and this launch goes on as before, its standard error where it was
            if (saved >= 0) {
                c.getFunction("dup2").invokeInt(new Object[] {saved, 2});
                c.getFunction("close").invokeInt(new Object[] {saved});
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // launch as before
        }
    }

    /** Whether this JVM was started by a packaged app's launcher (jpackage's bin/rnnlab). */
    static boolean packaged() {
        return System.getProperty(PACKAGED_PATH) != null;
    }

    /** In a JVM that {@link #exec} started quietly: standard error back on the descriptor it was. */
    static void restoreStandardError() {
        String fd = System.getProperty(STANDARD_ERROR);
        if (fd == null) {
            return;
        }
        System.clearProperty(STANDARD_ERROR); // the app's own child processes are not to restore it again
        try {
            int saved = Integer.parseInt(fd);
            NativeLibrary c = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
            if (c.getFunction("dup2").invokeInt(new Object[] {saved, 2}) == 2) {
                c.getFunction("close").invokeInt(new Object[] {saved});
            }
        } catch (LinkageError | RuntimeException e) {
            // nothing to restore it with: standard error stays quiet
        }
    }

    private static void closeAll(NativeLibrary c, int... fds) {
        for (int fd : fds) {
            if (fd >= 0) {
                c.getFunction("close").invokeInt(new Object[] {fd});
            }
        }
    }

    /**
     * The files this JVM opened (its jars, twice each with the next JVM's) close with the exec; pipes
     * and sockets a caller handed down stay.
     */
    private static void closeFilesOnExec(NativeLibrary c) {
        String[] fds = Path.of("/proc/self/fd").toFile().list(); // plain File: no stream or lambda this early
        for (String fd : fds == null ? new String[0] : fds) {
            try {
                int n = Integer.parseInt(fd);
                if (n > 2 && Files.readSymbolicLink(Path.of("/proc/self/fd", fd)).toString().startsWith("/")) {
                    c.getFunction("fcntl").invokeInt(new Object[] {n, 2 /* F_SETFD */, 1 /* FD_CLOEXEC */});
                }
            } catch (IOException | NumberFormatException e) {
                // the listing's own descriptor, closed since: nothing to do
            }
        }
    }

    /** /proc/self/cmdline: the arguments exactly as this JVM was started. */
    static List<String> commandLine() throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                out.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return out;
    }
}
