package org.rnnlab;

import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnnlab.common.LaunchComplete;

/**
 * The window's launch through a class-data archive (AppCDS): the window's first launch lists the
 * classes it loads (the JDK's, JavaFX's, the libraries' and the app's), and when it exits a JVM of its
 * own writes them, parsed and verified, to an archive; every launch after it maps them instead of
 * reading some 8,000 classes from jars. The list is written out only from a launch that got as far as
 * its window and engine ({@link LaunchComplete}): one that failed early (no display) would leave a tenth
 * of the classes. On a 2-core AMD EPYC the window came up 0.4-0.7 s sooner (medians of 3.75 and 4.0 s
 * against 4.2 and 4.7 s, two sets of launches in turns), the FX thread doing a third less work before
 * its first frame; the relaunch itself costs about 0.25 s of that.
 *
 * <p>Why a JVM of its own: the window's JVM had written the archive itself as it exited
 * ({@code -XX:ArchiveClassesAtExit}), which kept the process a few seconds after the window closed and
 * took it about 180 MB above anything it held while open (801-845 MB at that exit after an epoch's
 * training, against 608-690 MB during it). The writer ({@code -Xshare:dump} from the list, about 8 s and
 * 450 MB on its own) runs after the window's process is gone.
 *
 * <p>{@code java -jar} gives no way to pass the JVM the archive, so the launch replaces itself
 * ({@link Relaunch}: {@code execv}, same process, same id, same terminal) with the same command plus
 * the archive's options. The archive is tied to this jar (path, size, time) and this JVM; another jar or JVM gets
 * its own, and a stale one is deleted. Linux only; {@code -Drnnlab.classArchive=off} launches without
 * it, and anything unexpected does too: the archive only makes the launch faster.
 */
final class ClassArchive {
    /** System property: "off" launches without the archive. */
    static final String PROPERTY = "rnnlab.classArchive";
    /**
     * Set on the relaunched JVM, which must not relaunch again: a property of its own, as a
     * {@code -Drnnlab.classArchive=on} given by the user comes after the options added and would win.
     */
    static final String RELAUNCHED = "rnnlab.classArchive.relaunched";
    private static final String RELAUNCHED_OPTION = "-D" + RELAUNCHED + "=true";
    private static final String ARCHIVE = ".jsa";
    private static final String PART = ".jsa.part";
    private static final String LOG = ".log";
    /** The listing launch's classes, as the JVM writes them ({@code -XX:DumpLoadedClassList}). */
    private static final String LIST = ".classlist";
    /** The listing launch's mark that it got as far as the learner's work ({@link LaunchComplete}). */
    private static final String COMPLETE = ".complete";
    /** The writer's last line once its JVM wrote the whole archive (it exits with 0 only then). */
    static final String DONE = "rnnlab: the archive is whole";
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /** Set on the relaunched JVM that lists the classes: the list's file (see {@link #writeAtExit}). */
    static final String WRITING = "rnnlab.classArchive.writing";

    private ClassArchive() {
    }

    /**
     * In the launch that lists the classes: as the JVM begins to exit, when the launch was complete,
     * starts the archive's writer, which goes on after this process is gone (see {@link #writer}).
     */
    static void writeAtExit() {
        String mark = System.getProperty(LaunchComplete.PROPERTY);
        String list = System.getProperty(WRITING);
        if (list == null || mark == null) {
            return; // every launch but the one that lists: nothing more to look up on the way to the window
        }
        Optional<Path> jar = jar();
        if (jar.isEmpty()) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!Files.exists(Path.of(mark))) {
                return; // the list is a tenth of the classes: the next launch lists them again
            }
            try {
                boolean vectors = ModuleLayer.boot().findModule(org.rnnlab.engine.Simd.MODULE).isPresent();
                // the packaged app's launcher gives its JVM each jar on the class path, and the archive must
                // be written with the class path it will be used with; `java -jar` gives the jar alone
                String classPath = Relaunch.packaged() ? System.getProperty("java.class.path") : jar.get().toString();
                List<String> command = new ArrayList<>(writer(Path.of(list), javaCommand(), classPath, vectors));
                if (Files.isExecutable(SETSID)) {
                    command.add(0, SETSID.toString()); // a session of its own: a terminal closed meanwhile does not end it
                }
                ProcessBuilder writer = new ProcessBuilder(command);
                writer.environment().remove(Relaunch.TOOL_OPTIONS); // this launch's own options (Relaunch) are not the writer's
                writer.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
            } catch (IOException | RuntimeException e) {
                // no archive this time: the next launch lists the classes again
            }
        }, "rnnlab-class-archive"));
    }

    /**
     * The writer's command: a shell that takes the list as its own ({@code key.<its pid>.classlist}, so
     * that another launch sees by {@link #tidy} that a live process writes), marks it complete, runs
     * {@code java -Xshare:dump} from it (on {@code classPath}, the launch's own) into
     * {@code key.<pid>.jsa.part} with its output in {@code key.<pid>.log}, adds {@link #DONE} when the JVM
     * succeeded, and deletes the list.
     */
    static List<String> writer(Path list, Path java, String classPath, boolean vectors) {
        String name = list.getFileName().toString();
        String key = name.substring(0, name.indexOf('.'));
        String script = "cd \"$1\" || exit 1\n"
                + "mine=\"$2.$$\"\n"
                + "mv \"$3\" \"$mine" + LIST + "\" && touch \"$mine" + COMPLETE + "\" || exit 1\n"
                + "\"$4\" -Xshare:dump -XX:SharedClassListFile=\"$mine" + LIST + "\" -XX:SharedArchiveFile=\"$mine" + PART + "\""
                + " -Xlog:cds=off $6 -cp \"$5\" > \"$mine" + LOG + "\" 2>&1"
                + " && echo \"" + DONE + "\" >> \"$mine" + LOG + "\"\n"
                + "rm -f \"$mine" + LIST + "\"\n";
        return List.of("/bin/sh", "-c", script, "rnnlab-class-archive", list.getParent().toString(), key, name,
                java.toString(), classPath, vectors ? "--add-modules=" + org.rnnlab.engine.Simd.MODULE : "");
    }

    /**
     * Replaces this process by the same launch with the archive (or with the options that write it
     * at exit) and the engine's vector kernels, see {@link Relaunch}; returns only when it does not (not
     * Linux, already relaunched, nothing to add, or failed). Without the archive (turned off, another
     * window listing its classes or the writer writing, classes from a folder) the launch still takes
     * the vector kernels: a window opened while the writer wrote had run the plain loops, its training
     * at 455 sentences/s against about 1,000.
     */
    static void relaunch() {
        if (System.getProperty(RELAUNCHED) != null || !Platform.isLinux()) {
            return;
        }
        List<String> all = new ArrayList<>();
        try {
            // none: classes from a folder, a runtime with no java to write the archive with, or a packaged app
            // whose cache folder's path has a space (its options go to the JVM in one JAVA_TOOL_OPTIONS)
            boolean spaced = Relaunch.packaged() && folder().toString().chars().anyMatch(Character::isWhitespace);
            Optional<Path> jar = "off".equals(System.getProperty(PROPERTY)) || !Files.isExecutable(javaCommand()) || spaced
                    ? Optional.empty() : jar();
            if (jar.isPresent()) {
                long pid = Long.parseLong(Files.readSymbolicLink(Path.of("/proc/self")).toString());
                options(folder(), key(jar.get()), pid).ifPresent(all::addAll);
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            all.clear(); // launch without the archive
        }
        try {
            // the engine's vector kernels too, as the command line's training has them (Relaunch)
            boolean vectors = Relaunch.vectorModuleWanted();
            if (vectors) {
                all.addAll(Relaunch.VECTOR_OPTIONS);
            }
            if (all.isEmpty()) {
                return;
            }
            if (!all.contains(RELAUNCHED_OPTION)) {
                all.add(0, RELAUNCHED_OPTION); // the new JVM must not relaunch again
            }
            Relaunch.exec(all, vectors);
        } catch (RuntimeException | LinkageError e) {
            // launch as before
        }
    }

    /**
     * The JVM options for this launch: the archive's when it is there; else, unless another window
     * is writing it now, the ones that write it at exit (with a log that says when it is whole).
     */
    static Optional<List<String>> options(Path folder, String key, long pid) throws IOException {
        Files.createDirectories(folder);
        Path archive = folder.resolve(key + ARCHIVE);
        boolean writing = tidy(folder, key, archive);
        List<String> options = new ArrayList<>();
        options.add(RELAUNCHED_OPTION);
        // the archive's own messages (a class it cannot keep, a jar that changed) are for the JVM's developers
        options.add("-Xlog:cds*=off");
        options.add("-Xlog:class+path=off");
        // the heap starts small, as it ends up without the archive: there, the classes filling the metaspace
        // brought a collection 2-3 s in that gave the heap's unused part back (HeapReturn); from the archive
        // they no longer do, and the default 1/64 of memory (380 MB here) stayed committed, to a peak of
        // 700-750 MB in the first 30 s of a run instead of 550-600 (a -Xms of the user's comes later and wins)
        options.add("-Xms64m");
        if (Files.isRegularFile(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive);
            options.add("-Xshare:auto");
            return Optional.of(options);
        }
        if (writing) {
            return Optional.empty(); // another window lists the classes, or the writer writes: this one launches without it
        }
        Path list = folder.resolve(key + "." + pid + LIST);
        options.add("-D" + WRITING + "=" + list);
        options.add("-D" + LaunchComplete.PROPERTY + "=" + folder.resolve(key + "." + pid + COMPLETE));
        options.add("-XX:DumpLoadedClassList=" + list); // the JDK's classes from its default archive too
        return Optional.of(options);
    }

    /**
     * Takes a finished dump as the archive when it is whole and complete (its log ends with
     * {@link #DONE}, which the writer adds only when its JVM succeeded: a dump cut short would crash the
     * JVM that maps it; and it is marked complete, as the writer is only started for a launch whose
     * window and engine were up), deletes the other dumps, stale lists and other jars' archives, and says
     * whether a window still running lists its classes or a writer still writes.
     */
    private static boolean tidy(Path folder, String key, Path archive) throws IOException {
        boolean writing = false;
        for (String name : names(folder)) {
            Path p = folder.resolve(name);
            long pid = pidOf(name, key, LOG);
            long dumper = pidOf(name, key, PART);
            long marker = pidOf(name, key, COMPLETE);
            long lister = pidOf(name, key, LIST);
            if (lister > 0) {
                if (alive(lister)) {
                    writing = true; // a window listing its classes, or the writer reading them
                } else {
                    Files.deleteIfExists(p); // a launch that ended before its writer took the list
                }
            } else if (pid > 0) {
                if (alive(pid)) {
                    writing = true; // still running, or writing its dump now
                    continue;
                }
                Path part = folder.resolve(key + "." + pid + PART);
                Path complete = folder.resolve(key + "." + pid + COMPLETE);
                if (!Files.exists(archive) && Files.isRegularFile(part) && Files.exists(complete)
                        && Files.readString(p).contains(DONE)) {
                    Files.move(part, archive, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.deleteIfExists(part);
                Files.deleteIfExists(complete);
                Files.deleteIfExists(p);
            } else if (dumper > 0 && !Files.exists(folder.resolve(key + "." + dumper + LOG))) {
                Files.deleteIfExists(p); // a dump without its log: nothing says it is whole
            } else if (marker > 0 && !alive(marker) && !Files.exists(folder.resolve(key + "." + marker + LOG))) {
                Files.deleteIfExists(p); // a mark without its log
            } else if (!name.startsWith(key + ".") && (name.endsWith(ARCHIVE) || name.endsWith(PART) || name.endsWith(LOG)
                    || name.endsWith(COMPLETE) || name.endsWith(LIST))) {
                Files.deleteIfExists(p); // another jar's or JVM's: replaced by this one's
            }
        }
        return writing;
    }

    private static String[] names(Path folder) {
        String[] names = folder.toFile().list(); // plain File: the launch's first milliseconds load no stream or lambda
        return names == null ? new String[0] : names;
    }

    private static boolean alive(long pid) {
        return Files.exists(Path.of("/proc", Long.toString(pid)));
    }

    /** The process id in {@code key.pid<suffix>}, or -1 when the name is not that. */
    static long pidOf(String name, String key, String suffix) {
        if (!name.startsWith(key + ".") || !name.endsWith(suffix) || name.length() <= key.length() + 1 + suffix.length()) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(key.length() + 1, name.length() - suffix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Path javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The jar this class runs from, when it runs from one. */
    static Optional<Path> jar() {
        try {
            Path code = Path.of(ClassArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toString().endsWith(".jar") && Files.isRegularFile(code) ? Optional.of(code.toAbsolutePath()) : Optional.empty();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** ~/.cache/rnnlab/classes ($XDG_CACHE_HOME when set): the archive can always be made again. */
    static Path folder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return cache.resolve("rnnlab").resolve("classes");
    }

    /**
     * What an archive is valid for: this jar as built (path, size, time) on this JVM. A checksum, not
     * a cryptographic hash: a collision costs nothing, as the JVM checks the archive's class path and
     * version itself and launches without it when they differ (and the digest's providers took 0.1 s).
     */
    static String key(Path jar) throws IOException {
        String what = String.join("\n", jar.toString(), Long.toString(Files.size(jar)),
                Long.toString(Files.getLastModifiedTime(jar).toMillis()), System.getProperty("java.home"),
                System.getProperty("java.vm.version"));
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(what.getBytes(StandardCharsets.UTF_8));
        return "rnnlab-" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(what.hashCode());
    }
}
