package org.rnnlab.app.steps.gradcheck;

import java.util.Arrays;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rnnlab.training.CheckedElement;
import org.rnnlab.training.ParameterVerdict;

/**
 * One parameter (U, V or W) during a gradient check: its progress, the relative error of each of
 * its elements as a matrix (the heat map's data) and its verdict. Read-only outside the step;
 * {@link GradientCheckViewModel} updates it on the FX thread.
 */
public final class ParameterState {
    private final String name;
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final IntegerProperty done = new SimpleIntegerProperty();
    private final ObjectProperty<ParameterVerdict> verdict = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty(org.rnnlab.app.i18n.I18n.text("bptt.gc.status.waiting"));
    private final LongProperty revision = new SimpleLongProperty();
    private double[][] relativeErrors = new double[0][0];
    /** Elements recorded since the last {@link #publish()}. */
    private int recorded;
    private boolean checking; // started and not yet finished: what a stop leaves unfinished

    ParameterState(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total;
    }

    public ReadOnlyIntegerProperty doneProperty() {
        return done;
    }

    /** Null until the parameter is fully checked. */
    public ReadOnlyObjectProperty<ParameterVerdict> verdictProperty() {
        return verdict;
    }

    /** "waiting", "checking...", "stopped after ..." or the verdict in one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /**
     * The heat map's data: rows x columns of the parameter, the relative error of each element,
     * NaN where not checked yet. Read it when {@link #revisionProperty()} changes; do not modify.
     */
    public double[][] relativeErrors() {
        return relativeErrors;
    }

    /** Changes on a reset and once per delivered batch of elements. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision;
    }

    void reset(int rows, int cols) {
        relativeErrors = new double[rows][cols];
        for (double[] r : relativeErrors) {
            Arrays.fill(r, Double.NaN);
        }
        recorded = 0;
        checking = false;
        total.set(rows * cols);
        done.set(0);
        verdict.set(null);
        status.set(org.rnnlab.app.i18n.I18n.text("bptt.gc.status.waiting"));
        revision.set(revision.get() + 1);
    }

    void started(int elements) {
        checking = true;
        total.set(elements);
        status.set(org.rnnlab.app.i18n.I18n.text("bptt.gc.status.checking"));
    }

    /** Notes one element; listeners hear of it at the next {@link #publish()}. */
    void record(CheckedElement e) {
        if (e.row() < relativeErrors.length && e.column() < relativeErrors[e.row()].length) {
            relativeErrors[e.row()][e.column()] = e.relativeError();
        }
        recorded++;
    }

    void publish() {
        done.set(done.get() + recorded);
        recorded = 0;
        revision.set(revision.get() + 1);
    }

    /** The check stopped before the end: a parameter it was checking says so, not "checking..." any more. */
    void stopped() {
        if (checking) {
            checking = false;
            status.set(org.rnnlab.app.i18n.I18n.text("bptt.gc.status.stopped", done.get(), total.get()));
        }
    }

    void finished(ParameterVerdict v, String line) {
        checking = false;
        verdict.set(v);
        status.set(line);
    }
}
