package org.rnnlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is built. */
@Command(name = "gradcheck", description = "(not built yet)")
public final class GradcheckCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("rnnlab: 'gradcheck' is not built yet");
        return 1;
    }
}
