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
 * The window's launch through a class-data archive (AppCDS), as JDK 19's
 * {@code -XX:+AutoCreateSharedArchive} does: the window's first launch writes, when it exits, an
 * archive of the classes it loaded (the JDK's, JavaFX's, the libraries' and the app's, parsed and
 * verified), and every launch after it maps them instead of reading some 6,000 classes from jars.
 * The archive is kept only from a launch that got as far as its window and engine
 * ({@link LaunchComplete}): one that failed early (no display) would leave a tenth of the classes.
 * On a 2-core AMD EPYC the window came up 0.4-0.7 s sooner (medians of 3.75 and 4.0 s against 4.2
 * and 4.7 s, two sets of launches in turns), the FX thread doing a third less work before its first
 * frame; the relaunch itself costs about 0.25 s of that.
 *
 * <p>{@code java -jar} gives no way to pass the JVM the archive, so the launch replaces itself
 * ({@link Relaunch}: {@code execv}, same process, same id, same terminal) with the same command plus
 * the archive's options. The archive is tied to this jar (path, size, time) and this JVM; another jar or JVM gets
 * its own, and a stale one is deleted. Linux only; {@code -Drnnlab.classArchive=off} launches as
 * before, and anything unexpected does too: the archive only makes the launch faster.
 */
final class ClassArchive {
    /** System property: "off" launches without the archive. */
    static final String PROPERTY = "rnnlab.classArchive";
    /**
     * Set on the relaunched JVM, which must not relaunch again: a property of its own, as a
     * {@code -Drnnlab.classArchive=on} given by the user comes after the options added and would win.
     */
    static final String RELAUNCHED = "rnnlab.classArchive.relaunched";
    private static final String ARCHIVE = ".jsa";
    private static final String PART = ".jsa.part";
    private static final String LOG = ".log";
    /** The writing launch's mark that it got as far as the learner's work ({@link LaunchComplete}). */
    private static final String COMPLETE = ".complete";
    /** The JVM's last words after a dump it finished (JDK 17's cds+dynamic log). */
    static final String DONE = "Written dynamic archive";

    /** Set on the relaunched JVM that writes the archive when it exits. */
    static final String WRITING = "rnnlab.classArchive.writing";

    private ClassArchive() {
    }

    /**
     * In the launch that writes the archive, says so as the JVM begins to exit: the window is gone,
     * and the process stays a few seconds more, once, which a terminal would otherwise leave unexplained.
     */
    static void explainExit() {
        String mark = System.getProperty(LaunchComplete.PROPERTY);
        if (System.getProperty(WRITING) != null && mark != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (Files.exists(Path.of(mark))) { // else the dump is thrown away at the next launch: nothing to say
                    System.err.println("rnnlab: keeping the window's classes for a faster start next time (a few seconds, once per build)");
                }
            }, "rnnlab-class-archive"));
        }
    }

    /**
     * Replaces this process by the same launch with the archive (or with the options that write it
     * at exit), see {@link Relaunch}; returns only when it does not (not Linux, turned off, already
     * relaunched, or failed).
     */
    static void relaunch() {
        if (System.getProperty(RELAUNCHED) != null || "off".equals(System.getProperty(PROPERTY)) || !Platform.isLinux()) {
            return;
        }
        try {
            Optional<Path> jar = jar();
            if (jar.isEmpty()) {
                return; // classes from a folder (tests, an IDE)
            }
            long pid = Long.parseLong(Files.readSymbolicLink(Path.of("/proc/self")).toString());
            Optional<List<String>> options = options(folder(), key(jar.get()), pid);
            if (options.isPresent()) {
                // the engine's vector kernels too, as the command line's training has them (Relaunch)
                boolean vectors = Relaunch.vectorModuleWanted();
                List<String> all = new ArrayList<>(options.get());
                if (vectors) {
                    all.addAll(Relaunch.VECTOR_OPTIONS);
                }
                Relaunch.exec(all, vectors);
            }
        } catch (IOException | RuntimeException | LinkageError e) {
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
        options.add("-D" + RELAUNCHED + "=true");
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
            return Optional.empty(); // another window writes it at its exit: this one launches as before
        }
        options.add("-D" + WRITING + "=true");
        options.add("-D" + LaunchComplete.PROPERTY + "=" + folder.resolve(key + "." + pid + COMPLETE));
        options.add("-XX:ArchiveClassesAtExit=" + folder.resolve(key + "." + pid + PART));
        options.add("-Xlog:cds+dynamic=info:file=" + folder.resolve(key + "." + pid + LOG) + ":none:filecount=0");
        return Optional.of(options);
    }

    /**
     * Takes a finished dump as the archive when its launch was complete (its log ends with the JVM's
     * "Written dynamic archive": a dump cut short would crash the JVM that maps it; and the launch
     * marked that its window and engine were up: one that failed early holds too few classes), deletes
     * the other dumps and other jars' archives, and says whether a window still running is to write one.
     */
    private static boolean tidy(Path folder, String key, Path archive) throws IOException {
        boolean writing = false;
        for (String name : names(folder)) {
            Path p = folder.resolve(name);
            long pid = pidOf(name, key, LOG);
            long dumper = pidOf(name, key, PART);
            long marker = pidOf(name, key, COMPLETE);
            if (pid > 0) {
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
                    || name.endsWith(COMPLETE))) {
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
