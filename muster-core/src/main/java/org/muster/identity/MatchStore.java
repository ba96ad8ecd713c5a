package org.muster.identity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.muster.match.Explanation;

/**
 * The database side of identity resolution: what the matcher reads of each person, the review queue with its
 * remembered decisions, and reversible, audited merges. Every change here writes its outbox events and audit
 * entry in the same transaction.
 */
public interface MatchStore {

    /** What the matcher compares of one person: names, birth, first address, first email and phone. */
    record PersonFields(long id, String firstName, String middleName, String lastName, LocalDate birthDate,
            Integer birthYear, String line1, String city, String state, String zip, Double latitude,
            Double longitude, String email, String phone) {
    }

    /** Persons named by outbox events after {@code afterEventId}; {@code lastEventId} is where to continue. */
    record Changes(long lastEventId, List<Long> personIds) {
    }

    /** Streams the match fields of the campaign's people ({@code personIds} null: all of them). */
    void scan(long campaignId, long[] personIds, Consumer<PersonFields> sink);

    /** The state registration ids of each of these people that has any, in the order they were stored. */
    Map<Long, List<String>> registrationIds(long campaignId, Collection<Long> personIds);

    /**
     * Tags those of these people who are in the campaign and do not have {@code tag} yet (creating the tag when
     * new), each with a timeline entry saying why, in one transaction. Returns how many were newly tagged.
     */
    int tag(long campaignId, Collection<Long> personIds, String tag, String summary, String source);

    long lastEventId();

    Changes changesAfter(long afterEventId, int limit);

    /**
     * Records that an incoming entry was linked to an existing person, in one transaction: a "matched" timeline
     * entry and the entry's emails and phones the person does not have yet (an address is not taken: a different
     * address is a move, for the voter file or a person to decide). Returns how many contacts were added.
     */
    int recordMatch(long campaignId, long personId, List<String> emails, List<String> phones, String summary,
            String source);

    /**
     * Queues a pair for review unless the pair was already decided or queued: returns the new item's id, or empty
     * when the pair is known (a rejected pair is never proposed again).
     */
    Optional<Long> propose(long campaignId, long personA, long personB, Explanation explanation, String source);

    /** True when someone decided these two are not the same person. */
    boolean rejected(long campaignId, long personA, long personB);

    /** Open items whose two people both still exist, most probable first. */
    List<ReviewItem> openReviews(long campaignId, int limit);

    int countOpen(long campaignId);

    Optional<ReviewItem> review(long campaignId, long reviewId);

    /** Records "not the same person": the item turns REJECTED and the pair is never proposed again. */
    void reject(long campaignId, long reviewId, Long userId);

    /**
     * Merges {@code mergedId} into {@code survivorId}: every email, phone, address, registration, vote, tag,
     * activity, consent entry, custom field value and score moves to the survivor (a duplicate of one the
     * survivor has is dropped: same email, phone, election, tag, field or score name); the survivor's empty
     * fields take the merged person's values; the merged person is removed. A snapshot of everything changed is
     * kept so {@link #undo} restores it exactly. {@code reviewId} (nullable) is marked MERGED.
     *
     * @throws IllegalArgumentException when either person is not in the campaign or they are the same
     */
    MergeRecord merge(long campaignId, long survivorId, long mergedId, Long reviewId, Long userId);

    /**
     * Reverses a merge: the merged person comes back with its own id and rows, the survivor's fields are as before,
     * and the review item (if any) is open again.
     *
     * @throws IllegalStateException when the merge was already undone, or a later merge involving either person is
     *                               still in force (undo that one first)
     */
    MergeRecord undo(long campaignId, long mergeId, Long userId);

    Optional<MergeRecord> mergeRecord(long campaignId, long mergeId);

    /** The campaign's merges, newest first. */
    List<MergeRecord> merges(long campaignId, int limit);
}
