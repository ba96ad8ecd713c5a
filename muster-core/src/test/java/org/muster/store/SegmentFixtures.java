package org.muster.store;

import static org.muster.store.SegmentTables.CustomFieldTable;
import static org.muster.store.SegmentTables.CustomFieldValueTable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.Registration;
import org.muster.people.VoteRecord;
import org.muster.segment.Filter;
import org.muster.segment.Filter.Cmp;
import org.muster.segment.Filter.DistrictKind;
import org.muster.segment.Filter.Election;

/**
 * A small random campaign whose values come from narrow domains, and random filters over the same domains, so
 * that random filters match some people but not all and every clause kind is exercised. Reproducible by seed.
 */
public final class SegmentFixtures {

    static final String[] PRECINCTS = {"P01", "P02", "P03", "P04", "P05"};
    static final String[] WARDS = {"W1", "W2", "W3"};
    static final String[] COUNTIES = {"WAKE", "DURHAM", "ORANGE"};
    static final String[] PARTIES = {"DEM", "REP", "UNA", "LIB"};
    static final String[] TAGS = {"volunteer", "donor", "yard-sign", "canvassed 2026"};
    static final String[] METHODS = {"IN-PERSON", "ABSENTEE", "EARLY"};
    static final String[] ACTIVITY_TYPES = {"canvass", "call", "email"};
    static final String[] CHANNELS = {"email", "sms"};
    static final String[] SHIRTS = {"S", "M", "L"};
    static final String[] SCORES = {"turnout", "persuasion"};
    static final String[] EVENTS = {"Town hall", "Phone bank", "Rally"};
    static final int[] EVENT_DAYS_AGO = {100, 40, 5};
    static final String[] ATTENDANCE = {"registered", "attended", "no-show"};
    static final long[] DONATION_CENTS = {500, 1_000, 2_500, 4_999, 5_000, 10_000};
    static final double[] DOLLARS = {5, 25, 49.99, 50, 100};
    static final LocalDate[] ELECTION_DATES = {LocalDate.of(2020, 3, 3), LocalDate.of(2020, 11, 3), LocalDate.of(2022, 5, 17),
            LocalDate.of(2022, 11, 8), LocalDate.of(2024, 11, 5)};
    static final String[] ELECTION_NAMES = {"03/03/2020 PRIMARY", "11/03/2020 GENERAL", "05/17/2022 PRIMARY",
            "11/08/2022 GENERAL", "11/05/2024 GENERAL"};

    private SegmentFixtures() {
    }

    /** Inserts {@code count} random people with timeline, consent and custom fields; returns their ids. */
    public static List<Long> populate(Database db, long campaignId, int count, long seed, Instant now) {
        SplittableRandom random = new SplittableRandom(seed);
        List<NewPerson> people = new ArrayList<>();
        for (int i = 0; i < count; i++) people.add(person(random, seed + "-" + i));
        List<Long> ids = db.people().insert(campaignId, people);
        long shirt = db.dsl().insertInto(CustomFieldTable.T, CustomFieldTable.CAMPAIGN_ID, CustomFieldTable.NAME, CustomFieldTable.DATA_TYPE)
                .values(campaignId, "shirt", "text").returningResult(CustomFieldTable.ID).fetchOne().value1();
        long[] events = new long[EVENTS.length];
        for (int e = 0; e < EVENTS.length; e++) {
            events[e] = db.dsl().insertInto(DonationEventTables.EventTable.T, DonationEventTables.EventTable.CAMPAIGN_ID,
                            DonationEventTables.EventTable.NAME, DonationEventTables.EventTable.STARTS_AT, DonationEventTables.EventTable.CREATED_AT)
                    .values(campaignId, EVENTS[e], now.toEpochMilli() - EVENT_DAYS_AGO[e] * 86_400_000L, now.toEpochMilli())
                    .returningResult(DonationEventTables.EventTable.ID).fetchOne().value1();
        }
        // One transaction: row-by-row commits would make the fixture slower than the test.
        db.dsl().transaction(cfg -> {
            for (long id : ids) {
                enrich(cfg.dsl(), id, shirt, random, now);
                enrichMore(cfg.dsl(), id, events, random, now);
            }
        });
        return ids;
    }

    static NewPerson person(SplittableRandom r, String key) {
        List<Registration> registrations = new ArrayList<>();
        int regs = r.nextInt(10) < 2 ? 0 : r.nextInt(10) < 1 ? 2 : 1;
        for (int j = 0; j < regs; j++) {
            registrations.add(new Registration("NC", key + "-" + j, null, pick(r, COUNTIES), "ACTIVE", null, null, null,
                    pick(r, PRECINCTS), r.nextBoolean() ? pick(r, WARDS) : null, "RALEIGH", String.valueOf(1 + r.nextInt(4)),
                    String.valueOf(10 + r.nextInt(3)), String.valueOf(30 + r.nextInt(4))));
        }
        List<VoteRecord> votes = new ArrayList<>();
        for (int e = 0; e < ELECTION_DATES.length; e++) {
            if (r.nextBoolean()) votes.add(new VoteRecord(ELECTION_DATES[e], ELECTION_NAMES[e], pick(r, METHODS), null, null));
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : TAGS) {
            if (r.nextInt(4) == 0) tags.add(tag);
        }
        return new NewPerson("First" + key, null, "Last" + key, null, null, r.nextInt(8) == 0 ? null : 1940 + r.nextInt(66),
                null, r.nextInt(6) == 0 ? null : pick(r, PARTIES), r.nextBoolean() ? null : 1 + r.nextInt(5), ContactCategory.PROSPECT,
                "test", r.nextInt(4) == 0 ? null : "H" + r.nextInt(60), List.of(), List.of(), List.of(), registrations, votes,
                List.copyOf(tags));
    }

    /** Timeline, consent and custom field rows the bulk insert does not write. */
    static void enrich(org.jooq.DSLContext dsl, long personId, long shirtField, SplittableRandom r, Instant now) {
        for (int a = r.nextInt(3); a > 0; a--) {
            dsl.insertInto(Tables.ActivityTable.T, Tables.ActivityTable.PERSON_ID, Tables.ActivityTable.AT, Tables.ActivityTable.TYPE)
                    .values(personId, now.toEpochMilli() - r.nextLong(90L * 86_400_000L), pick(r, ACTIVITY_TYPES)).execute();
        }
        for (int c = r.nextInt(4); c > 0; c--) {
            // Few distinct times, so ties on recorded_at (broken by id) happen.
            dsl.insertInto(Tables.ConsentTable.T, Tables.ConsentTable.PERSON_ID, Tables.ConsentTable.CHANNEL, Tables.ConsentTable.STATUS,
                    Tables.ConsentTable.RECORDED_AT).values(personId, pick(r, CHANNELS), r.nextBoolean() ? "GRANTED" : "WITHDRAWN",
                    1_000L * r.nextInt(3)).execute();
        }
        if (r.nextBoolean()) {
            dsl.insertInto(CustomFieldValueTable.T, CustomFieldValueTable.PERSON_ID, CustomFieldValueTable.FIELD_ID, CustomFieldValueTable.VALUE)
                    .values(personId, shirtField, pick(r, SHIRTS)).execute();
        }
    }

    /** Scores, geocoded addresses, donations, event attendance and message engagement (the clauses of V14). */
    static void enrichMore(org.jooq.DSLContext dsl, long personId, long[] events, SplittableRandom r, Instant now) {
        for (String score : SCORES) {
            if (r.nextInt(3) > 0) {
                dsl.insertInto(SegmentTables.ScoreTable.T, SegmentTables.ScoreTable.PERSON_ID, SegmentTables.ScoreTable.NAME,
                        SegmentTables.ScoreTable.VALUE, SegmentTables.ScoreTable.COMPUTED_AT)
                        .values(personId, score, r.nextInt(101) / 100.0, now.toEpochMilli()).execute();
            }
        }
        // 0, 1 or 2 geocoded addresses around Raleigh, and now and then one without coordinates.
        for (int a = r.nextInt(10) < 2 ? 0 : r.nextInt(10) < 1 ? 2 : 1; a > 0; a--) {
            dsl.insertInto(Tables.PersonAddressTable.T, Tables.PersonAddressTable.PERSON_ID, Tables.PersonAddressTable.LINE1,
                    Tables.PersonAddressTable.LATITUDE, Tables.PersonAddressTable.LONGITUDE)
                    .values(personId, "1 Main St", 35.70 + r.nextDouble() * 0.25, -78.80 + r.nextDouble() * 0.30).execute();
        }
        if (r.nextInt(10) == 0) {
            dsl.insertInto(Tables.PersonAddressTable.T, Tables.PersonAddressTable.PERSON_ID, Tables.PersonAddressTable.LINE1)
                    .values(personId, "PO Box 9").execute();
        }
        for (int d = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0; d > 0; d--) {
            dsl.insertInto(DonationEventTables.DonationTable.T, DonationEventTables.DonationTable.PERSON_ID,
                    DonationEventTables.DonationTable.AMOUNT_CENTS, DonationEventTables.DonationTable.DONATED_AT)
                    .values(personId, DONATION_CENTS[r.nextInt(DONATION_CENTS.length)], now.toEpochMilli() - r.nextLong(400L * 86_400_000L))
                    .execute();
        }
        for (long event : events) {
            if (r.nextInt(3) == 0) {
                dsl.insertInto(DonationEventTables.EventAttendanceTable.T, DonationEventTables.EventAttendanceTable.EVENT_ID,
                        DonationEventTables.EventAttendanceTable.PERSON_ID, DonationEventTables.EventAttendanceTable.STATUS,
                        DonationEventTables.EventAttendanceTable.RECORDED_AT)
                        .values(event, personId, pick(r, ATTENDANCE), now.toEpochMilli()).execute();
            }
        }
        for (Filter.Engagement kind : Filter.Engagement.values()) {
            for (String type : kind.activityTypes()) {
                if (r.nextInt(3) == 0) {
                    dsl.insertInto(Tables.ActivityTable.T, Tables.ActivityTable.PERSON_ID, Tables.ActivityTable.AT, Tables.ActivityTable.TYPE)
                            .values(personId, now.toEpochMilli() - r.nextLong(60L * 86_400_000L), type).execute();
                }
            }
        }
    }

    /** A random filter of up to {@code depth} levels of and/or/not over the fixture's domains. */
    public static Filter randomFilter(SplittableRandom r, int depth) {
        if (depth <= 0 || r.nextInt(10) < 5) return randomClause(r);
        return switch (r.nextInt(3)) {
            case 0 -> new Filter.And(List.of(randomFilter(r, depth - 1), randomFilter(r, depth - 1), randomFilter(r, depth - 1)).subList(0, 2 + r.nextInt(2)));
            case 1 -> new Filter.Or(List.of(randomFilter(r, depth - 1), randomFilter(r, depth - 1)));
            default -> new Filter.Not(randomFilter(r, depth - 1));
        };
    }

    static Filter randomClause(SplittableRandom r) {
        Cmp cmp = Cmp.values()[r.nextInt(Cmp.values().length)];
        return switch (r.nextInt(22)) {
            case 0 -> new Filter.Tag(r.nextInt(8) == 0 ? "no-such-tag" : pick(r, TAGS));
            case 1 -> new Filter.District(DistrictKind.PRECINCT, Set.copyOf(List.of(pick(r, PRECINCTS), pick(r, PRECINCTS)).stream().distinct().toList()));
            case 2 -> new Filter.District(r.nextBoolean() ? DistrictKind.WARD : DistrictKind.COUNTY,
                    Set.of(r.nextBoolean() ? pick(r, WARDS) : pick(r, COUNTIES)));
            case 3 -> new Filter.District(DistrictKind.values()[4 + r.nextInt(3)], Set.of(String.valueOf(r.nextInt(35))));
            case 4 -> new Filter.Party(Set.of(pick(r, PARTIES)));
            case 5 -> r.nextBoolean() ? new Filter.BirthYear(cmp, 1940 + r.nextInt(66)) : new Filter.Age(cmp, 20 + r.nextInt(70));
            case 6 -> new Filter.Support(cmp, 1 + r.nextInt(5));
            case 7 -> new Filter.Voted(election(r), r.nextInt(3) == 0 ? pick(r, METHODS) : null);
            case 8 -> new Filter.VoteCount(1 + r.nextInt(6), cmp, r.nextInt(5));
            case 9 -> new Filter.Contacted(r.nextInt(100), r.nextBoolean() ? null : pick(r, ACTIVITY_TYPES));
            case 10 -> new Filter.Consent(pick(r, CHANNELS));
            case 11 -> new Filter.HouseholdSize(cmp, 1 + r.nextInt(5));
            case 12 -> new Filter.CustomField(r.nextInt(6) == 0 ? "nickname" : "shirt", Set.of(pick(r, SHIRTS)));
            case 14 -> new Filter.Score(r.nextInt(8) == 0 ? "no-such-score" : pick(r, SCORES), cmp, r.nextInt(101) / 100.0);
            case 15 -> new Filter.Within(35.70 + r.nextInt(26) / 100.0, -78.80 + r.nextInt(31) / 100.0, 1 + r.nextInt(15));
            case 16 -> {
                List<double[]> points = new ArrayList<>();
                for (int i = 3 + r.nextInt(3); i > 0; i--) points.add(new double[] {35.65 + r.nextInt(35) / 100.0, -78.85 + r.nextInt(40) / 100.0});
                yield new Filter.WithinPolygon(points);
            }
            case 17 -> {
                boolean amount = r.nextInt(3) > 0;
                boolean since = r.nextInt(3) > 0;
                yield new Filter.Donated(amount ? cmp : null, amount ? Math.round(DOLLARS[r.nextInt(DOLLARS.length)] * 100) : null,
                        since ? since(r, LocalDate.now(java.time.ZoneOffset.UTC)) : null);
            }
            case 18 -> new Filter.Attended(r.nextInt(3) == 0 ? null : r.nextInt(8) == 0 ? "Picnic" : pick(r, EVENTS),
                    r.nextBoolean() ? null : since(r, LocalDate.now(java.time.ZoneOffset.UTC)));
            case 19 -> new Filter.Engaged(Filter.Engagement.values()[r.nextInt(3)], r.nextInt(70));
            case 20 -> {
                int from = r.nextInt(100);
                yield new Filter.Split(r.nextInt(1_000), from, from + 1 + r.nextInt(100 - from));
            }
            default -> new Filter.Not(new Filter.Party(Set.copyOf(List.of(pick(r, PARTIES), pick(r, PARTIES)).stream().distinct().toList())));
        };
    }

    /** A date or a number of days; dates near today, where the fixture's rows are. */
    private static Filter.Since since(SplittableRandom r, LocalDate today) {
        int daysAgo = r.nextInt(420);
        return r.nextBoolean() ? new Filter.Since(today.minusDays(daysAgo), null) : new Filter.Since(null, daysAgo);
    }

    private static Election election(SplittableRandom r) {
        int e = r.nextInt(ELECTION_DATES.length);
        return switch (r.nextInt(3)) {
            case 0 -> Election.onDate(ELECTION_DATES[e]);
            case 1 -> Election.named(ELECTION_NAMES[e]);
            default -> Election.ofYear(2020 + 2 * r.nextInt(3), r.nextBoolean() ? "general" : "primary");
        };
    }

    static String pick(SplittableRandom r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
