package org.rnnlab.engine;

import java.util.random.RandomGenerator;

/** Samples sentences from a model, following the lesson's rule. */
public final class SentenceGenerator {
    private final RnnModel model;

    public SentenceGenerator(RnnModel model) {
        this.model = model;
    }

    public GeneratedSentence generate(GenerationOptions options, RandomGenerator rng) {
        throw new UnsupportedOperationException("not built yet");
    }
}
