package org.rnnlab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rnnlab.engine.EngineThreads;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.PreparedData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rnnlab loss}: the lesson's sanity check, ln C beside the model's mean cross-entropy. */
@Command(name = "loss", mixinStandardHelpOptions = true,
        description = {"Mean cross-entropy loss of a model on a 'prepare' output, beside ln C, the loss of "
                + "random predictions (the lesson's sanity check on its first 1000 examples: --limit 1000)."})
public final class LossCommand implements Callable<Integer> {
    private static final int CHUNK = 64;

    @Option(names = {"-m", "--model"}, paramLabel = "M.npz", required = true, description = "The model.")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "A 'prepare' output with the model's vocabulary size.")
    Path data;

    @Option(names = "--limit", paramLabel = "N", description = "Use the first N sentences only.")
    Integer limit;

    @Override
    public Integer call() {
        EngineThreads.configure(); // this command computes: the engine's threads first, the same for every step
        if (limit != null) {
            ModelOptions.positive("--limit", limit);
        }
        LoadedModel loaded = ModelFile.load(model);
        PreparedData prepared = PreparedData.read(data);
        ModelOptions.checkFits(loaded, prepared.vocabulary(), model, data);
        if (loaded.vocabulary() != null && !loaded.vocabulary().words().equals(prepared.vocabulary().words())) {
            System.out.println("note: " + model.getFileName() + " was trained with other words than " + data
                    + "'s vocabulary, so this loss compares unlike things.");
        }
        RnnModel m = loaded.model();
        int n = limit == null ? prepared.size() : Math.min(limit, prepared.size());
        long words = 0;
        ProgressBar bar = ProgressBar.forConsole();
        double total = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            // the pairs of one chunk at a time: memory does not grow with the data set (or with --limit)
            List<int[]> xs = new java.util.ArrayList<>(to - from);
            List<int[]> ys = new java.util.ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                xs.add(prepared.x(i));
                ys.add(prepared.y(i));
                words += ys.get(ys.size() - 1).length;
            }
            total += m.totalLoss(xs, ys);
            bar.update(to, n, String.format(Locale.ROOT, "%,d/%,d sentences", to, n));
        }
        bar.clear();
        int c = m.wordDim();
        System.out.println(String.format(Locale.ROOT, "Model %s: %s; %,d sentences (%,d words) of %s.",
                model.getFileName(), ModelOptions.describe(m), n, words, data));
        System.out.println(String.format(Locale.ROOT, "Expected Loss for random predictions: %f", Math.log(c)));
        System.out.println(String.format(Locale.ROOT, "Actual loss: %f", total / words));
        return 0;
    }
}
