package org.rnnlab.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The language at start: the property, else the remembered choice, else the system's locale, else English. */
class LanguagePreferenceTest {
    @Test
    void thePropertyWinsThenTheChoiceThenTheSystemLocale() {
        assertEquals(Language.SIMPLIFIED_CHINESE, LanguagePreference.initial("zh", "ENGLISH", Locale.US));
        assertEquals(Language.ENGLISH, LanguagePreference.initial("en", "SIMPLIFIED_CHINESE", Locale.CHINA));
        assertEquals(Language.SIMPLIFIED_CHINESE, LanguagePreference.initial(null, "SIMPLIFIED_CHINESE", Locale.US));
        assertEquals(Language.ENGLISH, LanguagePreference.initial(null, "ENGLISH", Locale.CHINA));
        assertEquals(Language.SIMPLIFIED_CHINESE, LanguagePreference.initial(null, null, Locale.CHINA));
        assertEquals(Language.SIMPLIFIED_CHINESE, LanguagePreference.initial("", "klingon", Locale.forLanguageTag("zh-SG")));
        assertEquals(Language.ENGLISH, LanguagePreference.initial(null, null, Locale.FRANCE));
    }

    @Test
    void anAppThatRemembersNothingNeitherReadsNorWritesTheLearnersChoice() {
        // the tests run with -Drnnlab.remember=false (pom.xml): what a learner chose must not reach them, nor they it
        assertEquals("false", System.getProperty("rnnlab.remember"));
        java.util.prefs.Preferences node = java.util.prefs.Preferences.userNodeForPackage(LanguagePreference.class);
        String before = node.get(LanguagePreference.KEY, null);
        try {
            node.put(LanguagePreference.KEY, Language.SIMPLIFIED_CHINESE.name());
            assertEquals(Language.forLocale(Locale.getDefault()), LanguagePreference.initial(), "the stored choice is not read");
            node.put(LanguagePreference.KEY, Language.ENGLISH.name());
            LanguagePreference.remember(Language.SIMPLIFIED_CHINESE);
            assertEquals(Language.ENGLISH.name(), node.get(LanguagePreference.KEY, null), "nor written");
        } finally {
            if (before == null) {
                node.remove(LanguagePreference.KEY);
            } else {
                node.put(LanguagePreference.KEY, before);
            }
        }
    }
}
