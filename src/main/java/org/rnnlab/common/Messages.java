package org.rnnlab.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Sentences for the user from the layers below the window (reading a corpus), in English on the
 * command line and in the learner's language in the window. Each is a key of
 * {@code org/rnnlab/common/messages.properties} (English) and its translations beside it; a
 * {@link UserException} made with {@link UserException#said} carries the key and its arguments, so
 * the window can say it again in its own language.
 */
public final class Messages {
    private static final String BUNDLE = "org.rnnlab.common.messages";
    // no fallback to the machine's own language: English asked for is English, on a Chinese desktop too
    private static final ResourceBundle.Control EXACT =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** The sentence {@code key} in {@code locale} (English where there is no translation), with its arguments. */
    public static String text(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, EXACT);
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** The English sentence, as the command line says it. */
    public static String english(String key, Object... args) {
        return text(Locale.ROOT, key, args);
    }
}
