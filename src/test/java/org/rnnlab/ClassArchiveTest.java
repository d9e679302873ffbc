package org.rnnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rnnlab.common.LaunchComplete;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {
    private static final String KEY = "rnnlab-1234abcd-5678";
    /** A process id no Linux system hands out (pid_max is at most 2^22). */
    private static final long GONE = 99_999_999L;

    @TempDir
    Path folder;

    private static long self() {
        return ProcessHandle.current().pid();
    }

    @Test
    void theFirstLaunchWritesTheArchiveAtExitWithALog() throws Exception {
        List<String> options = ClassArchive.options(folder, KEY, 4242).orElseThrow();
        assertTrue(options.contains("-D" + ClassArchive.RELAUNCHED + "=true"), "the relaunched JVM must not relaunch again");
        assertTrue(options.contains("-XX:ArchiveClassesAtExit=" + folder.resolve(KEY + ".4242.jsa.part")), options.toString());
        assertTrue(options.stream().anyMatch(o -> o.startsWith("-Xlog:cds+dynamic=info:file=" + folder.resolve(KEY + ".4242.log"))),
                options.toString());
        assertFalse(options.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile")));
        assertTrue(options.contains("-Xms64m"), "the heap starts small, as it ends up without the archive: " + options);
    }

    @Test
    void aWholeDumpBecomesTheArchiveAndIsUsed() throws Exception {
        Files.writeString(folder.resolve(KEY + "." + GONE + ".jsa.part"), "classes");
        Files.writeString(folder.resolve(KEY + "." + GONE + ".log"), "Copying 6000 klasses\n" + ClassArchive.DONE + " 0x8 - 0x9\n");
        Files.writeString(folder.resolve(KEY + "." + GONE + ".complete"), "");
        List<String> options = ClassArchive.options(folder, KEY, 4242).orElseThrow();
        Path archive = folder.resolve(KEY + ".jsa");
        assertEquals("classes", Files.readString(archive));
        assertTrue(options.contains("-XX:SharedArchiveFile=" + archive), options.toString());
        assertFalse(options.stream().anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit")));
        assertEquals(List.of(KEY + ".jsa"), List.of(folder.toFile().list()), "the dump's log is gone");
    }

    @Test
    void theWritingLaunchIsToldWhereToMarkThatItWasComplete() throws Exception {
        List<String> options = ClassArchive.options(folder, KEY, 4242).orElseThrow();
        assertTrue(options.contains("-D" + LaunchComplete.PROPERTY + "=" + folder.resolve(KEY + ".4242.complete")), options.toString());
        System.setProperty(LaunchComplete.PROPERTY, folder.resolve(KEY + ".4242.complete").toString());
        try {
            LaunchComplete.mark();
        } finally {
            System.clearProperty(LaunchComplete.PROPERTY);
        }
        assertTrue(Files.exists(folder.resolve(KEY + ".4242.complete")));
    }

    @Test
    void aWholeDumpOfALaunchThatFailedEarlyIsThrownAwayAndTheNextLaunchWritesAgain() throws Exception {
        // no display: the JVM wrote its dump at exit, but the window and the engine never came (no mark)
        Files.writeString(folder.resolve(KEY + "." + GONE + ".jsa.part"), "few classes");
        Files.writeString(folder.resolve(KEY + "." + GONE + ".log"), "Copying 600 klasses\n" + ClassArchive.DONE + " 0x8 - 0x9\n");
        List<String> options = ClassArchive.options(folder, KEY, 4242).orElseThrow();
        assertFalse(Files.exists(folder.resolve(KEY + ".jsa")));
        assertTrue(options.contains("-XX:ArchiveClassesAtExit=" + folder.resolve(KEY + ".4242.jsa.part")), options.toString());
        assertEquals(List.of(), List.of(folder.toFile().list()), "the dump and its log are gone");
    }

    @Test
    void aMarkWithoutItsLogIsDeleted() throws Exception {
        Files.writeString(folder.resolve(KEY + "." + GONE + ".complete"), "");
        ClassArchive.options(folder, KEY, 4242);
        assertFalse(Files.exists(folder.resolve(KEY + "." + GONE + ".complete")));
    }

    @Test
    void aDumpCutShortIsNeverMappedAndTheNextLaunchWritesAgain() throws Exception {
        // killed while writing: the part is there, the log lacks the JVM's last line (mapping it would crash)
        Files.writeString(folder.resolve(KEY + "." + GONE + ".jsa.part"), "half");
        Files.writeString(folder.resolve(KEY + "." + GONE + ".log"), "Copying 6000 klasses\n");
        List<String> options = ClassArchive.options(folder, KEY, 4242).orElseThrow();
        assertFalse(Files.exists(folder.resolve(KEY + ".jsa")));
        assertFalse(Files.exists(folder.resolve(KEY + "." + GONE + ".jsa.part")));
        assertTrue(options.contains("-XX:ArchiveClassesAtExit=" + folder.resolve(KEY + ".4242.jsa.part")), options.toString());
    }

    @Test
    void whileAnotherWindowWillWriteItThisOneLaunchesAsBefore() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self")), "needs Linux's /proc");
        Files.writeString(folder.resolve(KEY + "." + self() + ".log"), "");
        assertEquals(Optional.empty(), ClassArchive.options(folder, KEY, 4242));
        assertTrue(Files.exists(folder.resolve(KEY + "." + self() + ".log")), "the running window's log stays");
    }

    @Test
    void anotherJarsArchiveIsDeleted() throws Exception {
        Path old = folder.resolve("rnnlab-00000000-1.jsa");
        Files.writeString(old, "old classes");
        Files.writeString(folder.resolve(KEY + ".jsa"), "classes");
        ClassArchive.options(folder, KEY, 4242).orElseThrow();
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(folder.resolve(KEY + ".jsa")));
    }

    @Test
    void aRebuiltJarGetsAnotherKey(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("rnnlab.jar");
        Files.writeString(jar, "one");
        String first = ClassArchive.key(jar);
        assertEquals(first, ClassArchive.key(jar));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 1000));
        assertNotEquals(first, ClassArchive.key(jar));
    }

    @Test
    void processIdsAreReadOnlyFromThisKeysNames() {
        assertEquals(42, ClassArchive.pidOf(KEY + ".42.log", KEY, ".log"));
        assertEquals(-1, ClassArchive.pidOf(KEY + ".jsa", KEY, ".log"));
        assertEquals(-1, ClassArchive.pidOf("rnnlab-other.42.log", KEY, ".log"));
        assertEquals(-1, ClassArchive.pidOf(KEY + ".x.log", KEY, ".log"));
    }

    @Test
    void theCommandLineIsReadAsTheKernelKeepsIt() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/self/cmdline")), "needs Linux's /proc");
        List<String> argv = Relaunch.commandLine();
        assertTrue(argv.get(0).endsWith("java"), argv.toString());
        assertTrue(argv.size() > 1);
    }
}
