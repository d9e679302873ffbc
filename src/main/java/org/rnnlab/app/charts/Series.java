package org.rnnlab.app.charts;

import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.dataset.spi.DoubleDataSet;

/**
 * One line (or set of points or bars) of a chart whose data are replaced as a whole. An update
 * rewrites the data set in place when nobody holds its ChartFX lock, which is always so now that
 * the app's renderers draw on the FX thread itself ({@link Charts}): a new data set instead made
 * ChartFX add a new styled node to the scene and rebuild the chart's legend at every update, CSS
 * and layout that took 20-45 ms of a pulse at each refresh of the Training step's charts (2-core
 * VM, Xvfb). When the lock is held (a renderer that failed half-way left it taken, as we once saw
 * freeze the FX thread), the update puts in a new data set rather than wait on it.
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
        if (data.lock() instanceof io.fair_acc.dataset.locks.DefaultDataSetLock<?> lock && lock.getReaderCount() == 0
                && lock.getWriterCount() == 0 && renderer.getDatasets().contains(data)) {
            data.set(x, y, Math.min(x.length, y.length), false); // free: the write lock is taken at once
            return;
        }
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
