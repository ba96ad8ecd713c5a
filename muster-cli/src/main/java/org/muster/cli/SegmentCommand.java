package org.muster.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.muster.MusterException;
import org.muster.segment.Filter;
import org.muster.segment.SegmentExport;
import org.muster.segment.SegmentParseException;
import org.muster.segment.SegmentParser;
import org.muster.store.Database;
import org.muster.store.JooqSavedSegmentStore;
import org.muster.store.SegmentSql;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Segments from the command line: count, breakdown by precinct, capped and audited CSV export, save. One-off
 * commands ask SQL (building the bitmap index would scan every person first); the filter language is the web's.
 */
@Command(name = "segment", mixinStandardHelpOptions = true, description = "Count, break down, export or save a segment.",
        subcommands = {SegmentCommand.Count.class, SegmentCommand.Breakdown.class, SegmentCommand.Export.class, SegmentCommand.Save.class})
final class SegmentCommand implements Runnable {

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: count, breakdown, export or save");
    }

    /** What every subcommand shares: the database, the campaign and the filter. */
    static final class Target {
        @Mixin DatabaseOptions db;

        @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE) picocli.CommandLine.Model.CommandSpec spec;

        /** Where results go: the command line's output, so tests and scripts can capture it. */
        java.io.PrintWriter out() {
            return spec.commandLine().getOut();
        }

        @Option(names = "--campaign", description = "Campaign id (default: the first campaign).")
        Long campaignId;

        long campaign(Database database) {
            return campaignId != null ? campaignId : AdminCommand.firstCampaign(database).id();
        }

        /** Parses and resolves saved segments, or stops with the reason and the column. */
        Filter filter(Database database, long campaign, String text) {
            try {
                return new JooqSavedSegmentStore(database).resolver(campaign).resolve(SegmentParser.parse(text));
            } catch (SegmentParseException e) {
                throw new MusterException("The filter does not parse, " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new MusterException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "count", mixinStandardHelpOptions = true, description = "How many people match the filter.")
    static final class Count implements Callable<Integer> {
        @Mixin Target target;

        @Parameters(paramLabel = "FILTER", description = "e.g. \"precinct in (12, 14) and not voted(2022-general)\"")
        String text;

        @Override
        public Integer call() {
            try (Database db = target.db.open()) {
                long campaign = target.campaign(db);
                target.out().println(new SegmentSql(db, campaign).count(target.filter(db, campaign, text), Instant.now()));
                target.out().flush();
                return 0;
            }
        }
    }

    @Command(name = "breakdown", mixinStandardHelpOptions = true, description = "Matching people per precinct, largest first.")
    static final class Breakdown implements Callable<Integer> {
        @Mixin Target target;

        @Parameters(paramLabel = "FILTER")
        String text;

        @Override
        public Integer call() {
            try (Database db = target.db.open()) {
                long campaign = target.campaign(db);
                Map<String, Long> counts = new SegmentSql(db, campaign).countByPrecinct(target.filter(db, campaign, text), Instant.now());
                counts.forEach((precinct, n) -> target.out().printf(Locale.ROOT, "%s\t%d%n", precinct, n));
                target.out().flush();
                return 0;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the matching people as CSV (audited; at most MUSTER_EXPORT_CAP people, default 25,000).")
    static final class Export implements Callable<Integer> {
        @Mixin Target target;

        @Parameters(paramLabel = "FILTER")
        String text;

        @Option(names = "--out", paramLabel = "FILE", description = "CSV file to write (default: standard output).")
        Path out;

        @Override
        public Integer call() throws IOException {
            try (Database db = target.db.open()) {
                long campaign = target.campaign(db);
                SegmentSql sql = new SegmentSql(db, campaign);
                long[] ids = sql.ids(target.filter(db, campaign, text), Instant.now());
                try {
                    SegmentExport.checkCap(ids.length, SegmentExport.cap(System.getenv()));
                } catch (SegmentExport.TooLarge | IllegalArgumentException e) {
                    throw new MusterException(e.getMessage(), e);
                }
                if (out == null) {
                    SegmentExport.write(db.audit(), null, text, ids, sql::summaries, target.out());
                } else {
                    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                        SegmentExport.write(db.audit(), null, text, ids, sql::summaries, w);
                    }
                }
                if (out != null) System.err.printf(Locale.ROOT, "Exported %,d people to %s%n", ids.length, out);
                return 0;
            }
        }
    }

    @Command(name = "save", mixinStandardHelpOptions = true, description = "Save the filter under a name (usable as segment(name)).")
    static final class Save implements Callable<Integer> {
        @Mixin Target target;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Parameters(index = "1", paramLabel = "FILTER")
        String text;

        @Override
        public Integer call() {
            if (name.isBlank() || name.length() > 100) throw new MusterException("A segment name must have between 1 and 100 characters.");
            try (Database db = target.db.open()) {
                long campaign = target.campaign(db);
                target.filter(db, campaign, text);
                new JooqSavedSegmentStore(db).save(campaign, name.strip(), text.strip(), null);
                db.audit().record(null, "segment.save", "segment:" + name.strip(), text.strip());
                target.out().println("Saved segment \"" + name.strip() + "\"");
                target.out().flush();
                return 0;
            }
        }
    }
}
