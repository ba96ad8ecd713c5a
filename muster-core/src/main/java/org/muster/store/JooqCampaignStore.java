package org.muster.store;

import static org.muster.store.Tables.CampaignTable;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.muster.campaign.Campaign;
import org.muster.campaign.CampaignStore;

/** {@link CampaignStore} over jOOQ. */
final class JooqCampaignStore implements CampaignStore {

    private final DSLContext dsl;

    JooqCampaignStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public Campaign create(String name, String state) {
        long id = dsl.insertInto(CampaignTable.T, CampaignTable.NAME, CampaignTable.STATE, CampaignTable.CREATED_AT)
                .values(name, state, System.currentTimeMillis()).returningResult(CampaignTable.ID).fetchOne(CampaignTable.ID);
        return new Campaign(id, name, state);
    }

    @Override
    public Optional<Campaign> find(long id) {
        return dsl.select(CampaignTable.ID, CampaignTable.NAME, CampaignTable.STATE).from(CampaignTable.T).where(CampaignTable.ID.eq(id))
                .fetchOptional(JooqCampaignStore::campaign);
    }

    @Override
    public List<Campaign> all() {
        return dsl.select(CampaignTable.ID, CampaignTable.NAME, CampaignTable.STATE).from(CampaignTable.T).orderBy(CampaignTable.ID)
                .fetch(JooqCampaignStore::campaign);
    }

    private static Campaign campaign(Record r) {
        return new Campaign(r.get(CampaignTable.ID), r.get(CampaignTable.NAME), r.get(CampaignTable.STATE));
    }
}
