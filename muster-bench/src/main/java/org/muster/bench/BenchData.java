package org.muster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
