package org.rnnlab.engine;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A dense row-major ND4J array seen three ways: as the INDArray, as a NIO view of its off-heap
 * memory (Java reads and writes single elements with no ND4J call, which costs microseconds each),
 * and as a pointer for direct BLAS calls (no per-call ND4J overhead).
 */
final class Mat {
    final INDArray array;
    final boolean f32;
    final int rows;
    final int cols;
    private final FloatBuffer fb;
    private final DoubleBuffer db;
    private final FloatPointer fp;
    private final DoublePointer dp;

    private Mat(INDArray array) {
        this.array = array;
        this.f32 = array.dataType() == DataType.FLOAT;
        this.rows = (int) array.size(0);
        this.cols = array.rank() == 1 ? 1 : (int) array.size(1);
        var nio = array.data().asNio().order(ByteOrder.nativeOrder());
        if (f32) {
            fb = nio.asFloatBuffer();
            db = null;
            fp = new FloatPointer(array.data().addressPointer());
            dp = null;
        } else {
            fb = null;
            db = nio.asDoubleBuffer();
            fp = null;
            dp = new DoublePointer(array.data().addressPointer());
        }
    }

    /** True when the array owns a whole, contiguous, row-major buffer (so the views above are exact). */
    static boolean isPlain(INDArray a) {
        return (a.rank() == 2 || a.rank() == 1) && !a.isView() && a.ordering() == 'c' && a.offset() == 0
                && a.data().length() == a.length()
                && (a.dataType() == DataType.FLOAT || a.dataType() == DataType.DOUBLE);
    }

    /** Wraps a plain array (see {@link #isPlain}); the array must stay alive as long as the Mat. */
    static Mat of(INDArray a) {
        if (!isPlain(a)) {
            throw new IllegalArgumentException("not a plain row-major float/double array");
        }
        return new Mat(a);
    }

    static Mat zeros(Precision p, int rows, int cols) {
        return new Mat(Nd4j.create(p.dataType(), rows, cols));
    }

    /**
     * Frees the native memory of buffers their owner is done with (grown, or its model released) now
     * rather than at a garbage collection that may be tens of seconds away; nulls are skipped.
     */
    static void release(Mat... mats) {
        for (Mat m : mats) {
            if (m != null) {
                RnnModel.release(m.array);
            }
        }
    }

    double get(int i) {
        return f32 ? fb.get(i) : db.get(i);
    }

    void set(int i, double v) {
        if (f32) {
            fb.put(i, (float) v);
        } else {
            db.put(i, v);
        }
    }

    void add(int i, double v) {
        if (f32) {
            fb.put(i, (float) (fb.get(i) + v));
        } else {
            db.put(i, db.get(i) + v);
        }
    }

    /** Copies {@code n} consecutive elements starting at {@code from} into {@code dst[at..]}. */
    void read(int from, double[] dst, int at, int n) {
        if (f32) {
            for (int i = 0; i < n; i++) {
                dst[at + i] = fb.get(from + i);
            }
        } else {
            db.get(from, dst, at, n);
        }
    }

    /** Copies {@code src[at..at+n)} into consecutive elements starting at {@code to}. */
    void write(int to, double[] src, int at, int n) {
        if (f32) {
            for (int i = 0; i < n; i++) {
                fb.put(to + i, (float) src[at + i]);
            }
        } else {
            db.put(to, src, at, n);
        }
    }

    /** Copies {@code n} consecutive float32 elements starting at {@code from} into {@code dst[at..at+n)}. */
    void readFloats(int from, float[] dst, int at, int n) {
        fb.get(from, dst, at, n);
    }

    /** Copies {@code src[at..at+n)} into consecutive float32 elements starting at {@code to}. */
    void writeFloats(int to, float[] src, int at, int n) {
        fb.put(to, src, at, n);
    }

    /** A pointer to element {@code offset} of this buffer (for BLAS calls on a block of it). */
    org.bytedeco.javacpp.Pointer at(long offset) {
        return f32 ? new FloatPointer(fp).position(offset) : new DoublePointer(dp).position(offset);
    }

    /** C = alpha op(A) op(B) + beta C on row-major blocks given by pointers and row lengths. */
    static void gemm(boolean f32, boolean transA, boolean transB, int m, int n, int k, double alpha,
                     org.bytedeco.javacpp.Pointer a, int lda, org.bytedeco.javacpp.Pointer b, int ldb,
                     double beta, org.bytedeco.javacpp.Pointer c, int ldc) {
        int ta = transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int tb = transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        if (f32) {
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, ta, tb, m, n, k, (float) alpha,
                    (FloatPointer) a, lda, (FloatPointer) b, ldb, (float) beta, (FloatPointer) c, ldc);
        } else {
            openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, ta, tb, m, n, k, alpha,
                    (DoublePointer) a, lda, (DoublePointer) b, ldb, beta, (DoublePointer) c, ldc);
        }
    }

    /**
     * C = alpha op(A) op(B) + beta C on row-major buffers, straight into OpenBLAS. The matrices
     * are the leading rows of the given buffers; lda/ldb/ldc are their row lengths.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, Mat a, Mat b,
                     double beta, Mat c) {
        int ta = transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int tb = transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        if (c.f32) {
            openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, ta, tb, m, n, k, (float) alpha,
                    a.fp, a.cols, b.fp, b.cols, (float) beta, c.fp, c.cols);
        } else {
            openblas_nolapack.cblas_dgemm(openblas_nolapack.CblasRowMajor, ta, tb, m, n, k, alpha,
                    a.dp, a.cols, b.dp, b.cols, beta, c.dp, c.cols);
        }
    }

    /** y = alpha A x + beta y for the leading m rows of A (m x A.cols); x and y are vectors. */
    static void gemv(int m, double alpha, Mat a, Mat x, double beta, Mat y) {
        if (a.f32) {
            openblas_nolapack.cblas_sgemv(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans, m, a.cols,
                    (float) alpha, a.fp, a.cols, x.fp, 1, (float) beta, y.fp, 1);
        } else {
            openblas_nolapack.cblas_dgemv(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans, m, a.cols,
                    alpha, a.dp, a.cols, x.dp, 1, beta, y.dp, 1);
        }
    }

    /** y = alpha op(A) x + beta y for an m x n block A given by a pointer and its row length lda (op = transpose when {@code trans}). */
    static void gemv(boolean f32, boolean trans, int m, int n, double alpha, org.bytedeco.javacpp.Pointer a, int lda,
                     org.bytedeco.javacpp.Pointer x, double beta, org.bytedeco.javacpp.Pointer y) {
        int t = trans ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        if (f32) {
            openblas_nolapack.cblas_sgemv(openblas_nolapack.CblasRowMajor, t, m, n,
                    (float) alpha, (FloatPointer) a, lda, (FloatPointer) x, 1, (float) beta, (FloatPointer) y, 1);
        } else {
            openblas_nolapack.cblas_dgemv(openblas_nolapack.CblasRowMajor, t, m, n,
                    alpha, (DoublePointer) a, lda, (DoublePointer) x, 1, beta, (DoublePointer) y, 1);
        }
    }

    /** y += alpha x over the first n elements. */
    static void axpy(int n, double alpha, Mat x, Mat y) {
        if (x.f32) {
            openblas_nolapack.cblas_saxpy(n, (float) alpha, x.fp, 1, y.fp, 1);
        } else {
            openblas_nolapack.cblas_daxpy(n, alpha, x.dp, 1, y.dp, 1);
        }
    }
}
