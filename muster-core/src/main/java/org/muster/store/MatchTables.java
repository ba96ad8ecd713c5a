package org.muster.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.LocalDate;
import java.util.List;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ names for identity resolution (V4__matching.sql) and the description of every table a merge moves rows
 * of. Kept apart from Tables.java so the matching work touches no shared file.
 */
final class MatchTables {

    private MatchTables() {
    }

    private static <T> Field<T> col(String table, String column, DataType<T> type) {
        return field(name(table, column), type);
    }

    static final class MatchReviewTable {
        static final String N = "match_review";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = col(N, "id", SQLDataType.BIGINT);
        static final Field<Long> CAMPAIGN_ID = col(N, "campaign_id", SQLDataType.BIGINT);
        static final Field<Long> LEFT_PERSON_ID = col(N, "left_person_id", SQLDataType.BIGINT);
        static final Field<Long> RIGHT_PERSON_ID = col(N, "right_person_id", SQLDataType.BIGINT);
        static final Field<Double> PROBABILITY = col(N, "probability", SQLDataType.DOUBLE);
        static final Field<String> EXPLANATION = col(N, "explanation", SQLDataType.VARCHAR);
        static final Field<String> SOURCE = col(N, "source", SQLDataType.VARCHAR);
        static final Field<String> STATUS = col(N, "status", SQLDataType.VARCHAR);
        static final Field<Long> CREATED_AT = col(N, "created_at", SQLDataType.BIGINT);
        static final Field<Long> DECIDED_BY = col(N, "decided_by", SQLDataType.BIGINT);
        static final Field<Long> DECIDED_AT = col(N, "decided_at", SQLDataType.BIGINT);
        static final Field<?>[] READ = {ID, CAMPAIGN_ID, LEFT_PERSON_ID, RIGHT_PERSON_ID, PROBABILITY, EXPLANATION, SOURCE,
                STATUS, CREATED_AT, DECIDED_BY, DECIDED_AT};
    }

    static final class PersonMergeTable {
        static final String N = "person_merge";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = col(N, "id", SQLDataType.BIGINT);
        static final Field<Long> CAMPAIGN_ID = col(N, "campaign_id", SQLDataType.BIGINT);
        static final Field<Long> SURVIVOR_ID = col(N, "survivor_id", SQLDataType.BIGINT);
        static final Field<Long> MERGED_ID = col(N, "merged_id", SQLDataType.BIGINT);
        static final Field<Long> REVIEW_ID = col(N, "review_id", SQLDataType.BIGINT);
        static final Field<Long> MERGED_BY = col(N, "merged_by", SQLDataType.BIGINT);
        static final Field<Long> MERGED_AT = col(N, "merged_at", SQLDataType.BIGINT);
        static final Field<String> SNAPSHOT = col(N, "snapshot", SQLDataType.VARCHAR);
        static final Field<Long> UNDONE_BY = col(N, "undone_by", SQLDataType.BIGINT);
        static final Field<Long> UNDONE_AT = col(N, "undone_at", SQLDataType.BIGINT);
        static final Field<?>[] READ = {ID, CAMPAIGN_ID, SURVIVOR_ID, MERGED_ID, REVIEW_ID, MERGED_BY, MERGED_AT, SNAPSHOT,
                UNDONE_BY, UNDONE_AT};
    }

    /**
     * A table hanging from person that a merge moves. {@code identity}: the columns besides person_id that name a
     * row; {@code duplicateKey}: the columns that make a row a duplicate of one the survivor already has (empty:
     * rows are never duplicates); {@code columns}: every column, typed, for the snapshot of dropped rows.
     */
    record PersonChild(String name, List<Field<?>> identity, List<Field<?>> duplicateKey, List<Field<?>> columns) {

        Table<Record> table() {
            return DSL.table(DSL.name(name));
        }

        Field<Long> personId() {
            return col(name, "person_id", SQLDataType.BIGINT);
        }
    }

    private static PersonChild child(String table, List<String> identity, List<String> duplicateKey, Object... columns) {
        List<Field<?>> all = new java.util.ArrayList<>();
        for (int i = 0; i < columns.length; i += 2) all.add(col(table, (String) columns[i], (DataType<?>) columns[i + 1]));
        java.util.function.Function<List<String>, List<Field<?>>> pick = names -> names.stream()
                .<Field<?>>map(n -> all.stream().filter(f -> f.getName().equals(n)).findFirst().orElseThrow()).toList();
        return new PersonChild(table, pick.apply(identity), pick.apply(duplicateKey), List.copyOf(all));
    }

    private static final DataType<Long> BIGINT = SQLDataType.BIGINT;
    private static final DataType<String> TEXT = SQLDataType.VARCHAR;
    private static final DataType<Double> DOUBLE = SQLDataType.DOUBLE;
    private static final DataType<Integer> INTEGER = SQLDataType.INTEGER;
    private static final DataType<LocalDate> DATE = SQLDataType.LOCALDATE;
    private static final DataType<Boolean> BOOLEAN = SQLDataType.BOOLEAN;

    /** Every table a merge moves, in an order that respects foreign keys on re-insert. */
    static final List<PersonChild> PERSON_CHILDREN = List.of(
            child("person_email", List.of("id"), List.of("search_email"),
                    "id", BIGINT, "person_id", BIGINT, "email", TEXT, "search_email", TEXT, "status", TEXT),
            child("person_phone", List.of("id"), List.of("search_phone"),
                    "id", BIGINT, "person_id", BIGINT, "number_e164", TEXT, "search_phone", TEXT),
            child("person_address", List.of("id"), List.of(),
                    "id", BIGINT, "person_id", BIGINT, "kind", TEXT, "line1", TEXT, "line2", TEXT, "city", TEXT,
                    "state", TEXT, "zip", TEXT, "country", TEXT, "latitude", DOUBLE, "longitude", DOUBLE,
                    "search_address", TEXT),
            child("voter_registration", List.of("id"), List.of(),
                    "id", BIGINT, "person_id", BIGINT, "campaign_id", BIGINT, "state", TEXT, "registration_id", TEXT,
                    "state_voter_id", TEXT, "county", TEXT, "status", TEXT, "reason_code", TEXT, "registered_on", DATE,
                    "party", TEXT, "precinct", TEXT, "ward", TEXT, "municipality", TEXT, "congressional_district", TEXT,
                    "state_senate_district", TEXT, "state_house_district", TEXT),
            child("vote_history", List.of("id"), List.of("election_date"),
                    "id", BIGINT, "person_id", BIGINT, "election_date", DATE, "election_name", TEXT, "method", TEXT,
                    "party_ballot", TEXT, "county", TEXT),
            child("tagging", List.of("tag_id"), List.of("tag_id"),
                    "person_id", BIGINT, "tag_id", BIGINT, "created_at", BIGINT),
            child("custom_field_value", List.of("field_id"), List.of("field_id"),
                    "person_id", BIGINT, "field_id", BIGINT, "value", TEXT),
            child("score", List.of("name"), List.of("name"),
                    "person_id", BIGINT, "name", TEXT, "value", DOUBLE, "computed_at", BIGINT),
            child("activity", List.of("id"), List.of(),
                    "id", BIGINT, "person_id", BIGINT, "at", BIGINT, "type", TEXT, "summary", TEXT, "actor", TEXT),
            child("consent", List.of("id"), List.of(),
                    "id", BIGINT, "person_id", BIGINT, "channel", TEXT, "status", TEXT, "source", TEXT,
                    "recorded_at", BIGINT),
            child("donation", List.of("id"), List.of(),
                    "id", BIGINT, "person_id", BIGINT, "amount_cents", BIGINT, "currency", TEXT, "donated_at", BIGINT,
                    "source", TEXT, "external_id", TEXT),
            // One row per person and event: the survivor's own row for an event wins over the merged person's.
            child("event_attendance", List.of("id"), List.of("event_id"),
                    "id", BIGINT, "event_id", BIGINT, "person_id", BIGINT, "status", TEXT, "recorded_at", BIGINT, "registered_at", BIGINT),
            // A person in two sends keeps one row per send: the survivor's.
            child("message_recipient", List.of("id"), List.of("send_id"),
                    "id", BIGINT, "send_id", BIGINT, "person_id", BIGINT, "variant_id", BIGINT, "address", TEXT, "phase", TEXT,
                    "status", TEXT, "reason", TEXT, "attempts", INTEGER, "sent_at", BIGINT, "confirmed_at", BIGINT),
            child("sms_recipient", List.of("id"), List.of(),
                    "id", BIGINT, "job_id", BIGINT, "person_id", BIGINT, "phone", TEXT, "zone", TEXT, "body", TEXT,
                    "status", TEXT, "not_before", BIGINT, "covered_by", BIGINT, "gateway_id", TEXT, "attempts", BIGINT,
                    "in_doubt", BOOLEAN, "error", TEXT, "updated_at", BIGINT));
}
