package org.muster.store;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.selectOne;
import static org.muster.store.DonationEventTables.DonationTable;
import static org.muster.store.DonationEventTables.EventAttendanceTable;

import org.jooq.Condition;
import org.jooq.Field;
import org.muster.messaging.Metric;

/**
 * The outcomes of a person that count for a message they were sent ({@link Metric#DONATION}, {@link Metric#SIGNUP}),
 * shared by the email and SMS winner rules: a gift recorded for the person, or a registration for an event, from the
 * message's send time to the end of its attribution window.
 */
final class Attribution {

    private Attribution() {
    }

    /**
     * Whether {@code person} did {@code metric} between {@code sentAt} and {@code until} (both inclusive).
     *
     * @throws IllegalArgumentException for a metric that is an event of the recipient (open, click, reply)
     */
    static Condition outcome(Metric metric, Field<Long> person, Field<Long> sentAt, Field<Long> until) {
        return switch (metric) {
            case DONATION -> exists(selectOne().from(DonationTable.T).where(DonationTable.PERSON_ID.eq(person))
                    .and(DonationTable.DONATED_AT.between(sentAt, until)));
            case SIGNUP -> exists(selectOne().from(EventAttendanceTable.T).where(EventAttendanceTable.PERSON_ID.eq(person))
                    .and(EventAttendanceTable.REGISTERED_AT.between(sentAt, until)));
            case OPEN, CLICK, REPLY -> throw new IllegalArgumentException(metric + " is an event of the recipient, not an outcome of the person");
        };
    }
}
