package org.muster.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDate;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** jOOQ names for the canvassing tables (V9__canvass.sql). Kept apart from Tables.java to stay out of its way. */
final class CanvassTables {

    private CanvassTables() {
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

    static final class ScriptTable {
        static final String N = "canvass_script";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = bigint(N, "id");
        static final Field<Long> CAMPAIGN_ID = bigint(N, "campaign_id");
        static final Field<String> NAME = text(N, "name");
        static final Field<String> BODY = text(N, "body");
        static final Field<Long> CREATED_AT = bigint(N, "created_at");
    }

    static final class ListTable {
        static final String N = "canvass_list";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = bigint(N, "id");
        static final Field<Long> CAMPAIGN_ID = bigint(N, "campaign_id");
        static final Field<String> NAME = text(N, "name");
        static final Field<String> KIND = text(N, "kind");
        static final Field<Long> SCRIPT_ID = bigint(N, "script_id");
        static final Field<String> SOURCE = text(N, "source");
        static final Field<Long> TURF_ID = bigint(N, "turf_id");
        static final Field<Long> CREATED_BY = bigint(N, "created_by");
        static final Field<Long> CREATED_AT = bigint(N, "created_at");
    }

    static final class EntryTable {
        static final String N = "canvass_list_entry";
        static final Table<Record> T = table(name(N));
        static final Field<Long> LIST_ID = bigint(N, "list_id");
        static final Field<Integer> POSITION = integer(N, "position");
        static final Field<Long> PERSON_ID = bigint(N, "person_id");
        static final Field<String> STATUS = text(N, "status");
        static final Field<String> RESULT_CODE = text(N, "result_code");
        static final Field<Long> DONE_BY = bigint(N, "done_by");
        static final Field<Long> DONE_AT = bigint(N, "done_at");
        static final Field<Integer> ATTEMPTS = integer(N, "attempts");
        static final Field<Long> CLAIMED_BY = bigint(N, "claimed_by");
        static final Field<Long> CLAIM_UNTIL = bigint(N, "claim_until");
    }

    static final class AssignmentTable {
        static final String N = "canvass_assignment";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = bigint(N, "id");
        static final Field<Long> LIST_ID = bigint(N, "list_id");
        static final Field<Long> USER_ID = bigint(N, "user_id");
        static final Field<LocalDate> DUE_ON = field(name(N, "due_on"), SQLDataType.LOCALDATE);
        static final Field<Long> ASSIGNED_BY = bigint(N, "assigned_by");
        static final Field<Long> ASSIGNED_AT = bigint(N, "assigned_at");
        static final Field<Long> UNASSIGNED_AT = bigint(N, "unassigned_at");
    }

    static final class ResultTable {
        static final String N = "canvass_result";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = bigint(N, "id");
        static final Field<Long> CAMPAIGN_ID = bigint(N, "campaign_id");
        static final Field<String> IDEMPOTENCY_KEY = text(N, "idempotency_key");
        static final Field<Long> LIST_ID = bigint(N, "list_id");
        static final Field<Long> PERSON_ID = bigint(N, "person_id");
        static final Field<Long> USER_ID = bigint(N, "user_id");
        static final Field<String> RESULT_CODE = text(N, "result_code");
        static final Field<String> ANSWERS = text(N, "answers");
        static final Field<Integer> SUPPORT_LEVEL = integer(N, "support_level");
        static final Field<String> NOTE = text(N, "note");
        static final Field<String> OUTCOME = text(N, "outcome");
        static final Field<Long> RECORDED_AT = bigint(N, "recorded_at");
        static final Field<Long> RECEIVED_AT = bigint(N, "received_at");
    }

    static final class NewPersonTable {
        static final String N = "canvass_new_person";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = bigint(N, "id");
        static final Field<Long> RESULT_ID = bigint(N, "result_id");
        static final Field<String> FIRST_NAME = text(N, "first_name");
        static final Field<String> LAST_NAME = text(N, "last_name");
        static final Field<String> PHONE = text(N, "phone");
        static final Field<String> EMAIL = text(N, "email");
        static final Field<String> ADDRESS = text(N, "address");
        static final Field<String> STATUS = text(N, "status");
        static final Field<Long> PERSON_ID = bigint(N, "person_id");
        static final Field<Long> CREATED_AT = bigint(N, "created_at");
    }
}
