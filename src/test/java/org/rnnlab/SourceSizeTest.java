package org.rnnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The app's classes stay small enough to read at once: a file past the limit holds more than one job. */
class SourceSizeTest {
    static final int MAX_LINES = 450;

    @Test
    void noAppSourceFileIsLongerThan450Lines() throws IOException {
        Path app = Path.of("src/main/java/org/rnnlab/app");
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(app)) {
            tooLong = files.filter(p -> p.toString().endsWith(".java")).filter(p -> lines(p) > MAX_LINES)
                    .map(p -> p + " (" + lines(p) + " lines)").sorted().toList();
        }
        assertEquals(List.of(), tooLong);
    }

    private static long lines(Path p) {
        try (Stream<String> s = Files.lines(p)) {
            return s.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
