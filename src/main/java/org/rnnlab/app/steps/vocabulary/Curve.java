package org.rnnlab.app.steps.vocabulary;

import java.util.ArrayList;
import java.util.List;
import org.rnnlab.app.session.CorpusSession;
import org.rnnlab.text.FrequencyTable;

/** Points of a curve of the Vocabulary step, ready for a chart: thinned to a few hundred points. */
public record Curve(double[] x, double[] y) {
    static final Curve EMPTY = new Curve(new double[0], new double[0]);

    public int size() {
        return x.length;
    }

    /** Zipf plot: rank (x) against count (y), both meant for log axes. */
    static Curve zipf(FrequencyTable f) {
        int n = f.distinctTokens();
        List<double[]> points = new ArrayList<>();
        for (int r : thinned(1, n)) {
            points.add(new double[] {r, f.countAt(r - 1)});
        }
        return of(points);
    }

    /** Coverage curve: C (x) against % of tokens covered (y); {@code covered[k]} is the share of the k most frequent words. */
    static Curve coverage(double[] covered, int maxC) {
        List<double[]> points = new ArrayList<>();
        for (int c : thinned(CorpusSession.MIN_VOCABULARY_SIZE, maxC)) {
            points.add(new double[] {c, 100 * covered[Math.min(c - 1, covered.length - 1)]});
        }
        return of(points);
    }

    /** Every value up to 100, then about 2% apart, and the last one: the shape survives, the points do not pile up. */
    static List<Integer> thinned(int from, int to) {
        List<Integer> out = new ArrayList<>();
        int v = from;
        while (v < to) {
            out.add(v);
            v = v < 100 ? v + 1 : Math.max(v + 1, (int) Math.round(v * 1.02));
        }
        if (to >= from) {
            out.add(to);
        }
        return out;
    }

    private static Curve of(List<double[]> points) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return new Curve(x, y);
    }
}
