package org.muster.people;

import java.util.List;
import java.util.Optional;

/** The people store: the system of record for persons and everything attached to them. */
public interface PersonStore {

    /** Inserts people with all their identities and history, all-or-nothing, and returns their ids in order. */
    List<Long> insert(long campaignId, List<NewPerson> people);

    /**
     * Finds people by name ("smith", "john smith", "smith, john"), email, phone (any format) or street address,
     * using prefix matches on indexed normalised columns so it stays fast on millions of people.
     */
    List<PersonSummary> search(long campaignId, String query, int limit);

    Optional<PersonProfile> profile(long campaignId, long personId);

    /** Adds an entry to the person's timeline. */
    void addActivity(long personId, String type, String summary, String actor);

    long count(long campaignId);
}
