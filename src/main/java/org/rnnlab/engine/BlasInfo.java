package org.rnnlab.engine;

import java.util.Arrays;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the machine's BLAS can do, for the bench: the OpenBLAS library the engine calls and the
 * throughput of a large square sgemm, the best any product can reach on these cores. The engine's
 * step is judged as a share of it, a ratio that means something on a shared machine, where
 * absolute times do not.
 */
public final class BlasInfo {
    private BlasInfo() {
    }

    /** The path of the OpenBLAS library the engine's products go to (javacpp's cached copy). */
    public static String libraryPath() {
        try {
            return Loader.load(openblas_nolapack.class);
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }

    /**
     * The best of {@code repeats} float32 products of two n x n matrices, in GFLOP/s, with OpenBLAS
     * on {@code threads} threads; OpenBLAS's thread count is put back afterwards (the engine's
     * lane expects one per call, see {@link EngineThreads}).
     */
    public static double sgemmGflops(int n, int threads, int repeats) {
        Mat a = Mat.zeros(Precision.FLOAT32, n, n);
        Mat b = Mat.zeros(Precision.FLOAT32, n, n);
        Mat c = Mat.zeros(Precision.FLOAT32, n, n);
        a.array.assign(0.5);
        b.array.assign(0.25);
        var blas = Nd4j.factory().blas();
        int before = blas.getMaxThreads();
        blas.setMaxThreads(threads);
        try {
            Mat.gemm(false, false, n, n, n, 1.0, a, b, 0.0, c); // warm-up: pages touched, buffers sized
            double[] seconds = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                Mat.gemm(false, false, n, n, n, 1.0, a, b, 0.0, c);
                seconds[r] = (System.nanoTime() - t0) / 1e9;
            }
            return 2.0 * n * n * (double) n / Arrays.stream(seconds).min().orElseThrow() / 1e9;
        } finally {
            blas.setMaxThreads(before);
        }
    }

    /**
     * The arithmetic of one full-softmax SGD step, in floating-point operations: the three products
     * with V (logits S V^T, dS = dO V, dV = dO^T S; 2TCH each) and the H x H products (the
     * recurrence, one per BPTT lag, dW). exp, tanh and the element-wise updates are not counted.
     */
    public static double fullStepFlops(int C, int H, int T, int bpttTruncate) {
        double lags = Math.min(bpttTruncate, T - 1);
        return 6.0 * T * C * H + 2.0 * T * H * H * (2 + lags);
    }
}
