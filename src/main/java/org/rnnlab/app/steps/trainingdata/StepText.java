package org.rnnlab.app.steps.trainingdata;

import java.util.Locale;
import org.rnnlab.app.i18n.I18n;

/**
 * What the Training data step says about the chosen time step t: the titles and captions of the
 * one-hot vector and of U, the verdict on U x_t against column x_t, and what the product costs.
 * It keeps the numbers and words in the current language when asked, so the view redraws it after
 * a language switch.
 */
public record StepText(State state, int t, String word, int k, int h, int c, double difference, long multiplyAdds,
                       long wasted) {

    /** Where the step is: no corpus, no column chosen, U being drawn, or shown. */
    public enum State { WAITING, NONE, DRAWING, SHOWN }

    /** How the verdict reads: nothing yet, U still being drawn, the same numbers, or a difference. */
    public enum Verdict { NONE, DRAWING, SAME, DIFFERENT }

    static final StepText WAITING_FOR_CORPUS = new StepText(State.WAITING, 0, "", 0, 0, 0, 0, 0, 0);
    static final StepText NONE = new StepText(State.NONE, 0, "", 0, 0, 0, 0, 0, 0);

    /** x_t is known, U is still being drawn. */
    static StepText drawing(int t, String word, int k, int h, int c) {
        return new StepText(State.DRAWING, t, word, k, h, c, 0, 0, 0);
    }

    /**
     * x_t and U x_t; {@code difference} is the largest |U x_t - U[:, k]| (0: the same numbers);
     * {@code multiplyAdds} those of U x_t multiplied out, {@code wasted} the ones by a 0.
     */
    static StepText shown(int t, String word, int k, int h, int c, double difference, long multiplyAdds, long wasted) {
        return new StepText(State.SHOWN, t, word, k, h, c, difference, multiplyAdds, wasted);
    }

    private boolean told() {
        return state == State.DRAWING || state == State.SHOWN;
    }

    public String title() {
        return switch (state) {
            case WAITING -> I18n.text("app.data.waiting");
            case NONE -> I18n.text("app.data.chooseColumn");
            default -> I18n.text("app.data.step.title", t, word, k);
        };
    }

    public String oneHotTitle() {
        return told() ? I18n.text("app.data.oneHot.title") : "";
    }

    public String oneHotCaption() {
        return told() ? I18n.text("app.data.oneHot.caption", c, k) : "";
    }

    public String matrixTitle() {
        return told() ? I18n.text("app.data.matrix.title", h, c) : "";
    }

    public String matrixCaption() {
        return told() ? I18n.text("app.data.matrix.caption", k) : "";
    }

    public String compareTitle() {
        return told() ? I18n.text("app.data.compare.title", k) : "";
    }

    public String verdict() {
        return switch (state) {
            case DRAWING -> I18n.text("app.data.drawing");
            case SHOWN -> difference == 0 ? I18n.text("app.data.same", h)
                    : I18n.text("app.data.different", String.format(Locale.ROOT, "%.2g", difference));
            default -> "";
        };
    }

    public Verdict verdictKind() {
        return switch (state) {
            case DRAWING -> Verdict.DRAWING;
            case SHOWN -> difference == 0 ? Verdict.SAME : Verdict.DIFFERENT;
            default -> Verdict.NONE;
        };
    }

    public String cost() {
        return state == State.SHOWN ? I18n.text("app.data.cost", h, c, multiplyAdds, wasted, k) : "";
    }
}
