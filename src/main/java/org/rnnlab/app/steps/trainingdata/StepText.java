package org.rnnlab.app.steps.trainingdata;

import java.util.Locale;
import org.rnnlab.app.support.NumberText;

/**
 * What the Training data step says about the chosen time step t: the titles and captions of the
 * one-hot vector and of U, the verdict on U x_t against column x_t, and what the product costs.
 */
public record StepText(String title, String oneHotTitle, String oneHotCaption, String matrixTitle,
                       String matrixCaption, String compareTitle, String verdict, Verdict verdictKind, String cost) {

    /** How the verdict reads: nothing yet, U still being drawn, the same numbers, or a difference. */
    public enum Verdict { NONE, DRAWING, SAME, DIFFERENT }

    static final StepText WAITING_FOR_CORPUS = empty("Waiting for the corpus...");
    static final StepText NONE = empty("Choose a column above.");

    private static StepText empty(String title) {
        return new StepText(title, "", "", "", "", "", "", Verdict.NONE, "");
    }

    /** x_t is known, U is still being drawn. */
    static StepText drawing(int t, String word, int k, int h, int c) {
        return of(t, word, k, h, c, "Drawing U as the lesson does...", Verdict.DRAWING, "");
    }

    /**
     * x_t and U x_t; {@code difference} is the largest |U x_t - U[:, k]| (0: the same numbers);
     * {@code multiplyAdds} those of U x_t multiplied out, {@code wasted} the ones by a 0.
     */
    static StepText shown(int t, String word, int k, int h, int c, double difference, long multiplyAdds, long wasted) {
        String verdict = difference == 0 ? "All " + h + " numbers are the same: the product is that column."
                : String.format(Locale.ROOT, "Largest difference: %.2g", difference);
        String cost = "Multiplied out, U x_t costs " + h + " \u00d7 " + NumberText.count(c) + " = "
                + NumberText.count(multiplyAdds) + " multiply-adds, and " + NumberText.count(wasted)
                + " of them multiply by 0. Reading column " + NumberText.count(k) + " copies " + h
                + " numbers and gives the same result. That is why the code writes U[:, x[t]].";
        return of(t, word, k, h, c, verdict, difference == 0 ? Verdict.SAME : Verdict.DIFFERENT, cost);
    }

    private static StepText of(int t, String word, int k, int h, int c, String verdict, Verdict kind, String cost) {
        return new StepText("Step t = " + t + ": x_t is \u201c" + word + "\u201d, index " + k,
                "x_t as a one-hot vector",
                NumberText.count(c) + " numbers, all 0 except entry " + NumberText.count(k) + ", which is 1",
                "U: " + h + " \u00d7 " + NumberText.count(c),
                "column " + NumberText.count(k) + " marked; blue < 0 < red",
                "U x_t  and  column " + NumberText.count(k),
                verdict, kind, cost);
    }
}
