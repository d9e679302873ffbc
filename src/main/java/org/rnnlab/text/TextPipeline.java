package org.rnnlab.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The lesson's pre-processing of one document: lower-case it, split it into sentences
 * ({@link SentenceSplitter}), split each into word tokens ({@link TreebankTokenizer}), wrap each
 * as SENTENCE_START ... SENTENCE_END. Lower-casing comes first, as in the lesson, so the
 * splitter never sees capitals. Thread-safe.
 */
public final class TextPipeline {
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final TreebankTokenizer tokenizer = new TreebankTokenizer();

    /** Each sentence of the document as its tokens, wrapped START..END; sentences without tokens are left out. */
    public List<List<String>> sentences(String document) {
        List<List<String>> out = new ArrayList<>();
        forEachSentence(document, sentence -> {
            List<String> wrapped = new ArrayList<>();
            wrapped.add(Tokens.START);
            tokenizer.tokenize(sentence, wrapped);
            if (wrapped.size() > 1) {
                wrapped.add(Tokens.END);
                out.add(wrapped);
            }
        });
        return out;
    }

    /** The lower-cased sentences of a document, not yet tokenized. */
    void forEachSentence(String document, Consumer<String> sink) {
        for (String sentence : splitter.split(document.toLowerCase(Locale.ROOT))) {
            sink.accept(sentence);
        }
    }

    TreebankTokenizer tokenizer() {
        return tokenizer;
    }
}
