package org.rnnlab.training;

/**
 * One parameter element compared by {@link GradientCheck}.
 *
 * @param backprop      the derivative from backpropagation through time
 * @param estimate      (L(theta + h) - L(theta - h)) / 2h
 * @param relativeError |backprop - estimate| / (|backprop| + |estimate|), 0 when both are 0
 */
public record CheckedElement(String parameter, int row, int column, double backprop, double estimate,
                             double relativeError, boolean passed) {}
