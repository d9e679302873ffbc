package org.rnnlab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnlab.engine.EngineThreads;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.common.MemoryBudget;
import org.rnnlab.common.UserException;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.engine.ModelInfo;
import org.rnnlab.engine.Precision;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rnnlab init}: a freshly initialised model, as the lesson's RNNNumpy constructor makes it. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Initialise a model: U, V, W uniform in [-1/sqrt(n), 1/sqrt(n)] drawn by numpy's legacy "
                + "generator, as the lesson does (np.random.seed(S)).",
                "With --data, C is the prepared vocabulary's size and the vocabulary is saved with the model."})
public final class InitCommand implements Callable<Integer> {
    @Option(names = {"-C", "--vocabulary-size"}, paramLabel = "C",
            description = "Words in the vocabulary (the lesson: 8000); taken from --data when absent.")
    Integer vocabularySize;

    @Option(names = {"-H", "--hidden"}, paramLabel = "H", defaultValue = "" + LessonDefaults.HIDDEN_DIM,
            description = "Hidden units (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + LessonDefaults.SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}, the lesson's).")
    long seed;

    @Option(names = "--bptt-truncate", paramLabel = "K", defaultValue = "" + LessonDefaults.BPTT_TRUNCATE,
            description = "Steps of backpropagation through time kept (default: ${DEFAULT-VALUE}).")
    int bpttTruncate;

    @Option(names = "--dtype", paramLabel = "TYPE", defaultValue = "float32",
            description = "float32 or float64 (default: ${DEFAULT-VALUE}).")
    String dtype;

    @Option(names = "--data", paramLabel = "DIR", description = "A 'prepare' output whose vocabulary goes with the model.")
    Path data;

    @Option(names = "--output-layer", paramLabel = "LAYER", defaultValue = "full",
            description = "full (the lesson's softmax over all C words) or class (words in about sqrt(C) frequency "
                    + "classes, Mikolov et al. 2011; needs --data) (default: ${DEFAULT-VALUE}).")
    String outputLayer;

    @Option(names = "--classes", paramLabel = "K", description = "Word classes of --output-layer class (default: about sqrt(C)).")
    Integer classes;

    @Option(names = {"-o", "--out"}, paramLabel = "M.npz", required = true, description = "The model file to write.")
    Path out;

    @Override
    public Integer call() {
        // paths first: a run must not end in "cannot write"
        OutputCheck.file(out, "--out");
        EngineThreads.configure(); // this command computes: the engine's threads first, the same for every step
        Vocabulary vocabulary = data == null ? null : ModelOptions.readVocabulary(data);
        int c;
        if (vocabulary != null) {
            if (vocabularySize != null && vocabularySize != vocabulary.size()) {
                throw new UserException("--vocabulary-size " + vocabularySize + " disagrees with " + data
                        + ", whose vocabulary has " + vocabulary.size() + " words: drop --vocabulary-size.");
            }
            c = vocabulary.size();
        } else if (vocabularySize == null) {
            throw new UserException("Give --vocabulary-size C, or --data DIR to take C from a 'prepare' output.");
        } else {
            c = vocabularySize;
        }
        if (c < 3) {
            throw new UserException("--vocabulary-size must be at least 3 (start, end and unknown tokens), not " + c + ".");
        }
        ModelOptions.positive("--hidden", hidden);
        ModelOptions.positive("--bptt-truncate", bpttTruncate);
        if (!LessonDefaults.withinParameterLimit(c, hidden)) {
            throw new UserException(String.format(Locale.ROOT, "H = %d and C = %d make more than %,d parameters "
                    + "(2HC + H^2): choose smaller sizes.", hidden, c, LessonDefaults.MAX_PARAMETERS));
        }
        Precision precision = ModelOptions.precision(dtype);
        // the weights, drawn in float64 before any cast, and the file's buffer
        MemoryBudget.require(MemoryBudget.modelBytes(LessonDefaults.parameterCount(c, hidden), 8, 2),
                String.format(Locale.ROOT, "A model with C = %d and H = %d", c, hidden), "a smaller --hidden or --vocabulary-size");
        RnnModel model = ModelOptions.initialise(vocabulary, c, hidden, bpttTruncate, seed, precision,
                outputLayer, classes);
        ModelInfo info = ModelInfo.of(model, "RNN Lab (rnnlab init)").withSeed(seed);
        ModelFile.save(out, model, vocabulary, info);
        System.out.println("Initialised " + ModelOptions.describe(model) + ", seed " + seed + ": " + out);
        System.out.println(String.format(Locale.ROOT, "Expected loss before training: ln C = %f", Math.log(c)));
        return 0;
    }
}
