package org.muster.store;

import static org.muster.store.Tables.OutboxEventTable;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The outbox of change events: written in the same transaction as the change it announces, so an event exists
 * exactly when its change committed. Consumers (the segment index, the identity index) read it in id order through
 * {@link #personChanges}.
 * <p>
 * A change to one person is a {@code person} event; people inserted together (a batch of an import) are one
 * {@code people} event naming the range of their ids (aggregate id the first, payload the last), so a million new
 * people cost 500 events, not a million. The range may hold ids of other inserts that raced with it (PostgreSQL
 * sequences interleave): consumers re-read those people too, which is harmless.
 */
final class Outbox {

    private static final String PERSON = "person";
    private static final String PEOPLE = "people";

    private Outbox() {
    }

    /** What changed after an event: the last event read and the people to re-read. */
    record PersonChanges(long lastEventId, List<Long> personIds) {
    }

    static Batch batch(DSLContext tx) {
        return new Batch(tx, OutboxEventTable.T, OutboxEventTable.AT, OutboxEventTable.AGGREGATE, OutboxEventTable.AGGREGATE_ID,
                OutboxEventTable.TYPE, OutboxEventTable.PAYLOAD);
    }

    static void add(Batch events, long at, String aggregate, long aggregateId, String type) {
        events.add(at, aggregate, aggregateId, type, null);
    }

    /** One event for people inserted together. */
    static void addPeople(Batch events, long at, List<Long> personIds, String type) {
        if (personIds.isEmpty()) return;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long id : personIds) {
            first = Math.min(first, id);
            last = Math.max(last, id);
        }
        events.add(at, PEOPLE, first, type, Long.toString(last));
    }

    /** The id of the newest event, 0 when there is none. */
    static long lastEventId(DSLContext dsl) {
        Long max = dsl.select(DSL.max(OutboxEventTable.ID)).from(OutboxEventTable.T).fetchOne(0, Long.class);
        return max == null ? 0 : max;
    }

    /**
     * The people named by events after {@code afterEventId}, in event order: at most {@code limit} events, and
     * fewer once that many people are named (a range event can name thousands), so memory stays bounded.
     */
    static PersonChanges personChanges(DSLContext dsl, long afterEventId, int limit) {
        long last = afterEventId;
        List<Long> people = new ArrayList<>();
        for (Record r : dsl.select(OutboxEventTable.ID, OutboxEventTable.AGGREGATE, OutboxEventTable.AGGREGATE_ID,
                        OutboxEventTable.PAYLOAD).from(OutboxEventTable.T).where(OutboxEventTable.ID.gt(afterEventId))
                .orderBy(OutboxEventTable.ID).limit(limit).fetch()) {
            if (people.size() >= limit) break;
            last = r.get(OutboxEventTable.ID);
            String aggregate = r.get(OutboxEventTable.AGGREGATE);
            long id = r.get(OutboxEventTable.AGGREGATE_ID);
            if (PERSON.equals(aggregate)) {
                people.add(id);
            } else if (PEOPLE.equals(aggregate)) {
                for (long p = id, to = Long.parseLong(r.get(OutboxEventTable.PAYLOAD)); p <= to; p++) people.add(p);
            }
        }
        return new PersonChanges(last, people);
    }
}
