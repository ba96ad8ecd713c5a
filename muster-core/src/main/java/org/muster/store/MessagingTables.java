package org.muster.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** jOOQ names for the messaging tables (V13__messaging.sql). Kept apart from Tables.java to stay out of its way. */
final class MessagingTables {

    private MessagingTables() {
    }

    private static Field<Long> bigint(String t, String c) {
        return field(name(t, c), SQLDataType.BIGINT);
    }

    private static Field<String> text(String t, String c) {
        return field(name(t, c), SQLDataType.VARCHAR);
    }

    static final class SendTable {
        static final String N = "message_send";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = bigint(N, "id");
        static final Field<Long> CAMPAIGN_ID = bigint(N, "campaign_id");
        static final Field<String> NAME = text(N, "name");
        static final Field<String> CHANNEL = text(N, "channel");
        static final Field<String> FILTER = text(N, "filter");
        static final Field<String> RULES = text(N, "rules");
        static final Field<Boolean> STATE_ORIGIN = field(name(N, "state_origin"), SQLDataType.BOOLEAN);
        static final Field<Double> TEST_FRACTION = field(name(N, "test_fraction"), SQLDataType.DOUBLE);
        static final Field<String> METRIC = text(N, "metric");
        static final Field<Long> SEED = bigint(N, "seed");
        static final Field<Long> DECIDE_WITHIN_MS = bigint(N, "decide_within_ms");
        static final Field<String> STATUS = text(N, "status");
        static final Field<Long> SCHEDULED_AT = bigint(N, "scheduled_at");
        static final Field<Long> RESOLVED_AT = bigint(N, "resolved_at");
        static final Field<Long> TEST_SENT_AT = bigint(N, "test_sent_at");
        static final Field<Long> WINNER_VARIANT_ID = bigint(N, "winner_variant_id");
        static final Field<String> DECISION = text(N, "decision");
        static final Field<Long> FINISHED_AT = bigint(N, "finished_at");
        static final Field<Long> CREATED_BY = bigint(N, "created_by");
        static final Field<Long> CREATED_AT = bigint(N, "created_at");
        static final Field<?>[] ALL = {ID, CAMPAIGN_ID, NAME, CHANNEL, FILTER, RULES, STATE_ORIGIN, TEST_FRACTION, METRIC, SEED,
                DECIDE_WITHIN_MS, STATUS, SCHEDULED_AT, RESOLVED_AT, TEST_SENT_AT, WINNER_VARIANT_ID, DECISION, FINISHED_AT, CREATED_BY,
                CREATED_AT};
    }

    static final class VariantTable {
        static final String N = "message_variant";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = bigint(N, "id");
        static final Field<Long> SEND_ID = bigint(N, "send_id");
        static final Field<String> LABEL = text(N, "label");
        static final Field<String> SENDER = text(N, "sender");
        static final Field<String> SUBJECT = text(N, "subject");
        static final Field<String> BODY_HTML = text(N, "body_html");
        static final Field<String> BODY_TEXT = text(N, "body_text");
        static final Field<Long> SEND_AT = bigint(N, "send_at");
        static final Field<?>[] ALL = {ID, SEND_ID, LABEL, SENDER, SUBJECT, BODY_HTML, BODY_TEXT, SEND_AT};
    }

    static final class RecipientTable {
        static final String N = "message_recipient";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = bigint(N, "id");
        static final Field<Long> SEND_ID = bigint(N, "send_id");
        static final Field<Long> PERSON_ID = bigint(N, "person_id");
        static final Field<Long> VARIANT_ID = bigint(N, "variant_id");
        static final Field<String> ADDRESS = text(N, "address");
        static final Field<String> PHASE = text(N, "phase");
        static final Field<String> STATUS = text(N, "status");
        static final Field<String> REASON = text(N, "reason");
        static final Field<Integer> ATTEMPTS = field(name(N, "attempts"), SQLDataType.INTEGER);
        static final Field<Long> SENT_AT = bigint(N, "sent_at");
        static final Field<Long> CONFIRMED_AT = bigint(N, "confirmed_at");
    }

    static final class EventTable {
        static final String N = "message_event";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = bigint(N, "id");
        static final Field<Long> RECIPIENT_ID = bigint(N, "recipient_id");
        static final Field<String> KIND = text(N, "kind");
        static final Field<Long> AT = bigint(N, "at");
        static final Field<String> DETAIL = text(N, "detail");
    }

    static final class KeyTable {
        static final String N = "message_key";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = bigint(N, "id");
        static final Field<String> SECRET = text(N, "secret");
    }

    /** person_email.status (Tables.java does not name it): OK, or UNDELIVERABLE after a hard bounce. */
    static final Field<String> PERSON_EMAIL_STATUS = text("person_email", "status");
}
