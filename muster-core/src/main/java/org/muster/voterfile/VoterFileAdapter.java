package org.muster.voterfile;

import java.io.IOException;
import java.nio.file.Path;
import org.muster.people.NewPerson;
import org.muster.people.RegisteredVote;

/**
 * One voter-file format as {@link VoterFileImporter} sees it: a reader that starts at a byte offset (for resumes) and
 * the mapping of a good row onto the people model. Formats with vote history inline (Ohio) put the votes on the
 * {@link NewPerson}; formats with a separate history file (NC, Florida) also read that file.
 */
public interface VoterFileAdapter {

    /** What the job records as its format, e.g. "NC ncvoter/ncvhis". */
    String format();

    /**
     * A cursor over the voter file at {@code offset}, the byte after line {@code line} (0 for the start).
     *
     * @throws VoterFileFormatException when the file is not of this format
     */
    DelimitedReader voters(Path file, long offset, long line) throws IOException;

    /** The person a good voter row describes, normalised. */
    NewPerson person(Row row);

    /**
     * A cursor over the separate history file at {@code offset}; formats without one (history inline, or none)
     * refuse any history file.
     *
     * @throws VoterFileFormatException when the file is not this format's history file
     */
    default DelimitedReader history(Path file, long offset, long line) throws IOException {
        throw new VoterFileFormatException(format() + " has no separate vote-history file: history is in the voter rows");
    }

    /** The vote a good history row records, or null when it records none (Florida's "did not vote"). */
    default RegisteredVote vote(Row row) {
        throw new UnsupportedOperationException(format() + " has no history file");
    }
}
