package org.muster.voterfile;

import java.nio.file.Path;
import org.muster.store.Database;
import org.muster.store.DatabaseConfig;

/**
 * A separate JVM running (or resuming) an import, for tests that kill it with SIGKILL mid-way. It pauses briefly
 * after each batch so the killer has time to strike while work is left, anywhere in or between transactions.
 *
 * <p>Arguments: jdbc-url user password campaign-id voter-file history-file batch-size pause-ms
 */
public final class ImportChild {

    private ImportChild() {
    }

    public static void main(String[] args) throws Exception {
        DatabaseConfig config = new DatabaseConfig(args[0], args[1].isEmpty() ? null : args[1],
                args[2].isEmpty() ? null : args[2]);
        long pause = Long.parseLong(args[7]);
        try (Database db = Database.open(config)) {
            new VoterFileImporter(db.imports(), Integer.parseInt(args[6])).run(Long.parseLong(args[3]),
                    Path.of(args[4]), Path.of(args[5]), GeocodeLookup.none(), true, (phase, done, total, counts) -> {
                        try {
                            Thread.sleep(pause);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
        }
    }
}
