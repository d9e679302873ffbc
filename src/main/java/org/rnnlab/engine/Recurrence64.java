package org.rnnlab.engine;

import java.util.Arrays;

/** {@link Recurrence} in double loops, for float64 models. */
final class Recurrence64 extends Recurrence {
    private double[] s = new double[0];      // T x H, row t = s_t (s_-1 = 0 is implicit)
    private double[] ds = new double[0];     // T x H, dL/ds_t through the output layer
    private double[] D = new double[0];      // T x H, sum of the BPTT deltas arriving at step t
    private double[] dTanh = new double[0];  // T x H, 1 - s_t^2
    private double[] chain = new double[0];  // T x H, the chains at one lag (xBuf's rows)
    private final double[] w;                // H x H, W row-major as read
    private final double[][] wRows;          // W
    private final double[][] wTRows;         // W^T (for W s as axpys over contiguous columns)
    private final double[][] dW;
    private final double[][] sRows = new double[4][]; // four consecutive s_t, for dW
    private final double[] wNew;             // H, a row of W - lr dW
    private final double[] a;                // H
    private final double[] next;             // H

    Recurrence64(Mat Ut, Mat W) {
        super(Ut, W);
        w = new double[H * H];
        wRows = new double[H][H];
        wTRows = new double[H][H];
        dW = new double[H][H];
        for (int k = 0; k < 4; k++) {
            sRows[k] = new double[H];
        }
        wNew = new double[H];
        a = new double[H];
        next = new double[H];
    }

    @Override
    void grow(int rows) {
        int cap = rows * H;
        s = new double[cap];
        ds = new double[cap];
        D = new double[cap];
        dTanh = new double[cap];
        chain = new double[cap];
    }

    @Override
    void loadW() {
        W.read(0, w, 0, H * H);
        for (int i = 0; i < H; i++) {
            System.arraycopy(w, i * H, wRows[i], 0, H);
            for (int j = 0; j < H; j++) {
                wTRows[j][i] = w[i * H + j];
            }
        }
    }

    @Override
    void recur(int[] x, int from, int to) {
        for (int t = from; t < to; t++) {
            Ut.read(x[t] * H, a, 0, H); // U x_t is column x_t of U, row x_t of Ut
            if (t > 0) {
                rowsTimes(wTRows, s, (t - 1) * H, a); // a += W s_(t-1) = sum_j s_j W[:, j]
            }
            int base = t * H;
            for (int i = 0; i < H; i++) {
                s[base + i] = tanh(a[i]);
            }
        }
    }

    /** tanh through one exp (the JDK's Math.tanh is ~4x slower); absolute error ~1e-16. */
    static double tanh(double x) {
        return 1.0 - 2.0 / (Math.exp(2.0 * x) + 1.0);
    }

    @Override
    void writeStates(int from, int n, Mat into, int at) {
        into.write(at * H, s, from * H, n * H);
    }

    @Override
    void outputRow(int r, int t, double invZ, Mat g0, Mat g1, Mat V, int vy, Mat sBuf) {
        int base = r * H;
        int src = t * H;
        for (int i = 0; i < H; i++) {
            sBuf.set(base + i, s[src + i] * invZ);
            // E' V / Z = E V / Z - V[y]; V read here, before its update may write it
            ds[src + i] = (g0.get(base + i) + g1.get(base + i)) * invZ - V.get(vy + i);
        }
    }

    @Override
    void readDs(Mat from, int t0, int t1) {
        from.read(t0 * H, ds, t0 * H, (t1 - t0) * H);
    }

    @Override
    void backward(int T, int bpttTruncate) {
        Arrays.fill(D, 0, T * H, 0.0);
        for (double[] row : dW) {
            Arrays.fill(row, 0.0);
        }
        if (bpttTruncate >= T - 1) {
            for (int step = T - 1; step >= 0; step--) {
                int base = step * H;
                System.arraycopy(ds, base, next, 0, H);
                if (step < T - 1) {
                    rowsTimes(wRows, D, base + H, next); // next += W^T D[step+1]
                }
                for (int j = 0; j < H; j++) {
                    double sj = s[base + j];
                    D[base + j] = next[j] * (1.0 - sj * sj);
                }
            }
        } else {
            // All chains at one lag form a matrix, one product with W per lag: X_0 row r is
            // ds_r * (1 - s_r^2), the chain started at t = r; X_j row r is the chain started at
            // t = r + j, now at step r: X_j[r] = (W^T X_(j-1)[r+1]) * (1 - s_r^2) (as a row:
            // X_(j-1)[r+1] W). Every X_j[r] arrives at step r: D[r] += X_j[r].
            double[] dt = dTanh;
            for (int k = 0; k < T * H; k++) {
                double sk = s[k];
                dt[k] = 1.0 - sk * sk;
                D[k] = ds[k] * dt[k];
            }
            xBuf.write(0, D, 0, T * H);
            for (int lag = 1; lag <= bpttTruncate && lag < T; lag++) {
                int m = T - lag;
                lagProduct(m);
                // whole rows at a time between the native buffers and Java arrays
                double[] c = chain;
                yBuf.read(0, c, 0, m * H);
                for (int k = 0; k < m * H; k++) {
                    double v = c[k] * dt[k];
                    D[k] += v;
                    c[k] = v;
                }
                xBuf.write(0, c, 0, m * H);
            }
        }
        // dW[i, :] += D[step, i] s_(step-1), four steps per pass (see rowsTimes)
        double[] s0 = sRows[0];
        double[] s1 = sRows[1];
        double[] s2 = sRows[2];
        double[] s3 = sRows[3];
        int step = 1;
        for (; step + 3 < T; step += 4) {
            int d0 = step * H;
            int p0 = d0 - H;
            System.arraycopy(s, p0, s0, 0, H);
            System.arraycopy(s, p0 + H, s1, 0, H);
            System.arraycopy(s, p0 + 2 * H, s2, 0, H);
            System.arraycopy(s, p0 + 3 * H, s3, 0, H);
            for (int i = 0; i < H; i++) {
                double a0 = D[d0 + i];
                double a1 = D[d0 + H + i];
                double a2 = D[d0 + 2 * H + i];
                double a3 = D[d0 + 3 * H + i];
                double[] row = dW[i];
                for (int j = 0; j < H; j++) {
                    row[j] += a0 * s0[j] + a1 * s1[j] + a2 * s2[j] + a3 * s3[j];
                }
            }
        }
        for (; step < T; step++) {
            int db = step * H;
            System.arraycopy(s, db - H, s0, 0, H);
            for (int i = 0; i < H; i++) {
                double di = D[db + i];
                double[] row = dW[i];
                for (int j = 0; j < H; j++) {
                    row[j] += di * s0[j];
                }
            }
        }
    }

    /**
     * out += sum_i v[from+i] m[i] for the H rows m[i]. Four rows per pass: loops of only H = 100
     * elements are dominated by loop overhead and the loads and stores of out, so each pass does
     * four times the arithmetic (about 1.7x faster than one row per pass).
     */
    private void rowsTimes(double[][] m, double[] v, int from, double[] out) {
        int i = 0;
        for (; i + 3 < H; i += 4) {
            double a0 = v[from + i];
            double a1 = v[from + i + 1];
            double a2 = v[from + i + 2];
            double a3 = v[from + i + 3];
            double[] m0 = m[i];
            double[] m1 = m[i + 1];
            double[] m2 = m[i + 2];
            double[] m3 = m[i + 3];
            for (int j = 0; j < H; j++) {
                out[j] += m0[j] * a0 + m1[j] * a1 + m2[j] * a2 + m3[j] * a3;
            }
        }
        for (; i < H; i++) {
            double ai = v[from + i];
            double[] mi = m[i];
            for (int j = 0; j < H; j++) {
                out[j] += mi[j] * ai;
            }
        }
    }

    @Override
    void updateUW(int[] x, int T, double lr) {
        for (int t = 0; t < T; t++) { // one word after another: a word may come twice
            int row = x[t] * H;
            int base = t * H;
            Ut.read(row, a, 0, H);
            for (int i = 0; i < H; i++) {
                a[i] -= lr * D[base + i];
            }
            Ut.write(row, a, 0, H);
        }
        for (int i = 0; i < H; i++) {
            double[] wi = wRows[i];
            double[] di = dW[i];
            for (int j = 0; j < H; j++) {
                wNew[j] = wi[j] - lr * di[j];
            }
            W.write(i * H, wNew, 0, H);
        }
    }

    @Override
    void addDU(Mat dU, int[] x, int T) {
        for (int t = 0; t < T; t++) {
            for (int i = 0; i < H; i++) {
                dU.add(i * C + x[t], D[t * H + i]); // dU[:, x_t] += D[t]
            }
        }
    }

    @Override
    void writeDW(Mat into) {
        for (int i = 0; i < H; i++) {
            into.write(i * H, dW[i], 0, H);
        }
    }
}
