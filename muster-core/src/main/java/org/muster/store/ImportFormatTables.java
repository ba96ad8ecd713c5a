package org.muster.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** Hand-written jOOQ names for {@code db/migration/*}/V8__import_formats.sql. */
final class ImportFormatTables {

    private ImportFormatTables() {
    }

    static final class ColumnMappingTable {
        static final String N = "column_mapping";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = field(name(N, "id"), SQLDataType.BIGINT);
        static final Field<Long> CAMPAIGN_ID = field(name(N, "campaign_id"), SQLDataType.BIGINT);
        static final Field<String> NAME = field(name(N, "name"), SQLDataType.VARCHAR);
        static final Field<String> MAPPING = field(name(N, "mapping"), SQLDataType.VARCHAR);
        static final Field<Long> CREATED_BY = field(name(N, "created_by"), SQLDataType.BIGINT);
        static final Field<Long> CREATED_AT = field(name(N, "created_at"), SQLDataType.BIGINT);
        static final Field<Long> UPDATED_AT = field(name(N, "updated_at"), SQLDataType.BIGINT);

        private ColumnMappingTable() {
        }
    }

    static final class RegistrationSourceTable {
        static final String N = "registration_source";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = field(name(N, "id"), SQLDataType.BIGINT);
        static final Field<Long> CAMPAIGN_ID = field(name(N, "campaign_id"), SQLDataType.BIGINT);
        static final Field<Long> JOB_ID = field(name(N, "job_id"), SQLDataType.BIGINT);
        static final Field<Long> LINE = field(name(N, "line"), SQLDataType.BIGINT);
        static final Field<String> STATE = field(name(N, "state"), SQLDataType.VARCHAR);
        static final Field<String> REGISTRATION_ID = field(name(N, "registration_id"), SQLDataType.VARCHAR);
        static final Field<String> SOURCE = field(name(N, "source"), SQLDataType.VARCHAR);
        static final Field<Long> CREATED_AT = field(name(N, "created_at"), SQLDataType.BIGINT);

        private RegistrationSourceTable() {
        }
    }
}
