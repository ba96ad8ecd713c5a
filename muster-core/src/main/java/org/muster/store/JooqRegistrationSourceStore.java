package org.muster.store;

import static org.muster.store.ImportFormatTables.RegistrationSourceTable;
import static org.muster.store.ImportTables.ImportJobTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep7;
import org.jooq.Record;
import org.muster.voterfile.RegistrationSourceStore;

/** {@link RegistrationSourceStore} over jOOQ, for both dialects. */
public final class JooqRegistrationSourceStore implements RegistrationSourceStore {

    /**
     * Rows per insert: 7 values each stays under SQLite's 999 bind variables, past which jOOQ inlines the values and
     * a batch of long source rows would exceed SQLite's statement length.
     */
    private static final int ROWS_PER_STATEMENT = 128;
    /** Registration ids per lookup of their last sources, under the same bind-variable limit. */
    private static final int IDS_PER_LOOKUP = 900;

    private final DSLContext dsl;

    public JooqRegistrationSourceStore(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public void record(long campaignId, long jobId, List<SourceRow> rows) {
        if (rows.isEmpty()) return;
        long now = System.currentTimeMillis();
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            Map<String, String> last = new HashMap<>();
            Map<String, Set<String>> idsByState = new HashMap<>();
            for (SourceRow r : rows) idsByState.computeIfAbsent(r.state(), s -> new HashSet<>()).add(r.registrationId());
            idsByState.forEach((state, ids) -> {
                List<String> all = new ArrayList<>(ids);
                for (int from = 0; from < all.size(); from += IDS_PER_LOOKUP) {
                    tx.select(RegistrationSourceTable.REGISTRATION_ID, RegistrationSourceTable.SOURCE)
                            .from(RegistrationSourceTable.T)
                            .where(RegistrationSourceTable.CAMPAIGN_ID.eq(campaignId))
                            .and(RegistrationSourceTable.STATE.eq(state))
                            .and(RegistrationSourceTable.REGISTRATION_ID.in(
                                    all.subList(from, Math.min(all.size(), from + IDS_PER_LOOKUP))))
                            .orderBy(RegistrationSourceTable.ID)
                            .forEach(r -> last.put(state + '\u0000' + r.get(RegistrationSourceTable.REGISTRATION_ID),
                                    r.get(RegistrationSourceTable.SOURCE)));
                }
            });
            InsertValuesStep7<Record, Long, Long, Long, String, String, String, Long> insert = null;
            int inStatement = 0;
            for (SourceRow r : rows) {
                String key = r.state() + '\u0000' + r.registrationId();
                if (Objects.equals(last.get(key), r.source())) continue;
                last.put(key, r.source());
                if (insert == null) {
                    insert = tx.insertInto(RegistrationSourceTable.T, RegistrationSourceTable.CAMPAIGN_ID,
                            RegistrationSourceTable.JOB_ID, RegistrationSourceTable.LINE, RegistrationSourceTable.STATE,
                            RegistrationSourceTable.REGISTRATION_ID, RegistrationSourceTable.SOURCE,
                            RegistrationSourceTable.CREATED_AT);
                }
                insert = insert.values(campaignId, jobId, r.line(), r.state(), r.registrationId(), r.source(), now);
                if (++inStatement == ROWS_PER_STATEMENT) {
                    insert.onConflictDoNothing().execute();
                    insert = null;
                    inStatement = 0;
                }
            }
            if (insert != null) insert.onConflictDoNothing().execute();
        });
    }

    @Override
    public List<Stored> history(long campaignId, String state, String registrationId, int limit) {
        List<Stored> out = new ArrayList<>();
        dsl.select(RegistrationSourceTable.JOB_ID, ImportJobTable.FILE_NAME, RegistrationSourceTable.LINE,
                        RegistrationSourceTable.SOURCE, RegistrationSourceTable.CREATED_AT)
                .from(RegistrationSourceTable.T)
                .join(ImportJobTable.T).on(ImportJobTable.ID.eq(RegistrationSourceTable.JOB_ID))
                .where(RegistrationSourceTable.CAMPAIGN_ID.eq(campaignId)).and(RegistrationSourceTable.STATE.eq(state))
                .and(RegistrationSourceTable.REGISTRATION_ID.eq(registrationId))
                .orderBy(RegistrationSourceTable.ID.desc()).limit(limit)
                .forEach(r -> out.add(new Stored(r.get(RegistrationSourceTable.JOB_ID), r.get(ImportJobTable.FILE_NAME),
                        r.get(RegistrationSourceTable.LINE), r.get(RegistrationSourceTable.SOURCE),
                        Instant.ofEpochMilli(r.get(RegistrationSourceTable.CREATED_AT)))));
        return out;
    }
}
