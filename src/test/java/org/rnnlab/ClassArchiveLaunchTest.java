package org.rnnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's launch from a jar, where it replaces itself to use the class archive: with no display
 * the window cannot open, which is enough to see the relaunch happen, the classes listed, the archive
 * written from the list and then used, and no launch replacing itself twice (even when told
 * {@code -Drnnlab.classArchive=on}).
 */
class ClassArchiveLaunchTest {
    @TempDir
    Path dir;

    @Test
    void aLaunchFromAJarListsItsClassesTheWriterMakesTheArchiveAndTheNextLaunchUsesIt() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "the relaunch is Linux's");
        Path jar = classesJar(dir.resolve("app.jar"));
        Path cache = dir.resolve("cache");
        Path archives = cache.resolve("rnnlab").resolve("classes");

        Launch first = launch(jar, cache, "-Drnnlab.classArchive=on");
        assertEquals(1, first.exit, first.output);
        assertTrue(first.output.contains("the window cannot open here"), first.output);
        assertTrue(first.output.lines().noneMatch(l -> l.contains("[cds") || l.contains("[warning]")),
                "the archive's own messages stay out of the terminal:\n" + first.output);
        List<String> listed = names(archives);
        String list = listed.stream().filter(n -> n.endsWith(".classlist")).findFirst().orElseThrow(() -> new AssertionError(listed));
        assertTrue(Files.readString(archives.resolve(list)).contains("org/rnnlab/Launcher"), "the launch's classes");
        assertTrue(listed.stream().noneMatch(n -> n.endsWith(".log") || n.endsWith(".jsa.part")),
                "a launch that never had its window starts no writer: " + listed);

        // the next launch throws that list away (a tenth of the classes) and lists again
        Launch second = launch(jar, cache);
        assertEquals(1, second.exit, second.output);
        List<String> again = names(archives);
        assertTrue(again.stream().noneMatch(n -> n.equals(list)), "the first launch's list is gone: " + again);
        String secondList = again.stream().filter(n -> n.endsWith(".classlist")).findFirst().orElseThrow(() -> new AssertionError(again));

        // what a complete launch's exit starts (ClassArchive.writeAtExit): the writer, in a process of its own
        Process writer = new ProcessBuilder(ClassArchive.writer(archives.resolve(secondList),
                Path.of(System.getProperty("java.home"), "bin", "java"), jar.toString(), false)).redirectErrorStream(true).start();
        assertTrue(writer.waitFor(120, TimeUnit.SECONDS), "the writer ended");
        assertEquals(0, writer.exitValue(), new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        List<String> written = names(archives);
        String log = written.stream().filter(n -> n.endsWith(".log")).findFirst().orElseThrow(() -> new AssertionError(written));
        assertTrue(Files.readString(archives.resolve(log)).contains(ClassArchive.DONE), Files.readString(archives.resolve(log)));
        assertTrue(written.stream().anyMatch(n -> n.endsWith(".jsa.part")), written.toString());
        assertTrue(written.stream().noneMatch(n -> n.endsWith(".classlist")), "the writer took the list and deleted it: " + written);

        Launch third = launch(jar, cache, "-Xlog:class+load=info");
        assertEquals(1, third.exit, third.output);
        List<String> kept = names(archives);
        assertEquals(1, kept.size(), kept.toString());
        assertTrue(kept.get(0).endsWith(".jsa") && kept.get(0).startsWith("rnnlab-"), "the whole dump became the archive: " + kept);
        assertTrue(third.output.contains("org.rnnlab.Launcher source: shared objects file"), "the launch mapped it:\n" + third.output);
    }

    @Test
    void aWindowLaunchedWithoutTheArchiveStillRunsTheVectorKernels() throws Exception {
        // beside another window that lists its classes (or while the writer writes), and with the archive
        // turned off, the launch replaces itself for the engine's vector options alone: a window opened
        // while the writer wrote had trained with the plain loops, at half the speed
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "the relaunch is Linux's");
        assumeTrue(java.lang.module.ModuleFinder.ofSystem().find(org.rnnlab.engine.Simd.MODULE).isPresent(),
                "a JDK with the vector module");
        Path jar = classesJar(dir.resolve("app.jar"), Relaunch.VECTOR_OPTIONS_FILE);
        Path cache = dir.resolve("cache");
        Path archives = cache.resolve("rnnlab").resolve("classes");
        Files.createDirectories(archives);
        String listing = ClassArchive.key(jar) + "." + ProcessHandle.current().pid() + ".classlist"; // this JVM is alive
        Files.writeString(archives.resolve(listing), "");

        Launch beside = launch(jar, cache, "-XX:+PrintCommandLineFlags");
        assertEquals(1, beside.exit, beside.output);
        assertTrue(beside.output.contains("-XX:InlineSmallCode=6000"), "relaunched with the vector options:\n" + beside.output);
        assertEquals(List.of(listing), names(archives), "the other window's list alone: this launch lists nothing");

        Launch off = launch(jar, cache, "-Drnnlab.classArchive=off", "-XX:+PrintCommandLineFlags");
        assertEquals(1, off.exit, off.output);
        assertTrue(off.output.contains("-XX:InlineSmallCode=6000"), "relaunched with the vector options:\n" + off.output);
        assertEquals(List.of(listing), names(archives), "no archive, no list");
    }

    private record Launch(int exit, String output) {
    }

    private Launch launch(Path jar, Path cache, String... options) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(Arrays.asList(options));
        command.addAll(List.of("-cp", jar + File.pathSeparator + dependencyJars(), "org.rnnlab.Launcher"));
        Path log = Files.createTempFile(dir, "launch", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("XDG_CACHE_HOME", cache.toString());
        Process p = pb.start();
        boolean ended = p.waitFor(60, TimeUnit.SECONDS); // a launch that replaced itself again and again never ends
        if (!ended) {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "the launch ended within 60 s:\n" + out);
        return new Launch(p.exitValue(), out);
    }

    /** The tests' class path without its folders: a dynamic archive takes jars only. */
    private static String dependencyJars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar")).reduce((a, b) -> a + File.pathSeparator + b).orElse("");
    }

    /** The app's compiled classes (and of its resources only those named, in org/rnnlab) as a jar. */
    private static Path classesJar(Path jar, String... resources) throws IOException {
        Path classes = Path.of(ClassArchive.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<Path> named = Arrays.stream(resources).map(r -> classes.resolve("org/rnnlab/" + r)).toList();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> all = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) all.filter(p -> p.toString().endsWith(".class") || named.contains(p))::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> names(Path folder) {
        String[] names = folder.toFile().list();
        return names == null ? List.of() : List.of(names);
    }
}
