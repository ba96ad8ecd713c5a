package org.muster.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * jOOQ names for what segments read beyond {@link Tables} (custom fields, scores) and for their own table
 * (V3__segments.sql). Kept apart from Tables.java so the segment work touches no shared file.
 */
final class SegmentTables {

    private SegmentTables() {
    }

    static final class CustomFieldTable {
        static final Table<Record> T = table(name("custom_field"));
        static final Field<Long> ID = field(name("custom_field", "id"), SQLDataType.BIGINT);
        static final Field<Long> CAMPAIGN_ID = field(name("custom_field", "campaign_id"), SQLDataType.BIGINT);
        static final Field<String> NAME = field(name("custom_field", "name"), SQLDataType.VARCHAR);
        static final Field<String> DATA_TYPE = field(name("custom_field", "data_type"), SQLDataType.VARCHAR);
    }

    static final class CustomFieldValueTable {
        static final Table<Record> T = table(name("custom_field_value"));
        static final Field<Long> PERSON_ID = field(name("custom_field_value", "person_id"), SQLDataType.BIGINT);
        static final Field<Long> FIELD_ID = field(name("custom_field_value", "field_id"), SQLDataType.BIGINT);
        static final Field<String> VALUE = field(name("custom_field_value", "value"), SQLDataType.VARCHAR);
    }

    static final class ScoreTable {
        static final Table<Record> T = table(name("score"));
        static final Field<Long> PERSON_ID = field(name("score", "person_id"), SQLDataType.BIGINT);
        static final Field<String> NAME = field(name("score", "name"), SQLDataType.VARCHAR);
        static final Field<Double> VALUE = field(name("score", "value"), SQLDataType.DOUBLE);
        static final Field<Long> COMPUTED_AT = field(name("score", "computed_at"), SQLDataType.BIGINT);
    }

    static final class SavedSegmentTable {
        static final String N = "saved_segment";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = field(name(N, "id"), SQLDataType.BIGINT);
        static final Field<Long> CAMPAIGN_ID = field(name(N, "campaign_id"), SQLDataType.BIGINT);
        static final Field<String> NAME = field(name(N, "name"), SQLDataType.VARCHAR);
        static final Field<String> FILTER = field(name(N, "filter"), SQLDataType.VARCHAR);
        static final Field<Long> CREATED_BY = field(name(N, "created_by"), SQLDataType.BIGINT);
        static final Field<Long> CREATED_AT = field(name(N, "created_at"), SQLDataType.BIGINT);
        static final Field<Long> UPDATED_AT = field(name(N, "updated_at"), SQLDataType.BIGINT);
    }
}
