package org.muster.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** Hand-written jOOQ names for {@code db/migration/*}/V12__import_deferred_index.sql. */
final class BulkLoadTables {

    private BulkLoadTables() {
    }

    static final class DeferredIndexTable {
        static final String N = "import_deferred_index";
        static final Table<Record> T = table(name(N));
        static final Field<Long> JOB_ID = field(name(N, "job_id"), SQLDataType.BIGINT);
        static final Field<Integer> POSITION = field(name(N, "position"), SQLDataType.INTEGER);
        static final Field<String> NAME = field(name(N, "name"), SQLDataType.VARCHAR);
        static final Field<String> TABLE_NAME = field(name(N, "table_name"), SQLDataType.VARCHAR);
        static final Field<String> KIND = field(name(N, "kind"), SQLDataType.VARCHAR);
        static final Field<String> DEFINITION = field(name(N, "definition"), SQLDataType.VARCHAR);

        private DeferredIndexTable() {
        }
    }
}
