package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Migrations that rewrite stored rows, run on a database that holds some: V23 rebuilds SQLite's household table (its
 * key becomes a droppable unique index) under the foreign keys of the people who live there; V24 drops the stored
 * "created" timeline entries, which the profile now derives.
 */
class DataMigrationsTest {

    @Test
    void sqliteKeepsEveryHouseholdAndEveryReferenceThroughTheRebuild() throws Exception {
        SQLiteDataSource ds = sqliteAt("22");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into campaign (id, name, created_at) values (1, 'C', 0)");
            s.execute("insert into household (id, campaign_id, address_key) values (7, 1, '1 A ST|27601'), "
                    + "(9, 1, '2 B ST|27601')");
            s.execute("insert into person (id, campaign_id, household_id, created_at, updated_at) values "
                    + "(1, 1, 7, 0, 0), (2, 1, 7, 0, 0), (3, 1, 9, 0, 0)");
        }

        migrateToLatest(ds);

        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertThat(rows(s, "select id || ':' || address_key from household order by id"))
                    .containsExactly("7:1 A ST|27601", "9:2 B ST|27601");
            assertThat(rows(s, "select id || ':' || household_id from person order by id"))
                    .containsExactly("1:7", "2:7", "3:9");
            assertThat(rows(s, "select * from pragma_foreign_key_check")).isEmpty();
            assertThat(rows(s, "select name from sqlite_master where tbl_name = 'household' and type = 'index'"))
                    .containsExactly("household_key");
            assertThatThrownBy(() -> s.execute("insert into household (campaign_id, address_key) values (1, '1 A ST|27601')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("UNIQUE");
            assertThatThrownBy(() -> s.execute("delete from household where id = 9"))
                    .as("the people's foreign key names the rebuilt table")
                    .isInstanceOf(SQLException.class).hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void sqliteDropsTheStoredCreatedEntriesAndKeepsEveryOtherActivity() throws Exception {
        SQLiteDataSource ds = sqliteAt("23");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("insert into campaign (id, name, created_at) values (1, 'C', 0)");
            s.execute("insert into person (id, campaign_id, created_at, updated_at) values (1, 1, 5, 5)");
            s.execute("insert into activity (person_id, at, type, summary) values (1, 5, 'created', 'Added'), "
                    + "(1, 6, 'door', 'Knocked'), (1, 7, 'email.sent', 'Sent')");
        }

        migrateToLatest(ds);

        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertThat(rows(s, "select type from activity order by at")).containsExactly("door", "email.sent");
        }
    }

    /** A new SQLite database with foreign keys enforced, migrated up to {@code version}. */
    private static SQLiteDataSource sqliteAt(String version) throws Exception {
        Path file = Files.createTempDirectory("muster-v" + version + "-").resolve("muster.db");
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/sqlite").target(version).load().migrate();
        return ds;
    }

    private static void migrateToLatest(SQLiteDataSource ds) {
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/sqlite").load().migrate();
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) out.add(r.getString(1));
        }
        return out;
    }

    @Test
    void postgresqlNamesTheKeyAsSqliteDoes() throws Exception {
        try (Database db = TestDatabases.postgres()) {
            assertThat(db.dsl().fetch("select conname from pg_constraint where conrelid = 'household'::regclass "
                    + "and contype = 'u'").getValues(0, String.class)).containsExactly(DeferredIndexes.HOUSEHOLD_KEY);
        }
    }
}
