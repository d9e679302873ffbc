package org.rnnlab.app.steps.forward;

import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.support.NumberText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnlab.engine.Forward;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.engine.TopK;
import org.rnnlab.text.Vocabulary;

/**
 * The forward pass of one sentence, as the forward step shows it. Arrays indexed by t in 0..T-1.
 *
 * @param s          s_t, T x H
 * @param top        the TOP_K most probable words of o_t, T x TOP_K
 * @param topP       their probabilities
 * @param pTrue      o_t[y_t]
 * @param rank       the rank of y_t in o_t (1 = the model's best guess)
 * @param columns    the heatmap's columns: vocabulary indices
 * @param heat       o_t[column], T x columns
 * @param vocabulary the words the indices refer to (the model's)
 */
public record ForwardTrace(List<String> inputs, List<String> targets, int[] x, int[] y, double[][] s,
                           int[][] top, double[][] topP, double[] pTrue, int[] rank, List<Integer> columns,
                           double[][] heat, Vocabulary vocabulary) {
    /** Words shown as bars at one step. */
    public static final int TOP_K = 5;
    /** Words per row that enter the heatmap's columns (with the true next word). */
    public static final int HEATMAP_K = 3;
    /** Heatmap column labels longer than this are cut. */
    static final int COLUMN_LABEL = 14;

    public int length() {
        return x.length;
    }

    public int vocabularySize() {
        return vocabulary.size();
    }

    /** ln C: the loss of a model that knows nothing. */
    public double lnC() {
        return Math.log(vocabularySize());
    }

    /** -ln o_t[y_t]: the loss at step t. */
    public double loss(int t) {
        return -Math.log(pTrue[t]);
    }

    /** The sentence's mean loss per word. */
    public double meanLoss() {
        double sum = 0;
        for (int t = 0; t < length(); t++) {
            sum += loss(t);
        }
        return length() == 0 ? Double.NaN : sum / length();
    }

    public int correct() {
        int n = 0;
        for (int r : rank) {
            if (r == 1) {
                n++;
            }
        }
        return n;
    }

    /**
     * Runs forward propagation on x and collects what the step shows (worker thread).
     *
     * @param x the sentence without its last token; y = x shifted left by one
     */
    public static ForwardTrace of(RnnModel model, Vocabulary v, int[] x, int[] y) {
        Forward f = model.forward(x);
        int T = x.length;
        int H = model.hiddenDim();
        INDArray o = f.o(); // T x C
        INDArray sArr = f.s(); // (T+1) x H, row T is s_-1
        double[][] s = new double[T][];
        double[][] rows = new double[T][];
        for (int t = 0; t < T; t++) {
            s[t] = sArr.getRow(t).toDoubleVector();
            rows[t] = o.getRow(t).toDoubleVector();
        }
        int[][] top = new int[T][];
        double[][] topP = new double[T][];
        double[] pTrue = new double[T];
        int[] rank = new int[T];
        int[][] heatTop = new int[T][];
        for (int t = 0; t < T; t++) {
            top[t] = TopK.of(rows[t], TOP_K);
            topP[t] = new double[top[t].length];
            for (int k = 0; k < top[t].length; k++) {
                topP[t][k] = rows[t][top[t][k]];
            }
            pTrue[t] = rows[t][y[t]];
            rank[t] = TopK.rank(rows[t], y[t]);
            heatTop[t] = Arrays.copyOf(top[t], Math.min(HEATMAP_K, top[t].length));
        }
        List<Integer> columns = columnUnion(heatTop, y);
        double[][] heat = new double[T][columns.size()];
        for (int t = 0; t < T; t++) {
            for (int c = 0; c < columns.size(); c++) {
                heat[t][c] = rows[t][columns.get(c)];
            }
        }
        List<String> inputs = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            inputs.add(v.word(x[t]));
            targets.add(v.word(y[t]));
        }
        assert s.length == 0 || s[0].length == H;
        return new ForwardTrace(List.copyOf(inputs), List.copyOf(targets), x.clone(), y.clone(), s, top, topP, pTrue, rank,
                columns, heat, v);
    }

    /**
     * The heatmap's columns: the true next words and each row's top words, without repeats, in the
     * order they first appear going down the rows (each row's true word first), so the true words
     * run roughly along a diagonal.
     */
    public static List<Integer> columnUnion(int[][] top, int[] y) {
        Set<Integer> seen = new LinkedHashSet<>();
        for (int t = 0; t < y.length; t++) {
            seen.add(y[t]);
            for (int w : top[t]) {
                seen.add(w);
            }
        }
        return List.copyOf(seen);
    }

    /** The heatmap's row labels: "t: input word". */
    public List<String> rowLabels() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < length(); i++) {
            rows.add(i + ": " + inputs.get(i));
        }
        return rows;
    }

    /** The heatmap's column labels: the words, long ones cut. */
    public List<String> columnLabels() {
        List<String> cols = new ArrayList<>();
        for (int c : columns) {
            String w = vocabulary.word(c);
            cols.add(w.length() > COLUMN_LABEL ? w.substring(0, COLUMN_LABEL - 1) + "…" : w);
        }
        return cols;
    }

    /** What hovering heatmap cell (row r, column c) tells. */
    public String cellText(int r, int c, double p) {
        return I18n.text("app.fwd.cell", r, inputs.get(r), vocabulary.word(columns.get(c)),
                String.format(Locale.ROOT, "%.6f", p), NumberText.percent(p))
                + (columns.get(c) == y[r] ? I18n.text("app.fwd.cell.true") : "");
    }

    /** The bottom of the heatmap's log10 colour scale: a decade below 1/C. */
    public double colourFloor() {
        return Math.floor(Math.log10(1.0 / vocabularySize())) - 1;
    }
}
