package org.rnnlab.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The two languages have the same keys, none empty; every key is used and every used key exists. */
class I18nBundlesTest {
    /** A key at a call: I18n.text("k", ...), I18n.bind("k", ...), I18n.has("k"), I18n.key("k"), I18n.text(language, "k"). */
    private static final Pattern CALL = Pattern.compile("I18n\\.(?:text|bind|has|key)\\(\\s*(?:[\\w.()]+\\s*,\\s*)?\"([^\"]+)\"");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern HAS_ARGUMENT = Pattern.compile("\\{\\d");
    private static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff\\uff00-\\uffef\\u3000-\\u303f]");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{3,}");
    /** Chinese values that rightly hold no Chinese: names and symbols that stay as they are in every language. */
    private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of();

    private static Map<String, String> keys(Language language, String bundle) {
        ResourceBundle b = I18n.bundles(language).get(I18n.BUNDLES.indexOf(bundle));
        Map<String, String> map = new HashMap<>();
        for (String k : Collections.list(b.getKeys())) {
            map.put(k, b.getString(k));
        }
        return map;
    }

    private static String mainSources() {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(f)).append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeysNoneEmptyAndNoKeyInTwoBundles() {
        Map<String, String> owner = new HashMap<>();
        for (String bundle : I18n.BUNDLES) {
            Map<String, String> en = keys(Language.ENGLISH, bundle);
            Map<String, String> zh = keys(Language.SIMPLIFIED_CHINESE, bundle);
            assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(zh.keySet()), bundle + ": English and Chinese keys differ");
            for (String k : en.keySet()) {
                assertTrue(!en.get(k).isBlank() && !zh.get(k).isBlank(), bundle + ": " + k + " is empty");
                String before = owner.put(k, bundle);
                assertTrue(before == null, k + " is in both " + before + " and " + bundle);
            }
        }
    }

    @Test
    void everyKeyIsUsedAndEveryUsedKeyExists() {
        String sources = mainSources();
        Set<String> known = new TreeSet<>();
        for (String bundle : I18n.BUNDLES) {
            known.addAll(keys(Language.ENGLISH, bundle).keySet());
        }
        Set<String> used = new TreeSet<>();
        Matcher m = CALL.matcher(sources);
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(known);
        assertEquals(Set.of(), missing, "keys used in the code but in no bundle");
        List<String> unused = new ArrayList<>();
        for (String k : known) {
            if (!sources.contains("\"" + k + "\"")) {
                unused.add(k);
            }
        }
        assertEquals(List.of(), unused, "keys in the bundles that no code uses (keys are string literals at the call)");
    }

    @Test
    void patternsWithArgumentsParseAndQuoteApostrophes() {
        for (String bundle : I18n.BUNDLES) {
            for (Language language : Language.values()) {
                keys(language, bundle).forEach((k, v) -> {
                    if (HAS_ARGUMENT.matcher(v).find()) {
                        assertTrue(!LONE_APOSTROPHE.matcher(v).find(),
                                language + " " + k + ": a message with arguments writes an apostrophe as '' (MessageFormat): " + v);
                        new MessageFormat(v, language.locale()); // throws on a malformed pattern
                    }
                });
            }
        }
    }

    @Test
    void chineseValuesAreChinese() {
        List<String> english = new ArrayList<>();
        for (String bundle : I18n.BUNDLES) {
            keys(Language.SIMPLIFIED_CHINESE, bundle).forEach((k, v) -> {
                if (LATIN_WORD.matcher(v).find() && !CJK.matcher(v).find() && !SAME_IN_EVERY_LANGUAGE.contains(k)) {
                    english.add(k + " = " + v);
                }
            });
        }
        assertEquals(List.of(), english, "Chinese values with Latin words and no Chinese");
    }

    @Test
    void aMissingKeyShowsAsItselfAndTheLanguageParses() {
        assertEquals("\u2039no.such.key\u203a", I18n.text(Language.ENGLISH, "no.such" + ".key"));
        assertEquals(Language.SIMPLIFIED_CHINESE, Language.parse("zh-CN"));
        assertEquals(Language.SIMPLIFIED_CHINESE, Language.parse("zh_SG"));
        assertEquals(Language.ENGLISH, Language.parse("en"));
        assertEquals(null, Language.parse("fr"));
        assertEquals(Language.ENGLISH, Language.forLocale(java.util.Locale.GERMANY));
    }
}
