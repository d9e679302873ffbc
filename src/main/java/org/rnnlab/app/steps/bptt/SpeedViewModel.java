package org.rnnlab.app.steps.bptt;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.rnnlab.app.i18n.I18n;
import org.rnnlab.app.support.Background;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.engine.SpeedLesson;

/**
 * The speed lesson: one SGD step on the same sentence by the reference loops and by the fast
 * kernel, timed in the background at the lesson's sizes (C = 8000, H = 100, a 45-word sentence).
 */
public final class SpeedViewModel {
    /** The lesson's sizes for its timing (section 8). */
    static final int LESSON_C = LessonDefaults.WORD_DIM;
    static final int LESSON_H = LessonDefaults.HIDDEN_DIM;
    static final int LESSON_T = SpeedLesson.LESSON_T;

    /** What is timed; tests time a small model. */
    interface Timer {
        SpeedLesson.Result time(org.rnnlab.common.Cancellation cancel);
    }

    private final Background work;
    private final Timer timer;
    private final ObjectProperty<SpeedLesson.Result> result = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private Background.Running task;

    public SpeedViewModel(Background work) {
        this(work, cancel -> SpeedLesson.run(LESSON_C, LESSON_H, LESSON_T, 3, 30, cancel));
    }

    SpeedViewModel(Background work, Timer timer) {
        this.work = work;
        this.timer = timer;
    }

    public ReadOnlyObjectProperty<SpeedLesson.Result> resultProperty() {
        return result;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Times both (a few seconds: the reference loops are slow, which is the point). */
    public void measure() {
        if (running.get()) {
            return;
        }
        running.set(true);
        task = work.submit(I18n.text("bptt.speed.work"), job -> timer.time(job.cancel()), r -> {
            running.set(false);
            result.set(r);
        }, e -> running.set(false), () -> running.set(false));
    }

    public void dispose() {
        if (task != null) {
            task.cancel();
        }
    }
}
