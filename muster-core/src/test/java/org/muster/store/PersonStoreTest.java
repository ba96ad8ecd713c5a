package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.muster.people.PeopleFixtures.voter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.people.NewPerson;
import org.muster.people.PersonProfile;
import org.muster.people.PersonSummary;
import org.muster.segment.SegmentParser;

class PersonStoreTest {

    static java.util.stream.Stream<org.junit.jupiter.api.Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void insertedPersonReadsBackWithEverythingAttached(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            List<Long> ids = db.people().insert(campaign, List.of(
                    voter("Ann", "Smith", "ann@example.org", "+19195550101", "12 Oak St", "92-000001"),
                    voter("José", "Muñoz", null, null, "7 Elm Ave", "92-000002")));
            assertThat(ids).hasSize(2).doesNotHaveDuplicates();

            PersonProfile ann = db.people().profile(campaign, ids.get(0)).orElseThrow();
            assertThat(ann.person().displayName()).isEqualTo("Ann Smith");
            assertThat(ann.person().birthDate()).isEqualTo(LocalDate.of(1970, 5, 17));
            assertThat(ann.person().supportLevel()).isEqualTo(2);
            assertThat(ann.person().origin()).isEqualTo("NC voter file test");
            assertThat(ann.emails()).containsExactly("ann@example.org");
            assertThat(ann.phones()).containsExactly("+19195550101");
            assertThat(ann.addresses()).singleElement().satisfies(a -> {
                assertThat(a.line1()).isEqualTo("12 Oak St");
                assertThat(a.latitude()).isEqualTo(35.77);
            });
            assertThat(ann.registrations()).singleElement().satisfies(r -> {
                assertThat(r.registrationId()).isEqualTo("92-000001");
                assertThat(r.precinct()).isEqualTo("01-07");
                assertThat(r.registeredOn()).isEqualTo(LocalDate.of(2008, 3, 1));
            });
            assertThat(ann.votes()).extracting(v -> v.electionDate())
                    .containsExactly(LocalDate.of(2024, 11, 5), LocalDate.of(2022, 11, 8));
            assertThat(ann.tags()).containsExactly("volunteer-prospect");
            assertThat(ann.timeline()).extracting(a -> a.type()).containsExactly("created");
            assertThat(db.people().count(campaign)).isEqualTo(2);

            PersonProfile jose = db.people().profile(campaign, ids.get(1)).orElseThrow();
            assertThat(jose.person().lastName()).isEqualTo("Muñoz");
            assertThat(jose.emails()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void searchFindsByNameEmailPhoneAndAddress(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            List<Long> ids = db.people().insert(campaign, List.of(
                    voter("Ann", "Smith", "ann@example.org", "+19195550101", "12 Oak St", "1"),
                    voter("Bob", "Smithers", "bob@example.org", "+19195550102", "14 Oak St", "2"),
                    voter("José", "Muñoz", null, "+19195550103", "7 Elm Ave", "3"),
                    voter("Annabel", "Jones", null, null, "1 Pine Rd", "4")));
            long ann = ids.get(0);

            assertThat(names(db.people().search(campaign, "smith", 10))).containsExactly("Ann Smith", "Bob Smithers");
            assertThat(names(db.people().search(campaign, "ann smith", 10))).containsExactly("Ann Smith");
            assertThat(names(db.people().search(campaign, "Smith, B", 10))).containsExactly("Bob Smithers");
            assertThat(names(db.people().search(campaign, "munoz", 10))).containsExactly("José Muñoz");
            // One word is tried as a first name after last names.
            assertThat(names(db.people().search(campaign, "ann", 10))).containsExactly("Ann Smith", "Annabel Jones");
            assertThat(db.people().search(campaign, "ANN@example.org", 10)).extracting(PersonSummary::id).containsExactly(ann);
            assertThat(db.people().search(campaign, "(919) 555-0101", 10)).extracting(PersonSummary::id).containsExactly(ann);
            assertThat(names(db.people().search(campaign, "12 oak", 10))).containsExactly("Ann Smith");
            assertThat(names(db.people().search(campaign, "smith", 1))).hasSize(1);
            assertThat(db.people().search(campaign, "nobody", 10)).isEmpty();

            PersonSummary row = db.people().search(campaign, "ann@example.org", 10).get(0);
            assertThat(row.address()).isEqualTo("12 Oak St, Raleigh, NC 27601");
            assertThat(row.phone()).isEqualTo("+19195550101");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void campaignsDoNotSeeEachOthersPeople(Supplier<Database> open) {
        try (Database db = open.get()) {
            long mine = db.campaigns().create("Mine", "NC").id();
            long theirs = db.campaigns().create("Theirs", "NC").id();
            long id = db.people().insert(theirs, List.of(voter("Ann", "Smith", null, null, "12 Oak St", "1"))).get(0);
            assertThat(db.people().search(mine, "smith", 10)).isEmpty();
            assertThat(db.people().profile(mine, id)).isEmpty();
            assertThat(db.people().profile(theirs, id)).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailingBatchLeavesNothingBehind(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            db.people().insert(campaign, List.of(voter("Ann", "Smith", null, null, "12 Oak St", "1")));
            // The second person reuses registration 1: the unique key rejects the whole batch.
            List<NewPerson> batch = List.of(voter("Cat", "Jones", "cat@example.org", null, "3 Ash Ct", "9"),
                    voter("Dan", "Brown", null, null, "4 Ash Ct", "1"));
            assertThatThrownBy(() -> db.people().insert(campaign, batch)).isInstanceOf(RuntimeException.class);
            assertThat(db.people().count(campaign)).isEqualTo(1);
            assertThat(db.people().search(campaign, "cat@example.org", 10)).isEmpty();
            // Ids allocated by the failed batch are not burnt into a gap that breaks the next insert.
            assertThat(db.people().insert(campaign, List.of(voter("Cat", "Jones", null, null, "3 Ash Ct", "9")))).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void householdsAndTagsAreSharedNotDuplicated(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            List<Long> ids = db.people().insert(campaign, List.of(voter("Ann", "Smith", null, null, "12 Oak St", "1")));
            ids = new java.util.ArrayList<>(ids);
            ids.addAll(db.people().insert(campaign, List.of(voter("Al", "Smith", null, null, "12 Oak St", "2"))));
            Long first = db.people().profile(campaign, ids.get(0)).orElseThrow().person().householdId();
            Long second = db.people().profile(campaign, ids.get(1)).orElseThrow().person().householdId();
            assertThat(first).isNotNull().isEqualTo(second);
            assertThat(db.people().profile(campaign, ids.get(1)).orElseThrow().tags()).containsExactly("volunteer-prospect");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void activitiesJoinTheTimelineNewestFirst(Supplier<Database> open) throws InterruptedException {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            long id = db.people().insert(campaign, List.of(voter("Ann", "Smith", null, null, "12 Oak St", "1"))).get(0);
            Thread.sleep(2);
            db.people().addActivity(id, "door", "Knocked: supporter", "vol@example.org");
            assertThat(db.people().profile(campaign, id).orElseThrow().timeline())
                    .extracting(a -> a.type()).containsExactly("door", "created");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void beingAddedIsATimelineEntryButNotAStoredActivityNorContact(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            long id = db.people().insert(campaign, List.of(voter("Ann", "Smith", null, null, "12 Oak St", "1"))).get(0);
            long createdAt = db.dsl().select(Tables.PersonTable.CREATED_AT).from(Tables.PersonTable.T)
                    .where(Tables.PersonTable.ID.eq(id)).fetchSingle().value1();
            assertThat(db.dsl().fetchCount(Tables.ActivityTable.T)).isZero();
            assertThat(db.people().profile(campaign, id).orElseThrow().timeline()).singleElement().satisfies(a -> {
                assertThat(a.type()).isEqualTo("created");
                assertThat(a.summary()).isEqualTo("Added from NC voter file test");
                assertThat(a.at().toEpochMilli()).isEqualTo(createdAt);
            });
            SegmentSql segments = new SegmentSql(db, campaign);
            assertThat(segments.ids(SegmentParser.parse("contacted(1d)"), Instant.now())).isEmpty();

            db.people().addActivity(id, "door", "Knocked: supporter", "vol@example.org");
            assertThat(segments.ids(SegmentParser.parse("contacted(1d)"), Instant.now())).containsExactly(id);
            for (int i = 1; i < 200; i++) db.people().addActivity(id, "note", "Note " + i, "vol@example.org");
            // The newest 200 entries: the oldest, being added, is the one left out.
            assertThat(db.people().profile(campaign, id).orElseThrow().timeline()).hasSize(200)
                    .noneMatch(a -> a.type().equals("created"));
        }
    }

    private static List<String> names(List<PersonSummary> rows) {
        return rows.stream().map(PersonSummary::displayName).toList();
    }
}
