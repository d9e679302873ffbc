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
    void theFirstLaunchListsItsClasses() throws Exception {
        List<String> options = ClassArchive.options(folder, KEY, 4242).orElseThrow();
        assertTrue(options.contains("-D" + ClassArchive.RELAUNCHED + "=true"), "the relaunched JVM must not relaunch again");
        Path list = folder.resolve(KEY + ".4242.classlist");
        assertTrue(options.contains("-XX:DumpLoadedClassList=" + list), options.toString());
        assertTrue(options.contains("-D" + ClassArchive.WRITING + "=" + list), "where the writer finds it: " + options);
        assertFalse(options.stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile") || o.startsWith("-XX:ArchiveClassesAtExit")));
        assertTrue(options.contains("-Xms64m"), "the heap starts small, as it ends up without the archive: " + options);
    }

    @Test
    void theWriterTakesTheListAsItsOwnAndSaysWhenTheArchiveIsWhole() {
        List<String> command = ClassArchive.writer(folder.resolve(KEY + ".4242.classlist"), Path.of("/jdk/bin/java"), "/app/rnnlab.jar", true);
        assertEquals("/bin/sh", command.get(0));
        String script = command.get(2);
        assertTrue(script.contains("-Xshare:dump") && script.contains("-XX:SharedClassListFile=") && script.contains(ClassArchive.DONE), script);
        assertEquals(List.of(folder.toString(), KEY, KEY + ".4242.classlist", "/jdk/bin/java", "/app/rnnlab.jar",
                "--add-modules=jdk.incubator.vector"), command.subList(4, 10));
        assertEquals("", ClassArchive.writer(folder.resolve(KEY + ".4242.classlist"), Path.of("java"), "a.jar", false).get(9));
    }

    @Test
    void aListOfALaunchThatEndedIsDeletedAndALiveOneMeansAWindowIsListing() throws Exception {
        Files.writeString(folder.resolve(KEY + "." + GONE + ".classlist"), "java/lang/Object\n");
        assertTrue(ClassArchive.options(folder, KEY, 4242).isPresent());
        assertFalse(Files.exists(folder.resolve(KEY + "." + GONE + ".classlist")));
        assumeTrue(Files.exists(Path.of("/proc/self")), "needs Linux's /proc");
        for (String f : folder.toFile().list()) {
            Files.delete(folder.resolve(f));
        }
        Files.writeString(folder.resolve(KEY + "." + self() + ".classlist"), "java/lang/Object\n");
        assertEquals(Optional.empty(), ClassArchive.options(folder, KEY, 4242), "another window lists them now");
        assertTrue(Files.exists(folder.resolve(KEY + "." + self() + ".classlist")));
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
        assertFalse(options.stream().anyMatch(o -> o.startsWith("-XX:DumpLoadedClassList")));
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
        // a dump without the mark of a complete launch (the writer marks it first): too few classes
        Files.writeString(folder.resolve(KEY + "." + GONE + ".jsa.part"), "few classes");
        Files.writeString(folder.resolve(KEY + "." + GONE + ".log"), "Copying 600 klasses\n" + ClassArchive.DONE + " 0x8 - 0x9\n");
        List<String> options = ClassArchive.options(folder, KEY, 4242).orElseThrow();
        assertFalse(Files.exists(folder.resolve(KEY + ".jsa")));
        assertTrue(options.contains("-XX:DumpLoadedClassList=" + folder.resolve(KEY + ".4242.classlist")), options.toString());
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
        assertTrue(options.contains("-XX:DumpLoadedClassList=" + folder.resolve(KEY + ".4242.classlist")), options.toString());
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
