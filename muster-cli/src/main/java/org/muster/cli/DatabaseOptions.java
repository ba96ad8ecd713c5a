package org.muster.cli;

import java.nio.file.Path;
import org.muster.store.Database;
import org.muster.store.DatabaseConfig;
import picocli.CommandLine.Option;

/** Where the data is: shared by every command that opens the database. */
final class DatabaseOptions {

    @Option(names = "--data-dir", defaultValue = "muster-data", paramLabel = "DIR",
            description = "Folder for the embedded database and generated files (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with db.url, db.user, db.password (the environment's MUSTER_DB_* win).")
    Path configFile;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "Database URL: jdbc:sqlite:<file> or jdbc:postgresql://host:port/db (overrides the rest).")
    String url;

    DatabaseConfig config(String sqliteFileName) {
        if (url != null) {
            DatabaseConfig fromEnv = DatabaseConfig.resolve(configFile, System.getenv(), dataDir.resolve(sqliteFileName));
            return new DatabaseConfig(url, fromEnv.user(), fromEnv.password());
        }
        return DatabaseConfig.resolve(configFile, System.getenv(), dataDir.resolve(sqliteFileName));
    }

    Database open() {
        return Database.open(config("muster.db"));
    }
}
