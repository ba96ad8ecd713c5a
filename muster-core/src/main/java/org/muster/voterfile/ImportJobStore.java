package org.muster.voterfile;

import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.muster.people.NewPerson;
import org.muster.people.RegisteredVote;

/**
 * Persistence of import jobs. The commit methods are the heart of resumability: the people (or votes) of a batch,
 * its rejected rows, the counters and the new checkpoint are written in ONE transaction, so after a crash the
 * checkpoint says exactly which lines are in the database (for a contact list, whose rows the linker writes one by
 * one, which lines are counted; see {@link #commitLinked}).
 */
public interface ImportJobStore {

    ImportJob create(long campaignId, String format, ImportJob.FileRef file, ImportJob.FileRef historyFile);

    Optional<ImportJob> find(long campaignId, long jobId);

    /** The newest job of this campaign over the same files (same sizes and hashes) that is not DONE, if any. */
    Optional<ImportJob> findResumable(long campaignId, ImportJob.FileRef file, ImportJob.FileRef historyFile);

    List<ImportJob> recent(long campaignId, int limit);

    /** Upserts a batch of voter rows and moves the checkpoint to (line, offset), all-or-nothing. */
    ImportJob.Counts commitVoters(long jobId, long campaignId, List<NewPerson> people, List<ImportError> errors,
                                  long line, long offset);

    /**
     * Records a batch of contact-list rows already linked one by one (by the person linker, which writes as it
     * decides): their counts, the rejected rows and the checkpoint (line, offset), all-or-nothing.
     */
    void commitLinked(long jobId, ImportJob.Counts linked, List<ImportError> errors, long line, long offset);

    /**
     * Attaches a batch of history rows and moves the checkpoint, all-or-nothing; the first history batch is the
     * one that switches the job to {@link ImportJob.Phase#HISTORY}.
     */
    ImportJob.Counts commitVotes(long jobId, long campaignId, List<RegisteredVote> votes, List<ImportError> errors,
                                 long line, long offset);

    /**
     * Before the first batch of a new job: when the database holds no people at all, drops the secondary indexes
     * the load would otherwise maintain row by row, keeping their definitions with the job (crash-safe).
     *
     * @return how many indexes and constraints were deferred (0: a normal load)
     */
    int deferIndexesForFirstLoad(long jobId);

    /**
     * Builds the job's deferred indexes, each in its own transaction, in phase {@link ImportJob.Phase#INDEXES}; a
     * kill in between leaves the rest listed for the resume. Does nothing when none are left.
     *
     * @param progress told (built, total) after each one
     */
    void rebuildIndexes(long jobId, BiConsumer<Integer, Integer> progress);

    /**
     * Builds what earlier jobs deferred and have not built yet, so a new load never starts with indexes missing: a
     * stopped job's, or a running one's (which then carries on with its indexes in place, only slower).
     */
    void rebuildIndexesLeftBehind();

    void finish(long jobId, ImportJob.Status status, String message);

    /** Makes a FAILED job RUNNING again, to resume it from its checkpoint. */
    void reopen(long jobId);

    /** The rejected rows in file order, streamed (a bad file can have millions). */
    void errors(long jobId, Consumer<ImportError> into);
}
