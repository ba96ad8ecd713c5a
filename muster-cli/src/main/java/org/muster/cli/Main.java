package org.muster.cli;

import org.muster.MusterException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code muster.jar}: dispatches to the subcommands and turns known failures into one line. */
@Command(name = "muster", mixinStandardHelpOptions = true, version = "Muster 0.1.0",
        description = "Muster: people, voter file, targeting, field, messaging and GOTV for campaigns.",
        subcommands = {ServeCommand.class, DemoCommand.class, GenerateCommand.class, ImportCommand.class, ImportShapesCommand.class, MatchCommand.class, FlagsCommand.class, SegmentCommand.class,
                AdminCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof MusterException) {
                commandLine.getErr().println("muster: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }
}
