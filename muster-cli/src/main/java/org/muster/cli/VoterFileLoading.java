package org.muster.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.muster.identity.ContactListImporter;
import org.muster.identity.PersonLinker;
import org.muster.people.NewPerson;
import org.muster.store.Database;
import org.muster.store.JooqMatchStore;
import org.muster.voterfile.GenericAdapter;
import org.muster.voterfile.ImportJob;
import org.muster.voterfile.RegistrationSourceStore;
import org.muster.voterfile.VoterFileAdapter;
import org.muster.voterfile.VoterFileImporter;

/** Runs the resumable imports with a progress line: shared by {@code import} and {@code demo}. */
final class VoterFileLoading {

    private VoterFileLoading() {
    }

    /** Runs the resumable import with a progress line per phase (rows, rows/s, time left from the bytes read). */
    /** @param sources where the rows' original values are kept for audit, or null to keep none */
    static ImportJob load(Database db, long campaignId, VoterFileAdapter adapter, Path voterFile, Path historyFile,
            boolean resume, UnaryOperator<NewPerson> enrich, RegistrationSourceStore sources) throws IOException {
        Progress[] current = new Progress[1];
        ImportJob.Phase[] phase = new ImportJob.Phase[1];
        ImportJob job = new VoterFileImporter(db.imports(), VoterFileImporter.DEFAULT_BATCH, enrich, sources).run(campaignId, adapter,
                voterFile, historyFile, resume, (p, bytesDone, bytesTotal, counts) -> {
                    if (p != phase[0]) {
                        if (current[0] != null) current[0].finish();
                        phase[0] = p;
                        current[0] = new Progress(switch (p) {
                            case VOTERS -> "Voters";
                            case INDEXES -> "Indexes";
                            default -> "Vote history";
                        }, 0);
                    }
                    long rows = switch (p) {
                        case VOTERS -> counts.voterRows();
                        case INDEXES -> bytesDone;
                        default -> counts.votesNew() + counts.votesExisting() + counts.votesUnmatched();
                    };
                    current[0].set(rows, bytesTotal == 0 ? 1 : (double) bytesDone / bytesTotal);
                });
        if (current[0] != null) current[0].finish();
        return job;
    }

    /**
     * Runs the resumable contact-list import (each row through the person linker) with a progress line: rows, rows/s,
     * and how many matched, went to review, were new and were rejected.
     */
    static ImportJob loadContactList(Database db, long campaignId, GenericAdapter adapter, Path file, boolean resume)
            throws IOException {
        Progress progress = new Progress("Contact list", 0);
        PersonLinker linker = new PersonLinker(new JooqMatchStore(db), db.people());
        ImportJob job = new ContactListImporter(db.imports(), linker, db.people(), ContactListImporter.DEFAULT_BATCH)
                .run(campaignId, adapter, file, resume, (p, bytesDone, bytesTotal, counts) -> progress.set(
                        counts.linkedRows() + counts.rejected(), bytesTotal == 0 ? 1 : (double) bytesDone / bytesTotal,
                        ContactListImporter.summary(counts)));
        progress.finish();
        return job;
    }
}
