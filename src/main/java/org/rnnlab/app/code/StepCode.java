package org.rnnlab.app.code;

import java.util.Map;

/** Which function each lesson step runs, by the step's page id: its Code tab shows that snippet. */
public final class StepCode {
    /** Page id to snippet name, from Training data onward (the steps before run no model code). */
    public static final Map<String, String> SNIPPETS = Map.of(
            "trainingDataStep", "trainingdata",
            "dimensionsStep", "init",
            "forwardStep", "forward",
            "lossStep", "loss",
            "bpttStep", "bptt",
            "gradientCheckStep", "gradcheck",
            "trainingStep", "sgd",
            "generateStep", "predict");

    private StepCode() {
    }

    /** The snippet of the step with page id {@code id}, or null when it shows no code. */
    public static String snippetOf(String id) {
        return SNIPPETS.get(id);
    }
}
