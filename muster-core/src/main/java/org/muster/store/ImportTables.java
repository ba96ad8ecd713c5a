package org.muster.store;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/** Hand-written jOOQ names for {@code db/migration/*}/V2__imports.sql, kept apart from {@link Tables} (V1). */
final class ImportTables {

    private ImportTables() {
    }

    private static Field<Long> bigint(String table, String column) {
        return field(name(table, column), SQLDataType.BIGINT);
    }

    private static Field<String> text(String table, String column) {
        return field(name(table, column), SQLDataType.VARCHAR);
    }

    static final class ImportJobTable {
        static final String N = "import_job";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = bigint(N, "id");
        static final Field<Long> CAMPAIGN_ID = bigint(N, "campaign_id");
        static final Field<String> FORMAT = text(N, "format");
        static final Field<String> FILE_NAME = text(N, "file_name");
        static final Field<Long> FILE_SIZE = bigint(N, "file_size");
        static final Field<String> FILE_HASH = text(N, "file_hash");
        static final Field<String> HISTORY_FILE_NAME = text(N, "history_file_name");
        static final Field<Long> HISTORY_FILE_SIZE = bigint(N, "history_file_size");
        static final Field<String> HISTORY_FILE_HASH = text(N, "history_file_hash");
        static final Field<String> STATUS = text(N, "status");
        static final Field<String> PHASE = text(N, "phase");
        static final Field<Long> CHECKPOINT_LINE = bigint(N, "checkpoint_line");
        static final Field<Long> CHECKPOINT_OFFSET = bigint(N, "checkpoint_offset");
        static final Field<Long> ROWS_NEW = bigint(N, "rows_new");
        static final Field<Long> ROWS_UPDATED = bigint(N, "rows_updated");
        static final Field<Long> ROWS_UNCHANGED = bigint(N, "rows_unchanged");
        static final Field<Long> ROWS_REJECTED = bigint(N, "rows_rejected");
        static final Field<Long> ROWS_MATCHED = bigint(N, "rows_matched");
        static final Field<Long> ROWS_REVIEW = bigint(N, "rows_review");
        static final Field<Long> VOTES_NEW = bigint(N, "votes_new");
        static final Field<Long> VOTES_EXISTING = bigint(N, "votes_existing");
        static final Field<Long> VOTES_UNMATCHED = bigint(N, "votes_unmatched");
        static final Field<String> MESSAGE = text(N, "message");
        static final Field<Long> CREATED_AT = bigint(N, "created_at");
        static final Field<Long> UPDATED_AT = bigint(N, "updated_at");
        static final Field<Long> FINISHED_AT = bigint(N, "finished_at");
        static final Field<Long> CHECKPOINT_AT = bigint(N, "checkpoint_at");
        static final Field<?>[] READ = {ID, CAMPAIGN_ID, FORMAT, FILE_NAME, FILE_SIZE, FILE_HASH, HISTORY_FILE_NAME,
                HISTORY_FILE_SIZE, HISTORY_FILE_HASH, STATUS, PHASE, CHECKPOINT_LINE, CHECKPOINT_OFFSET, ROWS_NEW,
                ROWS_UPDATED, ROWS_UNCHANGED, ROWS_REJECTED, VOTES_NEW, VOTES_EXISTING, VOTES_UNMATCHED, ROWS_MATCHED, ROWS_REVIEW, MESSAGE,
                CREATED_AT, UPDATED_AT, FINISHED_AT, CHECKPOINT_AT};
    }

    static final class ImportErrorTable {
        static final String N = "import_error";
        static final Table<Record> T = table(name(N));
        static final Field<Long> ID = bigint(N, "id");
        static final Field<Long> JOB_ID = bigint(N, "job_id");
        static final Field<String> FILE = text(N, "file");
        static final Field<Long> LINE = bigint(N, "line");
        static final Field<String> FIELD = text(N, "field");
        static final Field<String> REASON = text(N, "reason");
    }
}
