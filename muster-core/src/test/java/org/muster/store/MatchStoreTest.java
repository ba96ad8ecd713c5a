package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.muster.people.PeopleFixtures.voter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.identity.MergeRecord;
import org.muster.identity.ReviewItem;
import org.muster.match.Explanation;

class MatchStoreTest {

    /** Every table a merge touches, compared row for row before a merge and after its undo. */
    private static final List<String> PERSON_TABLES = List.of("person", "person_email", "person_phone",
            "person_address", "voter_registration", "vote_history", "tagging", "custom_field_value", "score",
            "activity", "consent", "donation", "event_attendance");

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    private static Explanation explanation(long a, long b, double p) {
        return new Explanation(Long.toString(a), Long.toString(b), -20,
                List.of(new Explanation.FieldEvidence("first", "exact", 5, 6.5, 0.3)), 1.0, p);
    }

    /** Two records of one woman: same email (dropped as duplicate), same 2024 vote and tag, a new phone. */
    private static long[] twoAnns(Database db, long campaign) {
        List<Long> ids = db.people().insert(campaign, List.of(
                voter("Ann", "Smith", "ann@example.org", "+19195550101", "12 Oak St", "92-000001"),
                voter("Ann", "Smyth", "ANN@example.org", "+19195550199", "12 Oak Street", "92-000002")));
        var dsl = db.dsl();
        dsl.execute("insert into custom_field (campaign_id, name, data_type) values (?, 'shirt', 'text')", campaign);
        long field = dsl.fetchOne("select id from custom_field where name = 'shirt'").get(0, Long.class);
        dsl.execute("insert into custom_field_value (person_id, field_id, value) values (?, ?, 'M')", ids.get(0), field);
        dsl.execute("insert into custom_field_value (person_id, field_id, value) values (?, ?, 'L')", ids.get(1), field);
        dsl.execute("insert into score (person_id, name, value, computed_at) values (?, 'turnout', 0.42, 5)", ids.get(1));
        dsl.execute("insert into consent (person_id, channel, status, source, recorded_at) values (?, 'sms', 'GRANTED', 'form', 7)", ids.get(1));
        dsl.execute("insert into donation (person_id, amount_cents, currency, donated_at, source) values (?, 2500, 'USD', 9, 'form')", ids.get(1));
        dsl.execute("insert into activity (person_id, at, type, summary) values (?, 11, 'door', 'Knocked: supporter')", ids.get(1));
        long townHall = new JooqEventStore(db).create(campaign, "Town hall", java.time.Instant.ofEpochMilli(10), null).id();
        long rally = new JooqEventStore(db).create(campaign, "Rally", java.time.Instant.ofEpochMilli(20), null).id();
        // Both went to the town hall (the survivor's row is kept, the other dropped and restored by undo).
        new JooqEventStore(db).setAttendance(townHall, ids.get(0), org.muster.event.AttendanceStatus.ATTENDED);
        new JooqEventStore(db).setAttendance(townHall, ids.get(1), org.muster.event.AttendanceStatus.NO_SHOW);
        new JooqEventStore(db).setAttendance(rally, ids.get(1), org.muster.event.AttendanceStatus.REGISTERED);
        return new long[] {ids.get(0), ids.get(1)};
    }

    private static List<String> dump(Database db) {
        List<String> rows = new ArrayList<>();
        for (String table : PERSON_TABLES) {
            db.dsl().fetch("select * from " + table).intoMaps().forEach(m -> rows.add(table + " " + new java.util.TreeMap<>(m)));
        }
        rows.sort(null);
        return rows;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void mergeMovesEverythingAndUndoRestoresIdenticalRows(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            long[] ann = twoAnns(db, campaign);
            JooqMatchStore store = new JooqMatchStore(db);
            long review = store.propose(campaign, ann[1], ann[0], explanation(ann[1], ann[0], 0.8), "test").orElseThrow();
            List<String> before = dump(db);

            MergeRecord merge = store.merge(campaign, ann[0], ann[1], review, 9L);
            assertThat(db.people().profile(campaign, ann[1])).isEmpty();
            var survivor = db.people().profile(campaign, ann[0]).orElseThrow();
            assertThat(survivor.emails()).containsExactly("ann@example.org");
            assertThat(survivor.phones()).containsExactlyInAnyOrder("+19195550101", "+19195550199");
            assertThat(survivor.registrations()).extracting(r -> r.registrationId()).containsExactlyInAnyOrder("92-000001", "92-000002");
            assertThat(survivor.votes()).hasSize(2);
            assertThat(survivor.tags()).containsExactly("volunteer-prospect");
            assertThat(survivor.addresses()).hasSize(2);
            assertThat(survivor.consent()).isNotEmpty();
            assertThat(survivor.timeline()).extracting(a -> a.type()).contains("merged");
            assertThat(db.dsl().fetchOne("select value from custom_field_value where person_id = ?", ann[0]).get(0)).isEqualTo("M");
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("score").where("person_id = ?", ann[0]))).isEqualTo(1);
            assertThat(merge.moved()).containsKeys("person_email", "person_phone", "voter_registration", "vote_history",
                    "tagging", "custom_field_value", "score", "consent", "activity", "donation", "event_attendance");
            assertThat(new JooqDonationStore(db).forPerson(ann[0])).extracting(d -> d.amountCents()).containsExactly(2_500L);
            assertThat(db.dsl().fetch("select status from event_attendance where person_id = ? order by event_id", ann[0])
                    .getValues(0, String.class)).containsExactly("attended", "registered");
            assertThat(store.review(campaign, review).orElseThrow().status()).isEqualTo(ReviewItem.Status.MERGED);
            assertThat(db.audit().recent(5)).extracting(e -> e.action()).contains("match.merge");
            assertThat(db.dsl().fetch("select type from outbox_event where aggregate_id = ?", ann[1]).getValues(0, String.class))
                    .contains("person.merged_away");

            MergeRecord undone = store.undo(campaign, merge.id(), 9L);
            assertThat(undone.undone()).isTrue();
            assertThat(dump(db)).isEqualTo(before);
            assertThat(store.review(campaign, review).orElseThrow().status()).isEqualTo(ReviewItem.Status.OPEN);
            assertThat(db.audit().recent(5)).extracting(e -> e.action()).contains("match.undo");
            assertThatThrownBy(() -> store.undo(campaign, merge.id(), 9L)).isInstanceOf(IllegalStateException.class);

            // a new person after the undo never takes a merged-away id, and the merge can be done again
            long next = db.people().insert(campaign, List.of(voter("Bo", "Diddley", null, null, "1 Elm St", "92-000003"))).get(0);
            assertThat(next).isNotIn(ann[0], ann[1]);
            store.merge(campaign, ann[0], ann[1], review, 9L);
            assertThat(db.people().profile(campaign, ann[1])).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void undoWaitsForALaterMergeOfTheSamePeople(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            long[] ann = twoAnns(db, campaign);
            long third = db.people().insert(campaign, List.of(voter("Anne", "Smith", null, null, "12 Oak St", "92-000009"))).get(0);
            JooqMatchStore store = new JooqMatchStore(db);
            List<String> before = dump(db);
            MergeRecord first = store.merge(campaign, ann[0], ann[1], null, null);
            MergeRecord second = store.merge(campaign, ann[0], third, null, null);
            assertThatThrownBy(() -> store.undo(campaign, first.id(), null)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("undo it first");
            store.undo(campaign, second.id(), null);
            store.undo(campaign, first.id(), null);
            assertThat(dump(db)).isEqualTo(before);
            assertThat(store.merges(campaign, 10)).extracting(MergeRecord::id).containsExactly(second.id(), first.id());

            assertThatThrownBy(() -> store.merge(campaign, ann[0], ann[0], null, null)).isInstanceOf(IllegalArgumentException.class);
            long other = db.campaigns().create("Other", "NC").id();
            assertThatThrownBy(() -> store.merge(other, ann[0], ann[1], null, null)).isInstanceOf(IllegalArgumentException.class);
            assertThat(dump(db)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void rowsOfATableTheMergeDoesNotKnowStopTheMerge(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            long[] ann = twoAnns(db, campaign);
            // a later feature's table, cascading from person: merging must not delete its rows behind our back
            db.dsl().execute("create table canvass_visit (id bigint primary key, visited_person bigint not null "
                    + "references person (id) on delete cascade)");
            db.dsl().execute("insert into canvass_visit (id, visited_person) values (1, ?)", ann[1]);
            JooqMatchStore store = new JooqMatchStore(db);
            List<String> before = dump(db);
            assertThatThrownBy(() -> store.merge(campaign, ann[0], ann[1], null, null))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("canvass_visit.visited_person");
            assertThat(dump(db)).isEqualTo(before);
            assertThat(db.dsl().fetchCount(db.dsl().selectFrom("canvass_visit"))).isEqualTo(1);
            // the other way round nothing of the merged person is in that table: allowed
            store.merge(campaign, ann[1], ann[0], null, null);
            assertThat(db.people().profile(campaign, ann[0])).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void undoRestoresADroppedDuplicateEvenWhenItsRowIdWasTakenMeanwhile(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            long[] ann = twoAnns(db, campaign);
            JooqMatchStore store = new JooqMatchStore(db);
            // the merged Ann's email is the newest email row, and is dropped as a duplicate of the survivor's
            MergeRecord merge = store.merge(campaign, ann[0], ann[1], null, null);
            long newcomer = db.people().insert(campaign, List.of(voter("Cy", "Young", "cy@example.org", null, "2 Elm St", "92-000004"))).get(0);
            store.undo(campaign, merge.id(), null);
            assertThat(db.people().profile(campaign, ann[1]).orElseThrow().emails()).containsExactly("ANN@example.org");
            assertThat(db.people().profile(campaign, newcomer).orElseThrow().emails()).containsExactly("cy@example.org");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRejectedPairIsNeverProposedAgain(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            long[] ann = twoAnns(db, campaign);
            JooqMatchStore store = new JooqMatchStore(db);
            long review = store.propose(campaign, ann[0], ann[1], explanation(ann[0], ann[1], 0.7), "form").orElseThrow();
            assertThat(store.propose(campaign, ann[1], ann[0], explanation(ann[1], ann[0], 0.9), "form")).isEmpty();
            ReviewItem item = store.openReviews(campaign, 10).get(0);
            assertThat(item.leftPersonId()).isEqualTo(Math.min(ann[0], ann[1]));
            assertThat(item.explanation().field("first").weight()).isEqualTo(6.5);
            assertThat(store.countOpen(campaign)).isEqualTo(1);

            store.reject(campaign, review, 3L);
            assertThat(store.rejected(campaign, ann[1], ann[0])).isTrue();
            assertThat(store.openReviews(campaign, 10)).isEmpty();
            assertThat(store.propose(campaign, ann[0], ann[1], explanation(ann[0], ann[1], 0.99), "dedupe")).isEmpty();
            assertThatThrownBy(() -> store.reject(campaign, review, 3L)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> store.merge(campaign, ann[0], ann[1], review, 3L)).isInstanceOf(IllegalStateException.class);
            assertThat(db.audit().recent(5)).extracting(e -> e.action()).contains("match.reject");
            assertThat(db.people().profile(campaign, ann[1])).isPresent();
        }
    }
}
