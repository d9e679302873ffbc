package org.rnnlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs the engine's hot code a few hundred times on a small model, so that HotSpot has compiled
 * it before the learner's first training run. Without it the first seconds of a run in the app
 * were slow twice over: the step ran interpreted code, and the compiler took a core from the
 * training and the window together (a quarter of a core 10 to 15 s into a run). The app calls it
 * on its low-priority engine thread while the learner reads the first step; about 0.2 s of work.
 */
public final class JitWarmUp {
    private static final int C = 2048;  // C * H above the size where the engine uses its second thread
    private static final int H = 100;
    private static final int STEPS = 400;

    private JitWarmUp() {
    }

    public static void run() {
        Simd.startWarmUp(); // the vector kernels compiled beside it (the engine uses the loops until then)
        RnnModel model = RnnModel.initialise(C, H, 4, 1, Precision.FLOAT32);
        SplittableRandom random = new SplittableRandom(1);
        List<int[]> xs = new ArrayList<>();
        List<int[]> ys = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int T = 5 + random.nextInt(30);
            xs.add(random.ints(T, 0, C).toArray());
            ys.add(random.ints(T, 0, C).toArray());
        }
        for (int i = 0; i < STEPS; i++) {
            model.sgdStep(xs.get(i % xs.size()), ys.get(i % ys.size()), 1e-3);
        }
        model.totalLoss(xs, ys);
        model.forward(xs.get(0));
        model.settle();
    }
}
