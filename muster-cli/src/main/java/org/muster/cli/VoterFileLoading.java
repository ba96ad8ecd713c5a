package org.muster.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.muster.people.NewPerson;
import org.muster.store.Database;
import org.muster.voterfile.NcVoterImport;

/** Loads NC voter files into the people store in batches, with progress; shared by {@code import} and {@code demo}. */
final class VoterFileLoading {

    private static final int BATCH = 2_000;
    private static final int BAD_ROWS_SHOWN = 20;

    private VoterFileLoading() {
    }

    static NcVoterImport.Result loadNc(Database db, long campaignId, Path voterFile, Path historyFile, Path geocodeFile,
            long expectedRows, UnaryOperator<NewPerson> enrich) throws IOException {
        Progress progress = new Progress("Loading people", expectedRows);
        long[] shown = new long[1];
        NcVoterImport.Result result = NcVoterImport.readBatches(voterFile, historyFile, geocodeFile, BATCH, batch -> {
            List<NewPerson> people = batch.stream().map(enrich).toList();
            db.people().insert(campaignId, people);
            progress.add(people.size());
        }, bad -> {
            if (shown[0]++ < BAD_ROWS_SHOWN) System.err.println("skipped " + bad);
        });
        progress.finish();
        return result;
    }
}
