package org.rnnlab.text;

import java.util.ArrayList;
import java.util.List;

/** Splits text into sentences without a trained model (first version: terminators followed by space). */
public final class SentenceSplitter {

    public List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if ((ch == '.' || ch == '!' || ch == '?') && (i + 1 == n || Character.isWhitespace(text.charAt(i + 1)))) {
                add(out, text, start, i + 1);
                start = i + 1;
            }
        }
        add(out, text, start, n);
        return out;
    }

    private static void add(List<String> out, String text, int from, int to) {
        String s = text.substring(from, to).strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
