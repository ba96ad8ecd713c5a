package org.muster.store;

import static org.muster.store.SegmentTables.SavedSegmentTable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.muster.segment.SavedSegment;
import org.muster.segment.SavedSegmentStore;
import org.muster.segment.SegmentParser;

/** {@link SavedSegmentStore} over jOOQ, for both dialects. */
public final class JooqSavedSegmentStore implements SavedSegmentStore {

    private final DSLContext dsl;

    public JooqSavedSegmentStore(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public SavedSegment save(long campaignId, String name, String filter, Long userId) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a saved segment needs a name");
        String text = SegmentParser.parse(filter).toString();
        long now = System.currentTimeMillis();
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            int updated = tx.update(SavedSegmentTable.T).set(SavedSegmentTable.FILTER, text).set(SavedSegmentTable.UPDATED_AT, now)
                    .where(SavedSegmentTable.CAMPAIGN_ID.eq(campaignId)).and(SavedSegmentTable.NAME.eq(name.strip())).execute();
            if (updated == 0) {
                tx.insertInto(SavedSegmentTable.T, SavedSegmentTable.CAMPAIGN_ID, SavedSegmentTable.NAME, SavedSegmentTable.FILTER,
                        SavedSegmentTable.CREATED_BY, SavedSegmentTable.CREATED_AT, SavedSegmentTable.UPDATED_AT)
                        .values(campaignId, name.strip(), text, userId, now, now).execute();
            }
        });
        return find(campaignId, name.strip()).orElseThrow();
    }

    @Override
    public Optional<SavedSegment> find(long campaignId, String name) {
        return dsl.select(SavedSegmentTable.ID, SavedSegmentTable.CAMPAIGN_ID, SavedSegmentTable.NAME, SavedSegmentTable.FILTER,
                        SavedSegmentTable.CREATED_BY, SavedSegmentTable.UPDATED_AT).from(SavedSegmentTable.T)
                .where(SavedSegmentTable.CAMPAIGN_ID.eq(campaignId)).and(SavedSegmentTable.NAME.eq(name))
                .fetchOptional(JooqSavedSegmentStore::segment);
    }

    @Override
    public List<SavedSegment> list(long campaignId) {
        return dsl.select(SavedSegmentTable.ID, SavedSegmentTable.CAMPAIGN_ID, SavedSegmentTable.NAME, SavedSegmentTable.FILTER,
                        SavedSegmentTable.CREATED_BY, SavedSegmentTable.UPDATED_AT).from(SavedSegmentTable.T)
                .where(SavedSegmentTable.CAMPAIGN_ID.eq(campaignId)).orderBy(SavedSegmentTable.NAME)
                .fetch(JooqSavedSegmentStore::segment);
    }

    private static SavedSegment segment(Record r) {
        return new SavedSegment(r.get(SavedSegmentTable.ID), r.get(SavedSegmentTable.CAMPAIGN_ID), r.get(SavedSegmentTable.NAME),
                r.get(SavedSegmentTable.FILTER), r.get(SavedSegmentTable.CREATED_BY), Instant.ofEpochMilli(r.get(SavedSegmentTable.UPDATED_AT)));
    }
}
