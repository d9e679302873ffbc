package org.rnnlab.app.i18n;

import java.util.Locale;

/** The languages the app speaks. The command line, the corpus and the tokenizer stay English. */
public enum Language {
    ENGLISH(Locale.ENGLISH, "English"),
    SIMPLIFIED_CHINESE(Locale.SIMPLIFIED_CHINESE, "简体中文");

    private final Locale locale;
    private final String nativeName;

    Language(Locale locale, String nativeName) {
        this.locale = locale;
        this.nativeName = nativeName;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's name in itself, as a language menu shows it (the same in every language). */
    public String nativeName() {
        return nativeName;
    }

    /** Chinese for a Chinese system locale (zh, zh_CN, zh_SG, zh_Hans...), English otherwise. */
    public static Language forLocale(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? SIMPLIFIED_CHINESE : ENGLISH;
    }

    /** "en", "zh", a tag such as "zh-CN", or an enum name; null when none matches. */
    public static Language parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (Language l : values()) {
            if (l.name().equalsIgnoreCase(text.trim())) {
                return l;
            }
        }
        Locale locale = Locale.forLanguageTag(text.trim().replace('_', '-'));
        return switch (locale.getLanguage()) {
            case "zh" -> SIMPLIFIED_CHINESE;
            case "en" -> ENGLISH;
            default -> null;
        };
    }
}
