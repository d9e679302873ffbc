package org.rnnlab.cli;

import java.util.Locale;
import org.rnnlab.common.Cancellation;
import org.rnnlab.engine.SpeedLesson;

/** {@code rnnlab bench}'s line for the reference loops (engine/ReferenceRnn) beside the kernel, with the lesson's figures. */
final class ReferenceBench {
    private ReferenceBench() {
    }

    static void print(int C, int H, int T, boolean quick) {
        SpeedLesson.Result r = SpeedLesson.run(C, H, T, quick ? 2 : 5, quick ? 10 : 50, Cancellation.NONE);
        System.out.printf(Locale.ROOT, "Reference loops (engine/ReferenceRnn, float64, one thread): median %.1f ms per SGD step; "
                        + "kernel (float32) %.2f ms: %.0fx faster; largest difference after one step %.2e "
                        + "(the lesson: numpy %.0f ms, Theano CPU %.0f ms, GPU %.0f ms)%n", r.referenceMs(), r.kernelMs(),
                r.speedUp(), r.largestDifference(), SpeedLesson.LESSON_NUMPY_MS, SpeedLesson.LESSON_THEANO_CPU_MS,
                SpeedLesson.LESSON_THEANO_GPU_MS);
    }
}
