package org.rnnlab.app.code;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The code the app shows, cut from the real files: the build copies {@code src/test/python/reference_rnn.py}
 * (the lesson's numpy, which writes the golden values) and {@code engine/ReferenceRnn.java} (the
 * Java loops the engine is tested against) into {@code /code/} on the class path; a snippet is
 * every region between {@code [code:NAME]} and {@code [/code:NAME]} of one file, joined by a blank
 * line and dedented. A missing marker is an error, never an empty tab.
 */
public final class Snippets {
    public enum Language {
        NUMPY("/code/reference_rnn.py"), JAVA("/code/ReferenceRnn.java");

        final String resource;

        Language(String resource) {
            this.resource = resource;
        }
    }

    private static final Map<Language, List<String>> FILES = new ConcurrentHashMap<>();

    private Snippets() {
    }

    /** The regions named {@code name} in {@code language}'s file; throws when there is none. */
    public static String get(Language language, String name) {
        List<String> lines = FILES.computeIfAbsent(language, Snippets::read);
        String open = "[code:" + name + "]";
        String close = "[/code:" + name + "]";
        List<String> parts = new ArrayList<>();
        List<String> region = null;
        for (String line : lines) {
            if (line.trim().endsWith(open)) {
                region = new ArrayList<>();
            } else if (line.trim().endsWith(close)) {
                if (region == null) {
                    throw new IllegalStateException(language.resource + ": " + close + " without " + open);
                }
                parts.add(dedent(region));
                region = null;
            } else if (region != null) {
                region.add(line);
            }
        }
        if (region != null) {
            throw new IllegalStateException(language.resource + ": " + open + " is never closed by " + close);
        }
        if (parts.isEmpty()) {
            throw new IllegalStateException(language.resource + " has no " + open + " marker");
        }
        return String.join("\n\n", parts);
    }

    private static List<String> read(Language language) {
        try (InputStream in = Snippets.class.getResourceAsStream(language.resource)) {
            if (in == null) {
                throw new IllegalStateException(language.resource + " is missing from the build (see the pom's resources)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dedent(List<String> lines) {
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            out.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return out.toString().strip();
    }
}
