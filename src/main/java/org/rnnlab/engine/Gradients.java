package org.rnnlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Derivatives of one sentence's total loss: dU H x C, dV C x H, dW H x H. */
public record Gradients(INDArray dU, INDArray dV, INDArray dW) {
}
