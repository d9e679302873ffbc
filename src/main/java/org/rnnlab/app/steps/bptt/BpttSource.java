package org.rnnlab.app.steps.bptt;

import java.util.List;
import javafx.beans.Observable;
import org.rnnlab.app.session.ModelStore;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.Vocabulary;

/** What the BPTT step reads: the current model and its vocabulary, the seed of its random start, a corpus sentence. */
public interface BpttSource {
    /** The current model, or null before there is one. */
    RnnModel model();

    /** The words of the model's indices, or null. */
    Vocabulary vocabulary();

    /** The seed the random initial model is drawn with (the lesson's 10 unless changed). */
    long seed();

    /** Changes whenever the model is replaced or trained. */
    Observable changes();

    /** A corpus sentence to start with, as tokens between SENTENCE_START and SENTENCE_END; empty when none. */
    List<String> exampleSentence();

    static BpttSource of(ModelStore store) {
        return new BpttSource() {
            @Override
            public RnnModel model() {
                return store.model();
            }

            @Override
            public Vocabulary vocabulary() {
                return store.vocabulary();
            }

            @Override
            public long seed() {
                return store.seed();
            }

            @Override
            public Observable changes() {
                return store.revisionProperty();
            }

            @Override
            public List<String> exampleSentence() {
                PreparedData data = store.prepared();
                if (data == null) {
                    return List.of();
                }
                for (int i = 0; i < data.size(); i++) {
                    int n = data.length(i);
                    if (n >= BpttViewModel.EXAMPLE_MIN_WORDS && n <= BpttViewModel.EXAMPLE_MAX_WORDS) {
                        List<String> tokens = data.sentenceTokens(i);
                        return tokens.subList(1, tokens.size() - 1);
                    }
                }
                return List.of();
            }
        };
    }
}
