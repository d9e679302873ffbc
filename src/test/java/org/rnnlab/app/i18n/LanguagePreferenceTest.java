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
}
