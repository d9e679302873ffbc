package org.rnnlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is built. */
@Command(name = "bench", description = "(not built yet)")
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("rnnlab: 'bench' is not built yet");
        return 1;
    }
}
