package org.muster.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.PostalAddress;
import org.muster.store.Database;
import org.muster.store.JooqMatchStore;
import org.muster.store.TestDatabases;

class PersonLinkerTest {

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    /** A person as a form or canvasser enters them: no registration, no history. */
    static NewPerson entry(String first, String last, LocalDate birth, String email, String phone, String street, String zip) {
        return new NewPerson(first, null, last, null, birth, null, null, null, null, ContactCategory.PROSPECT, "form",
                null, email == null ? List.of() : List.of(email), phone == null ? List.of() : List.of(phone),
                street == null ? List.of() : List.of(new PostalAddress("home", street, null, "Raleigh", "NC", zip, "US", null, null)),
                List.of(), List.of(), List.of());
    }

    static void someNeighbours(Database db, long campaign) {
        String[][] names = {{"Maria", "Lopez"}, {"James", "Brown"}, {"Linda", "Nguyen"}, {"Robert", "Jones"},
                {"Patricia", "Williams"}, {"Michael", "Davis"}, {"Barbara", "Miller"}, {"David", "Wilson"}};
        for (int i = 0; i < names.length; i++) {
            db.people().insert(campaign, List.of(entry(names[i][0], names[i][1], LocalDate.of(1950 + i * 5, 1 + i, 3 + i),
                    names[i][0].toLowerCase() + "@example.net", "+1919555" + (1000 + i), (10 + i) + " Pine St", "27601")));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void decidesNewMatchAndReviewAndFollowsChangesMadeElsewhere(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            someNeighbours(db, campaign);
            JooqMatchStore store = new JooqMatchStore(db);
            PersonLinker linker = new PersonLinker(store, db.people());

            NewPerson ann = entry("Ann", "Zaleski", LocalDate.of(1981, 4, 12), "ann.z@example.org", "+19195550101",
                    "12 Oak St", "27601");
            LinkResult first = linker.link(campaign, ann, "form");
            assertThat(first.decision()).isEqualTo(LinkResult.Decision.NEW);

            // the same woman through the API, with a nickname-free typo in her surname: the same person
            LinkResult again = linker.link(campaign, entry("Ann", "Zaleksi", LocalDate.of(1981, 4, 12), "ann.z@example.org",
                    null, null, null), "api");
            assertThat(again.decision()).isEqualTo(LinkResult.Decision.MATCH);
            assertThat(again.personId()).isEqualTo(first.personId());
            assertThat(again.best().field("email").level()).isEqualTo("exact");
            assertThat(db.people().profile(campaign, first.personId()).orElseThrow().timeline())
                    .extracting(a -> a.type()).contains("matched");

            // met at the door with a new phone: the phone joins the existing person, the known email is not repeated
            LinkResult atTheDoor = linker.link(campaign, entry("Ann", "Zaleski", LocalDate.of(1981, 4, 12), "ANN.Z@example.org",
                    "+19195550177", "12 Oak St", "27601"), "canvass");
            assertThat(atTheDoor.personId()).isEqualTo(first.personId());
            var profile = db.people().profile(campaign, first.personId()).orElseThrow();
            assertThat(profile.phones()).containsExactly("+19195550101", "+19195550177");
            assertThat(profile.emails()).containsExactly("ann.z@example.org");

            // name and birth year only: not enough to link, enough to ask a person
            LinkResult unsure = linker.link(campaign, entry("Ann", "Zaleski", LocalDate.of(1981, 7, 22), null, null,
                    null, null), "canvass");
            assertThat(unsure.decision()).isEqualTo(LinkResult.Decision.REVIEW);
            assertThat(unsure.personId()).isNotEqualTo(first.personId());
            ReviewItem item = store.review(campaign, unsure.reviewIds().get(0)).orElseThrow();
            assertThat(List.of(item.leftPersonId(), item.rightPersonId())).containsExactlyInAnyOrder(first.personId(), unsure.personId());
            assertThat(item.explanation().field("dob").level()).isNotEqualTo("exact");
            assertThat(item.source()).isEqualTo("canvass");

            // someone imported behind the linker's back is found at the next call (outbox catch-up)
            long imported = db.people().insert(campaign, List.of(entry("Quentin", "Oyelaran", LocalDate.of(1990, 2, 2),
                    "q@example.com", null, "5 Birch Rd", "27605"))).get(0);
            assertThat(linker.link(campaign, entry("Quentin", "Oyelaran", LocalDate.of(1990, 2, 2), "q@example.com", null,
                    null, null), "form").personId()).isEqualTo(imported);

            // merged away: the index forgets the loser and finds the survivor
            store.merge(campaign, first.personId(), unsure.personId(), item.id(), null);
            LinkResult afterMerge = linker.link(campaign, ann, "form");
            assertThat(afterMerge.decision()).isEqualTo(LinkResult.Decision.MATCH);
            assertThat(afterMerge.personId()).isEqualTo(first.personId());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void hostileInputNeitherCrashesNorMatchesEveryone(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            someNeighbours(db, campaign);
            PersonLinker linker = new PersonLinker(new JooqMatchStore(db), db.people());
            NewPerson empty = entry(null, null, null, null, null, null, null);
            assertThat(linker.link(campaign, empty, "form").decision()).isEqualTo(LinkResult.Decision.NEW);
            assertThat(linker.link(campaign, empty, "form").decision()).isEqualTo(LinkResult.Decision.NEW);

            String huge = "X".repeat(100_000);
            NewPerson hostile = entry(huge, "'; drop table person; --", LocalDate.of(1, 1, 1), huge + "@" + huge,
                    "+" + "9".repeat(500), huge, "<script>");
            assertThat(linker.link(campaign, hostile, "api").decision()).isEqualTo(LinkResult.Decision.NEW);

            NewPerson unicode = entry("Zoë", "Ñúñez-Ōtsuka 🙂", LocalDate.of(1999, 9, 9), "zoë@例え.jp", null,
                    "1 Ünter den Linden", "27601");
            LinkResult z = linker.link(campaign, unicode, "form");
            assertThat(z.decision()).isEqualTo(LinkResult.Decision.NEW);
            assertThat(linker.link(campaign, unicode, "form").personId()).isEqualTo(z.personId());
            assertThat(db.people().count(campaign)).isEqualTo(8 + 4);
            assertThat(new JooqMatchStore(db).countOpen(campaign)).isZero();
        }
    }
}
