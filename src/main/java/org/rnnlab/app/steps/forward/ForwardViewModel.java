package org.rnnlab.app.steps.forward;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.rnnlab.engine.TopK;
import org.rnnlab.engine.Forward;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.Vocabulary;

/**
 * The forward pass of one sentence, step by step: at each time t the input word x_t, the hidden
 * state s_t, the output distribution o_t (its top words, the true next word y_t and its
 * probability), and for the whole sentence a heatmap of the words that matter.
 */
public final class ForwardViewModel {
    /** Words shown as bars at one step. */
    public static final int TOP_K = 5;
    /** Words per row that enter the heatmap's columns (with the true next word). */
    public static final int HEATMAP_K = 3;

    /**
     * Everything shown about one sentence. Arrays indexed by t in 0..T-1.
     *
     * @param s       s_t, T x H
     * @param top     the TOP_K most probable words of o_t, T x TOP_K
     * @param topP    their probabilities
     * @param pTrue   o_t[y_t]
     * @param rank    the rank of y_t in o_t (1 = the model's best guess)
     * @param columns the heatmap's columns: vocabulary indices
     * @param heat    o_t[column], T x columns
     */
    public record Trace(List<String> inputs, List<String> targets, int[] x, int[] y, double[][] s,
                        int[][] top, double[][] topP, double[] pTrue, int[] rank, List<Integer> columns,
                        double[][] heat, int vocabularySize) {
        public int length() {
            return x.length;
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
    }

    private final IntegerProperty sentenceIndex = new SimpleIntegerProperty(0);
    private final IntegerProperty time = new SimpleIntegerProperty(0);
    private final ObjectProperty<Trace> trace = new SimpleObjectProperty<>();
    private final BooleanProperty playing = new SimpleBooleanProperty(false);

    public ForwardViewModel() {
        trace.addListener((o, a, t) -> time.set(t == null ? 0 : Math.min(time.get(), Math.max(0, t.length() - 1))));
    }

    public IntegerProperty sentenceIndexProperty() {
        return sentenceIndex;
    }

    public IntegerProperty timeProperty() {
        return time;
    }

    public ObjectProperty<Trace> traceProperty() {
        return trace;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** One step on (wraps to the start after the last word, so "play" can loop). */
    public void stepForward() {
        Trace t = trace.get();
        if (t == null || t.length() == 0) {
            return;
        }
        time.set((time.get() + 1) % t.length());
    }

    public void stepBack() {
        Trace t = trace.get();
        if (t == null || t.length() == 0) {
            return;
        }
        time.set(Math.max(0, time.get() - 1));
    }

    /**
     * Runs forward propagation on x and collects what the step shows (worker thread).
     *
     * @param x the sentence without its last token; y = x shifted left by one
     */
    public static Trace trace(RnnModel model, Vocabulary v, int[] x, int[] y) {
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
            heatTop[t] = java.util.Arrays.copyOf(top[t], Math.min(HEATMAP_K, top[t].length));
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
        return new Trace(List.copyOf(inputs), List.copyOf(targets), x.clone(), y.clone(), s, top, topP, pTrue, rank,
                columns, heat, v.size());
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

    /** The first sentence of a comfortable length to show (8 to 16 words), or 0. */
    public static int firstGoodSentence(java.util.function.IntUnaryOperator lengthOf, int count) {
        for (int i = 0; i < count; i++) {
            int n = lengthOf.applyAsInt(i);
            if (n >= 8 && n <= 16) {
                return i;
            }
        }
        return 0;
    }
}
