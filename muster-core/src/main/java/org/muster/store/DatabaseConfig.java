package org.muster.store;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.muster.MusterException;

/**
 * Where the database is. Resolved from, in order: the environment ({@code MUSTER_DB_URL}, {@code MUSTER_DB_USER},
 * {@code MUSTER_DB_PASSWORD}), a properties file ({@code db.url}, {@code db.user}, {@code db.password}), and
 * last the embedded SQLite file in the data directory.
 */
public record DatabaseConfig(String url, String user, String password) {

    public enum Kind { SQLITE, POSTGRESQL }

    public DatabaseConfig {
        if (url == null || url.isBlank()) throw new MusterException("The database URL is empty.");
        kindOf(url);
    }

    public static DatabaseConfig sqlite(Path file) {
        return new DatabaseConfig("jdbc:sqlite:" + file.toAbsolutePath(), null, null);
    }

    public static DatabaseConfig postgres(String url, String user, String password) {
        return new DatabaseConfig(url, user, password);
    }

    /**
     * @param configFile optional properties file (null when none was named)
     * @param env        the process environment
     * @param sqliteFile the embedded database used when nothing else is configured
     */
    public static DatabaseConfig resolve(Path configFile, Map<String, String> env, Path sqliteFile) {
        Properties file = new Properties();
        if (configFile != null) {
            try (Reader in = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                file.load(in);
            } catch (IOException e) {
                throw new MusterException("Cannot read the configuration file " + configFile + ": " + e.getMessage(), e);
            }
        }
        String url = firstNonBlank(env.get("MUSTER_DB_URL"), file.getProperty("db.url"));
        if (url == null) return sqlite(sqliteFile);
        return new DatabaseConfig(url,
                firstNonBlank(env.get("MUSTER_DB_USER"), file.getProperty("db.user")),
                firstNonBlank(env.get("MUSTER_DB_PASSWORD"), file.getProperty("db.password")));
    }

    public Kind kind() {
        return kindOf(url);
    }

    /** The URL without credentials, safe to print. */
    public String displayUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static Kind kindOf(String url) {
        if (url.startsWith("jdbc:sqlite:")) return Kind.SQLITE;
        if (url.startsWith("jdbc:postgresql:")) return Kind.POSTGRESQL;
        throw new MusterException("Unsupported database URL '" + url.replaceAll("(?i)(password=)[^&;]*", "$1***")
                + "': use jdbc:sqlite:<file> or jdbc:postgresql://<host>:<port>/<database>.");
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) return a.trim();
        if (b != null && !b.isBlank()) return b.trim();
        return null;
    }
}
