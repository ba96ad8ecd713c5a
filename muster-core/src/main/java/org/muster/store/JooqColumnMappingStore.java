package org.muster.store;

import static org.muster.store.ImportFormatTables.ColumnMappingTable;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.muster.voterfile.ColumnMapping;
import org.muster.voterfile.ColumnMappingStore;

/** {@link ColumnMappingStore} over jOOQ, for both dialects; mappings are stored in their text form. */
public final class JooqColumnMappingStore implements ColumnMappingStore {

    private final DSLContext dsl;

    public JooqColumnMappingStore(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public void save(long campaignId, String name, ColumnMapping mapping, Long userId) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a saved mapping needs a name");
        String key = name.strip();
        long now = System.currentTimeMillis();
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            int updated = tx.update(ColumnMappingTable.T).set(ColumnMappingTable.MAPPING, mapping.text())
                    .set(ColumnMappingTable.UPDATED_AT, now)
                    .where(ColumnMappingTable.CAMPAIGN_ID.eq(campaignId)).and(ColumnMappingTable.NAME.eq(key)).execute();
            if (updated == 0) {
                tx.insertInto(ColumnMappingTable.T, ColumnMappingTable.CAMPAIGN_ID, ColumnMappingTable.NAME,
                                ColumnMappingTable.MAPPING, ColumnMappingTable.CREATED_BY, ColumnMappingTable.CREATED_AT,
                                ColumnMappingTable.UPDATED_AT)
                        .values(campaignId, key, mapping.text(), userId, now, now).execute();
            }
        });
    }

    @Override
    public Optional<ColumnMapping> find(long campaignId, String name) {
        return dsl.select(ColumnMappingTable.MAPPING).from(ColumnMappingTable.T)
                .where(ColumnMappingTable.CAMPAIGN_ID.eq(campaignId)).and(ColumnMappingTable.NAME.eq(name.strip()))
                .fetchOptional(r -> ColumnMapping.parse(r.get(ColumnMappingTable.MAPPING)));
    }

    @Override
    public List<Saved> list(long campaignId) {
        return dsl.select(ColumnMappingTable.NAME, ColumnMappingTable.MAPPING).from(ColumnMappingTable.T)
                .where(ColumnMappingTable.CAMPAIGN_ID.eq(campaignId)).orderBy(ColumnMappingTable.NAME)
                .fetch(r -> new Saved(r.get(ColumnMappingTable.NAME), ColumnMapping.parse(r.get(ColumnMappingTable.MAPPING))));
    }
}
