package org.muster.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.muster.people.NewPerson;
import org.muster.store.Database;
import org.muster.voterfile.GeocodeLookup;
import org.muster.voterfile.ImportJob;
import org.muster.voterfile.NcVoterImport;
import org.muster.voterfile.VoterFileImporter;

/** Loads NC voter files with a progress line: the demo's quick loader and the import command's engine. */
final class VoterFileLoading {

    private static final int BAD_ROWS_SHOWN = 20;

    private VoterFileLoading() {
    }

    static NcVoterImport.Result loadNc(Database db, long campaignId, Path voterFile, Path historyFile, Path geocodeFile,
            long expectedRows, UnaryOperator<NewPerson> enrich) throws IOException {
        Progress progress = new Progress("Loading people", expectedRows);
        long[] shown = new long[1];
        NcVoterImport.Result result = NcVoterImport.loadInto(db.people(), campaignId, voterFile, historyFile,
                geocodeFile, enrich, progress::set, bad -> {
                    if (shown[0]++ < BAD_ROWS_SHOWN) System.err.println("skipped " + bad);
                });
        progress.finish();
        return result;
    }

    /** Runs the resumable import with a progress line per phase (rows, rows/s, time left from the bytes read). */
    static ImportJob importNc(Database db, long campaignId, Path voterFile, Path historyFile, GeocodeLookup geocodes,
            boolean resume) throws IOException {
        Progress[] current = new Progress[1];
        ImportJob.Phase[] phase = new ImportJob.Phase[1];
        ImportJob job = new VoterFileImporter(db.imports(), VoterFileImporter.DEFAULT_BATCH).run(campaignId, voterFile,
                historyFile, geocodes, resume, (p, bytesDone, bytesTotal, counts) -> {
                    if (p != phase[0]) {
                        if (current[0] != null) current[0].finish();
                        phase[0] = p;
                        current[0] = new Progress(p == ImportJob.Phase.VOTERS ? "Voters" : "Vote history", 0);
                    }
                    long rows = p == ImportJob.Phase.VOTERS ? counts.voterRows()
                            : counts.votesNew() + counts.votesExisting() + counts.votesUnmatched();
                    current[0].set(rows, bytesTotal == 0 ? 1 : (double) bytesDone / bytesTotal);
                });
        if (current[0] != null) current[0].finish();
        return job;
    }
}
