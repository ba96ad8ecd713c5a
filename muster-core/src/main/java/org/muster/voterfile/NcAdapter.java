package org.muster.voterfile;

import java.io.IOException;
import java.nio.file.Path;
import org.muster.people.NewPerson;
import org.muster.people.RegisteredVote;

/** North Carolina: ncvoter rows through {@link NcVoterMapper}, votes from the separate ncvhis file. */
public final class NcAdapter implements VoterFileAdapter {

    public static final String FORMAT = "NC ncvoter/ncvhis";

    private final NcVoterMapper mapper;

    /** @param voterFileName recorded as the people's data origin */
    public NcAdapter(String voterFileName, GeocodeLookup geocodes) {
        this.mapper = new NcVoterMapper(voterFileName, geocodes);
    }

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public DelimitedReader voters(Path file, long offset, long line) throws IOException {
        return NcVoterFile.open(file, offset, line);
    }

    @Override
    public NewPerson person(Row row) {
        return mapper.map(row);
    }

    @Override
    public DelimitedReader history(Path file, long offset, long line) throws IOException {
        return NcHistoryFile.open(file, offset, line);
    }

    @Override
    public RegisteredVote vote(Row row) {
        return NcHistoryFile.vote(row);
    }
}
