package org.rnnlab.engine;


/**
 * Incremental prediction: keeps s_t, so each word costs one recurrent step (H x H, in Java) and one
 * output row (o = softmax(V s), one BLAS matrix-vector product and a softmax in double precision),
 * instead of re-running forward propagation over the whole prefix as the lesson does. Reads the
 * model's live parameters at every word. Not thread-safe; one predictor per thread.
 */
public final class NextWordPredictor {
    private final RnnModel model;
    private final int H;
    private final int C;
    private final double[] s;      // s_t, starts as s_-1 = 0
    private final double[] a;      // H
    private final Mat sVec;        // H x 1, s_t for the BLAS product
    private final Mat logits;      // C x 1
    private int words;

    public NextWordPredictor(RnnModel model) {
        this.model = model;
        this.H = model.hiddenDim();
        this.C = model.wordDim();
        this.s = new double[H];
        this.a = new double[H];
        this.sVec = Mat.zeros(model.precision(), H, 1);
        this.logits = Mat.zeros(model.precision(), C, 1);
    }

    /** Back to s_-1 = 0. */
    public void reset() {
        java.util.Arrays.fill(s, 0.0);
        words = 0;
    }

    /** Words fed since the last reset. */
    public int length() {
        return words;
    }

    /** Advances by one word and returns P(next word | words so far), length C (a copy). */
    public double[] feed(int word) {
        RnnModel.checkWord(word, C);
        Mat Ut = model.ut();
        Mat W = model.w();
        // s_t = tanh(U[:, word] + W s_(t-1))
        for (int i = 0; i < H; i++) {
            double sum = Ut.get(word * H + i);
            int row = i * H;
            for (int j = 0; j < H; j++) {
                sum += W.get(row + j) * s[j];
            }
            a[i] = sum;
        }
        for (int i = 0; i < H; i++) {
            s[i] = Recurrence64.tanh(a[i]);
        }
        words++;
        sVec.write(0, s, 0, H);
        Mat.gemv(C, 1.0, model.v(), sVec, 0.0, logits); // V s_t (v() waits for the last step's update, X's too)
        double[] p = new double[C];
        logits.read(0, p, 0, C);
        ClassOutput layer = model.classOutput();
        if (layer != null) {
            return layer.fromLogits(p, s); // still all of V s: a word's probability needs its class's softmax
        }
        ClassOutput.softmaxInPlace(p, 0, C);
        return p;
    }

    /** The current hidden state s_t (a copy). */
    public double[] state() {
        return s.clone();
    }
}
