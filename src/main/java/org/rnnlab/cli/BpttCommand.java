package org.rnnlab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnlab.common.LessonDefaults;
import org.rnnlab.common.UserException;
import org.rnnlab.engine.DeltaFlow;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.engine.ReferenceRnn;
import org.rnnlab.text.TreebankTokenizer;
import org.rnnlab.text.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rnnlab bptt}: how the error of one output flows back in time, lag by lag. */
@Command(name = "bptt", mixinStandardHelpOptions = true,
        description = {"Backpropagation through time for one output of one sentence: per lag (steps back from t), "
                + "the norm of the delta delta_k = (W^T delta_(k+1)) * (1 - s_k^2), the mean tanh derivative "
                + "1 - s_k^2, and the share of dL_t/dW and dL_t/dU that comes from the word at that step.",
                "Lags beyond --bptt-truncate are marked cut, with the error that cutting causes in dL_t/dW and dL_t/dU.",
                "A model without a vocabulary (the lesson's trained-model-theano.npz) takes the sentence as word "
                        + "indices, e.g. --sentence \"0 12 7 431 9 1\"."})
public final class BpttCommand implements Callable<Integer> {
    @Option(names = {"-m", "--model"}, paramLabel = "M.npz", required = true, description = "The model.")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", description = "A 'prepare' output whose vocabulary to use (default: the model's own).")
    Path data;

    @Option(names = "--sentence", paramLabel = "TEXT", required = true,
            description = "The sentence (SENTENCE_START and SENTENCE_END are added), or word indices separated by spaces.")
    String sentence;

    @Option(names = "--t", paramLabel = "T", description = "The output whose loss flows back (0 = the first; default: the last).")
    Integer t;

    @Option(names = "--bptt-truncate", paramLabel = "K", defaultValue = "" + LessonDefaults.BPTT_TRUNCATE,
            description = "Steps back BPTT follows (default: ${DEFAULT-VALUE}, the lesson's).")
    int bpttTruncate;

    @Override
    public Integer call() {
        ModelOptions.notNegative("--bptt-truncate", bpttTruncate);
        String[] parts = sentence.trim().split("[\\s,]+");
        boolean indices = !sentence.isBlank() && java.util.Arrays.stream(parts).allMatch(p -> p.matches("\\d+"));
        LoadedModel loaded = indices && data == null ? ModelFile.load(model) : ModelOptions.load(model, data, System.out);
        int C = loaded.model().wordDim();
        Vocabulary v = loaded.vocabulary();
        List<Integer> words = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        if (indices) {
            for (String p : parts) {
                long i = Long.parseLong(p.length() > 10 ? "99999999999" : p);
                if (i >= C) {
                    throw new UserException("word index " + p + " is outside the model's vocabulary 0.." + (C - 1) + ".");
                }
                words.add((int) i);
                shown.add(v == null ? "#" + i : v.word((int) i));
            }
        } else {
            words.add(v.startIndex());
            for (String token : new TreebankTokenizer().tokenize(sentence.toLowerCase(Locale.ROOT))) {
                words.add(v.indexOf(token));
            }
            words.add(v.endIndex());
            for (int w : words) {
                shown.add(v.word(w));
            }
        }
        if (words.size() < 2) {
            throw new UserException("--sentence needs at least two words (one input and its next word).");
        }
        int[] all = words.stream().mapToInt(Integer::intValue).toArray();
        int[][] pair = ReferenceRnn.trainingPair(all);
        int T = pair[0].length;
        int out = t == null ? T - 1 : t;
        if (out < 0 || out >= T) {
            throw new UserException("--t must be between 0 and " + (T - 1) + " for this sentence of " + T + " inputs.");
        }
        DeltaFlow.Result r = DeltaFlow.of(loaded.model(), pair[0], pair[1], out, bpttTruncate);
        System.out.println(String.format(Locale.ROOT, "Model %s: %s. Output t = %d predicts '%s' after '%s'.",
                model.getFileName(), ModelOptions.describe(loaded.model()), out, shown.get(out + 1), shown.get(out)));
        System.out.println(String.format(Locale.ROOT, "Largest singular value of W: %.4f", r.largestSingularW()));
        System.out.println(String.format(Locale.ROOT, "%4s %5s  %-16s %12s %10s %9s %9s", "lag", "step", "word",
                "|delta|", "1-s^2", "dW share", "dU share"));
        for (DeltaFlow.Lag lag : r.lags()) {
            String word = shown.get(lag.step());
            System.out.println(String.format(Locale.ROOT, "%4d %5d  %-16s %12.4e %10.4f %8.2f%% %8.2f%%%s", lag.lag(), lag.step(),
                    word.length() > 16 ? word.substring(0, 15) + "~" : word, lag.deltaNorm(), lag.tanhDerivative(),
                    100 * lag.shareOfW(), 100 * lag.shareOfU(), lag.cut() ? "  cut" : ""));
        }
        System.out.println(String.format(Locale.ROOT, "Truncation after %d steps changes dL_t/dW by %.3g%% and dL_t/dU by %.3g%%"
                + " of their exact norms.", bpttTruncate, 100 * r.truncationErrorW(), 100 * r.truncationErrorU()));
        if (v == null) {
            System.out.println("note: " + model.getFileName() + " has no vocabulary; words are shown as #index.");
        }
        return 0;
    }
}
