package org.muster.store;

import static org.muster.store.DonationEventTables.DonationTable;
import static org.muster.store.DonationEventTables.EventAttendanceTable;
import static org.muster.store.DonationEventTables.EventTable;
import static org.muster.store.SegmentTables.CustomFieldTable;
import static org.muster.store.SegmentTables.CustomFieldValueTable;
import static org.muster.store.SegmentTables.ScoreTable;
import static org.muster.store.Tables.ActivityTable;
import static org.muster.store.Tables.ConsentTable;
import static org.muster.store.Tables.PersonAddressTable;
import static org.muster.store.Tables.PersonTable;
import static org.muster.store.Tables.TagTable;
import static org.muster.store.Tables.TaggingTable;
import static org.muster.store.Tables.VoteHistoryTable;
import static org.muster.store.Tables.VoterRegistrationTable;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.muster.segment.SegmentSource;

/** Reads what the segment bitmap index holds, table by table, streaming so millions of rows fit in little memory. */
public final class JooqSegmentSource implements SegmentSource {

    /** Ids per IN list when re-reading changed people: well under both dialects' bind-variable limits. */
    private static final int CHUNK = 500;

    private final DSLContext dsl;

    public JooqSegmentSource(Database database) {
        this.dsl = database.dsl();
    }

    @Override
    public void scan(long campaignId, long[] personIds, Sink sink) {
        if (personIds == null) {
            scan(campaignId, DSL.noCondition(), null, sink);
            return;
        }
        for (int from = 0; from < personIds.length; from += CHUNK) {
            List<Long> chunk = Arrays.stream(personIds, from, Math.min(personIds.length, from + CHUNK)).boxed().toList();
            scan(campaignId, null, chunk, sink);
        }
    }

    /** Exactly one of {@code all} (no restriction) and {@code ids} is given. */
    private void scan(long campaignId, Condition all, List<Long> ids, Sink sink) {
        // PostgreSQL streams a result with a fetch size only inside a transaction; SQLite streams anyway and a
        // transaction there would take the write lock for the whole scan.
        if (dsl.dialect() == SQLDialect.POSTGRES) {
            dsl.transaction(cfg -> read(cfg.dsl(), campaignId, all, ids, sink));
        } else {
            read(dsl, campaignId, all, ids, sink);
        }
    }

    private static void read(DSLContext db, long campaignId, Condition all, List<Long> ids, Sink sink) {
        stream(db.select(PersonTable.ID, PersonTable.PARTY, PersonTable.BIRTH_YEAR, PersonTable.SUPPORT_LEVEL, PersonTable.HOUSEHOLD_ID)
                .from(PersonTable.T).where(PersonTable.CAMPAIGN_ID.eq(campaignId)).and(only(PersonTable.ID, all, ids)).orderBy(PersonTable.ID),
                r -> sink.person(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
        stream(db.select(VoterRegistrationTable.PERSON_ID, VoterRegistrationTable.PRECINCT, VoterRegistrationTable.WARD,
                        VoterRegistrationTable.COUNTY, VoterRegistrationTable.MUNICIPALITY, VoterRegistrationTable.CONGRESSIONAL_DISTRICT,
                        VoterRegistrationTable.STATE_SENATE_DISTRICT, VoterRegistrationTable.STATE_HOUSE_DISTRICT)
                        .from(VoterRegistrationTable.T).where(VoterRegistrationTable.CAMPAIGN_ID.eq(campaignId))
                        .and(only(VoterRegistrationTable.PERSON_ID, all, ids)),
                r -> sink.registration(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8()));
        stream(db.select(VoteHistoryTable.PERSON_ID, VoteHistoryTable.ELECTION_DATE, VoteHistoryTable.ELECTION_NAME, VoteHistoryTable.METHOD)
                        .from(VoteHistoryTable.T).join(PersonTable.T).on(PersonTable.ID.eq(VoteHistoryTable.PERSON_ID))
                        .where(PersonTable.CAMPAIGN_ID.eq(campaignId)).and(only(VoteHistoryTable.PERSON_ID, all, ids)),
                r -> sink.vote(r.value1(), r.value2(), r.value3(), r.value4()));
        stream(db.select(TaggingTable.PERSON_ID, TagTable.NAME).from(TaggingTable.T).join(TagTable.T).on(TagTable.ID.eq(TaggingTable.TAG_ID))
                        .where(TagTable.CAMPAIGN_ID.eq(campaignId)).and(only(TaggingTable.PERSON_ID, all, ids)),
                r -> sink.tag(r.value1(), r.value2()));
        stream(db.select(ActivityTable.PERSON_ID, ActivityTable.TYPE, ActivityTable.AT)
                        .from(ActivityTable.T).join(PersonTable.T).on(PersonTable.ID.eq(ActivityTable.PERSON_ID))
                        .where(PersonTable.CAMPAIGN_ID.eq(campaignId)).and(only(ActivityTable.PERSON_ID, all, ids)),
                r -> sink.activity(r.value1(), r.value2(), r.value3()));
        stream(db.select(ConsentTable.PERSON_ID, ConsentTable.CHANNEL, ConsentTable.STATUS)
                        .from(ConsentTable.T).join(PersonTable.T).on(PersonTable.ID.eq(ConsentTable.PERSON_ID))
                        .where(PersonTable.CAMPAIGN_ID.eq(campaignId)).and(only(ConsentTable.PERSON_ID, all, ids))
                        .orderBy(ConsentTable.PERSON_ID, ConsentTable.RECORDED_AT, ConsentTable.ID),
                r -> sink.consent(r.value1(), r.value2(), r.value3()));
        stream(db.select(CustomFieldValueTable.PERSON_ID, CustomFieldTable.NAME, CustomFieldValueTable.VALUE)
                        .from(CustomFieldValueTable.T).join(CustomFieldTable.T).on(CustomFieldTable.ID.eq(CustomFieldValueTable.FIELD_ID))
                        .where(CustomFieldTable.CAMPAIGN_ID.eq(campaignId)).and(only(CustomFieldValueTable.PERSON_ID, all, ids)),
                r -> sink.customField(r.value1(), r.value2(), r.value3()));
        stream(db.select(ScoreTable.PERSON_ID, ScoreTable.NAME, ScoreTable.VALUE)
                        .from(ScoreTable.T).join(PersonTable.T).on(PersonTable.ID.eq(ScoreTable.PERSON_ID))
                        .where(PersonTable.CAMPAIGN_ID.eq(campaignId)).and(only(ScoreTable.PERSON_ID, all, ids)),
                r -> sink.score(r.value1(), r.value2(), r.value3()));
        stream(db.select(PersonAddressTable.PERSON_ID, PersonAddressTable.LATITUDE, PersonAddressTable.LONGITUDE)
                        .from(PersonAddressTable.T).join(PersonTable.T).on(PersonTable.ID.eq(PersonAddressTable.PERSON_ID))
                        .where(PersonTable.CAMPAIGN_ID.eq(campaignId)).and(only(PersonAddressTable.PERSON_ID, all, ids))
                        .and(PersonAddressTable.LATITUDE.isNotNull()).and(PersonAddressTable.LONGITUDE.isNotNull()),
                r -> sink.location(r.value1(), r.value2(), r.value3()));
        stream(db.select(DonationTable.PERSON_ID, DonationTable.AMOUNT_CENTS, DonationTable.DONATED_AT)
                        .from(DonationTable.T).join(PersonTable.T).on(PersonTable.ID.eq(DonationTable.PERSON_ID))
                        .where(PersonTable.CAMPAIGN_ID.eq(campaignId)).and(only(DonationTable.PERSON_ID, all, ids)),
                r -> sink.donation(r.value1(), r.value2(), r.value3()));
        stream(db.select(EventAttendanceTable.PERSON_ID, EventTable.ID, EventTable.NAME, EventTable.STARTS_AT)
                        .from(EventAttendanceTable.T).join(EventTable.T).on(EventTable.ID.eq(EventAttendanceTable.EVENT_ID))
                        .where(EventTable.CAMPAIGN_ID.eq(campaignId)).and(EventAttendanceTable.STATUS.eq("attended"))
                        .and(only(EventAttendanceTable.PERSON_ID, all, ids)),
                r -> sink.attended(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private static Condition only(Field<Long> personId, Condition all, List<Long> ids) {
        return ids == null ? all : personId.in(ids);
    }

    private static <R extends Record> void stream(ResultQuery<R> query, Consumer<R> each) {
        try (var cursor = query.fetchSize(10_000).fetchLazy()) {
            cursor.forEach(each);
        }
    }

    @Override
    public long lastEventId() {
        return Outbox.lastEventId(dsl);
    }

    @Override
    public Changes changesAfter(long afterEventId, int limit) {
        Outbox.PersonChanges changes = Outbox.personChanges(dsl, afterEventId, limit);
        return new Changes(changes.lastEventId(), changes.personIds());
    }

    @Override
    public Map<Long, Integer> householdSizes(long[] householdIds) {
        Map<Long, Integer> out = new HashMap<>();
        for (int from = 0; from < householdIds.length; from += CHUNK) {
            List<Long> chunk = Arrays.stream(householdIds, from, Math.min(householdIds.length, from + CHUNK)).boxed().toList();
            dsl.select(PersonTable.HOUSEHOLD_ID, DSL.count()).from(PersonTable.T).where(PersonTable.HOUSEHOLD_ID.in(chunk))
                    .groupBy(PersonTable.HOUSEHOLD_ID).forEach(r -> out.put(r.value1(), r.value2()));
        }
        return out;
    }
}
