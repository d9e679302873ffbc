package org.rnnlab.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The sentences of the layers below the window: English for the command line, each translated with the same arguments. */
class MessagesTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(MessagesTest.class.getResourceAsStream("/org/rnnlab/common/" + name),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static Set<String> placeholders(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everySentenceHasItsTranslationWithTheSameArguments() throws IOException {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh_CN.properties");
        assertEquals(english.stringPropertyNames(), chinese.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertEquals(placeholders(english.getProperty(key)), placeholders(chinese.getProperty(key)), key);
        }
    }

    @Test
    void everyKeyTheCodeSaysIsThere() throws IOException {
        Properties english = load("messages.properties");
        Pattern literal = Pattern.compile("\"([a-z]+(?:\\.[A-Za-z]+)+)\"");
        int seen = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/rnnlab"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                for (String line : Files.readAllLines(f)) {
                    if (!line.contains("said(") && !line.contains("Messages.text(")) {
                        continue;
                    }
                    Matcher m = literal.matcher(line);
                    while (m.find()) {
                        seen++;
                        assertTrue(english.containsKey(m.group(1)), f + " says " + m.group(1));
                    }
                }
            }
        }
        assertTrue(seen >= english.size(), "every sentence is said somewhere: " + seen);
    }

    @Test
    void aSaidExceptionIsEnglishAndKeepsWhatTheWindowNeedsToTranslateIt() {
        UserException e = UserException.said("corpus.empty", Path.of("speeches.csv"));
        assertEquals("speeches.csv is empty; give a .csv file with a header line (such as 'body') or a .txt file with text",
                e.getMessage());
        assertEquals("corpus.empty", e.key());
        assertArrayEquals(new Object[] {Path.of("speeches.csv")}, e.args());
        assertTrue(Messages.text(Locale.SIMPLIFIED_CHINESE, e.key(), e.args()).startsWith("speeches.csv 是空的"),
                Messages.text(Locale.SIMPLIFIED_CHINESE, e.key(), e.args()));
        assertEquals(null, new UserException("written out").key());
    }

    @Test
    void englishAskedForIsEnglishOnAChineseDesktop() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertTrue(Messages.text(Locale.ENGLISH, "corpus.none").startsWith("no corpus given"));
            assertTrue(Messages.english("corpus.none").startsWith("no corpus given"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
