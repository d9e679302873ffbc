package org.rnnlab.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file through a temporary sibling and a move, so an interrupted write leaves the old file whole.
 *
 * <p>Temporary names carry the writer's process id ({@code .model.npz.4242-1a2b.tmp}): what a killed
 * process left behind is recognised by the next write to the same place and removed, while a temporary
 * of a process still running is left alone.
 */
public final class AtomicFiles {
    /** {@code .<name>.<pid>-<hex>.tmp} (a file) or {@code .<name>.<pid>-<hex>.old} (a folder being replaced). */
    private static final Pattern TEMPORARY = Pattern.compile("^\\.(.+)\\.(\\d+)-[0-9a-f]+\\.(tmp|old)$");
    /** The names of earlier versions, without a process id: removed when older than this. */
    private static final Pattern LEGACY_TEMPORARY = Pattern.compile("^\\.(.+)\\.[0-9a-f]+\\.tmp$");
    private static final long LEGACY_AGE_MILLIS = 3_600_000L;

    private AtomicFiles() {
    }

    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        removeStale(dir, target.getFileName().toString());
        // Not createTempFile: its 0600 mode would stick to the result; a fresh name gets the usual umask.
        Path tmp = temporarySibling(target, "tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                writer.write(out);
                out.flush();
                channel.force(true); // on disk before the rename makes it the file: a power cut cannot leave it empty
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A fresh name beside {@code target} that {@link #removeStale} recognises: {@code .<name>.<pid>-<hex>.<kind>}. */
    public static Path temporarySibling(Path target, String kind) {
        Path abs = target.toAbsolutePath();
        return abs.getParent().resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(System.nanoTime()) + "." + kind);
    }

    /** Renames {@code from} to {@code to}, replacing it, atomically where the file system can. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Removes, in {@code dir}, the temporary files and folders that writes of {@code name} left behind
     * when their process was killed (its id no longer runs). Best effort: a file that cannot be removed stays.
     *
     * @return how many were removed
     */
    public static int removeStale(Path dir, String name) {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "." + globEscape(name) + ".*")) {
            for (Path p : entries) {
                if (isStale(p, name)) {
                    deleteTree(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            // an unreadable folder: the write that follows reports it
        }
        return removed;
    }

    static boolean isStale(Path p, String name) throws IOException {
        String file = p.getFileName().toString();
        Matcher m = TEMPORARY.matcher(file);
        if (m.matches() && m.group(1).equals(name)) {
            long pid = Long.parseLong(m.group(2));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        }
        Matcher legacy = LEGACY_TEMPORARY.matcher(file);
        return legacy.matches() && legacy.group(1).equals(name)
                && System.currentTimeMillis() - Files.getLastModifiedTime(p).toMillis() > LEGACY_AGE_MILLIS;
    }

    /** Deletes a file, or a folder and everything in it. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String globEscape(String s) {
        return s.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }
}
