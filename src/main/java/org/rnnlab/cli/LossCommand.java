package org.rnnlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is built. */
@Command(name = "loss", description = "(not built yet)")
public final class LossCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("rnnlab: 'loss' is not built yet");
        return 1;
    }
}
