package org.muster.identity;

import java.nio.file.Path;
import org.muster.store.Database;
import org.muster.store.DatabaseConfig;
import org.muster.store.JooqMatchStore;
import org.muster.voterfile.ColumnMapping;
import org.muster.voterfile.GenericAdapter;

/**
 * A separate JVM running (or resuming) a contact-list import (mapping "signups", as in {@link ContactListImporterTest}),
 * for the test that kills it with SIGKILL mid-batch.
 *
 * <p>Arguments: jdbc-url user password campaign-id list-file mapping-text batch-size
 */
public final class ContactListChild {

    private ContactListChild() {
    }

    public static void main(String[] args) throws Exception {
        DatabaseConfig config = new DatabaseConfig(args[0], args[1].isEmpty() ? null : args[1],
                args[2].isEmpty() ? null : args[2]);
        Path file = Path.of(args[4]);
        try (Database db = Database.open(config)) {
            new ContactListImporter(db.imports(), new PersonLinker(new JooqMatchStore(db), db.people()), db.people(),
                    Integer.parseInt(args[6])).run(Long.parseLong(args[3]), new GenericAdapter(
                            ColumnMapping.parse(args[5]), "signups", file.getFileName().toString()), file, true,
                    (phase, done, total, counts) -> { });
        }
    }
}
