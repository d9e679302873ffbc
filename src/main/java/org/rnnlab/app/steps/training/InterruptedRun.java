package org.rnnlab.app.steps.training;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.session.ModelStore;
import org.rnnlab.app.session.TrainingControl;
import org.rnnlab.app.support.Notifier;
import org.rnnlab.training.Checkpoint;
import org.rnnlab.training.TrainingEvent;

/**
 * The run a killed or closed window left behind (its checkpoint in the data folder): the Model menu
 * offers it while it fits the corpus open now, and resuming goes on exactly where it stopped.
 */
public final class InterruptedRun {
    private final TrainingControl training;
    private final ModelStore store;
    private final Notifier notifier;
    private final TrainingRunState run;
    private final BiConsumer<TrainingControl.Request, Runnable> begin;
    private final Consumer<List<TrainingEvent>> onBatch;
    private boolean offered;
    private boolean onScreen;

    InterruptedRun(TrainingControl training, ModelStore store, Notifier notifier, TrainingRunState run,
                   BiConsumer<TrainingControl.Request, Runnable> begin, Consumer<List<TrainingEvent>> onBatch) {
        this.training = training;
        this.store = store;
        this.notifier = notifier;
        this.run = run;
        this.begin = begin;
        this.onBatch = onBatch;
        // the corpus of the last session may open after the step is shown (it loads in the background)
        store.preparedProperty().addListener((o, was, data) -> {
            if (onScreen) {
                offerOnce();
            }
        });
    }

    /** The Training step is on screen: an interrupted run on the corpus open now is offered, once. */
    public void shown() {
        onScreen = true;
        offerOnce();
    }

    /** The learner went to another step. */
    public void hidden() {
        onScreen = false;
    }

    /** Whether there is one to offer now (no run going, the same training data open). */
    public boolean available() {
        return !store.isTraining() && run.stateProperty().get() == TrainingRunState.State.IDLE
                && training.interruptedRun().isPresent();
    }

    /** "Resume the interrupted run (1,234 examples seen, epoch 3 of 10)" for the menu, or null when there is none. */
    public String label() {
        return training.interruptedRun().map(c -> I18n.text("training.resume.item", c.state().examplesSeen(),
                c.state().epoch() + 1, c.settings().epochs())).orElse(null);
    }

    /** Says once, when there is one, that an interrupted run can go on and where (the Training step, when shown). */
    void offerOnce() {
        if (!offered && available()) {
            offered = true;
            notifier.info(I18n.text("training.notice.title"), I18n.text("training.resume.offer"));
        }
    }

    /** Goes on with it: its weights become the current model, its settings the run's, its curves go on. */
    public void resume() {
        Checkpoint.Loaded interrupted = available() ? training.interruptedRun().orElse(null) : null;
        if (interrupted == null) {
            notifier.warn(I18n.text("training.notice.title"), I18n.text("training.resume.none"));
            return;
        }
        begin.accept(TrainingControl.Request.resuming(interrupted),
                () -> training.resumeInterrupted(interrupted, onBatch));
    }
}
