package org.muster.store;

import static org.muster.store.BulkLoadTables.DeferredIndexTable;
import static org.muster.store.Tables.PersonTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;

/**
 * The first load into a database that holds no people yet runs like pg_restore: the non-unique secondary indexes
 * of the tables an import writes (and on PostgreSQL their foreign keys) are dropped before the first batch and
 * built once after the voter file, which costs a fraction of maintaining them row by row. Unique indexes and
 * primary keys stay: the registration and household lookups of every batch read them, and they keep the load
 * free of duplicates.
 * <p>
 * Crash safety: each definition is written to {@code import_deferred_index} in the transaction that drops it, and
 * each rebuild deletes its row in the transaction that creates it (DDL is transactional in both databases), so
 * after a kill every index is either in place or listed, and the resumed job rebuilds what is listed.
 * <p>
 * Only when the whole {@code person} table is empty: the indexes are shared by every campaign of the database, and
 * another campaign's people must not go unindexed for the length of a load.
 */
final class DeferredIndexes {

    /** Tables a voter-file import writes, whose secondary indexes and foreign keys are deferred. */
    private static final List<String> TABLES = List.of("household", "person", "person_email", "person_phone",
            "person_address", "voter_registration", "vote_history", "tagging", "activity", "outbox_event",
            "custom_field_value");

    private DeferredIndexes() {
    }

    private record Deferred(String name, String table, String kind, String definition) {
    }

    /**
     * Inside the caller's transaction: when no campaign has people yet, records and drops the deferrable indexes
     * and foreign keys for the job.
     *
     * @return how many were deferred (0 when the database already holds people)
     */
    static int deferIfNoPeople(DSLContext tx, long jobId) {
        if (tx.fetchExists(PersonTable.T)) return 0;
        List<Deferred> deferred = tx.dialect() == SQLDialect.POSTGRES ? postgres(tx) : sqlite(tx);
        Batch rows = new Batch(tx, DeferredIndexTable.T, DeferredIndexTable.JOB_ID, DeferredIndexTable.POSITION,
                DeferredIndexTable.NAME, DeferredIndexTable.TABLE_NAME, DeferredIndexTable.KIND,
                DeferredIndexTable.DEFINITION);
        for (int i = 0; i < deferred.size(); i++) {
            Deferred d = deferred.get(i);
            rows.add(jobId, i, d.name(), d.table(), d.kind(), d.definition());
        }
        rows.execute();
        for (Deferred d : deferred) {
            tx.execute(d.kind().equals("index") ? "drop index " + quote(d.name())
                    : "alter table " + quote(d.table()) + " drop constraint " + quote(d.name()));
        }
        return deferred.size();
    }

    static int pending(DSLContext dsl, long jobId) {
        return dsl.fetchCount(DeferredIndexTable.T, DeferredIndexTable.JOB_ID.eq(jobId));
    }

    /** Builds the job's deferred indexes (then foreign keys), each in a transaction of its own. */
    static int rebuild(DSLContext dsl, long jobId, IntConsumer built) {
        List<Record> rows = new ArrayList<>(dsl.select(DeferredIndexTable.POSITION, DeferredIndexTable.DEFINITION)
                .from(DeferredIndexTable.T).where(DeferredIndexTable.JOB_ID.eq(jobId))
                .orderBy(DeferredIndexTable.POSITION).fetch());
        for (int i = 0; i < rows.size(); i++) {
            Record r = rows.get(i);
            dsl.transaction(cfg -> {
                if (cfg.dsl().dialect() == SQLDialect.POSTGRES) {
                    // Sorts of a voter file's rows (index builds) and the anti-joins that validate a foreign key
                    // spill to disk at the default 64 MB / 4 MB: memory for this transaction only, as pg_restore
                    // users give it.
                    cfg.dsl().execute("set local maintenance_work_mem = '" + SegmentSql.WORK_MEM + "'");
                    cfg.dsl().execute("set local work_mem = '" + SegmentSql.WORK_MEM + "'");
                }
                cfg.dsl().execute(r.get(DeferredIndexTable.DEFINITION));
                cfg.dsl().deleteFrom(DeferredIndexTable.T).where(DeferredIndexTable.JOB_ID.eq(jobId)
                        .and(DeferredIndexTable.POSITION.eq(r.get(DeferredIndexTable.POSITION)))).execute();
            });
            built.accept(i + 1);
        }
        // The history phase plans its lookups on these statistics.
        if (!rows.isEmpty() && dsl.dialect() == SQLDialect.POSTGRES) dsl.execute("analyze " + String.join(", ", TABLES));
        return rows.size();
    }

    /** Jobs that left deferred indexes behind (stopped and not resumed). */
    static List<Long> jobsWithPending(DSLContext dsl) {
        return dsl.selectDistinct(DeferredIndexTable.JOB_ID).from(DeferredIndexTable.T).fetch(DeferredIndexTable.JOB_ID);
    }

    /** Indexes first (in table order), then the foreign keys, which validate faster with the indexes in place. */
    private static List<Deferred> postgres(DSLContext tx) {
        String tables = "array[" + String.join(", ", TABLES.stream().map(t -> "'" + t + "'").toList()) + "]";
        List<Deferred> out = new ArrayList<>();
        tx.fetch("select ci.relname, ct.relname, pg_get_indexdef(i.indexrelid) from pg_index i "
                        + "join pg_class ci on ci.oid = i.indexrelid join pg_class ct on ct.oid = i.indrelid "
                        + "join pg_namespace n on n.oid = ct.relnamespace "
                        + "where n.nspname = current_schema() and ct.relname = any(" + tables + ") "
                        + "and not i.indisunique and not i.indisprimary order by ct.relname, ci.relname")
                .forEach(r -> out.add(new Deferred(r.get(0, String.class), r.get(1, String.class), "index",
                        r.get(2, String.class))));
        tx.fetch("select c.conname, t.relname, pg_get_constraintdef(c.oid) from pg_constraint c "
                        + "join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace "
                        + "where n.nspname = current_schema() and c.contype = 'f' and t.relname = any(" + tables + ") "
                        + "order by t.relname, c.conname")
                .forEach(r -> out.add(new Deferred(r.get(0, String.class), r.get(1, String.class), "foreign key",
                        "alter table " + quote(r.get(1, String.class)) + " add constraint "
                                + quote(r.get(0, String.class)) + " " + r.get(2, String.class))));
        return out;
    }

    /** SQLite: the indexes it keeps the CREATE statement of (those of PRIMARY KEY and UNIQUE clauses have none). */
    private static List<Deferred> sqlite(DSLContext tx) {
        List<Deferred> out = new ArrayList<>();
        tx.fetch("select name, tbl_name, sql from sqlite_master where type = 'index' and sql is not null "
                        + "order by tbl_name, name")
                .forEach(r -> {
                    String sql = r.get(2, String.class);
                    if (TABLES.contains(r.get(1, String.class))
                            && !sql.toLowerCase(Locale.ROOT).startsWith("create unique")) {
                        out.add(new Deferred(r.get(0, String.class), r.get(1, String.class), "index", sql));
                    }
                });
        return out;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
