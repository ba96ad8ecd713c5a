package org.muster.bench;

import java.util.concurrent.Callable;
import org.muster.MusterException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./muster bench ...}: the benchmark harnesses, kept out of the product jar because their anchors (DuckDB
 * and others) must not ship. Each harness prints its side-by-side results and the ratio to its anchor.
 */
@Command(name = "muster bench", mixinStandardHelpOptions = true,
        description = "Benchmarks, each run side by side with its anchor. Results belong in docs/benchmarks.md.",
        subcommands = {BenchMain.Jmh.class, EmailBench.class, ImportBench.class, MatchBench.class, SegmentBenchmark.class, TurfBench.class, SmsBench.class, CommandLine.HelpCommand.class})
public final class BenchMain {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new BenchMain());
        // JMH's own options (-l, -p, -rf ...) pass through untouched.
        cli.getSubcommands().get("jmh").setUnmatchedOptionsArePositionalParams(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof MusterException) {
                commandLine.getErr().println("muster bench: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    /** The JMH benchmarks (e.g. {@code ./muster bench jmh PeopleSearch -p people=1000000}). */
    @Command(name = "jmh", description = "Run JMH benchmarks; arguments go to JMH (-h lists them).")
    static final class Jmh implements Callable<Integer> {
        @Parameters(arity = "0..*", description = "JMH arguments.") String[] args = new String[0];

        @Override
        public Integer call() throws Exception {
            org.openjdk.jmh.Main.main(args);
            return 0;
        }
    }
}
