package org.muster.store;

import static org.muster.store.MapTables.TurfCutTable;
import static org.muster.store.MapTables.TurfHouseholdTable;
import static org.muster.store.MapTables.TurfPersonTable;
import static org.muster.store.MapTables.TurfTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.muster.turf.CutTurf;
import org.muster.turf.Door;
import org.muster.turf.TurfCutter;
import org.muster.turf.TurfStore;

/** {@link TurfStore} over jOOQ, for both dialects. */
public final class JooqTurfStore implements TurfStore {

    private final DSLContext dsl;

    public JooqTurfStore(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public long save(long campaignId, String name, String filter, TurfCutter.Options options, Long userId, List<CutTurf> turfs) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a turf cut needs a name");
        long now = System.currentTimeMillis();
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            long cutId = tx.insertInto(TurfCutTable.T, TurfCutTable.CAMPAIGN_ID, TurfCutTable.NAME, TurfCutTable.FILTER,
                            TurfCutTable.TARGET_DOORS, TurfCutTable.WITHIN_PRECINCTS, TurfCutTable.CREATED_BY, TurfCutTable.CREATED_AT)
                    .values(campaignId, name.strip(), filter, options.targetDoors(), options.withinPrecincts(), userId, now)
                    .returningResult(TurfCutTable.ID).fetchOne(TurfCutTable.ID);
            Batch doors = new Batch(tx, TurfHouseholdTable.T, TurfHouseholdTable.TURF_ID, TurfHouseholdTable.POSITION,
                    TurfHouseholdTable.HOUSEHOLD_ID, TurfHouseholdTable.LATITUDE, TurfHouseholdTable.LONGITUDE);
            Batch people = new Batch(tx, TurfPersonTable.T, TurfPersonTable.TURF_ID, TurfPersonTable.HOUSEHOLD_ID,
                    TurfPersonTable.PERSON_ID);
            int number = 0;
            for (CutTurf t : turfs) {
                number++;
                String turfName = name.strip() + " " + number + (t.precinct() == null ? "" : " (precinct " + t.precinct() + ")");
                long turfId = tx.insertInto(TurfTable.T, TurfTable.CUT_ID, TurfTable.CAMPAIGN_ID, TurfTable.NAME,
                                TurfTable.PRECINCT, TurfTable.DOORS, TurfTable.PEOPLE, TurfTable.ROUTE_METRES,
                                TurfTable.COMPACTNESS, TurfTable.CREATED_AT)
                        .values(cutId, campaignId, turfName, t.precinct(), t.doors().size(), t.people(), t.routeMetres(),
                                t.compactness(), now)
                        .returningResult(TurfTable.ID).fetchOne(TurfTable.ID);
                int position = 0;
                for (Door d : t.doors()) {
                    doors.add(turfId, ++position, d.householdId(), d.latitude(), d.longitude());
                    for (long person : d.personIds()) people.add(turfId, d.householdId(), person);
                }
            }
            doors.execute();
            people.execute();
            return cutId;
        });
    }

    @Override
    public List<Cut> cuts(long campaignId) {
        return cutQuery(campaignId).orderBy(TurfCutTable.CREATED_AT.desc(), TurfCutTable.ID.desc()).fetch(JooqTurfStore::cut);
    }

    @Override
    public Optional<Cut> cut(long campaignId, long cutId) {
        return cutQuery(campaignId).and(TurfCutTable.ID.eq(cutId)).fetchOptional(JooqTurfStore::cut);
    }

    private org.jooq.SelectConditionStep<? extends Record> cutQuery(long campaignId) {
        var turfs = DSL.selectCount().from(TurfTable.T).where(TurfTable.CUT_ID.eq(TurfCutTable.ID)).asField("turfs");
        var doors = DSL.select(DSL.coalesce(DSL.sum(TurfTable.DOORS), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(TurfTable.T).where(TurfTable.CUT_ID.eq(TurfCutTable.ID)).asField("doors");
        return dsl.select(TurfCutTable.ID, TurfCutTable.NAME, TurfCutTable.FILTER, TurfCutTable.TARGET_DOORS,
                        TurfCutTable.WITHIN_PRECINCTS, TurfCutTable.CREATED_BY, TurfCutTable.CREATED_AT, turfs, doors)
                .from(TurfCutTable.T).where(TurfCutTable.CAMPAIGN_ID.eq(campaignId));
    }

    private static Cut cut(Record r) {
        return new Cut(r.get(TurfCutTable.ID), r.get(TurfCutTable.NAME), r.get(TurfCutTable.FILTER),
                r.get(TurfCutTable.TARGET_DOORS), r.get(TurfCutTable.WITHIN_PRECINCTS), r.get("turfs", Integer.class),
                r.get("doors", Integer.class), r.get(TurfCutTable.CREATED_BY), Instant.ofEpochMilli(r.get(TurfCutTable.CREATED_AT)));
    }

    @Override
    public List<Turf> turfs(long campaignId, long cutId) {
        return turfQuery(campaignId).and(TurfTable.CUT_ID.eq(cutId)).orderBy(TurfTable.ID).fetch(JooqTurfStore::turf);
    }

    @Override
    public Optional<Turf> turf(long campaignId, long turfId) {
        return turfQuery(campaignId).and(TurfTable.ID.eq(turfId)).fetchOptional(JooqTurfStore::turf);
    }

    private org.jooq.SelectConditionStep<? extends Record> turfQuery(long campaignId) {
        return dsl.select(TurfTable.ID, TurfTable.CUT_ID, TurfTable.NAME, TurfTable.PRECINCT, TurfTable.DOORS, TurfTable.PEOPLE,
                        TurfTable.ROUTE_METRES, TurfTable.COMPACTNESS)
                .from(TurfTable.T).where(TurfTable.CAMPAIGN_ID.eq(campaignId));
    }

    private static Turf turf(Record r) {
        return new Turf(r.get(TurfTable.ID), r.get(TurfTable.CUT_ID), r.get(TurfTable.NAME), r.get(TurfTable.PRECINCT),
                r.get(TurfTable.DOORS), r.get(TurfTable.PEOPLE), r.get(TurfTable.ROUTE_METRES), r.get(TurfTable.COMPACTNESS));
    }

    @Override
    public Map<Long, List<double[]>> routes(long campaignId, long cutId) {
        Map<Long, List<double[]>> routes = new LinkedHashMap<>();
        dsl.select(TurfHouseholdTable.TURF_ID, TurfHouseholdTable.LATITUDE, TurfHouseholdTable.LONGITUDE)
                .from(TurfHouseholdTable.T).join(TurfTable.T).on(TurfTable.ID.eq(TurfHouseholdTable.TURF_ID))
                .where(TurfTable.CUT_ID.eq(cutId)).and(TurfTable.CAMPAIGN_ID.eq(campaignId))
                .orderBy(TurfHouseholdTable.TURF_ID, TurfHouseholdTable.POSITION)
                .forEach(r -> routes.computeIfAbsent(r.get(TurfHouseholdTable.TURF_ID), k -> new ArrayList<>())
                        .add(new double[] {r.get(TurfHouseholdTable.LATITUDE), r.get(TurfHouseholdTable.LONGITUDE)}));
        return routes;
    }

    @Override
    public List<TurfDoor> doors(long turfId) {
        Map<Long, List<Long>> people = new LinkedHashMap<>();
        dsl.select(TurfPersonTable.HOUSEHOLD_ID, TurfPersonTable.PERSON_ID).from(TurfPersonTable.T)
                .where(TurfPersonTable.TURF_ID.eq(turfId)).orderBy(TurfPersonTable.PERSON_ID)
                .forEach(r -> people.computeIfAbsent(r.get(TurfPersonTable.HOUSEHOLD_ID), k -> new ArrayList<>())
                        .add(r.get(TurfPersonTable.PERSON_ID)));
        return dsl.select(TurfHouseholdTable.POSITION, TurfHouseholdTable.HOUSEHOLD_ID, TurfHouseholdTable.LATITUDE,
                        TurfHouseholdTable.LONGITUDE)
                .from(TurfHouseholdTable.T).where(TurfHouseholdTable.TURF_ID.eq(turfId)).orderBy(TurfHouseholdTable.POSITION)
                .fetch(r -> new TurfDoor(r.get(TurfHouseholdTable.POSITION), r.get(TurfHouseholdTable.HOUSEHOLD_ID),
                        r.get(TurfHouseholdTable.LATITUDE), r.get(TurfHouseholdTable.LONGITUDE),
                        List.copyOf(people.getOrDefault(r.get(TurfHouseholdTable.HOUSEHOLD_ID), List.of()))));
    }
}
