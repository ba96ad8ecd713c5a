package org.muster.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** jOOQ names for the SMS tables (V10__sms.sql, V15__sms_ab.sql, V16__sms_rules_variant_sender.sql, V18__sms_metric.sql, V19__sms_links_origin.sql). Kept apart from Tables.java to stay out of its way. */
final class SmsTables {

    private SmsTables() {
    }

    private static Field<Long> bigint(String t, String c) {
        return field(name(t, c), SQLDataType.BIGINT);
    }

    private static Field<String> text(String t, String c) {
        return field(name(t, c), SQLDataType.VARCHAR);
    }

    private static Field<Integer> integer(String t, String c) {
        return field(name(t, c), SQLDataType.INTEGER);
    }

    static final class JobTable {
        static final String N = "sms_job";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = bigint(N, "id");
        static final Field<Long> CAMPAIGN_ID = bigint(N, "campaign_id");
        static final Field<String> NAME = text(N, "name");
        static final Field<String> FILTER = text(N, "filter");
        static final Field<String> BODY = text(N, "body");
        static final Field<String> STATUS = text(N, "status");
        static final Field<Integer> SEND_FROM = integer(N, "send_from");
        static final Field<Integer> SEND_UNTIL = integer(N, "send_until");
        static final Field<Long> CREATED_BY = bigint(N, "created_by");
        static final Field<Long> CREATED_AT = bigint(N, "created_at");
        static final Field<Long> FINISHED_AT = bigint(N, "finished_at");
        static final Field<Double> TEST_FRACTION = field(name(N, "test_fraction"), SQLDataType.DOUBLE);
        static final Field<Long> SEED = bigint(N, "seed");
        static final Field<Long> DECIDE_WITHIN = bigint(N, "decide_within");
        static final Field<Long> TEST_SENT_AT = bigint(N, "test_sent_at");
        static final Field<Integer> WINNER = integer(N, "winner");
        static final Field<String> DECISION = text(N, "decision");
        static final Field<String> RULES = text(N, "rules");
        static final Field<String> SENDER = text(N, "sender");
        static final Field<Long> SEND_AT = bigint(N, "send_at");
        /** V18: the {@link org.muster.messaging.Metric} the test chooses its winner on. */
        static final Field<String> METRIC = text(N, "metric");
        /** V19: {@link org.muster.messaging.sms.SmsJob.Options}. */
        static final Field<Boolean> STATE_ORIGIN = field(name(N, "state_origin"), SQLDataType.BOOLEAN);
        static final Field<Boolean> TRACK_LINKS = field(name(N, "track_links"), SQLDataType.BOOLEAN);
        static final Field<?>[] READ = {ID, CAMPAIGN_ID, NAME, FILTER, BODY, STATUS, SEND_FROM, SEND_UNTIL, CREATED_BY, CREATED_AT, FINISHED_AT,
                TEST_FRACTION, SEED, DECIDE_WITHIN, TEST_SENT_AT, WINNER, DECISION, RULES, SENDER, SEND_AT, METRIC, STATE_ORIGIN, TRACK_LINKS};
    }

    /** V15__sms_ab.sql: the variant texts of an A/B test job; V16: their sender and send time. */
    static final class VariantTable {
        static final String N = "sms_variant";
        static final Table<Record> T = table(name(N));
        static final Field<Long> JOB_ID = bigint(N, "job_id");
        static final Field<Integer> VARIANT = integer(N, "variant");
        static final Field<String> BODY = text(N, "body");
        static final Field<String> SENDER = text(N, "sender");
        static final Field<Long> SEND_AT = bigint(N, "send_at");
    }

    static final class RecipientTable {
        static final String N = "sms_recipient";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = bigint(N, "id");
        static final Field<Long> JOB_ID = bigint(N, "job_id");
        static final Field<Long> PERSON_ID = bigint(N, "person_id");
        static final Field<String> PHONE = text(N, "phone");
        static final Field<String> ZONE = text(N, "zone");
        static final Field<String> BODY = text(N, "body");
        static final Field<String> STATUS = text(N, "status");
        static final Field<Long> NOT_BEFORE = bigint(N, "not_before");
        static final Field<Long> COVERED_BY = bigint(N, "covered_by");
        static final Field<String> GATEWAY_ID = text(N, "gateway_id");
        static final Field<Integer> ATTEMPTS = integer(N, "attempts");
        static final Field<Boolean> IN_DOUBT = field(name(N, "in_doubt"), SQLDataType.BOOLEAN);
        static final Field<String> ERROR = text(N, "error");
        static final Field<Long> UPDATED_AT = bigint(N, "updated_at");
        static final Field<Integer> VARIANT = integer(N, "variant");
        static final Field<Boolean> IN_TEST = field(name(N, "in_test"), SQLDataType.BOOLEAN);
        /** V18: when the gateway accepted the row. */
        static final Field<Long> SENT_AT = bigint(N, "sent_at");
        /** V19: the row's first click on a tracked link. */
        static final Field<Long> CLICKED_AT = bigint(N, "clicked_at");
    }

    static final class OptOutTable {
        static final String N = "sms_opt_out";
        static final Table<Record> T = table(name(N));
        static final Field<Long> CAMPAIGN_ID = bigint(N, "campaign_id");
        static final Field<String> PHONE = text(N, "phone");
        static final Field<String> MESSAGE = text(N, "message");
        static final Field<Long> OPTED_OUT_AT = bigint(N, "opted_out_at");
        static final Field<Long> CONFIRMED_AT = bigint(N, "confirmed_at");
    }

    static final class ReceiptTable {
        static final String N = "sms_receipt";
        static final Table<Record> T = table(name(N));
        static final Field<String> GATEWAY_ID = text(N, "gateway_id");
        static final Field<String> STATE = text(N, "state");
        static final Field<String> ERROR = text(N, "error");
        static final Field<Long> RECEIVED_AT = bigint(N, "received_at");
    }

    static final class InboundTable {
        static final String N = "sms_inbound";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = bigint(N, "id");
        static final Field<Long> CAMPAIGN_ID = bigint(N, "campaign_id");
        static final Field<String> PHONE = text(N, "phone");
        static final Field<String> BODY = text(N, "body");
        static final Field<String> KIND = text(N, "kind");
        static final Field<Long> RECEIVED_AT = bigint(N, "received_at");
    }
}
