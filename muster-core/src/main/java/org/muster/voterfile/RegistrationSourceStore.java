package org.muster.voterfile;

import java.time.Instant;
import java.util.List;

/**
 * The original values of registrations as the voter files gave them, for audit: what the state published before
 * Muster normalised it.
 */
public interface RegistrationSourceStore {

    /** One voter row's source: the registration it describes and the row, compactly (see {@link Row#source()}). */
    record SourceRow(String state, String registrationId, long line, String source) {
    }

    /** A stored source with the import and time it came from. */
    record Stored(long jobId, String fileName, long line, String source, Instant at) {
    }

    /**
     * Stores the rows whose source differs from their registration's last stored one, in one transaction; a row
     * already stored for this job and line is left alone (a resume re-reads rows past its checkpoint).
     */
    void record(long campaignId, long jobId, List<SourceRow> rows);

    /** The stored sources of one registration, newest first. */
    List<Stored> history(long campaignId, String state, String registrationId, int limit);
}
