package org.rnnlab.engine;

/** Incremental prediction: keeps s_t, so each word costs one recurrent step and one output row. */
public final class NextWordPredictor {
    private final RnnModel model;

    public NextWordPredictor(RnnModel model) {
        this.model = model;
    }

    /** Back to s_-1 = 0. */
    public void reset() {
    }

    /** Advances by one word and returns P(next word | words so far), length C (a copy). */
    public double[] feed(int word) {
        throw new UnsupportedOperationException("not built yet");
    }
}
