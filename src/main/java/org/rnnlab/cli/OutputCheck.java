package org.rnnlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.rnnlab.common.UserException;

/**
 * Output paths are checked before the work starts, not after it: a training run or a corpus read
 * must not end in "cannot write". Each check says what is wrong and how to fix it.
 */
final class OutputCheck {
    private OutputCheck() {
    }

    /** {@code file} can be created or replaced: it is not a folder, and its folder exists and is writable. */
    static void file(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new UserException(option + " " + file + " is a folder; give a file name, such as " + file.resolve("model.npz"));
        }
        Path parent = file.toAbsolutePath().getParent();
        writableFolder(parent, option + " " + file);
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new UserException(option + " " + file + " cannot be replaced: it is read-only; choose another file or make it writable");
        }
    }

    /** {@code folder} can hold new files: it is a writable folder, or it does not exist yet and its parent is writable. */
    static void folder(Path folder, String option) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UserException(option + " " + folder + " is a file, not a folder; give a folder's name");
        }
        Path existing = Files.exists(folder) ? folder.toAbsolutePath() : folder.toAbsolutePath().getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent(); // missing folders are made: the nearest existing one must be writable
        }
        writableFolder(existing, option + " " + folder);
    }

    private static void writableFolder(Path folder, String what) {
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UserException(what + ": the folder " + folder + " does not exist; create it first or choose another place");
        }
        if (!Files.isWritable(folder)) {
            throw new UserException(what + ": the folder " + folder + " is not writable (permission denied); choose another place");
        }
    }
}
