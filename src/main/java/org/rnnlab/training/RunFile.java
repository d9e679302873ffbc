package org.rnnlab.training;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.rnnlab.common.IoReason;
import org.rnnlab.common.UserException;
import org.rnnlab.text.Vocabulary;

/**
 * A finished run written whole, in the {@link RunLog} format (the one {@code rnnlab train --log}
 * writes line by line): to a temporary file beside {@code file}, then moved over it, so a reader
 * never sees half a run and a crash leaves the old file as it was.
 */
public final class RunFile {
    private RunFile() {
    }

    /**
     * @param events    the run's events in order (steps and other kinds a log leaves out are skipped)
     * @param lossX     the smoothed loss curve's examples seen...
     * @param lossY     ...and values, as many
     * @param end       how it ended; null for a run without an end
     */
    public static void write(Path file, Vocabulary vocabulary, RunSettings settings, List<TrainingEvent> events,
                             double[] lossX, double[] lossY, RunEnd end) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".run-", ".tmp");
        } catch (IOException e) {
            throw UserException.said(e, "runfile.cannotWrite", file, IoReason.of(e));
        }
        try {
            try (RunLogWriter w = RunLogWriter.create(tmp, vocabulary, settings)) {
                for (TrainingEvent e : events) {
                    w.on(e);
                }
                for (int i = 0; i < lossX.length; i++) {
                    w.loss((long) lossX[i], lossY[i]);
                }
                if (end != null) {
                    w.end(end);
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw UserException.said(e, "runfile.cannotWrite", file, IoReason.of(e));
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temporary file is left behind; the run file itself is whole or untouched
            }
        }
    }
}
