package org.rnnlab.common;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file could not be read or written, said so that a learner can act on it. The file system's own
 * exceptions carry only the path as their message ("Cannot write the run file ...: /proc/rnnlab-data"
 * said nothing about why), their kind says the rest.
 */
public final class IoReason {
    private IoReason() {
    }

    /**
     * "no such file or folder: /x/y", "permission denied: /x", "/x: Read-only file system", or the exception's
     * message (an I/O failure mostly, or what a write running in the background met).
     */
    public static String of(Exception e) {
        if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) {
            return of(u.getCause()); // a stream's reading failed: the reason is its cause's
        }
        if (e instanceof FileSystemException f && f.getReason() == null && f.getFile() != null) {
            String what = e instanceof NoSuchFileException ? "no such file or folder"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : e instanceof NotDirectoryException ? "not a folder"
                    : "the file system refused it";
            return what + ": " + f.getFile();
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
