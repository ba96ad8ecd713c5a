package org.muster.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.muster.generate.DemoCampaignGenerator;
import org.muster.generate.GeneratedFiles;
import org.muster.generate.GeneratorOptions;
import org.muster.store.Database;
import org.muster.store.DatabaseConfig;
import org.muster.voterfile.GeocodeLookup;
import org.muster.voterfile.ImportJob;
import org.muster.voterfile.NcLayout;
import org.muster.voterfile.VoterFileImporter;
import org.postgresql.PGConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./muster bench import}: Muster's full import of a generated NC voter file (parse, normalise, upsert by
 * registration, checkpoint per batch) into fresh SQLite and PostgreSQL databases, side by side with the physical
 * anchor: PostgreSQL {@code COPY} of the same file into a raw staging table of 67 text columns.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Voter-file import into SQLite and PostgreSQL beside PostgreSQL COPY of the same file.")
final class ImportBench implements Callable<Integer> {

    @Option(names = "--people", defaultValue = "1000000", description = "People to generate (default ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--databases", split = ",", defaultValue = "sqlite,postgresql",
            description = "Where Muster imports: sqlite, postgresql (default ${DEFAULT-VALUE}).")
    List<String> databases;

    @Option(names = "--history", description = "Also import the ncvhis history (not part of the COPY anchor).")
    boolean history;

    private record Run(String what, long rows, double seconds, long peakHeap) {
        double rate() {
            return rows / seconds;
        }
    }

    @Override
    public Integer call() throws Exception {
        Path dir = BenchData.dir(people);
        long started = System.nanoTime();
        GeneratedFiles files = DemoCampaignGenerator.generate(
                new GeneratorOptions(people, BenchData.SEED, dir.resolve("import-files")), n -> { });
        System.err.printf(Locale.ROOT, "generated %,d voter rows (%,d bytes) in %.1f s%n", files.voterRows(),
                Files.size(files.voterFile()), (System.nanoTime() - started) / 1e9);

        List<Run> runs = new ArrayList<>();
        runs.add(copyAnchor(files));
        for (String database : databases) runs.add(muster(database, files));

        Run anchor = runs.getFirst();
        System.out.println();
        System.out.printf(Locale.ROOT, "| run | rows | seconds | rows/s | vs COPY | peak heap |%n| --- | ---: | ---: | ---: | ---: | ---: |%n");
        for (Run r : runs) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.2f | %d MiB |%n", r.what(), r.rows(),
                    r.seconds(), r.rate(), r.rate() / anchor.rate(), r.peakHeap() >> 20);
        }
        return 0;
    }

    private Run copyAnchor(GeneratedFiles files) throws Exception {
        String schema = "bench_import_copy";
        BenchData.resetSchema(schema);
        try (Database db = Database.open(BenchData.postgres(schema));
             Connection c = db.dataSource().getConnection()) {
            String columns = NcLayout.VOTER.columns().stream().map(col -> '"' + col + "\" text")
                    .collect(Collectors.joining(", "));
            c.createStatement().execute("create table raw_ncvoter (" + columns + ")");
            resetPeaks();
            long started = System.nanoTime();
            long rows;
            try (InputStream in = Files.newInputStream(files.voterFile())) {
                rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy raw_ncvoter from stdin with (format csv, "
                        + "delimiter E'\\t', quote '\"', header true, encoding 'LATIN1')", in, 1 << 16);
            }
            Run run = report(new Run("PostgreSQL COPY into a raw staging table (anchor)", rows,
                    (System.nanoTime() - started) / 1e9, peakHeap()));
            // Dropped once timed: autovacuum would otherwise work through its rows while the imports are timed.
            c.createStatement().execute("drop table raw_ncvoter");
            return run;
        }
    }

    private Run muster(String database, GeneratedFiles files) throws IOException {
        String schema = "bench_import_muster";
        DatabaseConfig config;
        if (database.equals("sqlite")) {
            Path db = BenchData.dir(people).resolve("import.db");
            for (String suffix : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(db + suffix));
            config = DatabaseConfig.sqlite(db);
        } else {
            BenchData.resetSchema(schema);
            config = BenchData.postgres(schema);
        }
        try (Database db = Database.open(config)) {
            long campaign = db.campaigns().create("Benchmark", "NC").id();
            resetPeaks();
            long started = System.nanoTime();
            PhaseTimes phases = new PhaseTimes(started);
            ImportJob job = new VoterFileImporter(db.imports(), VoterFileImporter.DEFAULT_BATCH).run(campaign,
                    files.voterFile(), history ? files.historyFile() : null, GeocodeLookup.none(), false,
                    (phase, done, total, counts) -> phases.at(phase));
            double seconds = (System.nanoTime() - started) / 1e9;
            System.err.println(database + ": " + job.message());
            System.err.println(database + ": " + phases.end());
            return report(new Run("Muster import into " + (database.equals("sqlite") ? "SQLite" : "PostgreSQL")
                    + (history ? " (with history)" : ""), job.counts().voterRows(), seconds, peakHeap()));
        }
    }

    /**
     * Seconds from the start to each phase's first progress report and to the end: where an import's time goes
     * (the first VOTERS report comes after hashing the file and the first batch).
     */
    private static final class PhaseTimes {
        private final long started;
        private final StringBuilder out = new StringBuilder();
        private ImportJob.Phase current;

        PhaseTimes(long started) {
            this.started = started;
        }

        void at(ImportJob.Phase phase) {
            if (phase == current) return;
            current = phase;
            out.append(String.format(Locale.ROOT, "%s from %.1f s, ", phase, (System.nanoTime() - started) / 1e9));
        }

        String end() {
            return out + String.format(Locale.ROOT, "done at %.1f s", (System.nanoTime() - started) / 1e9);
        }
    }

    private static Run report(Run run) {
        System.err.printf(Locale.ROOT, "%s: %,d rows in %.1f s, %,.0f rows/s, peak heap %d MiB%n", run.what(),
                run.rows(), run.seconds(), run.rate(), run.peakHeap() >> 20);
        return run;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    }

    /** The sum of the heap pools' peaks since the last reset: an upper bound of the heap the run used. */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }
}
