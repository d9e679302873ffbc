package org.rnnlab.app.charts;

import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.dataset.spi.DoubleDataSet;

/**
 * One line (or set of points or bars) of a chart whose data are replaced as a whole. Each update
 * puts in a new data set instead of rewriting the old one in place: ChartFX guards a data set with
 * a lock its renderers take while drawing, and an update on the FX thread must never wait on it
 * (we saw it wait forever after a lock was left taken). The old data set is simply dropped.
 */
public final class Series {
    private final Renderer renderer;
    private final String name;
    private final String style;
    private DoubleDataSet data;

    public Series(Renderer renderer, String name, String style) {
        this.renderer = renderer;
        this.name = name;
        this.style = style;
        this.data = fresh(new double[0], new double[0]);
        renderer.getDatasets().add(data);
    }

    private DoubleDataSet fresh(double[] x, double[] y) {
        DoubleDataSet d = new DoubleDataSet(name, x, y, x.length, false);
        if (style != null) {
            d.setStyle(style);
        }
        return d;
    }

    /** Shows these points (FX thread); the arrays are taken over, not copied. */
    public void set(double[] x, double[] y) {
        DoubleDataSet next = fresh(x, y);
        int i = renderer.getDatasets().indexOf(data);
        if (i >= 0) {
            renderer.getDatasets().set(i, next);
        } else {
            renderer.getDatasets().add(next);
        }
        data = next;
    }

    public void clear() {
        set(new double[0], new double[0]);
    }

    /** The data set shown now. */
    public DoubleDataSet data() {
        return data;
    }

    public int count() {
        return data.getDataCount();
    }
}
