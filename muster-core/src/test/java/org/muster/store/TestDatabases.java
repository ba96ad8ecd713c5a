package org.muster.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.muster.account.PasswordHasher;

/**
 * Fresh, migrated databases for tests: a temporary SQLite file, or a new schema on the PostgreSQL server at
 * 127.0.0.1:5432 (override with MUSTER_TEST_PG_URL / _USER / _PASSWORD). Closing the database drops what it made.
 * Every store test runs on both through {@link #both()}.
 */
public final class TestDatabases {

    /** Cheap password hashing: tests create many users and measure nothing about the hash's cost. */
    public static final PasswordHasher FAST_HASHER = new PasswordHasher(1_000);

    private static final String PG_URL = env("MUSTER_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = env("MUSTER_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = env("MUSTER_TEST_PG_PASSWORD", "");

    private TestDatabases() {
    }

    public static Stream<Named<Supplier<Database>>> both() {
        return Stream.of(Named.of("sqlite", TestDatabases::sqlite), Named.of("postgresql", TestDatabases::postgres));
    }

    public static Database sqlite() {
        try {
            Path dir = Files.createTempDirectory("muster-test-");
            return Database.open(DatabaseConfig.sqlite(dir.resolve("muster.db")), FAST_HASHER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A database on a schema of its own, dropped when the JVM exits (tests may still read it after close). */
    public static Database postgres() {
        String schema = "t_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36).toLowerCase(Locale.ROOT);
        execute("create schema " + schema);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("drop schema if exists " + schema + " cascade")));
        String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return Database.open(DatabaseConfig.postgres(url, PG_USER, PG_PASSWORD), FAST_HASHER);
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for tests is not reachable at " + PG_URL
                    + " (start it, or set MUSTER_TEST_PG_URL): " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
