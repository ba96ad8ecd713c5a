package org.muster.voterfile;

import java.time.Instant;

/**
 * One import of a voter file (and its optional history file) into a campaign, as persisted: the files it is bound
 * to (a resume checks size and hash), where it got to, and what it did so far.
 *
 * @param phase           what is being done: {@link Phase#VOTERS} first, {@link Phase#INDEXES} after a first load,
 *                        then {@link Phase#HISTORY}
 * @param checkpointLine  the last line of the phase's file whose effect is committed (the header is line 1)
 * @param checkpointOffset the byte offset just after that line: where a resume starts reading
 * @param checkpointAt     when the checkpoint last moved (null before the first)
 */
public record ImportJob(
        long id,
        long campaignId,
        String format,
        FileRef file,
        FileRef historyFile,
        Status status,
        Phase phase,
        long checkpointLine,
        long checkpointOffset,
        Counts counts,
        String message,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        Instant checkpointAt) {

    /** A contact list's job: rows matched against the campaign's people, counted as matched / review / new. */
    public boolean isContactList() {
        return format.startsWith(GenericAdapter.CONTACT_LIST_PREFIX);
    }

    /**
     * RUNNING also after a crash; FAILED when the import stopped on an error it reported (an unreadable file, a
     * database outage). Both are resumable from their checkpoint; DONE is final.
     */
    public enum Status { RUNNING, DONE, FAILED }

    /** INDEXES: building the indexes a first load into an empty database deferred (checkpoint: how many are built). */
    public enum Phase { VOTERS, INDEXES, HISTORY, DONE }

    /** A file as the job saw it: name, size in bytes, SHA-256 in hex. */
    public record FileRef(String name, long size, String sha256) {
    }

    /**
     * @param created   voter rows that became new people
     * @param updated   voter rows that changed a known registration
     * @param unchanged voter rows identical to what is stored
     * @param rejected  rows of either file that were not loaded (each has an {@link ImportError})
     * @param votesNew  history rows stored
     * @param votesExisting history rows already on record
     * @param votesUnmatched history rows of registrations not in the database
     * @param matched   contact-list rows that matched an existing person (a contact list's new people are
     *                  {@code created})
     * @param review    contact-list rows created with uncertain pairs queued for review
     */
    public record Counts(long created, long updated, long unchanged, long rejected, long votesNew, long votesExisting,
                         long votesUnmatched, long matched, long review) {

        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0);

        /** The counts of a voter-file import. */
        public Counts(long created, long updated, long unchanged, long rejected, long votesNew, long votesExisting,
                      long votesUnmatched) {
            this(created, updated, unchanged, rejected, votesNew, votesExisting, votesUnmatched, 0, 0);
        }

        /** The counts of a contact-list import: rows matched, created for review, created new, rejected. */
        public static Counts contactList(long matched, long review, long created, long rejected) {
            return new Counts(created, 0, 0, rejected, 0, 0, 0, matched, review);
        }

        public long voterRows() {
            return created + updated + unchanged;
        }

        /** Contact-list rows linked (the rejected ones aside). */
        public long linkedRows() {
            return matched + review + created;
        }

        public Counts plus(Counts o) {
            return new Counts(created + o.created, updated + o.updated, unchanged + o.unchanged, rejected + o.rejected,
                    votesNew + o.votesNew, votesExisting + o.votesExisting, votesUnmatched + o.votesUnmatched,
                    matched + o.matched, review + o.review);
        }
    }
}
