package org.rnnlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is built. */
@Command(name = "tokenize", description = "(not built yet)")
public final class TokenizeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("rnnlab: 'tokenize' is not built yet");
        return 1;
    }
}
