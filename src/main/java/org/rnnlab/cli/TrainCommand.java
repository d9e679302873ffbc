package org.rnnlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is built. */
@Command(name = "train", description = "(not built yet)")
public final class TrainCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("rnnlab: 'train' is not built yet");
        return 1;
    }
}
