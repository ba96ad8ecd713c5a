package org.muster.canvass;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.muster.account.User;

/** Lists, scripts, assignments, results and phone-bank claims, per campaign. */
public interface CanvassStore {

    /** Saves a script under a new name; the text must parse ({@link Script#parse}). */
    StoredScript createScript(long campaignId, String name, String body);

    List<StoredScript> scripts(long campaignId);

    Optional<StoredScript> script(long campaignId, long scriptId);

    /**
     * Creates a list of the given people: walk lists in {@link WalkOrder} and only people with an address, phone
     * lists in the order given and only people with a phone. Returns the new list.
     */
    CanvassList createList(long campaignId, String name, ListKind kind, long scriptId, String source, Long turfId,
            long[] personIds, Long createdBy);

    /**
     * Creates the walk list of a turf: the people in the order given, which is the turf's walking route household by
     * household (no street sorting); ids not of the campaign are left out. The list keeps the turf's id.
     */
    CanvassList createRouteList(long campaignId, String name, long scriptId, String source, long turfId,
            long[] personIdsInRouteOrder, Long createdBy);

    List<CanvassList> lists(long campaignId);

    Optional<CanvassList> list(long campaignId, long listId);

    /** The list's people in order. Callers check that the reader may see them ({@link #isAssigned}). */
    List<Door> doors(long listId);

    /** Active users of the campaign who can be given lists (volunteers first), by name. */
    List<User> assignableUsers(long campaignId);

    /** Gives the list to an active user of the campaign; a repeat replaces the due date. */
    Assignment assign(long listId, long userId, LocalDate dueOn, long assignedBy);

    /** Takes the list back from the user; false when it was not assigned to them. */
    boolean unassign(long listId, long userId);

    List<Assignment> assignments(long listId);

    /** The lists assigned to the user now. */
    List<CanvassList> assignedLists(long campaignId, long userId);

    boolean isAssigned(long listId, long userId);

    /**
     * Stores a submission once per idempotency key and applies it to the person when the user may write to the
     * list and the door is still open; see {@link Outcome} for the conflicts.
     *
     * @throws IllegalArgumentException when the list is not the campaign's or the answers do not fit its script
     */
    SubmissionResult submit(long campaignId, User user, Submission submission);

    /**
     * The phone bank: leases the next open person of the list to the caller until {@code lease} has passed, so
     * callers on one list never get the same person at once. A caller who still holds a lease gets it back.
     */
    Optional<Door> claimNext(long listId, long userId, Duration lease);

    /** The caller passes on a claimed person: the lease ends and the person goes to the back of the queue. */
    boolean skip(long listId, long personId, long userId);

    /** The list's submissions that were kept but not applied (conflicts), newest first. */
    List<ReceivedResult> unapplied(long listId, int limit);

    /** Attempts, contacts and IDs per list and canvasser, from applied results. */
    List<FieldProgress> progress(long campaignId);

    /** The id of the newest result received for the campaign (0 when none): a cheap change check for live views. */
    long latestResultId(long campaignId);

    /** New people met while canvassing that identity resolution has not linked yet, oldest first. */
    List<PendingContact> pendingContacts(long campaignId, int limit);

    /**
     * Identity resolution's answer for a pending contact: the person it is (found or created). When the result that
     * brought the contact in was applied, it is written back to that person as to anyone on the list (timeline,
     * support level, tags), in the same transaction as the link.
     *
     * @throws IllegalArgumentException when the contact is not pending (unknown, or linked already)
     */
    void linkContact(long pendingId, long personId);
}
