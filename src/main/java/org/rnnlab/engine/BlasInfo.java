package org.rnnlab.engine;

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
     * One float32 n x n product at a time, for a bench that times it in turns with other work (the
     * matrices are made once). {@link #gflops} runs one product on {@code threads} OpenBLAS threads
     * and puts OpenBLAS's thread count back.
     */
    public static final class Sgemm {
        private final int n;
        private final Mat a;
        private final Mat b;
        private final Mat c;

        public Sgemm(int n) {
            this.n = n;
            a = Mat.zeros(Precision.FLOAT32, n, n);
            b = Mat.zeros(Precision.FLOAT32, n, n);
            c = Mat.zeros(Precision.FLOAT32, n, n);
            a.array.assign(0.5);
            b.array.assign(0.25);
            Mat.gemm(false, false, n, n, n, 1.0, a, b, 0.0, c); // warm-up: pages touched, buffers sized
        }

        public double gflops(int threads) {
            var blas = Nd4j.factory().blas();
            int before = blas.getMaxThreads();
            blas.setMaxThreads(threads);
            try {
                long t0 = System.nanoTime();
                Mat.gemm(false, false, n, n, n, 1.0, a, b, 0.0, c);
                return 2.0 * n * n * (double) n / ((System.nanoTime() - t0) / 1e9) / 1e9;
            } finally {
                blas.setMaxThreads(before);
            }
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
