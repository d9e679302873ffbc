package org.rnnlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnlab.engine.EngineThreads;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.NextWordPredictor;
import org.rnnlab.engine.TopK;
import org.rnnlab.text.Tokens;
import org.rnnlab.text.TreebankTokenizer;
import org.rnnlab.text.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rnnlab predict}: the model's most probable next words after a prefix. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Show the most probable next words after a sentence prefix (lower-cased and tokenized as the "
                + "training data; SENTENCE_START is put first). An empty prefix predicts the first word."})
public final class PredictCommand implements Callable<Integer> {
    @Option(names = {"-m", "--model"}, paramLabel = "M.npz", required = true, description = "The model.")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", description = "A 'prepare' output whose vocabulary to use (default: the model's own).")
    Path data;

    @Option(names = "--top", paramLabel = "K", defaultValue = "10", description = "How many words to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Parameters(paramLabel = "PREFIX", arity = "0..*", description = "The words so far, e.g. \"the president said\".")
    List<String> prefix = new ArrayList<>();

    @Override
    public Integer call() {
        EngineThreads.configure(); // this command computes: the engine's threads first, the same for every step
        ModelOptions.positive("--top", top);
        LoadedModel loaded = ModelOptions.load(model, data, System.out);
        Vocabulary v = loaded.vocabulary();
        List<String> tokens = new TreebankTokenizer().tokenize(String.join(" ", prefix).toLowerCase(Locale.ROOT));
        NextWordPredictor predictor = new NextWordPredictor(loaded.model());
        predictor.reset();
        double[] p = predictor.feed(v.startIndex());
        StringBuilder read = new StringBuilder(Tokens.START);
        for (String token : tokens) {
            int index = v.indexOf(token);
            if (!v.contains(token)) {
                System.out.println("note: '" + token + "' is not in the vocabulary; it is read as " + Tokens.UNKNOWN + ".");
            }
            read.append(' ').append(v.word(index));
            p = predictor.feed(index);
        }
        System.out.println("After: " + read);
        int k = Math.min(top, p.length);
        int[] best = TopK.of(p, k);
        int width = 4;
        for (int i : best) {
            width = Math.max(width, v.word(i).length());
        }
        for (int r = 0; r < k; r++) {
            System.out.println(String.format(Locale.ROOT, "%3d. %-" + width + "s  %.4f", r + 1, v.word(best[r]), p[best[r]]));
        }
        return 0;
    }
}
