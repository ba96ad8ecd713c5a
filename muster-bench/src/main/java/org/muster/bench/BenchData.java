package org.muster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.muster.generate.DemoCampaignGenerator;
import org.muster.generate.DemoEnrichment;
import org.muster.generate.GeneratedFiles;
import org.muster.generate.GeneratorOptions;
import org.muster.store.Database;
import org.muster.store.DatabaseConfig;
import org.muster.voterfile.GeocodeLookup;
import org.muster.voterfile.VoterFileImporter;

/**
 * A generated campaign loaded into SQLite or PostgreSQL once and reused by later runs (loading a million people
 * takes minutes; the benchmarks measure reads). Kept under muster-bench/target/bench-data and, for PostgreSQL,
 * in a schema named after the size; a marker written after the load says it is complete.
 */
final class BenchData {

    static final long SEED = 1;

    private BenchData() {
    }

    /** Opens (loading first when needed) a database holding {@code people} generated people in campaign 1. */
    static Database open(String database, int people) throws IOException {
        Path dir = dir(people);
        Path marker = dir.resolve(database + ".loaded");
        DatabaseConfig config = switch (database) {
            case "sqlite" -> DatabaseConfig.sqlite(dir.resolve("people.db"));
            case "postgresql" -> postgres("bench_" + people);
            default -> throw new IllegalArgumentException("database must be sqlite or postgresql: " + database);
        };
        if (!Files.exists(marker)) {
            if (database.equals("sqlite")) {
                for (String f : new String[] {"people.db", "people.db-wal", "people.db-shm"}) Files.deleteIfExists(dir.resolve(f));
            } else {
                resetSchema("bench_" + people);
            }
        }
        Database db = Database.open(config);
        if (!Files.exists(marker)) {
            GeneratedFiles files = DemoCampaignGenerator.generate(new GeneratorOptions(people, SEED, dir.resolve("files")), n -> { });
            long campaign = db.campaigns().create("Benchmark", "NC").id();
            long started = System.nanoTime();
            new VoterFileImporter(db.imports(), VoterFileImporter.DEFAULT_BATCH, new DemoEnrichment(SEED)).run(campaign,
                    files.voterFile(), files.historyFile(), GeocodeLookup.loadCsv(files.geocodeFile()), false,
                    (phase, done, total, counts) -> { });
            System.err.printf("loaded %,d people into %s in %.1f s%n", files.voterRows(), database,
                    (System.nanoTime() - started) / 1e9);
            if (database.equals("sqlite")) db.dsl().execute("analyze");
            else db.dsl().execute("vacuum analyze");
            Files.writeString(marker, "complete\n");
        }
        return db;
    }

    /**
     * Opens (building first when needed) a database holding {@code copies} copies of the loaded {@code people}
     * campaign, made inside the database by {@link SqlCopies} with the given id strides, the strides the benchmark's
     * index copies use, so both hold the same people under the same ids.
     */
    static Database openCopies(String database, int people, int copies, long stride, long householdStride) throws Exception {
        boolean sqlite = database.equals("sqlite");
        (sqlite ? open(database, people) : postgresCopy(people)).close();
        Path dir = dir(people);
        Path marker = dir.resolve(database + "-x" + copies + ".loaded");
        String schema = "bench_" + people + "_x" + copies;
        Path file = dir.resolve("people-x" + copies + ".db");
        if (!Files.exists(marker)) {
            if (sqlite) {
                for (String f : new String[] {"", "-wal", "-shm"}) Files.deleteIfExists(Path.of(file + f));
            } else {
                resetSchema(schema);
            }
        }
        Database db = Database.open(sqlite ? DatabaseConfig.sqlite(file) : postgres(schema));
        if (!Files.exists(marker)) {
            long started = System.nanoTime();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                // Parents are copied before children, so per-row foreign-key checks would only cost time.
                if (sqlite) {
                    s.execute("pragma foreign_keys = off");
                    s.execute("pragma synchronous = off");
                    s.execute("pragma cache_size = -1000000");
                    s.execute("attach database '" + dir.resolve("people.db") + "' as src");
                } else {
                    s.execute("set session_replication_role = replica");
                    s.execute("set synchronous_commit = off");
                    s.execute("set maintenance_work_mem = '1GB'");
                }
                SqlCopies.fill(c, sqlite ? "src" : copySchema(people), copies, stride, householdStride);
                if (sqlite) {
                    s.execute("detach database src");
                    s.execute("pragma foreign_keys = on");
                    s.execute("pragma synchronous = normal");
                    s.execute("pragma cache_size = -65536");
                    s.execute("analyze");
                } else {
                    s.execute("set session_replication_role = origin");
                    s.execute("vacuum analyze");
                }
            }
            System.err.printf("copied the campaign %d times inside %s in %.1f s%n", copies, database, (System.nanoTime() - started) / 1e9);
            Files.writeString(marker, "complete\n");
        }
        return db;
    }

    /**
     * The loaded SQLite campaign's segment tables ({@link SqlCopies}) copied into a PostgreSQL schema of their own,
     * built when missing: the same rows under the same ids as in SQLite, in minutes less than the importer takes.
     */
    static Database postgresCopy(int people) throws Exception {
        Path marker = dir(people).resolve("postgresql-copy.loaded");
        if (!Files.exists(marker)) resetSchema(copySchema(people));
        Database db = Database.open(postgres(copySchema(people)));
        if (!Files.exists(marker)) {
            long started = System.nanoTime();
            try (Database sqlite = open("sqlite", people); Connection from = sqlite.dataSource().getConnection();
                    Connection to = db.dataSource().getConnection(); Statement s = to.createStatement()) {
                SqlCopies.copyToPostgres(from, to);
                s.execute("vacuum analyze");
            }
            System.err.printf("copied the sqlite campaign into postgresql in %.1f s%n", (System.nanoTime() - started) / 1e9);
            Files.writeString(marker, "complete\n");
        }
        return db;
    }

    private static String copySchema(int people) {
        return "bench_" + people + "_copy";
    }

    /** The folder of one size's data, created when missing. */
    static Path dir(int people) throws IOException {
        Path dir = Path.of(System.getProperty("muster.bench.dir", "muster-bench/target/bench-data")).toAbsolutePath()
                .resolve(people + "-seed" + SEED);
        return Files.createDirectories(dir);
    }

    /** The benchmark PostgreSQL server, on one schema. */
    static DatabaseConfig postgres(String schema) {
        return DatabaseConfig.postgres(postgresUrl(schema), env("MUSTER_BENCH_PG_USER", "postgres"),
                env("MUSTER_BENCH_PG_PASSWORD", ""));
    }

    private static String postgresUrl(String schema) {
        String url = env("MUSTER_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static void resetSchema(String schema) {
        String url = env("MUSTER_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        try (var c = java.sql.DriverManager.getConnection(url, env("MUSTER_BENCH_PG_USER", "postgres"),
                env("MUSTER_BENCH_PG_PASSWORD", "")); var s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
            s.execute("create schema " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("PostgreSQL for benchmarks is not reachable at " + url + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
