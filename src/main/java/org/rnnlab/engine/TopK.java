package org.rnnlab.engine;

/**
 * The most probable entries of a distribution o_t: the words a prediction lists, the bars and
 * heatmap columns the app shows, and where the true next word ranks.
 */
public final class TopK {
    private TopK() {
    }

    /** The k indices with the largest {@code p}, largest first (ties: lower index first); fewer when p is shorter. */
    public static int[] of(double[] p, int k) {
        int n = Math.max(0, Math.min(k, p.length));
        int[] best = new int[n];
        if (n == 0) {
            return best;
        }
        int size = 0;
        for (int i = 0; i < p.length; i++) {
            if (size < n) {
                best[size++] = i;
            } else if (p[i] > p[best[n - 1]]) {
                best[n - 1] = i;
            } else {
                continue;
            }
            // one insertion step keeps best[] sorted by descending probability; the strict > keeps
            // an earlier index ahead of a later equal one
            for (int j = size - 1; j > 0 && p[best[j]] > p[best[j - 1]]; j--) {
                int t = best[j];
                best[j] = best[j - 1];
                best[j - 1] = t;
            }
        }
        return best;
    }

    /** The rank of {@code index} in {@code p}: 1 for the most probable (ties count in its favour). */
    public static int rank(double[] p, int index) {
        double v = p[index];
        int above = 0;
        for (double q : p) {
            if (q > v) {
                above++;
            }
        }
        return above + 1;
    }
}
