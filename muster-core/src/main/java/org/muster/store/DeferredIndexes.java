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
import org.jooq.exception.DataAccessException;

/**
 * The first load into a database that holds no people yet runs like pg_restore: the non-unique secondary indexes
 * of the tables an import writes (and on PostgreSQL their foreign keys) are dropped before the first batch and
 * built once after the voter file, which costs a fraction of maintaining them row by row. Primary keys and the
 * registration key stay: the registration lookups of every batch read it, and it keeps the load free of doubled
 * people.
 * <p>
 * The household key ({@value #HOUSEHOLD_KEY}) is deferred too: its address keys arrive in no order, so keeping it
 * during a load rewrites a random page of it for nearly every new household, which at 10M people was most of what
 * the load wrote to disk. Without it the load cannot look households up, so {@link FirstLoad} remembers the recent
 * ones and creates the others anew; a household split that way (members far apart in the file, or another writer's
 * household) is merged back when the key is built: if the build reports doubles, it is rolled back and retried in
 * a transaction that first moves the people (and turf rows) of each double to the lowest id of the address and
 * deletes the doubles.
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

    /** The unique index of household addresses, named alike in both schemas (migration V23). */
    static final String HOUSEHOLD_KEY = "household_key";
    /** Tables whose rows point at a household, repointed when doubled households merge. */
    private static final List<String> HOUSEHOLD_REFERENCES = List.of("person", "turf_household", "turf_person");

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

    /** Whether the job deferred the household key, so that its load must not look households up. */
    static boolean defersHouseholdKey(DSLContext dsl, long jobId) {
        return dsl.fetchExists(DeferredIndexTable.T, DeferredIndexTable.JOB_ID.eq(jobId)
                .and(DeferredIndexTable.NAME.eq(HOUSEHOLD_KEY)));
    }

    static int pending(DSLContext dsl, long jobId) {
        return dsl.fetchCount(DeferredIndexTable.T, DeferredIndexTable.JOB_ID.eq(jobId));
    }

    /** Builds the job's deferred indexes (then foreign keys), each in a transaction of its own. */
    static int rebuild(DSLContext dsl, long jobId, IntConsumer built) {
        List<Record> rows = new ArrayList<>(dsl.select(DeferredIndexTable.POSITION, DeferredIndexTable.NAME,
                        DeferredIndexTable.DEFINITION)
                .from(DeferredIndexTable.T).where(DeferredIndexTable.JOB_ID.eq(jobId))
                .orderBy(DeferredIndexTable.POSITION).fetch());
        for (int i = 0; i < rows.size(); i++) {
            Record r = rows.get(i);
            try {
                build(dsl, jobId, r, false);
            } catch (DataAccessException e) {
                if (!HOUSEHOLD_KEY.equals(r.get(DeferredIndexTable.NAME))) throw e;
                // Doubled households: merged, then the key again. Finding doubles costs a sort of every household
                // (three times the key's own build at 10M people), so it is only done when the key reports some.
                build(dsl, jobId, r, true);
            }
            built.accept(i + 1);
        }
        // The history phase plans its lookups on these statistics.
        if (!rows.isEmpty() && dsl.dialect() == SQLDialect.POSTGRES) dsl.execute("analyze " + String.join(", ", TABLES));
        return rows.size();
    }

    /** One deferred index or foreign key, in a transaction that also deletes its definition. */
    private static void build(DSLContext dsl, long jobId, Record r, boolean mergeDoubledHouseholds) {
        dsl.transaction(cfg -> {
            if (cfg.dsl().dialect() == SQLDialect.POSTGRES) {
                // Sorts of a voter file's rows (index builds) and the anti-joins that validate a foreign key
                // spill to disk at the default 64 MB / 4 MB: memory for this transaction only, as pg_restore
                // users give it.
                cfg.dsl().execute("set local maintenance_work_mem = '" + SegmentSql.WORK_MEM + "'");
                cfg.dsl().execute("set local work_mem = '" + SegmentSql.WORK_MEM + "'");
            } else {
                // SQLite sorts an index's keys on the calling thread unless allowed helpers.
                cfg.dsl().execute("pragma threads = " + Math.min(4, Runtime.getRuntime().availableProcessors()));
            }
            if (mergeDoubledHouseholds) mergeDoubledHouseholds(cfg.dsl());
            cfg.dsl().execute(r.get(DeferredIndexTable.DEFINITION));
            cfg.dsl().deleteFrom(DeferredIndexTable.T).where(DeferredIndexTable.JOB_ID.eq(jobId)
                    .and(DeferredIndexTable.POSITION.eq(r.get(DeferredIndexTable.POSITION)))).execute();
        });
    }

    /**
     * Households of one address created more than once while the key was deferred become one: the lowest id keeps
     * the address, the rows pointing at the others are moved to it, and the others are deleted.
     */
    private static void mergeDoubledHouseholds(DSLContext tx) {
        tx.execute("create temporary table household_merge (id bigint primary key, keep bigint not null)");
        int doubled = tx.execute("insert into household_merge (id, keep) select id, keep from (select id, "
                + "min(id) over (partition by campaign_id, address_key) as keep from household) h where id <> keep");
        if (doubled > 0) {
            for (String table : HOUSEHOLD_REFERENCES) {
                tx.execute("update " + table + " set household_id = (select keep from household_merge m "
                        + "where m.id = " + table + ".household_id) where household_id in (select id from household_merge)");
            }
            tx.execute("delete from household where id in (select id from household_merge)");
        }
        tx.execute("drop table household_merge");
    }

    /** Jobs that left deferred indexes behind (stopped and not resumed). */
    static List<Long> jobsWithPending(DSLContext dsl) {
        return dsl.selectDistinct(DeferredIndexTable.JOB_ID).from(DeferredIndexTable.T).fetch(DeferredIndexTable.JOB_ID);
    }

    /**
     * Indexes first (in table order), then the household key (its merge finds the people of a doubled household
     * through {@code person_household}), then the foreign keys, which validate faster with the indexes in place.
     */
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
        tx.fetch("select pg_get_constraintdef(c.oid) from pg_constraint c join pg_class t on t.oid = c.conrelid "
                        + "join pg_namespace n on n.oid = t.relnamespace where n.nspname = current_schema() "
                        + "and t.relname = 'household' and c.conname = ?", HOUSEHOLD_KEY)
                .forEach(r -> out.add(new Deferred(HOUSEHOLD_KEY, "household", "unique key",
                        "alter table household add constraint " + HOUSEHOLD_KEY + " " + r.get(0, String.class))));
        tx.fetch("select c.conname, t.relname, pg_get_constraintdef(c.oid) from pg_constraint c "
                        + "join pg_class t on t.oid = c.conrelid join pg_namespace n on n.oid = t.relnamespace "
                        + "where n.nspname = current_schema() and c.contype = 'f' and t.relname = any(" + tables + ") "
                        + "order by t.relname, c.conname")
                .forEach(r -> out.add(new Deferred(r.get(0, String.class), r.get(1, String.class), "foreign key",
                        "alter table " + quote(r.get(1, String.class)) + " add constraint "
                                + quote(r.get(0, String.class)) + " " + r.get(2, String.class))));
        return out;
    }

    /**
     * SQLite: the indexes it keeps the CREATE statement of (those of PRIMARY KEY and UNIQUE clauses have none), the
     * household key last: while its doubles merge, each deleted household is checked against the tables that point
     * at it, through their indexes.
     */
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
        tx.fetch("select sql from sqlite_master where type = 'index' and name = ?", HOUSEHOLD_KEY)
                .forEach(r -> out.add(new Deferred(HOUSEHOLD_KEY, "household", "index", r.get(0, String.class))));
        return out;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
