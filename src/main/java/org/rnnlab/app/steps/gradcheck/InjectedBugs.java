package org.rnnlab.app.steps.gradcheck;

import org.rnnlab.app.i18n.I18n;
import org.rnnlab.engine.ReferenceRnn;
import org.rnnlab.training.GradientCheck;

/**
 * The bugs the learner can put into backpropagation (the reference BPTT, engine/ReferenceRnn) to
 * watch the check catch them: each one's name and why the check sees it, as bundle keys.
 */
public final class InjectedBugs {
    private InjectedBugs() {
    }

    /** The check of {@code bug}: the engine's exact BPTT for NONE, else the reference's with the bug in it. */
    static GradientCheck check(ReferenceRnn.Bug bug, double h, double threshold) {
        if (bug == null || bug == ReferenceRnn.Bug.NONE) {
            return new GradientCheck(h, threshold);
        }
        return GradientCheck.of(h, threshold, (m, x, y) -> ReferenceRnn.gradients(m, x, y, Integer.MAX_VALUE, bug));
    }

    /** The bug's short name on screen. */
    public static String titleKey(ReferenceRnn.Bug bug) {
        return switch (bug) {
            case NONE -> I18n.key("bptt.bug.none.title");
            case TANH_DERIVATIVE_FORGOTTEN -> I18n.key("bptt.bug.tanh.title");
            case DELTA_FROM_WRONG_STEP -> I18n.key("bptt.bug.wrongStep.title");
            case RECURRENCE_DROPPED -> I18n.key("bptt.bug.recurrence.title");
            case SOFTMAX_SIGN_FLIPPED -> I18n.key("bptt.bug.sign.title");
            case TRUNCATION_KEPT -> I18n.key("bptt.bug.truncation.title");
        };
    }

    /** What the bug does to the code and why the check sees it (on which parameters). */
    public static String whyKey(ReferenceRnn.Bug bug) {
        return switch (bug) {
            case NONE -> I18n.key("bptt.bug.none.why");
            case TANH_DERIVATIVE_FORGOTTEN -> I18n.key("bptt.bug.tanh.why");
            case DELTA_FROM_WRONG_STEP -> I18n.key("bptt.bug.wrongStep.why");
            case RECURRENCE_DROPPED -> I18n.key("bptt.bug.recurrence.why");
            case SOFTMAX_SIGN_FLIPPED -> I18n.key("bptt.bug.sign.why");
            case TRUNCATION_KEPT -> I18n.key("bptt.bug.truncation.why");
        };
    }
}
