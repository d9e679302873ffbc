package org.rnnlab.training;

/** Follows a {@link GradientCheck} element by element; called on the checking thread. */
public interface GradientCheckListener {
    GradientCheckListener NONE = new GradientCheckListener() { };

    default void onElement(CheckedElement e) {
    }

    default void onParameterDone(ParameterVerdict v) {
    }

    default void onParameterStart(String parameter, int elements) {
    }
}
