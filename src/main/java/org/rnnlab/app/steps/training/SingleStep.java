package org.rnnlab.app.steps.training;

import org.rnnlab.app.i18n.I18n;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rnnlab.app.session.ModelStore;
import org.rnnlab.app.support.QueryLane;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import org.rnnlab.text.Vocabulary;
import org.rnnlab.training.TrainingEvent;

/**
 * What one SGD step taken while paused did: its sentence and the loss per word before and after.
 * The step's event and the parameters after it reach the FX thread by two ways, in either order.
 */
final class SingleStep {
    private final ModelStore store;
    private final QueryLane queries;
    private final StringProperty result = new SimpleStringProperty("");
    private boolean asked;
    private long revisionAtAsk;
    private TrainingEvent.Step waiting;

    SingleStep(ModelStore store, QueryLane queries) {
        this.store = store;
        this.queries = queries;
    }

    ReadOnlyStringProperty resultProperty() {
        return result;
    }

    /** The learner asked for one step. */
    void asked() {
        asked = true;
        revisionAtAsk = store.revisionProperty().get();
        result.set(I18n.text("training.singleStep.taking"));
    }

    /** A trainer event; true when it is the asked-for step (to be shown at once). */
    boolean event(TrainingEvent e) {
        if (asked && e instanceof TrainingEvent.Step s) {
            asked = false;
            if (store.revisionProperty().get() > revisionAtAsk) {
                show(s); // the parameters after it came first
            } else {
                waiting = s; // shown when the parameters after it are published
            }
            return true;
        }
        if (e instanceof TrainingEvent.Resumed) {
            result.set("");
        }
        return false;
    }

    /** New parameters were published. */
    void parametersPublished() {
        if (waiting != null) {
            show(waiting);
            waiting = null;
        }
    }

    void clear() {
        result.set("");
    }

    /** The step's sentence scored again on the parameters it produced (query thread), then said in one line. */
    private void show(TrainingEvent.Step step) {
        RnnModel m = store.model();
        Vocabulary v = store.vocabulary();
        PreparedData d = store.prepared();
        if (m == null || v == null || d == null || step.sentence() >= d.size()) {
            return;
        }
        int[] x = d.x(step.sentence());
        int[] y = d.y(step.sentence());
        queries.query("trainingStep", () -> m.sentenceLoss(x, y) / Math.max(1, y.length),
                after -> result.set(TrainingText.singleStep(step, x, v, after)), e -> result.set(""));
    }
}
