package org.rnnlab.app.charts;

/**
 * An exponential moving average with the start-up bias removed (as in Adam's bias correction):
 * the first values are not pulled towards zero. With {@code window} n, a value's weight halves
 * after about 0.7 n newer values.
 */
public final class Smoothing {
    private final double beta;
    private double average;
    private double weight;

    public Smoothing(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1: " + window);
        }
        this.beta = 1.0 - 1.0 / window;
    }

    /** Adds a value and returns the smoothed value so far. Non-finite values are skipped. */
    public double add(double value) {
        if (Double.isFinite(value)) {
            average = beta * average + (1 - beta) * value;
            weight = beta * weight + (1 - beta);
        }
        return value();
    }

    /** The smoothed value, or NaN before the first value. */
    public double value() {
        return weight == 0 ? Double.NaN : average / weight;
    }

    public void reset() {
        average = 0;
        weight = 0;
    }
}
