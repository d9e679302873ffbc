package org.rnnlab.app.steps.training;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.rnnlab.training.CheckedElement;
import org.rnnlab.training.SampledVerdict;
import org.rnnlab.training.TrainingEvent;

/**
 * The live panels' code run on made-up events while the learner reads the Training step, before
 * the first run: a copy of the loss chart, the live check and the probe, transparent behind the
 * page, redrawn one of them a frame for a few seconds. In the first seconds of the first run the
 * window then lays out and draws with compiled code: without it the FX thread paused 60-110 ms
 * there (at 1280x800 under Xvfb; 35-40 ms at most in a second run of the same process). The copy
 * goes as soon as its frames are done or a run starts; once per process, as the compiled code
 * serves every later view.
 */
final class LiveRehearsal extends AnimationTimer {
    /** {@code -Drnnlab.rehearsal=false} leaves it out (the tests do, unless they test it). */
    static final String FLAG = "rnnlab.rehearsal";
    /** About four seconds at 60 frames a second: each panel redrawn 80 times. */
    static final int FRAMES = 240;
    /** Steps a frame: about what a run reports at 500 sentences a second. */
    private static final int STEPS_PER_FRAME = 8;
    private static final int PROBE_WORDS = 12;
    private static boolean done;

    private final Pane host;
    private final Region like;
    private final ObservableBooleanValue training;
    private final TrainingRunState run = new TrainingRunState();
    private final LossChart loss;
    private final LivePanels panels;
    private final Region node;
    private int frame;
    private long examples;
    private boolean finished;

    private LiveRehearsal(Pane host, Region like, LiveControls live, ObservableBooleanValue training) {
        this.host = host;
        this.like = like;
        this.training = training;
        loss = new LossChart(run, new RunHistory(null, null, null)); // no earlier runs, nothing saved
        panels = new LivePanels(run, live, loss, false);
        node = panels.node();
        node.setManaged(false);
        node.setOpacity(0); // laid out and drawn into its canvases, never painted on the screen
        node.setMouseTransparent(true);
        clearIds(node); // the step's own charts stay the only ones with their ids
    }

    /**
     * Starts the rehearsal once per process (unless turned off), behind {@code host}'s children
     * and as wide as {@code like} (the step's own panels); it ends when {@code training} turns true.
     *
     * @return the rehearsal, or null when it ran already or is turned off
     */
    static LiveRehearsal start(Pane host, Region like, LiveControls live, ObservableBooleanValue training) {
        if (done || !Boolean.parseBoolean(System.getProperty(FLAG, "true")) || training.get()) {
            return null;
        }
        done = true;
        LiveRehearsal r = new LiveRehearsal(host, like, live, training);
        r.start();
        return r;
    }

    /** For tests: lets the next view rehearse again. */
    static void forget() {
        done = false;
    }

    @Override
    public void handle(long now) {
        if (training.get() || frame >= FRAMES) {
            stop();
            return;
        }
        if (host.getScene() == null || host.getScene().getWindow() == null || !host.getScene().getWindow().isShowing()) {
            return; // waits until the step is on screen
        }
        if (frame == 0) {
            host.getChildren().add(0, node);
            run.started(1_000, 10, 0.005, now, false);
        }
        double width = like.getWidth() > 0 ? like.getWidth() : 800;
        node.resize(width, Math.max(node.prefHeight(width), 600));
        List<TrainingEvent> batch = new ArrayList<>();
        for (int i = 0; i < STEPS_PER_FRAME; i++) {
            examples++;
            batch.add(new TrainingEvent.Step(examples, 0, (int) examples, (int) examples, 1_000, lossAt(examples) + 0.3 * Math.sin(examples),
                    0.005, 2_000_000));
        }
        switch (frame % 3) {
            case 0 -> {
                if (frame % 30 == 0) {
                    batch.add(new TrainingEvent.Evaluation(examples, 0, lossAt(examples), 0.005, lossAt(examples) + 0.2));
                }
                run.accept(batch, now);
                loss.refresh();
            }
            case 1 -> {
                batch.add(probe());
                run.accept(batch, now);
                panels.probe().refresh();
            }
            default -> {
                batch.add(check());
                run.accept(batch, now);
                panels.check().refresh();
            }
        }
        frame++;
    }

    /** Ends it and takes the copy away (FX thread); a second call does nothing. */
    @Override
    public void stop() {
        super.stop();
        if (!finished) {
            finished = true;
            host.getChildren().remove(node);
        }
    }

    /** Frames drawn so far. */
    int frames() {
        return frame;
    }

    /** Whether it ended and took its copy away. */
    boolean finished() {
        return finished;
    }

    private static double lossAt(long examples) {
        return 4 + 5 * Math.exp(-examples / 500.0);
    }

    private TrainingEvent.Probe probe() {
        int[] words = new int[PROBE_WORDS + 1];
        double[] p = new double[PROBE_WORDS];
        int[] top = new int[PROBE_WORDS];
        double[] topP = new double[PROBE_WORDS];
        for (int t = 0; t <= PROBE_WORDS; t++) {
            words[t] = t;
        }
        for (int t = 0; t < PROBE_WORDS; t++) {
            p[t] = Math.min(0.9, 1e-4 * (1 + examples / 50.0) * (t + 1));
            top[t] = t % 3 == 0 ? words[t + 1] : 0;
            topP[t] = Math.max(p[t], 0.05);
        }
        return new TrainingEvent.Probe(examples, 0, words, p, top, topP);
    }

    private TrainingEvent.GradientCheckDone check() {
        List<SampledVerdict> verdicts = new ArrayList<>();
        for (String parameter : new String[] {"U", "V", "W"}) {
            List<CheckedElement> elements = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                double error = 1e-9 * (1 + i + examples % 7);
                elements.add(new CheckedElement(parameter, i, i + 1, 0.01 * i, 0.01 * i + error, error, true));
            }
            verdicts.add(SampledVerdict.of(parameter, elements));
        }
        return new TrainingEvent.GradientCheckDone(examples, 0, 0, verdicts, 1_000_000, 1_000_000L * frame, 40_000_000L * (frame + 1));
    }

    private static void clearIds(Node n) {
        n.setId(null);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                clearIds(c);
            }
        }
    }
}
