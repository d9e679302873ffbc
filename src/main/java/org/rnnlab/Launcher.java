package org.rnnlab;

import org.rnnlab.cli.RnnLabCommand;

/**
 * Entry point of the jar. It does not extend {@code Application}, so the JavaFX runtime can be
 * found on the plain class path. With no arguments (or {@code app}) it opens the window; any
 * other argument is a command-line command.
 */
public final class Launcher {
    private static final java.util.Set<String> TEXT_COMMANDS = java.util.Set.of("prepare", "tokenize");
    /** System property: after a command, print how often the steps' output phase ran on two threads (for measurements). */
    static final String ENGINE_REPORT = "rnnlab.engine.report";

    private Launcher() {
    }

    public static void main(String[] args) {
        Relaunch.restoreStandardError(); // when this JVM was started quietly (Relaunch): before anything is printed
        if (args.length == 0 || (args.length >= 1 && args[0].equals("app"))) {
            // a long-lived window launched often: through a class-data archive (this process is replaced)
            ClassArchive.relaunch();
            ClassArchive.writeAtExit();
            String[] rest = args.length == 0 ? args : java.util.Arrays.copyOfRange(args, 1, args.length);
            // the OpenBLAS kernel, the heap's options and the formula renderer on the second core while
            // the toolkit starts; the app waits for the kernel before anything loads OpenBLAS (RnnLabApp.start)
            org.rnnlab.app.support.LaunchWarmUp.start();
            // the app sets up the engine's threads once its window is up (LessonSession.warmUpEngine)
            org.rnnlab.app.RnnLabApp.launchApp(rest);
            return;
        }
        // before anything loads OpenBLAS: it reads its kernel once, and does not know CPUs newer than itself;
        // the text commands never load it, and start reading without JNA's 0.1 s
        if (!TEXT_COMMANDS.contains(args[0])) {
            // the commands that train: with the engine's vector kernels (this process is replaced)
            Relaunch.withVectorModule(args[0]);
            org.rnnlab.engine.BlasKernel.choose();
        }
        // the commands that compute set up the engine's threads themselves (EngineThreads.configure());
        // tokenize, prepare and --help do not wait for ND4J to load
        int status = RnnLabCommand.run(args);
        if (Boolean.getBoolean(ENGINE_REPORT)) {
            System.err.println("rnnlab: " + org.rnnlab.engine.EngineThreads.describeUse());
        }
        System.exit(status);
    }
}
