package org.rnnlab.engine;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Everything forward propagation computes for one sentence of T words.
 *
 * @param o T x C, row t is o_t = softmax(V s_t)
 * @param s (T+1) x H, row t is s_t; row T is s_-1 = 0 (the lesson's convention, so s[t-1] works at t = 0)
 */
public record Forward(INDArray o, INDArray s) {
    /** Frees both arrays' native memory now, for a caller done with them (the live probe, once a second). */
    public void release() {
        RnnModel.release(o, s);
    }
}
