package org.rnnlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is built. */
@Command(name = "predict", description = "(not built yet)")
public final class PredictCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("rnnlab: 'predict' is not built yet");
        return 1;
    }
}
