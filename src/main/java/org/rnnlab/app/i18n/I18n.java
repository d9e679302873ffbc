package org.rnnlab.app.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * Every word the window shows comes from here: UTF-8 resource bundles in {@code org/rnnlab/app/i18n/},
 * one pair per area ({@code app}, {@code training}, {@code bptt}, {@code speed}: English base file and
 * {@code _zh_CN}), looked up by key and formatted by {@link MessageFormat} in the current language.
 *
 * <p>Views bind their text with {@link #bind}, so switching the language redraws the window in place:
 * nothing is rebuilt, the corpus, the model and a running training are untouched. Keys are string
 * literals at the call so that a test can check every used key
 * exists and every key is used.
 */
public final class I18n {
    /** The bundles' base names, each in {@code org/rnnlab/app/i18n/}; a key lives in exactly one. */
    public static final List<String> BUNDLES = List.of("app", "training", "bptt", "speed");
    static final String PACKAGE = "org.rnnlab.app.i18n.";

    private static final ObjectProperty<Language> LANGUAGE = new SimpleObjectProperty<>(Language.ENGLISH);
    private static final ConcurrentHashMap<Language, List<ResourceBundle>> LOADED = new ConcurrentHashMap<>();

    private I18n() {
    }

    /** The language the window speaks; change it with {@link #setLanguage} (on the FX thread). */
    public static ReadOnlyObjectProperty<Language> languageProperty() {
        return LANGUAGE;
    }

    public static Language language() {
        return LANGUAGE.get();
    }

    public static Locale locale() {
        return LANGUAGE.get().locale();
    }

    public static void setLanguage(Language language) {
        LANGUAGE.set(language == null ? Language.ENGLISH : language);
    }

    /** The text for {@code key} in the current language, {@code {0}}, {@code {1}}... filled from {@code args}. */
    public static String text(String key, Object... args) {
        return text(LANGUAGE.get(), key, args);
    }

    /** The text for {@code key} in {@code language}. */
    public static String text(Language language, String key, Object... args) {
        String pattern = pattern(language, key);
        if (args.length == 0) {
            return pattern.contains("''") ? new MessageFormat(pattern, language.locale()).format(args) : pattern;
        }
        return new MessageFormat(pattern, language.locale()).format(args);
    }

    /**
     * The text for {@code key}, kept current: it changes when the language changes and when any
     * argument that is an {@link ObservableValue} changes (its value is what is formatted).
     */
    public static StringBinding bind(String key, Object... args) {
        List<Observable> dependencies = new ArrayList<>();
        dependencies.add(LANGUAGE);
        for (Object a : args) {
            if (a instanceof Observable o) {
                dependencies.add(o);
            }
        }
        return Bindings.createStringBinding(() -> {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i] instanceof ObservableValue<?> v ? v.getValue() : args[i];
            }
            return text(key, values);
        }, dependencies.toArray(Observable[]::new));
    }

    /**
     * Marks a key kept for later (in an enum, a record, a table): returns it unchanged, and lets the
     * bundle test see it as used and check that it exists, as it does for {@link #text} and {@link #bind}.
     */
    public static String key(String key) {
        return key;
    }

    /** True when {@code key} is in the bundles (for text that is optional, e.g. a tooltip some entries lack). */
    public static boolean has(String key) {
        for (ResourceBundle b : bundles(LANGUAGE.get())) {
            if (b.containsKey(key)) {
                return true;
            }
        }
        return false;
    }

    private static String pattern(Language language, String key) {
        for (ResourceBundle b : bundles(language)) {
            if (b.containsKey(key)) {
                return b.getString(key);
            }
        }
        // a missing key is a bug the bundle test catches; on screen it shows as itself rather than failing the step
        return "\u2039" + key + "\u203a";
    }

    /** The loaded bundles of {@code language}, in {@link #BUNDLES} order (no fallback to the system's locale). */
    static List<ResourceBundle> bundles(Language language) {
        return LOADED.computeIfAbsent(language, l -> {
            List<ResourceBundle> list = new ArrayList<>();
            ResourceBundle.Control control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
            for (String name : BUNDLES) {
                try {
                    list.add(ResourceBundle.getBundle(PACKAGE + name, l.locale(), I18n.class.getClassLoader(), control));
                } catch (MissingResourceException e) {
                    throw new IllegalStateException("the resource bundle " + PACKAGE + name + " is missing from the build", e);
                }
            }
            return List.copyOf(list);
        });
    }
}
