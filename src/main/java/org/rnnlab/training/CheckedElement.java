package org.rnnlab.training;

import java.util.Locale;

/**
 * One parameter element compared by {@link GradientCheck}.
 *
 * @param backprop      the derivative from backpropagation through time
 * @param estimate      (L(theta + h) - L(theta - h)) / 2h
 * @param relativeError |backprop - estimate| / (|backprop| + |estimate|), 0 when both are 0
 */
public record CheckedElement(String parameter, int row, int column, double backprop, double estimate,
                             double relativeError, boolean passed) {

    /**
     * The lesson's four lines for a failing element:
     * <pre>
     * Gradient Check ERROR: parameter=U ix=(3, 17)
     * Estimated_gradient: 0.001234
     * Backpropagation gradient: -0.001234
     * Relative Error: 1.000000
     * </pre>
     */
    public String lessonText() {
        return "Gradient Check ERROR: parameter=" + parameter + " ix=(" + row + ", " + column + ")\n"
                + String.format(Locale.ROOT, "Estimated_gradient: %f", estimate) + "\n"
                + String.format(Locale.ROOT, "Backpropagation gradient: %f", backprop) + "\n"
                + String.format(Locale.ROOT, "Relative Error: %f", relativeError);
    }
}
