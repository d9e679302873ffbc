package org.rnnlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The layers below the UI must not depend on JavaFX, so they run headless and in the CLI. */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/org/rnnlab");
    private static final Pattern JAVAFX = Pattern.compile("^\\s*import\\s+(static\\s+)?javafx\\.", Pattern.MULTILINE);
    private static final Pattern FX_NAME = Pattern.compile("\\bjavafx\\.[a-z]+\\.");

    @ParameterizedTest
    @ValueSource(strings = {"text", "engine", "training", "cli", "common"})
    void layerHasNoJavaFx(String layer) throws IOException {
        Path dir = SOURCES.resolve(layer);
        assertTrue(Files.isDirectory(dir), "missing package " + dir);
        List<String> offenders;
        try (Stream<Path> files = Files.walk(dir)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String code = Files.readString(p);
                    return JAVAFX.matcher(code).find() || FX_NAME.matcher(code).find();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders, "JavaFX used in the " + layer + " layer");
    }

    @org.junit.jupiter.api.Test
    void checkerSeesAnImport() {
        assertTrue(JAVAFX.matcher("package x;\nimport javafx.scene.Node;\n").find());
        assertTrue(FX_NAME.matcher("var n = new javafx.scene.control.Label();").find());
    }
}
