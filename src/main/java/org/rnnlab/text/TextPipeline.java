package org.rnnlab.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lesson's pre-processing of one document: lower-case, split into sentences, tokenize, wrap START..END. */
public final class TextPipeline {
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final TreebankTokenizer tokenizer = new TreebankTokenizer();

    /** The lower-cased sentences of a document, not yet tokenized. */
    void forEachSentence(String document, java.util.function.Consumer<String> sink) {
        for (String sentence : splitter.split(document.toLowerCase(Locale.ROOT))) {
            sink.accept(sentence);
        }
    }

    TreebankTokenizer tokenizer() {
        return tokenizer;
    }

    public List<List<String>> sentences(String document) {
        List<List<String>> out = new ArrayList<>();
        for (String sentence : splitter.split(document.toLowerCase(Locale.ROOT))) {
            List<String> tokens = tokenizer.tokenize(sentence);
            if (tokens.isEmpty()) {
                continue;
            }
            List<String> wrapped = new ArrayList<>(tokens.size() + 2);
            wrapped.add(Tokens.START);
            wrapped.addAll(tokens);
            wrapped.add(Tokens.END);
            out.add(wrapped);
        }
        return out;
    }
}
