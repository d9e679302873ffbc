package org.rnnlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Derivatives of one sentence's total loss: dU H x C, dV C x H, dW H x H, and for a class-based
 * output layer dX K x H (the class weights; null for the lesson's full softmax).
 */
public record Gradients(INDArray dU, INDArray dV, INDArray dW, INDArray dX) {
    public Gradients(INDArray dU, INDArray dV, INDArray dW) {
        this(dU, dV, dW, null);
    }

    /** Frees the arrays' native memory now rather than at some later garbage collection; unusable afterwards. */
    public void release() {
        RnnModel.release(dU, dV, dW, dX);
    }
}
