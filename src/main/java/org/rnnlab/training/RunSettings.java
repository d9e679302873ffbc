package org.rnnlab.training;

import java.util.HexFormat;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.Vocabulary;

/**
 * What a training run was, for its log's first line ({@link RunLog}): enough to tell runs apart
 * side by side and to repeat one.
 *
 * @param createdBy          who ran it ("rnnlab train", the app)
 * @param data               where the sentences came from (a folder, a corpus name); may be null
 * @param corpusHash         the training data's hash (see {@code ModelFile.corpusHash}); may be null
 * @param vocabularyHash     {@link #vocabularyHash(Vocabulary)}; may be null
 * @param precision          "float32" or "float64"
 * @param sentences          every sentence given to the trainer
 * @param trainingSentences  of which the trainer steps on these
 * @param heldOutSentences   and holds these out
 */
public record RunSettings(String createdBy, String data, String corpusHash, String vocabularyHash, int wordDim,
                          int hiddenDim, int bpttTruncate, String precision, long seed, double learningRate, int epochs,
                          int evaluateLossAfter, boolean shuffle, int sentences, int trainingSentences, int heldOutSentences,
                          double validationFraction) {

    /** The settings of a run of {@code model} with {@code config} over the sentences {@code split} divides. */
    public static RunSettings of(String createdBy, String data, String corpusHash, Vocabulary vocabulary, RnnModel model,
                                 TrainingConfig config, TrainValidationSplit split) {
        return new RunSettings(createdBy, data, corpusHash, vocabulary == null ? null : vocabularyHash(vocabulary),
                model.wordDim(), model.hiddenDim(), model.bpttTruncate(), model.precision().dtypeName(), config.seed(),
                config.learningRate(), config.epochs(), config.evaluateLossAfter(), config.shuffle(), split.size(),
                split.trainingSize(), split.heldOutSize(), config.validationFraction());
    }

    /** "sha256:" and the SHA-256 of the vocabulary's words in index order, one per line. */
    public static String vocabularyHash(Vocabulary vocabulary) {
        return "sha256:" + HexFormat.of().formatHex(vocabulary.digest().digest());
    }
}
