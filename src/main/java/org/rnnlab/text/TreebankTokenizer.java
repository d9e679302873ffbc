package org.rnnlab.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Penn Treebank word tokenization as NLTK's word_tokenize does it (first version: words and punctuation). */
public final class TreebankTokenizer {
    private static final Pattern TOKEN = Pattern.compile("\\w+|[^\\w\\s]");

    public List<String> tokenize(String sentence) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(sentence);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
