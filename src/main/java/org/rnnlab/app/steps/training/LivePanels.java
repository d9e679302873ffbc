package org.rnnlab.app.steps.training;

import org.rnnlab.app.i18n.I18n;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rnnlab.app.widgets.InView;

/**
 * What streams while the model trains, all visible at once: the loss chart and the live gradient
 * check side by side, the probe's heatmap and bars under them, and the field to probe another
 * sentence. Only builds nodes and redraws them when the view-model says the charts changed.
 */
final class LivePanels {
    private final LossChart loss;
    private final ProbeHeatmap probe;
    private final LiveCheckChart check;
    private final javafx.scene.layout.Region node;
    private final TrainingRunState run;
    private int ticks;
    /** The probe and check panels redraw at every this many chart refreshes while training runs. */
    static final int SLOW_EVERY = 3;

    LivePanels(TrainingViewModel vm, LossChart loss) {
        this(vm.run(), vm.live(), loss, true);
    }

    /**
     * @param probeField with the field to probe another sentence (the step's own panels; a
     *                   {@link LiveRehearsal}'s copy has none)
     */
    LivePanels(TrainingRunState run, LiveControls live, LossChart loss, boolean probeField) {
        this.loss = loss;
        this.run = run;
        probe = new ProbeHeatmap(run.probe(), live);
        check = new LiveCheckChart(run.check());
        // wider with larger text: at 22 px and 300 px its plot was shorter than "examples seen"
        fitCheckWidth();
        org.rnnlab.app.support.Theme.fontSizeProperty().addListener(new javafx.beans.WeakInvalidationListener(refitCheck));
        HBox top = new HBox(10, loss, check);
        HBox.setHgrow(loss, Priority.ALWAYS);
        loss.setMinWidth(0);

        node = new VBox(10, top, probe, probe.bars());
        if (probeField) {
            probe.getChildren().add(1, probeField(live));
        }
    }

    /** Held here: the theme's listener is weak, so the panels can be collected with their page. */
    private final javafx.beans.InvalidationListener refitCheck = o -> fitCheckWidth();

    /** The check's card: 260-300 px at 14 px, 8 px more for each pixel of text above that. */
    private void fitCheckWidth() {
        double more = 8 * Math.max(0, org.rnnlab.app.support.Theme.fontSizeProperty().get() - org.rnnlab.app.support.Theme.DEFAULT_FONT);
        check.setPrefWidth(300 + more);
        check.setMinWidth(260 + more);
        check.setMaxWidth(300 + more);
    }

    private static Node probeField(LiveControls live) {
        TextField sentence = new TextField();
        sentence.setId("probeSentence");
        sentence.promptTextProperty().bind(I18n.bind("training.probe.prompt"));
        sentence.textProperty().bindBidirectional(live.probeTextProperty());
        sentence.setOnAction(e -> live.applyProbe());
        HBox.setHgrow(sentence, Priority.ALWAYS);
        Button apply = new Button();
        apply.textProperty().bind(I18n.bind("training.probe.apply"));
        apply.setId("applyProbe");
        apply.setOnAction(e -> live.applyProbe());
        Label note = new Label();
        note.getStyleClass().add("muted");
        note.textProperty().bind(live.probeNoteProperty());
        Label probeLabel = new Label();
        probeLabel.textProperty().bind(I18n.bind("training.probe.label"));
        HBox field = new HBox(8, probeLabel, sentence, apply, note);
        field.setAlignment(Pos.CENTER_LEFT);
        return field;
    }

    javafx.scene.layout.Region node() {
        return node;
    }

    /**
     * Redraws the charts (once a second at most while training, as the view-model says): the loss
     * each time, the probe and the check every {@link #SLOW_EVERY}th time while the run goes on
     * (they change slowly, and on two cores their redraw is taken from training), the probe only while
     * it can be seen, and at once otherwise (paused, ended).
     */
    void refresh() {
        loss.refresh();
        boolean running = run.stateProperty().get() == TrainingRunState.State.RUNNING;
        if (!running) {
            probe.refresh();
            check.refresh();
            probeBehind = false;
            return;
        }
        boolean slow = ticks++ % SLOW_EVERY == 0;
        // each panel in a pulse of its own: three redraws in one pulse make one long pause of the window
        if (slow || probeBehind) {
            probeBehind = !InView.any(probe, probe.bars());
            if (!probeBehind) {
                later(probe::refresh, 1);
            }
            // else scrolled out of sight: the redraw waits until the probe can be seen (checked at each refresh,
            // once a second). Drawn out of sight, it made JavaFX paint the whole window, twice, 20-40 ms a time
            // under Xvfb, at every probe (pulse logger: the dirty region gave way to the full clip)
        }
        if (slow) {
            later(check::refresh, 2);
        }
    }

    /** The probe panels missed a redraw while they were out of sight. */
    private boolean probeBehind;

    /** Runs {@code r} a few pulses from now (FX thread). */
    private static void later(Runnable r, int pulses) {
        javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.millis(100 * pulses));
        wait.setOnFinished(e -> r.run());
        wait.play();
    }

    ProbeHeatmap probe() {
        return probe;
    }

    LiveCheckChart check() {
        return check;
    }

    /** "12.3 · 15.8": exp(loss) on the training and held-out sentences at the last evaluation. */
    static javafx.beans.binding.StringBinding perplexities(TrainingRunState run) {
        return Bindings.createStringBinding(() -> {
            double p = run.perplexityProperty().get();
            double h = run.heldOutPerplexityProperty().get();
            return (Double.isFinite(p) ? String.format(Locale.ROOT, "%,.1f", p) : "–") + " · "
                    + (Double.isFinite(h) ? String.format(Locale.ROOT, "%,.1f", h) : "–");
        }, run.perplexityProperty(), run.heldOutPerplexityProperty());
    }
}
