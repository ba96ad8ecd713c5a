package org.muster.store;

import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.upper;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.muster.people.PersonSummary;
import org.muster.segment.Filter;
import org.muster.segment.Filter.Cmp;
import org.muster.segment.Filter.DistrictKind;
import org.muster.segment.Geo;
import org.muster.segment.SegmentExecutor;

/**
 * Compiles segment filters to one SQL condition on {@code person}, the same for SQLite and PostgreSQL. Every
 * clause is two-valued (membership in a set of person ids, or a null check before a comparison) so that {@code not}
 * means exactly the complement among the campaign's people, as it does in the bitmap index.
 *
 * <p>Clauses on child tables are {@code person.id in (select person_id ... )}, uncorrelated: SQLite builds the set
 * once and PostgreSQL hashes it (a semi-join, or a hashed subplan under {@code not} and {@code or}), where a
 * correlated EXISTS was one index probe per person (seconds at a million people). PostgreSQL hashes a subplan only
 * when it expects it to fit in {@code work_mem}, so queries run with a larger one ({@link #WORK_MEM}). Count clauses
 * ({@code votes(last N)}, {@code household_size}) are id sets too, grouped once with the comparison in
 * {@code having}; the people a count of zero (no vote) or one (no household) admits are added explicitly.
 */
public final class SegmentSql implements SegmentExecutor {

    private static final long DAY_MILLIS = 86_400_000L;
    /** Enough for the person ids of one clause at ten million people. */
    static final String WORK_MEM = "256MB";

    private final DSLContext dsl;
    private final long campaignId;

    public SegmentSql(Database database, long campaignId) {
        this(database.dsl(), campaignId);
    }

    /** Over any connection whose tables have the Muster schema's names and columns (benchmarks load DuckDB so). */
    public SegmentSql(DSLContext dsl, long campaignId) {
        this.dsl = dsl;
        this.campaignId = campaignId;
    }

    @Override
    public long count(Filter filter, Instant now) {
        return read(db -> db.selectCount().from(PersonTable.T).where(where(filter, now)).fetchOne(0, Long.class));
    }

    @Override
    public long[] ids(Filter filter, Instant now) {
        return read(db -> db.select(PersonTable.ID).from(PersonTable.T).where(where(filter, now)).orderBy(PersonTable.ID)
                .fetch(PersonTable.ID).stream().mapToLong(Long::longValue).toArray());
    }

    @Override
    public long[] firstIds(Filter filter, Instant now, int limit) {
        return read(db -> db.select(PersonTable.ID).from(PersonTable.T).where(where(filter, now)).orderBy(PersonTable.ID)
                .limit(limit).fetch(PersonTable.ID).stream().mapToLong(Long::longValue).toArray());
    }

    /** Runs a query; on PostgreSQL in a transaction with {@link #WORK_MEM} so id sets are hashed, not rescanned. */
    private <T> T read(java.util.function.Function<DSLContext, T> query) {
        if (dsl.dialect() != org.jooq.SQLDialect.POSTGRES) return query.apply(dsl);
        return dsl.transactionResult(cfg -> {
            cfg.dsl().execute("set local work_mem = '" + WORK_MEM + "'");
            return query.apply(cfg.dsl());
        });
    }

    /** Display rows for people already chosen (e.g. by the bitmap index), in the order given. */
    public List<PersonSummary> summaries(List<Long> ids) {
        return new JooqPersonStore(dsl).summaries(ids);
    }

    @Override
    public Map<String, Long> countByPrecinct(Filter filter, Instant now) {
        Field<Integer> n = countDistinct(PersonTable.ID);
        Map<String, Long> out = new HashMap<>();
        read(db -> db.select(VoterRegistrationTable.PRECINCT, n).from(PersonTable.T)
                .join(VoterRegistrationTable.T).on(VoterRegistrationTable.PERSON_ID.eq(PersonTable.ID))
                .where(where(filter, now)).and(VoterRegistrationTable.PRECINCT.isNotNull())
                .groupBy(VoterRegistrationTable.PRECINCT)
                .fetch()).forEach(r -> out.put(r.value1(), r.value2().longValue()));
        // Sorted in Java: the dialects' collations could order tied precinct names differently.
        return SegmentExecutor.largestFirst(out);
    }

    private Condition where(Filter filter, Instant now) {
        return PersonTable.CAMPAIGN_ID.eq(campaignId).and(condition(filter, now));
    }

    Condition condition(Filter f, Instant now) {
        return switch (f) {
            case Filter.And and -> DSL.and(and.parts().stream().map(p -> condition(p, now)).toList());
            case Filter.Or or -> DSL.or(or.parts().stream().map(p -> condition(p, now)).toList());
            case Filter.Not not -> DSL.not(condition(not.inner(), now));
            case Filter.Tag tag -> PersonTable.ID.in(select(TaggingTable.PERSON_ID).from(TaggingTable.T)
                    .join(TagTable.T).on(TagTable.ID.eq(TaggingTable.TAG_ID))
                    .where(TagTable.CAMPAIGN_ID.eq(campaignId)).and(TagTable.NAME.eq(tag.name())));
            case Filter.District d -> PersonTable.ID.in(select(VoterRegistrationTable.PERSON_ID).from(VoterRegistrationTable.T)
                    .where(VoterRegistrationTable.CAMPAIGN_ID.eq(campaignId)).and(districtColumn(d.kind()).in(d.values())));
            case Filter.Party p -> PersonTable.PARTY.isNotNull().and(PersonTable.PARTY.in(p.values()));
            case Filter.BirthYear by -> compare(PersonTable.BIRTH_YEAR, by.cmp(), by.year());
            case Filter.Age age -> condition(age.asBirthYear(now.atZone(ZoneOffset.UTC).getYear()), now);
            case Filter.Support s -> compare(PersonTable.SUPPORT_LEVEL, s.cmp(), s.level());
            case Filter.HouseholdSize h -> householdSize(h.cmp(), h.size());
            case Filter.Score s -> PersonTable.ID.in(select(ScoreTable.PERSON_ID).from(ScoreTable.T)
                    .where(ScoreTable.NAME.eq(s.name())).and(compare(ScoreTable.VALUE, s.cmp(), s.value())));
            case Filter.Voted v -> PersonTable.ID.in(select(VoteHistoryTable.PERSON_ID).from(VoteHistoryTable.T)
                    .where(election(v.election()))
                    .and(v.method() == null ? noCondition() : upper(VoteHistoryTable.METHOD).eq(v.method())));
            case Filter.VoteCount vc -> votesInLast(vc.elections(), vc.cmp(), vc.count());
            case Filter.Contacted c -> PersonTable.ID.in(select(ActivityTable.PERSON_ID).from(ActivityTable.T)
                    .where(c.type() == null ? noCondition() : ActivityTable.TYPE.eq(c.type()))
                    .and(ActivityTable.AT.ge((Math.floorDiv(now.toEpochMilli(), DAY_MILLIS) - c.days()) * DAY_MILLIS)));
            case Filter.Engaged e -> condition(e.asContacted(), now);
            case Filter.Consent c -> consentGranted(c.channel());
            case Filter.CustomField cf -> PersonTable.ID.in(select(CustomFieldValueTable.PERSON_ID).from(CustomFieldValueTable.T)
                    .join(CustomFieldTable.T).on(CustomFieldTable.ID.eq(CustomFieldValueTable.FIELD_ID))
                    .where(CustomFieldTable.CAMPAIGN_ID.eq(campaignId)).and(CustomFieldTable.NAME.eq(cf.field()))
                    .and(CustomFieldValueTable.VALUE.in(cf.values())));
            case Filter.Within w -> within(Geo.Circle.of(w));
            case Filter.WithinPolygon w -> within(Geo.Polygon.of(w));
            case Filter.Donated d -> PersonTable.ID.in(select(DonationTable.PERSON_ID).from(DonationTable.T)
                    .where(d.since() == null ? noCondition() : DonationTable.DONATED_AT.ge(d.since().epochMillis(now)))
                    .and(d.cmp() == null ? noCondition() : compare(DonationTable.AMOUNT_CENTS, d.cmp(), d.cents())));
            case Filter.Attended a -> PersonTable.ID.in(select(EventAttendanceTable.PERSON_ID).from(EventAttendanceTable.T)
                    .join(EventTable.T).on(EventTable.ID.eq(EventAttendanceTable.EVENT_ID))
                    .where(EventTable.CAMPAIGN_ID.eq(campaignId)).and(EventAttendanceTable.STATUS.eq("attended"))
                    .and(a.event() == null ? noCondition() : EventTable.NAME.eq(a.event()))
                    .and(a.since() == null ? noCondition() : EventTable.STARTS_AT.ge(a.since().epochMillis(now))));
            case Filter.Split sp -> split(sp);
            case Filter.SegmentRef ref -> throw new IllegalArgumentException("segment(" + ref.name() + ") must be resolved before compiling");
        };
    }

    /** A geocoded address in the circle: a bounding box the address index can use, then the exact test of {@link Geo}. */
    private static Condition within(Geo.Circle c) {
        Field<Double> dy = PersonAddressTable.LATITUDE.minus(val(c.lat0())).times(val(c.ky()));
        Field<Double> dx = PersonAddressTable.LONGITUDE.minus(val(c.lon0())).times(val(c.kx()));
        return addressIn(c.minLat(), c.maxLat(), c.minLon(), c.maxLon(), dy.times(dy).plus(dx.times(dx)).le(val(c.r2())));
    }

    /** A geocoded address inside the polygon: an odd number of edge crossings, each computed as {@link Geo} does. */
    private static Condition within(Geo.Polygon p) {
        Field<Integer> crossings = inline(0);
        for (Geo.Polygon.Edge e : p.edges()) {
            Condition straddles = val(e.y1()).gt(PersonAddressTable.LATITUDE).ne(val(e.y2()).gt(PersonAddressTable.LATITUDE));
            Condition left = PersonAddressTable.LONGITUDE.lt(val(e.dx()).times(PersonAddressTable.LATITUDE.minus(val(e.y1())))
                    .div(val(e.dy())).plus(val(e.x1())));
            crossings = crossings.plus(when(straddles.and(left), inline(1)).otherwise(inline(0)));
        }
        return addressIn(p.minLat(), p.maxLat(), p.minLon(), p.maxLon(), crossings.mod(inline(2)).eq(inline(1)));
    }

    private static Condition addressIn(double minLat, double maxLat, double minLon, double maxLon, Condition exact) {
        return PersonTable.ID.in(select(PersonAddressTable.PERSON_ID).from(PersonAddressTable.T)
                .where(PersonAddressTable.LATITUDE.between(minLat, maxLat)).and(PersonAddressTable.LONGITUDE.between(minLon, maxLon))
                .and(exact));
    }

    /** {@link Filter.Split#bucket} in SQL: the same integer steps, every product below 2^63. */
    private static Condition split(Filter.Split s) {
        Field<Long> m = inline(1L << 32);
        Field<Long> h = PersonTable.ID.times(inline(2_654_435_761L)).mod(m);
        h = h.times(inline(Filter.Split.multiplier(s.seed()))).mod(m);
        h = h.plus(h.div(inline(65_536L))).mod(m);
        h = h.times(inline(2_146_121_005L)).mod(m);
        h = h.plus(h.div(inline(65_536L))).mod(m);
        Field<Long> bucket = h.times(inline(100L)).div(m);
        return bucket.ge(inline((long) s.from())).and(bucket.lt(inline((long) s.to())));
    }

    private static <T extends Number> Condition compare(Field<T> f, Cmp cmp, T value) {
        Condition c = switch (cmp) {
            case EQ -> f.eq(value);
            case NE -> f.ne(value);
            case LT -> f.lt(value);
            case LE -> f.le(value);
            case GT -> f.gt(value);
            case GE -> f.ge(value);
        };
        return f.isNotNull().and(c);
    }

    private static Field<String> districtColumn(DistrictKind kind) {
        return switch (kind) {
            case PRECINCT -> VoterRegistrationTable.PRECINCT;
            case WARD -> VoterRegistrationTable.WARD;
            case COUNTY -> VoterRegistrationTable.COUNTY;
            case MUNICIPALITY -> VoterRegistrationTable.MUNICIPALITY;
            case CONGRESSIONAL -> VoterRegistrationTable.CONGRESSIONAL_DISTRICT;
            case STATE_SENATE -> VoterRegistrationTable.STATE_SENATE_DISTRICT;
            case STATE_HOUSE -> VoterRegistrationTable.STATE_HOUSE_DISTRICT;
        };
    }

    private static Condition election(Filter.Election e) {
        if (e.date() != null) return VoteHistoryTable.ELECTION_DATE.eq(e.date());
        if (e.name() != null) return VoteHistoryTable.ELECTION_NAME.eq(e.name());
        return VoteHistoryTable.ELECTION_DATE.between(LocalDate.of(e.year(), 1, 1), LocalDate.of(e.year(), 12, 31))
                .and(upper(VoteHistoryTable.ELECTION_NAME).like("%" + e.kind()));
    }

    /**
     * Household size (1 without a household, else its number of people) compared with {@code size}: the households
     * of matching size grouped once, where a count per person was one probe of the household per candidate row.
     */
    private static Condition householdSize(Cmp cmp, int size) {
        Field<Long> memberHousehold = field(name("hh", "household_id"), SQLDataType.BIGINT);
        // The null check keeps the clause two-valued under not: null in (...) is unknown, not false.
        Condition sized = PersonTable.HOUSEHOLD_ID.isNotNull().and(PersonTable.HOUSEHOLD_ID.in(select(memberHousehold).from(PersonTable.T.as("hh"))
                .where(memberHousehold.isNotNull()).groupBy(memberHousehold).having(compare(DSL.count(), cmp, size))));
        return cmp.test(1, size) ? PersonTable.HOUSEHOLD_ID.isNull().or(sized) : sized;
    }

    /**
     * The number of distinct dates voted on among the campaign's last {@code n} election dates, compared with
     * {@code k}, as one grouped set of voters (a count per person made PostgreSQL's first page take minutes at a
     * million people). People outside the set voted on none of those dates, a count of 0: when 0 itself compares
     * true they belong, so the answer is everyone but the voters whose count compares false.
     */
    private Condition votesInLast(int n, Cmp cmp, int k) {
        Condition counts = compare(countDistinct(VoteHistoryTable.ELECTION_DATE), cmp, k);
        boolean zeroMatches = cmp.test(0, k);
        var voters = select(VoteHistoryTable.PERSON_ID).from(VoteHistoryTable.T).where(VoteHistoryTable.ELECTION_DATE.in(lastElectionDates(n)))
                .groupBy(VoteHistoryTable.PERSON_ID).having(zeroMatches ? DSL.not(counts) : counts);
        return zeroMatches ? PersonTable.ID.notIn(voters) : PersonTable.ID.in(voters);
    }

    /**
     * The campaign's newest {@code n} election dates, newest first (fewer when it has fewer). One probe per date
     * walks the election-date index backwards from the last date found, so the lookup reads about n index entries
     * rather than every vote of the campaign (a {@code select distinct ... order by ... limit n} over ten million
     * people read them all, on every count).
     */
    private List<LocalDate> lastElectionDates(int n) {
        List<LocalDate> dates = new ArrayList<>(n);
        Condition ofCampaign = DSL.exists(selectOne().from(PersonTable.T).where(PersonTable.ID.eq(VoteHistoryTable.PERSON_ID))
                .and(PersonTable.CAMPAIGN_ID.eq(campaignId)));
        while (dates.size() < n) {
            Condition before = dates.isEmpty() ? noCondition() : VoteHistoryTable.ELECTION_DATE.lt(dates.getLast());
            LocalDate next = dsl.select(VoteHistoryTable.ELECTION_DATE).from(VoteHistoryTable.T).where(before).and(ofCampaign)
                    .orderBy(VoteHistoryTable.ELECTION_DATE.desc()).limit(1).fetchOne(VoteHistoryTable.ELECTION_DATE);
            if (next == null) break;
            dates.add(next);
        }
        return dates;
    }

    /** The newest ledger row for the channel (by time, then id) says GRANTED. */
    private static Condition consentGranted(String channel) {
        Table<Record> newer = ConsentTable.T.as("c2");
        Field<Long> newerPerson = field(name("c2", "person_id"), SQLDataType.BIGINT);
        Field<String> newerChannel = field(name("c2", "channel"), SQLDataType.VARCHAR);
        Field<Long> newerAt = field(name("c2", "recorded_at"), SQLDataType.BIGINT);
        Field<Long> newerId = field(name("c2", "id"), SQLDataType.BIGINT);
        return PersonTable.ID.in(select(ConsentTable.PERSON_ID).from(ConsentTable.T)
                .where(ConsentTable.CHANNEL.eq(channel))
                .and(ConsentTable.STATUS.eq("GRANTED"))
                .and(notExists(selectOne().from(newer).where(newerPerson.eq(ConsentTable.PERSON_ID))
                        .and(newerChannel.eq(ConsentTable.CHANNEL))
                        .and(newerAt.gt(ConsentTable.RECORDED_AT).or(newerAt.eq(ConsentTable.RECORDED_AT).and(newerId.gt(ConsentTable.ID)))))));
    }
}
