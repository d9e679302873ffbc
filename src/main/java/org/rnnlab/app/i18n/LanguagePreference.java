package org.rnnlab.app.i18n;

import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The language the window starts in: {@code -Drnnlab.language=zh|en} when given (scripts and
 * tests; then nothing is remembered), else the learner's last choice (java.util.prefs), else the
 * system's locale, English otherwise. With {@code -Drnnlab.remember=false} (the tests, and walks of
 * the app in scripts) the learner's choice is neither read nor written, as the rest of the app's
 * memory: a walk that switched to Chinese had left the next test runs' windows in Chinese.
 */
public final class LanguagePreference {
    /** The system property that overrides the remembered choice. */
    public static final String PROPERTY = "rnnlab.language";
    static final String KEY = "language";

    private LanguagePreference() {
    }

    public static Language initial() {
        return initial(System.getProperty(PROPERTY), stored(), Locale.getDefault());
    }

    /** The override, else the stored choice, else the system's locale (each may be null). */
    static Language initial(String override, String stored, Locale system) {
        Language forced = Language.parse(override);
        if (forced != null) {
            return forced;
        }
        Language chosen = Language.parse(stored);
        return chosen != null ? chosen : Language.forLocale(system);
    }

    /** Remembers the learner's choice for the next launch; not when the language is forced by the property. */
    public static void remember(Language language) {
        if (Language.parse(System.getProperty(PROPERTY)) != null || language == null || forgetful()) {
            return;
        }
        try {
            Preferences node = node();
            node.put(KEY, language.name());
            node.flush();
        } catch (BackingStoreException | SecurityException e) {
            // a read-only home: the choice lasts for this session only
        }
    }

    /** Whether the app remembers nothing beyond this run ({@code -Drnnlab.remember=false}). */
    private static boolean forgetful() {
        return "false".equalsIgnoreCase(System.getProperty("rnnlab.remember")); // AppMemory.PROPERTY (support reads i18n, not back)
    }

    private static String stored() {
        if (forgetful()) {
            return null;
        }
        try {
            return node().get(KEY, null);
        } catch (SecurityException | IllegalStateException e) {
            return null;
        }
    }

    private static Preferences node() {
        return Preferences.userNodeForPackage(LanguagePreference.class);
    }
}
