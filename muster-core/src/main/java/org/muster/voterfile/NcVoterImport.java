package org.muster.voterfile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.muster.people.NewPerson;

/**
 * Reads an NC ncvoter file (plus optional ncvhis and geocode side files) into batches of {@link NewPerson}, the
 * shape {@link org.muster.people.PersonStore#insert} takes. The history is joined in memory (see
 * {@link VoteHistoryIndex}); resumable statewide imports are the ingestion engine's job.
 */
public final class NcVoterImport {

    /** Counts of one read: people delivered, rows skipped (in both files), votes attached. */
    public record Result(long people, long badRows, long votes) {
    }

    private NcVoterImport() {
    }

    /**
     * @param historyFile  ncvhis file, or null to read registrations without votes
     * @param geocodeFile  registration_key,latitude,longitude CSV, or null
     * @param batches      receives lists of at most {@code batchSize} people, in file order
     * @param badRows      receives every skipped row with its line number and reason
     * @throws VoterFileFormatException when a file is not the NC layout it should be
     */
    public static Result readBatches(Path voterFile, Path historyFile, Path geocodeFile, int batchSize,
                                     Consumer<List<NewPerson>> batches, Consumer<BadRow> badRows)
            throws IOException {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1");
        long[] bad = new long[1];
        Consumer<BadRow> counting = row -> {
            bad[0]++;
            badRows.accept(row);
        };
        VoteHistoryIndex history = historyFile == null ? VoteHistoryIndex.empty()
                : VoteHistoryIndex.load(historyFile, counting);
        GeocodeLookup geocodes = geocodeFile == null ? GeocodeLookup.none() : GeocodeLookup.loadCsv(geocodeFile);
        NcVoterMapper mapper = new NcVoterMapper(voterFile.getFileName().toString(), history, geocodes);
        List<NewPerson> batch = new ArrayList<>(batchSize);
        long[] votes = new long[1];
        long people = NcVoterFile.read(voterFile, row -> {
            NewPerson person = mapper.map(row);
            votes[0] += person.votes().size();
            batch.add(person);
            if (batch.size() == batchSize) {
                batches.accept(List.copyOf(batch));
                batch.clear();
            }
        }, counting);
        if (!batch.isEmpty()) batches.accept(List.copyOf(batch));
        return new Result(people, bad[0], votes[0]);
    }
}
