package org.rnnlab.app.support;

import java.util.List;
import java.util.Locale;
import org.rnnlab.text.TreebankTokenizer;

/** What the learner types, made into tokens the way the lesson made its training data: lower-case, Treebank tokens. */
public final class TypedText {
    private static final TreebankTokenizer TOKENIZER = new TreebankTokenizer();

    private TypedText() {
    }

    /** The tokens of {@code text} (no SENTENCE_START / SENTENCE_END). */
    public static List<String> tokens(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return TOKENIZER.tokenize(text.toLowerCase(Locale.ROOT).strip());
    }
}
