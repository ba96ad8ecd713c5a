package org.muster.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** jOOQ names for donations and events (V14__donations_events.sql). */
final class DonationEventTables {

    private DonationEventTables() {
    }

    static final class DonationTable {
        static final String N = "donation";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = field(name(N, "id"), SQLDataType.BIGINT);
        static final Field<Long> PERSON_ID = field(name(N, "person_id"), SQLDataType.BIGINT);
        static final Field<Long> AMOUNT_CENTS = field(name(N, "amount_cents"), SQLDataType.BIGINT);
        static final Field<String> CURRENCY = field(name(N, "currency"), SQLDataType.VARCHAR);
        static final Field<Long> DONATED_AT = field(name(N, "donated_at"), SQLDataType.BIGINT);
        static final Field<String> SOURCE = field(name(N, "source"), SQLDataType.VARCHAR);
        static final Field<String> EXTERNAL_ID = field(name(N, "external_id"), SQLDataType.VARCHAR);
    }

    static final class EventTable {
        static final String N = "event";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = field(name(N, "id"), SQLDataType.BIGINT);
        static final Field<Long> CAMPAIGN_ID = field(name(N, "campaign_id"), SQLDataType.BIGINT);
        static final Field<String> NAME = field(name(N, "name"), SQLDataType.VARCHAR);
        static final Field<Long> STARTS_AT = field(name(N, "starts_at"), SQLDataType.BIGINT);
        static final Field<String> LOCATION = field(name(N, "location"), SQLDataType.VARCHAR);
        static final Field<Long> CREATED_AT = field(name(N, "created_at"), SQLDataType.BIGINT);
    }

    static final class EventAttendanceTable {
        static final String N = "event_attendance";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = field(name(N, "id"), SQLDataType.BIGINT);
        static final Field<Long> EVENT_ID = field(name(N, "event_id"), SQLDataType.BIGINT);
        static final Field<Long> PERSON_ID = field(name(N, "person_id"), SQLDataType.BIGINT);
        static final Field<String> STATUS = field(name(N, "status"), SQLDataType.VARCHAR);
        static final Field<Long> RECORDED_AT = field(name(N, "recorded_at"), SQLDataType.BIGINT);
        /** First registration; unlike recorded_at it stays when the status changes (V17). */
        static final Field<Long> REGISTERED_AT = field(name(N, "registered_at"), SQLDataType.BIGINT);
    }
}
