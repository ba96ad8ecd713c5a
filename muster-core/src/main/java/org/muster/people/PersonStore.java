package org.muster.people;

import java.util.List;
import java.util.Optional;

/** The people store: the system of record for persons and everything attached to them. */
public interface PersonStore {

    /** What {@link #upsert} did with each person it was given. */
    record UpsertResult(int created, int updated, int unchanged, VoteResult votes) {

        /** Nothing done: no people given. */
        public static final UpsertResult NONE = new UpsertResult(0, 0, 0, VoteResult.NONE);
    }

    /** What {@link #addVotes} did: votes stored, votes already on record, votes of unknown registrations. */
    record VoteResult(int added, int existing, int unmatched) {

        /** Nothing done: no votes given. */
        public static final VoteResult NONE = new VoteResult(0, 0, 0);
    }

    /** Inserts people with all their identities and history, all-or-nothing, and returns their ids in order. */
    List<Long> insert(long campaignId, List<NewPerson> people);

    /**
     * Stores people from a state file by their registration (state + registration id; each person must carry
     * exactly one): unknown registrations are inserted; known ones are updated in place when the file says
     * something new (names, party, addresses, phones, registration), with a timeline entry and an outbox event
     * per kind of change (moved, status changed, updated). Emails, tags and consent are not the file's to change.
     * Votes the people carry (files with inline history) are stored with them and counted in the result: all of a
     * new person's, and those of known people not already on record. All-or-nothing.
     */
    UpsertResult upsert(long campaignId, List<NewPerson> people);

    /**
     * Attaches votes to the people holding their registrations, skipping votes already recorded (same person,
     * same election date). New votes of people created at or after {@code quietSince} (epoch ms) are history
     * they arrived with; older people get a "voted" timeline entry and event. All-or-nothing.
     */
    VoteResult addVotes(long campaignId, List<RegisteredVote> votes, long quietSince);

    /**
     * Finds people by name ("smith", "john smith", "smith, john"), email, phone (any format) or street address,
     * using prefix matches on indexed normalised columns so it stays fast on millions of people.
     */
    List<PersonSummary> search(long campaignId, String query, int limit);

    Optional<PersonProfile> profile(long campaignId, long personId);

    /** Adds an entry to the person's timeline. */
    void addActivity(long personId, String type, String summary, String actor);

    long count(long campaignId);

    /**
     * The campaign's people of a data origin created after a moment (epoch ms), oldest first: what an import that
     * stopped mid-batch created past its checkpoint. Scans the campaign's people, so for rare uses such as a resume.
     */
    List<Long> createdSince(long campaignId, String origin, long afterMillis);
}
