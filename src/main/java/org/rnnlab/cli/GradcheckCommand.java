package org.rnnlab.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnlab.engine.EngineThreads;
import org.rnnlab.common.Cancellation;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.common.UserException;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.ReferenceRnn;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.engine.WordClasses;
import org.rnnlab.training.CheckedElement;
import org.rnnlab.training.GradientCheck;
import org.rnnlab.training.GradientCheckListener;
import org.rnnlab.training.ParameterVerdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rnnlab gradcheck}: the lesson's gradient check on its small model. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = {"Compare backpropagation through time with central differences, element by element, on a "
                + "small model (the lesson: C = 100, H = 10, seed 10, x = 0,1,2,3, y = 1,2,3,4).",
                "Exits 1 when a parameter fails. --bptt-truncate shows that a truncated gradient is not the exact one; "
                        + "--inject-bug checks the reference BPTT (engine/ReferenceRnn) with one classic mistake in it."})
public final class GradcheckCommand implements Callable<Integer> {
    @Option(names = {"-C", "--vocabulary-size"}, paramLabel = "C", defaultValue = "" + LessonDefaults.GRADCHECK_WORD_DIM,
            description = "Default: ${DEFAULT-VALUE}.")
    int vocabularySize;

    @Option(names = {"-H", "--hidden"}, paramLabel = "H", defaultValue = "" + LessonDefaults.GRADCHECK_HIDDEN_DIM,
            description = "Default: ${DEFAULT-VALUE}.")
    int hidden;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + LessonDefaults.SEED, description = "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--x", paramLabel = "I", split = ",", defaultValue = "0,1,2,3", description = "Input word indices (default: ${DEFAULT-VALUE}).")
    int[] x;

    @Option(names = "--y", paramLabel = "I", split = ",", defaultValue = "1,2,3,4", description = "Target word indices (default: ${DEFAULT-VALUE}).")
    int[] y;

    @Option(names = "--h", paramLabel = "H", defaultValue = "" + LessonDefaults.GRADCHECK_H,
            description = "Step of the central difference (default: ${DEFAULT-VALUE}).")
    double h;

    @Option(names = "--threshold", paramLabel = "E", defaultValue = "" + LessonDefaults.GRADCHECK_THRESHOLD,
            description = "Largest relative error that passes (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--bptt-truncate", paramLabel = "K",
            description = "Check the gradient truncated after K steps instead of the exact one (default: exact).")
    Integer bpttTruncate;

    @Option(names = "--output-layer", paramLabel = "LAYER", defaultValue = "full",
            description = "full (the lesson's softmax) or class (about sqrt(C) word classes, checked with their weights X; "
                    + "words binned as if word i had frequency 1 / (i + 1)) (default: ${DEFAULT-VALUE}).")
    String outputLayer;

    @Option(names = "--inject-bug", paramLabel = "NAME", completionCandidates = BugNames.class,
            description = "Check the reference BPTT with this bug in it: ${COMPLETION-CANDIDATES}. "
                    + "Each fails on the parameters it breaks; none passes.")
    String injectBug;

    /** The names --inject-bug accepts, for the help. */
    static final class BugNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(ReferenceRnn.Bug.values()).map(ReferenceRnn.Bug::cliName).iterator();
        }
    }

    @Override
    public Integer call() {
        EngineThreads.configure(); // this command computes: the engine's threads first, the same for every step
        if (vocabularySize < 3) {
            throw new UserException("--vocabulary-size must be at least 3, not " + vocabularySize + ".");
        }
        ModelOptions.positive("--hidden", hidden);
        if (x.length == 0 || x.length != y.length) {
            throw new UserException("--x and --y must be non-empty lists of the same length (e.g. --x 0,1,2,3 --y 1,2,3,4).");
        }
        for (int[] seq : new int[][] {x, y}) {
            for (int i : seq) {
                if (i < 0 || i >= vocabularySize) {
                    throw new UserException("word index " + i + " is outside the vocabulary 0.." + (vocabularySize - 1) + ".");
                }
            }
        }
        if (!(h > 0) || !(threshold > 0)) {
            throw new UserException("--h and --threshold must be positive.");
        }
        if (bpttTruncate != null) {
            ModelOptions.positive("--bptt-truncate", bpttTruncate);
        }
        ReferenceRnn.Bug bug = null;
        if (injectBug != null) {
            bug = ReferenceRnn.Bug.fromCliName(injectBug);
            if (bug == null) {
                throw new UserException("--inject-bug " + injectBug + " is not a known bug; choose one of "
                        + String.join(", ", new BugNames()) + ".");
            }
        }
        if (bug != null && !"full".equals(outputLayer)) {
            throw new UserException("--inject-bug checks the lesson's reference BPTT, which has the full softmax: drop --output-layer.");
        }
        int truncate = bpttTruncate == null ? 1000 : bpttTruncate;
        RnnModel model;
        if ("class".equals(outputLayer)) {
            long[] zipf = new long[vocabularySize]; // no corpus here: a text-like law of frequencies in index order
            for (int i = 0; i < vocabularySize; i++) {
                zipf[i] = Math.max(1, Math.round(1e6 / (i + 1)));
            }
            model = RnnModel.initialiseClassBased(vocabularySize, hidden, truncate, seed, Precision.FLOAT64,
                    WordClasses.byFrequency(zipf, WordClasses.defaultCount(vocabularySize)));
        } else if ("full".equals(outputLayer)) {
            model = RnnModel.initialise(vocabularySize, hidden, truncate, seed, Precision.FLOAT64);
        } else {
            throw new UserException("--output-layer must be full or class, not '" + outputLayer + "'.");
        }
        GradientCheck check = bpttTruncate == null ? new GradientCheck(h, threshold)
                : GradientCheck.truncated(h, threshold, bpttTruncate);
        if (bug != null) {
            ReferenceRnn.Bug injected = bug;
            int k = bpttTruncate == null ? Integer.MAX_VALUE : bpttTruncate;
            check = GradientCheck.of(h, threshold, (m, xs, ys) -> ReferenceRnn.gradients(m, xs, ys, k, injected));
            System.out.println("Checking the reference BPTT with the bug " + bug.cliName() + ".");
        }
        int[] failures = new int[1];
        long start = System.nanoTime();
        List<ParameterVerdict> verdicts = check.run(model, x, y, new GradientCheckListener() {
            @Override
            public void onParameterStart(String parameter, int elements) {
                failures[0] = 0;
                System.out.println("Performing gradient check for parameter " + parameter + " with size " + elements + ".");
            }

            @Override
            public void onElement(CheckedElement e) {
                if (!e.passed()) {
                    failures[0]++;
                }
            }

            @Override
            public void onParameterDone(ParameterVerdict v) {
                if (v.passed()) {
                    System.out.println("Gradient check for parameter " + v.parameter() + " passed.");
                    return;
                }
                System.out.println(v.firstFailure().lessonText());
                System.out.println(String.format(Locale.ROOT, "Gradient check for parameter %s failed: %,d of %,d elements above %s.",
                        v.parameter(), failures[0], v.checked(), threshold));
            }
        }, Cancellation.NONE);
        boolean passed = verdicts.stream().allMatch(ParameterVerdict::passed);
        System.out.println(String.format(Locale.ROOT, "Checked %,d elements in %.2f s.", model.parameterCount(),
                (System.nanoTime() - start) / 1e9));
        return passed ? 0 : 1;
    }
}
