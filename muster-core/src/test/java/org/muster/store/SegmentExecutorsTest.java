package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.event.AttendanceStatus;
import org.muster.event.EventStore;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.segment.Filter;
import org.muster.segment.SegmentIndex;
import org.muster.segment.SegmentParser;

/** Property: on random filters over a random campaign, SQL and the bitmap index return exactly the same people. */
class SegmentExecutorsTest {

    private static final int FILTERS = 250;

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void sqlAndBitmapIndexAgreeOnRandomFilters(Supplier<Database> open) {
        try (Database db = open.get()) {
            Instant now = Instant.now();
            long campaign = db.campaigns().create("Segments", "NC").id();
            long other = db.campaigns().create("Other", "NC").id();
            SegmentFixtures.populate(db, campaign, 300, 42, now);
            SegmentFixtures.populate(db, other, 40, 43, now);
            SegmentSql sql = new SegmentSql(db, campaign);
            SegmentIndex index = SegmentIndex.build(new JooqSegmentSource(db), campaign);

            assertThat(index.count(SegmentParser.parse("not tag(no-such-tag)"), now)).isEqualTo(300);
            assertAgree(sql, index, new SplittableRandom(7), now);
        }
    }

    /**
     * The count clauses compiled as grouped id sets at their edges: a count of 0 (people with no vote or no household
     * must be included when 0 or 1 compares true), the window's full size and beyond, every operator, alone and negated.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void countClausesAgreeAtTheirEdges(Supplier<Database> open) {
        try (Database db = open.get()) {
            Instant now = Instant.now();
            long campaign = db.campaigns().create("Segments", "NC").id();
            SegmentFixtures.populate(db, campaign, 300, 21, now);
            SegmentFixtures.populate(db, db.campaigns().create("Other", "NC").id(), 40, 22, now);
            SegmentSql sql = new SegmentSql(db, campaign);
            SegmentIndex index = SegmentIndex.build(new JooqSegmentSource(db), campaign);
            int dates = SegmentFixtures.ELECTION_DATES.length;
            for (Filter.Cmp cmp : Filter.Cmp.values()) {
                for (int last : new int[] {1, 3, dates, dates + 2}) {
                    for (int k : new int[] {0, 1, last - 1, last, last + 1}) {
                        if (k < 0) continue;
                        assertSame(sql, index, new Filter.VoteCount(last, cmp, k), now);
                    }
                }
                for (int size = 0; size <= 4; size++) assertSame(sql, index, new Filter.HouseholdSize(cmp, size), now);
            }
            // The edges must be reachable in the data: someone voted on none of the dates, someone on all of them.
            assertThat(index.count(SegmentParser.parse("votes(last " + dates + ") = 0"), now)).isPositive();
            assertThat(index.count(SegmentParser.parse("votes(last " + dates + ") = " + dates), now)).isPositive();
        }
    }

    private static void assertSame(SegmentSql sql, SegmentIndex index, Filter filter, Instant now) {
        for (Filter f : List.of(filter, new Filter.Not(filter), new Filter.And(List.of(SegmentParser.parse("party = DEM"), filter)))) {
            assertThat(sql.ids(f, now)).as("people matching %s", f).containsExactly(index.ids(f, now));
            assertThat(sql.count(f, now)).as("count of %s", f).isEqualTo(index.count(f, now));
            assertThat(sql.firstIds(f, now, 10)).as("first page of %s", f).containsExactly(index.firstIds(f, now, 10));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void indexFollowsChangesThroughTheOutbox(Supplier<Database> open) {
        try (Database db = open.get()) {
            Instant now = Instant.now();
            long campaign = db.campaigns().create("Segments", "NC").id();
            List<Long> ids = SegmentFixtures.populate(db, campaign, 200, 11, now);
            SegmentSql sql = new SegmentSql(db, campaign);
            SegmentIndex index = SegmentIndex.build(new JooqSegmentSource(db), campaign);
            Filter contactedToday = SegmentParser.parse("contacted(0d, doorknock)");
            assertThat(index.count(contactedToday, now)).isZero();

            db.people().addActivity(ids.get(5), "doorknock", "Talked at the door", "test");
            SplittableRandom random = new SplittableRandom(12);
            db.people().insert(campaign, List.of(SegmentFixtures.person(random, "new-1"), SegmentFixtures.person(random, "new-2"),
                    new NewPerson("Solo", null, "Member", null, null, 1990, null, "DEM", 2, ContactCategory.MEMBER, "test", "H7",
                            List.of(), List.of(), List.of(), List.of(), List.of(), List.of("volunteer"))));
            long erased = db.dsl().select(Tables.PersonTable.ID).from(Tables.PersonTable.T)
                    .where(Tables.PersonTable.HOUSEHOLD_ID.in(db.dsl().select(Tables.PersonTable.HOUSEHOLD_ID).from(Tables.PersonTable.T)
                            .groupBy(Tables.PersonTable.HOUSEHOLD_ID).having(DSL.count().ge(3))))
                    .limit(1).fetchOne(Tables.PersonTable.ID);
            long consenting = ids.get(7);
            // Erasure and a consent change as their issues will write them: the change and its event in one transaction.
            db.dsl().transaction(cfg -> {
                cfg.dsl().deleteFrom(Tables.PersonTable.T).where(Tables.PersonTable.ID.eq(erased)).execute();
                cfg.dsl().insertInto(Tables.ConsentTable.T, Tables.ConsentTable.PERSON_ID, Tables.ConsentTable.CHANNEL,
                        Tables.ConsentTable.STATUS, Tables.ConsentTable.RECORDED_AT).values(consenting, "sms", "GRANTED", now.toEpochMilli()).execute();
                Batch events = Outbox.batch(cfg.dsl());
                Outbox.add(events, now.toEpochMilli(), "person", erased, "person.erased");
                Outbox.add(events, now.toEpochMilli(), "person", consenting, "person.consent");
                events.execute();
            });
            List<Long> kept = ids.stream().filter(id -> id != erased).toList();
            long donor = kept.get(9);
            long attendee = kept.get(10);
            Filter bigGiftThisYear = SegmentParser.parse("donated(amount >= 1000, since 1d)");
            Filter tonightsRally = SegmentParser.parse("attended(\"Evening rally\", since 0d)");
            assertThat(index.count(bigGiftThisYear, now)).isZero();
            new JooqDonationStore(db).record(donor, 150_000, "USD", now, "test", null);
            EventStore events = new JooqEventStore(db);
            long rally = events.create(campaign, "Evening rally", now, "Main square").id();
            events.setAttendance(rally, attendee, AttendanceStatus.REGISTERED);
            events.setAttendance(rally, attendee, AttendanceStatus.ATTENDED);
            assertThat(index.catchUp()).isEqualTo(8);
            assertThat(index.ids(bigGiftThisYear, now)).containsExactly(donor);
            assertThat(index.ids(tonightsRally, now)).containsExactly(attendee);
            assertThat(events.attendance(rally)).containsExactly(java.util.Map.entry(attendee, AttendanceStatus.ATTENDED));
            assertThat(index.ids(SegmentParser.parse("consent(sms)"), now)).contains(consenting);

            Instant later = Instant.now();
            assertThat(index.ids(contactedToday, later)).containsExactly(ids.get(5));
            assertThat(index.count(SegmentParser.parse("not tag(no-such-tag)"), later)).isEqualTo(202);
            assertThat(index.ids(SegmentParser.parse("household_size >= 1"), later)).doesNotContain(erased);
            assertAgree(sql, index, new SplittableRandom(13), later);
            assertThat(index.catchUp()).isZero();

            // A reply by email counts as a reply, as one by text does.
            long replier = kept.get(11);
            Filter repliedToday = SegmentParser.parse("replied(0d)");
            assertThat(index.ids(repliedToday, later)).doesNotContain(replier);
            db.people().addActivity(replier, "email.reply", "Replied: Saturday", "messaging");
            assertThat(index.catchUp()).isEqualTo(1);
            Instant afterReply = Instant.now();
            assertThat(index.ids(repliedToday, afterReply)).contains(replier).containsExactly(sql.ids(repliedToday, afterReply));
        }
    }

    /** Random filters, printed and parsed back first so the text form is exercised too. */
    private static void assertAgree(SegmentSql sql, SegmentIndex index, SplittableRandom random, Instant now) {
        int nonTrivial = 0;
        for (int i = 0; i < FILTERS; i++) {
            Filter generated = SegmentFixtures.randomFilter(random, 3);
            Filter filter = SegmentParser.parse(generated.toString());
            assertThat(filter).as("round trip of %s", generated).isEqualTo(generated);
            long[] expected = sql.ids(filter, now);
            assertThat(index.ids(filter, now)).as("people matching %s", filter).containsExactly(expected);
            assertThat(index.count(filter, now)).isEqualTo(sql.count(filter, now)).isEqualTo(expected.length);
            if (expected.length > 0 && expected.length < index.count(SegmentParser.parse("not tag(no-such-tag)"), now)) nonTrivial++;
            assertThat(index.firstIds(filter, now, 10)).containsExactly(sql.firstIds(filter, now, 10));
            if (i % 25 == 0) {
                assertThat(index.countByPrecinct(filter, now)).as("breakdown of %s", filter).containsExactlyEntriesOf(sql.countByPrecinct(filter, now));
            }
        }
        // Guards the generator: most filters must split the campaign, or agreement would prove little.
        assertThat(nonTrivial).isGreaterThan(FILTERS / 2);
    }
}
