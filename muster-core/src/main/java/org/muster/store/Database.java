package org.muster.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.muster.MusterException;
import org.muster.account.AuditLog;
import org.muster.account.PasswordHasher;
import org.muster.account.UserStore;
import org.muster.campaign.CampaignStore;
import org.muster.canvass.CanvassStore;
import org.muster.people.PersonStore;
import org.muster.voterfile.ImportJobStore;
import org.sqlite.SQLiteOpenMode;

/**
 * An open, migrated database and the stores over it. One instance per process; thread-safe.
 *
 * <p>SQLite runs in WAL mode with foreign keys on and IMMEDIATE transactions, so a writer takes the write lock at
 * BEGIN instead of failing half-way when a reader upgrades; readers never block the writer.
 */
public final class Database implements AutoCloseable {

    static {
        // jOOQ prints a banner and a "tip of the day" on first use: noise in a server log.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final DatabaseConfig config;
    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final PersonStore people;
    private final UserStore users;
    private final AuditLog audit;
    private final CampaignStore campaigns;
    private final ImportJobStore imports;
    private final CanvassStore canvass;

    private Database(DatabaseConfig config, HikariDataSource dataSource, PasswordHasher hasher) {
        this.config = config;
        this.dataSource = dataSource;
        SQLDialect dialect = config.kind() == DatabaseConfig.Kind.SQLITE ? SQLDialect.SQLITE : SQLDialect.POSTGRES;
        this.dsl = DSL.using(dataSource, dialect, new Settings().withExecuteLogging(false));
        this.people = new JooqPersonStore(dsl);
        this.users = new JooqUserStore(dsl, hasher);
        this.audit = new JooqAuditLog(dsl);
        this.campaigns = new JooqCampaignStore(dsl);
        this.imports = new JooqImportJobStore(dsl);
        this.canvass = new JooqCanvassStore(dsl);
    }

    /** Opens the pool and brings the schema up to date; a failure is one clear {@link MusterException}. */
    public static Database open(DatabaseConfig config) {
        return open(config, new PasswordHasher());
    }

    public static Database open(DatabaseConfig config, PasswordHasher hasher) {
        HikariDataSource ds = pool(config);
        try {
            migrate(config, ds);
            return new Database(config, ds, hasher);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    public PersonStore people() {
        return people;
    }

    public UserStore users() {
        return users;
    }

    public AuditLog audit() {
        return audit;
    }

    public CampaignStore campaigns() {
        return campaigns;
    }

    public ImportJobStore imports() {
        return imports;
    }

    public CanvassStore canvass() {
        return canvass;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return dsl.dialect();
    }

    public DatabaseConfig config() {
        return config;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** True when a trivial query answers: what the health endpoint reports. */
    public boolean isHealthy() {
        try {
            dsl.selectOne().fetch();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static HikariDataSource pool(DatabaseConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(config.url());
        hc.setPoolName("muster");
        hc.setConnectionTimeout(5_000);
        if (config.user() != null) hc.setUsername(config.user());
        if (config.password() != null) hc.setPassword(config.password());
        if (config.kind() == DatabaseConfig.Kind.SQLITE) {
            createParentDirectory(config.url().substring("jdbc:sqlite:".length()));
            hc.addDataSourceProperty("journal_mode", "WAL");
            hc.addDataSourceProperty("synchronous", "NORMAL");
            hc.addDataSourceProperty("foreign_keys", "true");
            hc.addDataSourceProperty("busy_timeout", "30000");
            hc.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            // SQLite's default page cache is 2 MiB: far smaller than the indexes of a million people, so bulk
            // writes would re-read and re-write index pages at every batch. 64 MiB per connection.
            hc.addDataSourceProperty("cache_size", "-65536");
            // A checkpoint copies the write-ahead log into the database at commit once the log holds this many
            // pages (default 1,000: every few batches of a bulk load, re-copying the same index pages each time).
            hc.addDataSourceProperty("wal_autocheckpoint", "16384");
            // The pool lends a connection to one thread at a time, so SQLite's per-connection mutex (taken on every
            // call: each bound value of a bulk insert) guards nothing; it was 6% of an import's committing thread.
            hc.addDataSourceProperty("open_mode", Integer.toString(SQLiteOpenMode.READWRITE.flag
                    | SQLiteOpenMode.CREATE.flag | SQLiteOpenMode.NOMUTEX.flag));
            hc.setMaximumPoolSize(4);
        } else {
            // A generic plan cached while a table was empty (the start of a bulk load) keeps seq-scanning it
            // after it holds millions of rows; custom plans cost microseconds to make for these queries.
            hc.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan");
            // JDBC batches go over the wire as multi-row inserts: several times fewer round trips on bulk loads.
            hc.addDataSourceProperty("reWriteBatchedInserts", "true");
            hc.setMaximumPoolSize(Math.max(4, Runtime.getRuntime().availableProcessors() * 4));
        }
        try {
            return new HikariDataSource(hc);
        } catch (HikariPool.PoolInitializationException e) {
            throw new MusterException("Cannot connect to the database at " + config.displayUrl() + ": "
                    + rootMessage(e) + ".", e);
        } catch (RuntimeException e) {
            throw new MusterException("Cannot open the database at " + config.displayUrl() + ": " + rootMessage(e) + ".", e);
        }
    }

    private static void migrate(DatabaseConfig config, DataSource ds) {
        String folder = config.kind() == DatabaseConfig.Kind.SQLITE ? "sqlite" : "postgresql";
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration/" + folder)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new MusterException("Cannot bring the database schema at " + config.displayUrl() + " up to date: "
                    + rootMessage(e) + ".", e);
        }
    }

    private static void createParentDirectory(String file) {
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) return;
        Path parent = Path.of(file.contains("?") ? file.substring(0, file.indexOf('?')) : file).toAbsolutePath().getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new MusterException("Cannot create the database folder " + parent + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (t instanceof SQLException) message = message.replaceAll("\\s+", " ").trim();
        return message.lines().findFirst().orElse(message);
    }
}
