package org.muster.store;

import static org.muster.store.Tables.OutboxEventTable;

import org.jooq.DSLContext;

/**
 * The outbox of change events: written in the same transaction as the change it announces, so an event exists
 * exactly when its change committed. Consumers (the segment index, webhooks) read it in id order.
 */
final class Outbox {

    private Outbox() {
    }

    static Batch batch(DSLContext tx) {
        return new Batch(tx, OutboxEventTable.T, OutboxEventTable.AT, OutboxEventTable.AGGREGATE, OutboxEventTable.AGGREGATE_ID,
                OutboxEventTable.TYPE, OutboxEventTable.PAYLOAD);
    }

    static void add(Batch events, long at, String aggregate, long aggregateId, String type) {
        events.add(at, aggregate, aggregateId, type, null);
    }
}
