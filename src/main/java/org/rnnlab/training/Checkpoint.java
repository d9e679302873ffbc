package org.rnnlab.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnnlab.common.IoReason;
import org.rnnlab.common.UserException;
import org.rnnlab.engine.LoadedModel;
import org.rnnlab.engine.ModelFile;
import org.rnnlab.engine.ModelInfo;
import org.rnnlab.engine.Npz;
import org.rnnlab.engine.RnnModel;
import org.rnnlab.text.Vocabulary;

/**
 * A training checkpoint: an .npz that is a model file (U, V, W, the vocabulary, model.json: numpy and
 * every command read it as a model) plus the last good weights and {@code checkpoint.json}, the run's
 * settings (the {@link RunSettings} its log starts with) and its {@link TrainerState}. {@code rnnlab train --resume FILE}, with the options of the
 * run that wrote it, goes on exactly where it stopped; the app resumes a run from one the same way.
 */
public final class Checkpoint {
    public static final String ENTRY = "checkpoint.json";
    public static final String FORMAT = "rnnlab-checkpoint/1";
    private static final String LAST_GOOD = "_last_good";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * "--epochs 3 (the checkpoint's) against 5 (given)" for each setting that makes a resumed run another
     * run (the data, the options; not who ran it or where the data lay), or empty.
     */
    public static List<String> differences(RunSettings saved, RunSettings given) {
        List<String> d = new ArrayList<>();
        differ(d, "the data's vocabulary and sentences", saved.corpusHash(), given.corpusHash());
        differ(d, "sentences trained on (--limit)", saved.sentences(), given.sentences());
        differ(d, "--learning-rate", saved.learningRate(), given.learningRate());
        differ(d, "--epochs", saved.epochs(), given.epochs());
        differ(d, "--evaluate-loss-after", saved.evaluateLossAfter(), given.evaluateLossAfter());
        differ(d, "--seed", saved.seed(), given.seed());
        differ(d, "--shuffle", saved.shuffle(), given.shuffle());
        differ(d, "--validation-fraction", saved.validationFraction(), given.validationFraction());
        differ(d, "--hidden", saved.hiddenDim(), given.hiddenDim());
        differ(d, "--dtype", saved.precision(), given.precision());
        differ(d, "--bptt-truncate", saved.bpttTruncate(), given.bpttTruncate());
        return d;
    }

    private static void differ(List<String> out, String name, Object saved, Object given) {
        if (!java.util.Objects.equals(saved, given)) {
            out.add(name + " " + saved + " (the checkpoint's) against " + given + " (given)");
        }
    }

    /** A checkpoint read back: the live model (with its vocabulary and info), the last good weights, the state. */
    public record Loaded(LoadedModel model, RnnModel lastGood, RunSettings settings, TrainerState state) {
    }

    private Checkpoint() {
    }

    /** Where a run that saves to {@code out} keeps its checkpoint: {@code trained.npz} gives {@code trained.checkpoint.npz}. */
    public static Path defaultFor(Path out) {
        String name = out.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".npz") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(stem + ".checkpoint.npz");
    }

    /** Writes the checkpoint atomically (a kill while writing leaves the one before whole). */
    public static void save(Path file, RnnModel model, RnnModel lastGood, Vocabulary vocabulary, ModelInfo info, RunSettings settings,
                     TrainerState state) {
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT);
        json.set("settings", JSON.valueToTree(settings));
        json.set("state", JSON.valueToTree(state));
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> good = new java.util.LinkedHashMap<>();
        good.put("U" + LAST_GOOD, lastGood.U());
        good.put("V" + LAST_GOOD, lastGood.V());
        good.put("W" + LAST_GOOD, lastGood.W());
        if (lastGood.isClassBased()) {
            good.put("X" + LAST_GOOD, lastGood.X());
        }
        ModelFile.save(file, model, vocabulary, info, good, Map.of(ENTRY, bytes));
    }

    public static Loaded load(Path file) {
        LoadedModel model = ModelFile.load(file);
        try (Npz zip = Npz.open(file)) {
            if (!zip.hasEntry(ENTRY) || !zip.hasArray("U" + LAST_GOOD)) {
                throw UserException.said("checkpoint.isModel", file.getFileName());
            }
            JsonNode json = JSON.readTree(zip.bytes(ENTRY));
            if (!FORMAT.equals(json.path("format").asText())) {
                throw UserException.said("checkpoint.version", file.getFileName());
            }
            RnnModel live = model.model();
            RnnModel lastGood = RnnModel.fromArrays(zip.array("U" + LAST_GOOD), zip.array("V" + LAST_GOOD),
                    zip.array("W" + LAST_GOOD), live.isClassBased() ? zip.array("X" + LAST_GOOD) : null,
                    live.isClassBased() ? live.classes() : null, live.bpttTruncate());
            RunSettings settings = JSON.treeToValue(json.path("settings"), RunSettings.class);
            TrainerState state = JSON.treeToValue(json.path("state"), TrainerState.class);
            return new Loaded(model, lastGood, settings, state);
        } catch (IOException e) {
            throw UserException.said(e, "checkpoint.damaged", file, IoReason.of(e));
        }
    }
}
