package org.rnnlab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.rnnlab.engine.EngineThreads;
import org.rnnlab.common.UserException;
import org.rnnlab.engine.GeneratedSentence;
import org.rnnlab.engine.GenerationOptions;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.SentenceGenerator;
import org.rnnlab.text.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rnnlab generate}: the lesson's sampling of sentences from a trained model. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Generate sentences as the lesson does: start from SENTENCE_START, draw each next word from the "
                + "model's distribution, draw again on UNKNOWN_TOKEN, stop at SENTENCE_END; keep sentences of at least "
                + "--min-length words."})
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = {"-m", "--model"}, paramLabel = "M.npz", required = true, description = "The model.")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", description = "A 'prepare' output whose vocabulary to use (default: the model's own).")
    Path data;

    @Option(names = "-n", paramLabel = "N", defaultValue = "10", description = "Sentences to generate (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--min-length", paramLabel = "L", defaultValue = "7", description = "Shortest sentence kept, in words (default: ${DEFAULT-VALUE}).")
    int minLength;

    @Option(names = "--max-length", paramLabel = "L", defaultValue = "50", description = "Give up on a sentence after this many words (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "1",
            description = "1 samples as the lesson; below 1 picks likelier words, above 1 wilder ones (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for the same sentences every time (default: random, printed).")
    Long seed;

    @Option(names = "--probabilities", description = "Show the model's probability of each drawn word.")
    boolean probabilities;

    @Override
    public Integer call() {
        EngineThreads.configure(); // this command computes: the engine's threads first, the same for every step
        ModelOptions.notNegative("-n", count);
        ModelOptions.notNegative("--min-length", minLength);
        ModelOptions.positive("--max-length", maxLength);
        if (maxLength < minLength) {
            throw new UserException("--max-length (" + maxLength + ") must not be below --min-length (" + minLength + ").");
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new UserException("--temperature must be a positive number, not " + temperature + ".");
        }
        LoadedModel loaded = ModelOptions.load(model, data, System.out);
        Vocabulary v = loaded.vocabulary();
        if (v.startIndex() == v.unknownIndex() || v.endIndex() == v.unknownIndex()) {
            throw new UserException("The vocabulary has no SENTENCE_START or SENTENCE_END: it is not a 'prepare' vocabulary.");
        }
        long s = seed == null ? new SplittableRandom().nextInt(Integer.MAX_VALUE) : seed;
        SplittableRandom rng = new SplittableRandom(s);
        GenerationOptions options = new GenerationOptions(minLength, maxLength, temperature, v.startIndex(), v.endIndex(),
                v.unknownIndex());
        SentenceGenerator generator = new SentenceGenerator(loaded.model());
        for (int i = 0; i < count; i++) {
            GeneratedSentence g = generator.generate(options, rng);
            StringBuilder line = new StringBuilder();
            for (int t = 0; t < g.words().length; t++) {
                if (t > 0) {
                    line.append(' ');
                }
                line.append(v.word(g.words()[t]));
                if (probabilities) {
                    line.append(String.format(Locale.ROOT, " (%.3f)", g.probabilities()[t]));
                }
            }
            System.out.println(line);
        }
        if (seed == null) {
            System.err.println("(seed " + s + ": pass --seed " + s + " to get these sentences again)");
        }
        return 0;
    }
}
