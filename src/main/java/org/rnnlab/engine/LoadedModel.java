package org.rnnlab.engine;

import org.rnnlab.text.Vocabulary;

/** A model read from disk, with its vocabulary (null when the file has none) and its description. */
public record LoadedModel(RnnModel model, Vocabulary vocabulary, ModelInfo info) {}
