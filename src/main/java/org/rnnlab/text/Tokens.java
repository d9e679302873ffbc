package org.rnnlab.text;

/** The lesson's special tokens. START and END are ordinary vocabulary entries; UNKNOWN is always the last index. */
public final class Tokens {
    public static final String START = "SENTENCE_START";
    public static final String END = "SENTENCE_END";
    public static final String UNKNOWN = "UNKNOWN_TOKEN";

    private Tokens() {
    }
}
