package org.rnnlab.engine;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnlab.common.UserException;

/** The lesson's Elman network: s_t = tanh(U x_t + W s_(t-1)), o_t = softmax(V s_t). */
public final class RnnModel {
    private INDArray U; // H x C
    private INDArray V; // C x H
    private INDArray W; // H x H
    private int bpttTruncate;

    private RnnModel(INDArray U, INDArray V, INDArray W, int bpttTruncate) {
        this.U = U;
        this.V = V;
        this.W = W;
        this.bpttTruncate = bpttTruncate;
    }

    public static RnnModel initialise(int wordDim, int hiddenDim, int bpttTruncate, long seed, Precision precision) {
        throw new UnsupportedOperationException("not built yet");
    }

    public static RnnModel fromArrays(INDArray U, INDArray V, INDArray W, int bpttTruncate) {
        if (U.rank() != 2 || V.rank() != 2 || W.rank() != 2) {
            throw new UserException("U, V and W must be matrices.");
        }
        return new RnnModel(U, V, W, bpttTruncate);
    }

    public int wordDim() { return (int) U.columns(); }
    public int hiddenDim() { return (int) U.rows(); }
    public int bpttTruncate() { return bpttTruncate; }
    public void setBpttTruncate(int k) { bpttTruncate = k; }
    public Precision precision() { return Precision.of(U.dataType()); }
    public RnnModel withPrecision(Precision p) { throw new UnsupportedOperationException("not built yet"); }
    public INDArray U() { return U; }
    public INDArray V() { return V; }
    public INDArray W() { return W; }
    public RnnModel copy() { return new RnnModel(U.dup(), V.dup(), W.dup(), bpttTruncate); }
    public void copyFrom(RnnModel other) { U.assign(other.U); V.assign(other.V); W.assign(other.W); bpttTruncate = other.bpttTruncate; }
    public Forward forward(int[] x) { throw new UnsupportedOperationException("not built yet"); }
    public int[] predict(int[] x) { throw new UnsupportedOperationException("not built yet"); }
    public double sentenceLoss(int[] x, int[] y) { throw new UnsupportedOperationException("not built yet"); }
    public double totalLoss(List<int[]> xs, List<int[]> ys) { throw new UnsupportedOperationException("not built yet"); }
    public double meanLoss(List<int[]> xs, List<int[]> ys) { throw new UnsupportedOperationException("not built yet"); }
    public Gradients bptt(int[] x, int[] y) { return bptt(x, y, bpttTruncate); }
    public Gradients bptt(int[] x, int[] y, int bpttTruncate) { throw new UnsupportedOperationException("not built yet"); }
    public double sgdStep(int[] x, int[] y, double learningRate) { throw new UnsupportedOperationException("not built yet"); }
    public int parameterCount() { int h = hiddenDim(), c = wordDim(); return 2 * h * c + h * h; }
}
