package org.rnnlab.engine;

import java.util.List;

/**
 * What a model file says about its model, beside the weights (its {@code model.json} entry).
 *
 * @param hiddenDim    H
 * @param wordDim      C, the vocabulary size
 * @param bpttTruncate the truncation used for training
 * @param dtype        "float32" or "float64"
 * @param seed         the initialisation seed, null when unknown (e.g. an imported file)
 * @param corpusHash   identifies the training data ("sha256:..."), null when unknown
 * @param lossHistory  the mean losses of the training evaluations, oldest first
 * @param createdBy    program and command that wrote the file
 */
public record ModelInfo(int hiddenDim, int wordDim, int bpttTruncate, String dtype, Long seed, String corpusHash,
                        List<Double> lossHistory, String createdBy) {
    public ModelInfo {
        lossHistory = lossHistory == null ? List.of() : List.copyOf(lossHistory);
    }

    /** The facts a model knows about itself; no seed, corpus or history. */
    public static ModelInfo of(RnnModel model, String createdBy) {
        return new ModelInfo(model.hiddenDim(), model.wordDim(), model.bpttTruncate(), model.precision().dtypeName(),
                null, null, List.of(), createdBy);
    }

    public ModelInfo withSeed(Long s) {
        return new ModelInfo(hiddenDim, wordDim, bpttTruncate, dtype, s, corpusHash, lossHistory, createdBy);
    }

    public ModelInfo withCorpusHash(String h) {
        return new ModelInfo(hiddenDim, wordDim, bpttTruncate, dtype, seed, h, lossHistory, createdBy);
    }

    public ModelInfo withLossHistory(List<Double> history) {
        return new ModelInfo(hiddenDim, wordDim, bpttTruncate, dtype, seed, corpusHash, history, createdBy);
    }

    public ModelInfo withCreatedBy(String by) {
        return new ModelInfo(hiddenDim, wordDim, bpttTruncate, dtype, seed, corpusHash, lossHistory, by);
    }

}
