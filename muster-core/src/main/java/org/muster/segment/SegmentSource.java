package org.muster.segment;

import java.time.LocalDate;
import java.util.List;

/**
 * What the bitmap index reads from the database (implemented in {@code org.muster.store}, where all SQL lives):
 * every fact a filter can test, person by person, and the change events that say whom to read again.
 */
public interface SegmentSource {

    /**
     * Streams the facts of the campaign's people into the sink: all of them when {@code personIds} is null, or
     * only those listed. Consent rows arrive oldest first per person so the last one seen per channel is in force.
     */
    void scan(long campaignId, long[] personIds, Sink sink);

    /** The id of the newest outbox event, where an index built now starts following changes. */
    long lastEventId();

    /** Persons named by outbox events after {@code afterEventId}, at most {@code limit} events. */
    Changes changesAfter(long afterEventId, int limit);

    /** Household ids → number of people in each, for the households given. */
    java.util.Map<Long, Integer> householdSizes(long[] householdIds);

    record Changes(long lastEventId, List<Long> personIds) {
    }

    /** Receives the facts of a scan. */
    interface Sink {
        void person(long id, String party, Integer birthYear, Integer supportLevel, Long householdId);

        void registration(long personId, String precinct, String ward, String county, String municipality,
                String congressional, String stateSenate, String stateHouse);

        void vote(long personId, LocalDate electionDate, String electionName, String method);

        void tag(long personId, String tag);

        void activity(long personId, String type, long at);

        void consent(long personId, String channel, String status);

        void customField(long personId, String field, String value);

        void score(long personId, String name, double value);

        /** A geocoded address (addresses without coordinates are not reported). */
        void location(long personId, double latitude, double longitude);

        void donation(long personId, long amountCents, long donatedAt);

        /** An attendance row with status attended, with its event's name and start. */
        void attended(long personId, long eventId, String eventName, long eventStartsAt);
    }
}
