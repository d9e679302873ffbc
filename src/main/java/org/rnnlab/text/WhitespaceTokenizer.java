package org.rnnlab.text;

import java.util.ArrayList;
import java.util.List;

/** The naive tokenizer the UI shows beside the Treebank one: split on runs of white space, nothing else. */
public final class WhitespaceTokenizer {

    public List<String> tokenize(String sentence) {
        List<String> tokens = new ArrayList<>();
        int n = sentence.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(sentence.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(sentence.charAt(i))) {
                i++;
            }
            if (i > start) {
                tokens.add(sentence.substring(start, i));
            }
        }
        return tokens;
    }
}
