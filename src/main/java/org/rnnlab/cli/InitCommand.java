package org.rnnlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is built. */
@Command(name = "init", description = "(not built yet)")
public final class InitCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("rnnlab: 'init' is not built yet");
        return 1;
    }
}
