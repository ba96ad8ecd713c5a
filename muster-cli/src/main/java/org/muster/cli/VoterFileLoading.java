package org.muster.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.muster.people.NewPerson;
import org.muster.store.Database;
import org.muster.voterfile.NcVoterImport;

/** Loads NC voter files with a progress line; shared by {@code import} and {@code demo}. */
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
}
