package org.muster.store;

import static org.muster.store.ImportTables.ImportJobTable;
import static org.muster.store.Tables.HouseholdTable;
import static org.muster.store.Tables.PersonTable;
import static org.muster.store.Tables.VoterRegistrationTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.impl.DSL;

/**
 * What an import job knows while it is the first load of a campaign (no person in it predates the job): the
 * registration and household keys already in the database, as two {@link KeyFilter}s. A key the filter has never
 * seen is certainly new, so the batch inserts it without asking the database; only the filter's "maybe" keys (the
 * job's own earlier rows, or a false positive) are looked up. That removes the per-batch registration and household
 * lookups of a first load almost entirely.
 * <p>
 * Exact, not a cache: the filters start from every key of the campaign in the database (empty for a fresh job, the
 * job's committed batches after a resume) and the job adds each key it inserts before its batch commits, so a key
 * in the database is never reported absent. Keys of a batch that rolls back stay in the filter as false positives,
 * which only cost a lookup. A key another writer inserts while the job runs is not in the filter: the unique index
 * rejects the batch, and {@link JooqImportJobStore} retries it once after rebuilding the filters from the database.
 * <p>
 * Memory is fixed by the file's size, not its rows: 2^(log2 of size/4) bits per filter, between 8 KiB and 16 MiB,
 * so at most 32 MiB for both, which is about 13 bits per key for 10M registrations (0.3% false positives).
 * <p>
 * When the job deferred the household key ({@link DeferredIndexes}), households cannot be looked up at all: the
 * load remembers the ids of the last {@value #RECENT_HOUSEHOLDS} addresses it saw (the members of a household are
 * usually close together in a voter file) and creates a household for any other address, never reading the table.
 * The doubles this makes are merged before the key is built.
 */
final class FirstLoad {

    private static final int MIN_LOG2_BITS = 16;
    private static final int MAX_LOG2_BITS = 27;

    private static final int RECENT_HOUSEHOLDS = 1 << 16;

    private final KeyFilter registrations;
    /** Household keys in the database, or null when the household key is deferred. */
    private final KeyFilter households;
    /** Household ids by address, the most recently used last; only when the household key is deferred. */
    private final Map<String, Long> recentHouseholds;

    private FirstLoad(int log2Bits, boolean householdKeyDeferred) {
        this.registrations = new KeyFilter(log2Bits);
        this.households = householdKeyDeferred ? null : new KeyFilter(log2Bits);
        this.recentHouseholds = householdKeyDeferred ? new LinkedHashMap<>(RECENT_HOUSEHOLDS * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > RECENT_HOUSEHOLDS;
            }
        } : null;
    }

    /**
     * The job's first-load state, built from the database, or empty when people of the campaign predate the job (a
     * re-import, where most keys exist and the lookups are the work).
     */
    static Optional<FirstLoad> of(DSLContext dsl, long jobId, long campaignId) {
        Record2<Long, Long> job = dsl.select(ImportJobTable.CREATED_AT, ImportJobTable.FILE_SIZE).from(ImportJobTable.T)
                .where(ImportJobTable.ID.eq(jobId)).fetchOne();
        if (job == null) return Optional.empty();
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (tx.fetchExists(DSL.selectOne().from(PersonTable.T).where(PersonTable.CAMPAIGN_ID.eq(campaignId)
                    .and(PersonTable.CREATED_AT.lt(job.value1()))))) {
                return Optional.empty();
            }
            FirstLoad load = new FirstLoad(log2Bits(job.value2()), DeferredIndexes.defersHouseholdKey(tx, jobId));
            // In a transaction, so PostgreSQL streams the cursor instead of reading every key into memory.
            try (Cursor<Record2<String, String>> keys = tx.select(VoterRegistrationTable.STATE,
                            VoterRegistrationTable.REGISTRATION_ID).from(VoterRegistrationTable.T)
                    .where(VoterRegistrationTable.CAMPAIGN_ID.eq(campaignId)).fetchSize(10_000).fetchLazy()) {
                for (Record2<String, String> r : keys) load.registrations.add(registrationKey(r.value1(), r.value2()));
            }
            if (load.households != null) {
                try (Cursor<Record1<String>> keys = tx.select(HouseholdTable.ADDRESS_KEY).from(HouseholdTable.T)
                        .where(HouseholdTable.CAMPAIGN_ID.eq(campaignId)).fetchSize(10_000).fetchLazy()) {
                    for (Record1<String> r : keys) load.households.add(r.value1());
                }
            }
            return Optional.of(load);
        });
    }

    /** About 4 bits per byte of the file (16 per row of 64 bytes or more), a power of two within the bounds. */
    static int log2Bits(long fileSize) {
        int log2 = 64 - Long.numberOfLeadingZeros(Math.max(1, fileSize / 4 - 1));
        return Math.clamp(log2, MIN_LOG2_BITS, MAX_LOG2_BITS);
    }

    /** False when the registration is certainly not in the database; true when it may be. */
    boolean mayHave(String state, String registrationId) {
        return registrations.mightContain(registrationKey(state, registrationId));
    }

    /** Records registrations about to be inserted (in the transaction that inserts them). */
    void inserting(String state, String registrationId) {
        registrations.add(registrationKey(state, registrationId));
    }

    /**
     * Household ids by address key, the missing households inserted under ids allocated for them: only the keys the
     * filter may have are looked up (none when the household key is deferred), and no insert is read back.
     */
    Map<String, Long> householdIds(DSLContext tx, long campaignId, Set<String> keys) {
        Map<String, Long> ids = new HashMap<>();
        if (keys.isEmpty()) return ids;
        if (recentHouseholds != null) {
            for (String k : keys) {
                Long id = recentHouseholds.get(k);
                if (id != null) ids.put(k, id);
            }
        } else {
            List<String> maybe = new ArrayList<>();
            for (String k : keys) {
                if (households.mightContain(k)) maybe.add(k);
            }
            for (List<String> chunk : JooqPersonStore.chunks(maybe, 500)) {
                tx.select(HouseholdTable.ID, HouseholdTable.ADDRESS_KEY).from(HouseholdTable.T)
                        .where(HouseholdTable.CAMPAIGN_ID.eq(campaignId).and(HouseholdTable.ADDRESS_KEY.in(chunk)))
                        .forEach(r -> ids.put(r.get(HouseholdTable.ADDRESS_KEY), r.get(HouseholdTable.ID)));
            }
        }
        Set<String> missing = new LinkedHashSet<>(keys);
        missing.removeAll(ids.keySet());
        if (missing.isEmpty()) return ids;
        List<Long> newIds = JooqPersonStore.allocateIds(tx, HouseholdTable.T, HouseholdTable.ID, missing.size(), 0);
        Batch rows = new Batch(tx, HouseholdTable.T, HouseholdTable.ID, HouseholdTable.CAMPAIGN_ID,
                HouseholdTable.ADDRESS_KEY);
        int i = 0;
        for (String k : missing) {
            long id = newIds.get(i++);
            rows.add(id, campaignId, k);
            ids.put(k, id);
            if (households != null) households.add(k);
            else recentHouseholds.put(k, id);
        }
        rows.execute();
        return ids;
    }

    long bytes() {
        return registrations.bytes() + (households == null ? 0 : households.bytes());
    }

    private static String registrationKey(String state, String registrationId) {
        return state + '\u0000' + registrationId;
    }
}
