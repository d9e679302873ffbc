package org.rnnlab.app.charts;

import java.util.Arrays;

/**
 * A growing (x, y) series kept to a bounded number of points, so a chart of a long training run
 * stays cheap to draw. While there is room every point is kept; when the buffer is full, each pair
 * of neighbours is merged into their mean and from then on each stored point stands for twice as
 * many raw points. Every stored point is the mean of the same number of raw points (a power of
 * two), and the last, partly filled bucket is shown as well, so the newest value is never hidden.
 */
public final class DecimatedSeries {
    private final int capacity;
    private final double[] xs;
    private final double[] ys;
    private int size;
    private int stride = 1;
    private double pendingX;
    private double pendingY;
    private int pendingCount;
    private long added;

    /** @param capacity the most points kept (even, at least 4) */
    public DecimatedSeries(int capacity) {
        if (capacity < 4 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and at least 4: " + capacity);
        }
        this.capacity = capacity;
        this.xs = new double[capacity];
        this.ys = new double[capacity];
    }

    public void add(double x, double y) {
        added++;
        pendingX += x;
        pendingY += y;
        pendingCount++;
        if (pendingCount == stride && size == capacity) {
            // Merge the stored pairs; the pending bucket is now half of a (doubled) bucket and keeps filling.
            halve();
        }
        if (pendingCount == stride) {
            xs[size] = pendingX / stride;
            ys[size] = pendingY / stride;
            size++;
            pendingX = 0;
            pendingY = 0;
            pendingCount = 0;
        }
    }

    private void halve() {
        for (int i = 0; i < size / 2; i++) {
            xs[i] = (xs[2 * i] + xs[2 * i + 1]) / 2;
            ys[i] = (ys[2 * i] + ys[2 * i + 1]) / 2;
        }
        size /= 2;
        stride *= 2;
    }

    public void clear() {
        size = 0;
        stride = 1;
        pendingX = 0;
        pendingY = 0;
        pendingCount = 0;
        added = 0;
    }

    /** Points to draw: the stored ones and the partly filled bucket. At most capacity + 1. */
    public int size() {
        return size + (pendingCount > 0 ? 1 : 0);
    }

    public double x(int i) {
        return i < size ? xs[i] : pendingX / pendingCount;
    }

    public double y(int i) {
        return i < size ? ys[i] : pendingY / pendingCount;
    }

    public double[] xValues() {
        double[] out = Arrays.copyOf(xs, size());
        if (pendingCount > 0) {
            out[size] = pendingX / pendingCount;
        }
        return out;
    }

    public double[] yValues() {
        double[] out = Arrays.copyOf(ys, size());
        if (pendingCount > 0) {
            out[size] = pendingY / pendingCount;
        }
        return out;
    }

    /** Raw points added since the last clear. */
    public long added() {
        return added;
    }

    /** Raw points each stored point stands for. */
    public int stride() {
        return stride;
    }
}
