package org.rnnlab.cli;

import org.rnnlab.common.CancelledException;
import org.rnnlab.common.MemoryBudget;
import org.rnnlab.common.UserException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rnnlab} command: every step of the lesson, headless. */
@Command(name = "rnnlab",
        mixinStandardHelpOptions = true,
        version = "RNN Lab 0.1.0",
        description = "A word-level recurrent neural network language model, step by step.%n"
                + "Run with no command (or 'app') to open the window.",
        subcommands = {
                PrepareCommand.class,
                TokenizeCommand.class,
                InitCommand.class,
                TrainCommand.class,
                LossCommand.class,
                GradcheckCommand.class,
                BpttCommand.class,
                GenerateCommand.class,
                PredictCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class
        })
public final class RnnLabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs a command line and returns the process exit code; never lets a stack trace reach the user. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new RnnLabCommand());
        // A mistyped option gets one line and a pointer to the help, not the whole usage text.
        cli.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("rnnlab: " + ex.getMessage()
                    + " (see 'rnnlab " + (cmd.getCommandName().equals("rnnlab") ? "" : cmd.getCommandName() + " ")
                    + "--help')");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (MemoryBudget.isOutOfMemory(ex)) {
                return outOfMemory(commandLine);
            }
            if (ex instanceof UserException) {
                commandLine.getErr().println("rnnlab: " + ex.getMessage());
                return 2;
            }
            if (ex instanceof CancelledException) {
                commandLine.getErr().println("rnnlab: cancelled");
                return 130;
            }
            if (ex instanceof java.io.IOException io) {
                commandLine.getErr().println("rnnlab: " + describe(io));
                return 2;
            }
            commandLine.getErr().println("rnnlab: internal error: " + ex
                    + " (set RNNLAB_DEBUG=1 for the stack trace)");
            if (System.getenv("RNNLAB_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands Exceptions to the handler above; an Error passes it by
            return outOfMemory(commandOf(cli, args));
        }
    }

    /** Which subcommand the arguments name (for the message), or the top command. */
    private static CommandLine commandOf(CommandLine cli, String[] args) {
        for (String a : args) {
            CommandLine sub = cli.getSubcommands().get(a);
            if (sub != null) {
                return sub;
            }
        }
        return cli;
    }

    /** One line, a distinct exit status; what lowers the need depends on the command. */
    private static int outOfMemory(CommandLine commandLine) {
        String name = commandLine.getCommandName();
        String lower = switch (name) {
            case "prepare", "tokenize" -> "split the corpus into smaller files";
            case "init", "train", "gradcheck" -> "choose a smaller --hidden or --vocabulary-size";
            case "loss" -> "compute it on fewer sentences with --limit";
            default -> "";
        };
        commandLine.getErr().println("rnnlab: " + MemoryBudget.outOfMemory("'rnnlab " + name + "'", lower));
        commandLine.getErr().flush();
        return MemoryBudget.EXIT_OUT_OF_MEMORY;
    }

    private static String describe(java.io.IOException io) {
        if (io instanceof java.nio.file.NoSuchFileException nsf) {
            return "no such file: " + nsf.getFile() + " (check the path)";
        }
        if (io instanceof java.nio.file.AccessDeniedException ad) {
            return "cannot read or write " + ad.getFile() + " (check its permissions)";
        }
        return io.getMessage() == null ? io.toString() : io.getMessage();
    }
}
