package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.muster.MusterException;

class DatabaseConfigTest {

    @TempDir
    Path dir;

    @Test
    void embeddedSqliteIsTheDefault() {
        DatabaseConfig config = DatabaseConfig.resolve(null, Map.of(), dir.resolve("muster.db"));
        assertThat(config.kind()).isEqualTo(DatabaseConfig.Kind.SQLITE);
        assertThat(config.url()).isEqualTo("jdbc:sqlite:" + dir.resolve("muster.db").toAbsolutePath());
    }

    @Test
    void environmentWinsOverTheConfigFile() throws Exception {
        Path file = dir.resolve("muster.properties");
        Files.writeString(file, "db.url=jdbc:postgresql://db.internal:5432/file\ndb.user=fileuser\n");
        DatabaseConfig fromFile = DatabaseConfig.resolve(file, Map.of(), dir.resolve("x.db"));
        assertThat(fromFile).isEqualTo(new DatabaseConfig("jdbc:postgresql://db.internal:5432/file", "fileuser", null));
        DatabaseConfig fromEnv = DatabaseConfig.resolve(file, Map.of("MUSTER_DB_URL", "jdbc:postgresql://127.0.0.1/env"), dir.resolve("x.db"));
        assertThat(fromEnv.url()).isEqualTo("jdbc:postgresql://127.0.0.1/env");
        assertThat(fromEnv.user()).isEqualTo("fileuser");
    }

    @Test
    void aBadUrlIsOneClearSentence() {
        assertThatThrownBy(() -> DatabaseConfig.resolve(null, Map.of("MUSTER_DB_URL", "mysql://x?password=secret"), dir.resolve("x.db")))
                .isInstanceOf(MusterException.class)
                .hasMessage("Unsupported database URL 'mysql://x?password=***': use jdbc:sqlite:<file> or "
                        + "jdbc:postgresql://<host>:<port>/<database>.");
        assertThatThrownBy(() -> DatabaseConfig.resolve(dir.resolve("missing.properties"), Map.of(), dir.resolve("x.db")))
                .isInstanceOf(MusterException.class).hasMessageStartingWith("Cannot read the configuration file");
    }

    @Test
    void anUnreachableDatabaseIsOneClearSentence() {
        // Port 9 (discard) on loopback: nothing listens there, so the connection is refused at once.
        DatabaseConfig config = DatabaseConfig.postgres("jdbc:postgresql://127.0.0.1:9/muster", "muster", "secret");
        assertThatThrownBy(() -> Database.open(config))
                .isInstanceOf(MusterException.class)
                .hasMessageStartingWith("Cannot connect to the database at jdbc:postgresql://127.0.0.1:9/muster: ")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aSqliteFileThatIsNotADatabaseIsOneClearSentence() throws Exception {
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "this is not a database file, just text long enough to fill a header page ".repeat(20));
        assertThatThrownBy(() -> Database.open(DatabaseConfig.sqlite(junk)))
                .isInstanceOf(MusterException.class)
                .hasMessageContaining(junk.toString())
                .hasMessageNotContaining("\n");
    }
}
