package org.rnnlab.common;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the files that ship with the app in {@code sample-corpus/}: the default corpus and the
 * model trained on it. They are looked for beside the working directory, then beside the jar
 * ({@code target/../sample-corpus}), then unpacked from the jar into the user's cache.
 */
public final class SampleFiles {
    public static final String FOLDER = "sample-corpus";
    public static final String CORPUS = "state-of-the-union.csv";
    public static final String MODEL = "sample-model.npz";

    private SampleFiles() {
    }

    public static Path corpus() {
        return find(CORPUS).orElseThrow(() -> UserException.said("sample.missing", CORPUS));
    }

    public static Optional<Path> model() {
        return find(MODEL);
    }

    static Optional<Path> find(String name) {
        for (Path dir : candidateFolders()) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return unpack(name);
    }

    private static List<Path> candidateFolders() {
        List<Path> dirs = new ArrayList<>();
        String home = System.getProperty("rnnlab.home");
        if (home != null) {
            dirs.add(Path.of(home, FOLDER));
        }
        dirs.add(Path.of(FOLDER).toAbsolutePath());
        try {
            Path code = Path.of(SampleFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/rnnlab.jar or target/classes: the project root is two levels up.
            Path root = code.getParent() == null ? null : code.getParent().getParent();
            if (root != null) {
                dirs.add(root.resolve(FOLDER));
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // No code source: only the other places count.
        }
        return dirs;
    }

    private static Optional<Path> unpack(String name) {
        try (InputStream in = SampleFiles.class.getResourceAsStream("/" + FOLDER + "/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            Path target = Path.of(System.getProperty("user.home"), ".cache", "rnnlab", name);
            if (!Files.isRegularFile(target)) {
                AtomicFiles.write(target, in::transferTo);
            }
            return Optional.of(target);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
