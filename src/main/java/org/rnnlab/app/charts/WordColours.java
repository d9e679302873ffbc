package org.rnnlab.app.charts;

/**
 * Style classes for a word by how probable the model found it, so generated text shows where the
 * model was sure and where it took a gamble. The colours themselves live in the stylesheet, so
 * light and dark themes both work.
 */
public final class WordColours {
    /** Lower bounds of the bands, most probable first. */
    public static final double[] BANDS = {0.1, 0.01, 0.001};
    public static final String[] CLASSES = {"p-high", "p-mid", "p-low", "p-rare"};
    public static final String[] LEGEND = {"p ≥ 10 %", "1 – 10 %", "0.1 – 1 %", "< 0.1 %"};

    private WordColours() {
    }

    public static String styleClass(double p) {
        for (int i = 0; i < BANDS.length; i++) {
            if (p >= BANDS[i]) {
                return CLASSES[i];
            }
        }
        return CLASSES[CLASSES.length - 1];
    }
}
