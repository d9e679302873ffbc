package org.rnnlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is built. */
@Command(name = "prepare", description = "(not built yet)")
public final class PrepareCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("rnnlab: 'prepare' is not built yet");
        return 1;
    }
}
