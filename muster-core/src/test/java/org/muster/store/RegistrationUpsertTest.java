package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.muster.people.PeopleFixtures.voter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.people.NewPerson;
import org.muster.people.PersonProfile;
import org.muster.people.PersonStore.UpsertResult;
import org.muster.people.PersonStore.VoteResult;
import org.muster.people.PostalAddress;
import org.muster.people.RegisteredVote;
import org.muster.people.Registration;
import org.muster.people.VoteRecord;
import org.muster.voterfile.ImportError;
import org.muster.voterfile.ImportJob;

class RegistrationUpsertTest {

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    private static NewPerson movedTo(NewPerson p, String street) {
        return new NewPerson(p.firstName(), p.middleName(), p.lastName(), p.suffix(), p.birthDate(), p.birthYear(),
                p.gender(), p.party(), p.supportLevel(), p.contactCategory(), p.origin(), street + "|27601", p.emails(),
                p.phones(), List.of(new PostalAddress("home", street, null, "Raleigh", "NC", "27601", "US", null, null)),
                p.registrations(), p.votes(), p.tags());
    }

    private static NewPerson withStatus(NewPerson p, String status, String reason) {
        Registration r = p.registrations().getFirst();
        return new NewPerson(p.firstName(), p.middleName(), p.lastName(), p.suffix(), p.birthDate(), p.birthYear(),
                p.gender(), p.party(), p.supportLevel(), p.contactCategory(), p.origin(), p.householdKey(), p.emails(),
                p.phones(), p.addresses(), List.of(new Registration(r.state(), r.registrationId(), r.stateVoterId(),
                        r.county(), status, reason, r.registeredOn(), r.party(), r.precinct(), r.ward(), r.municipality(),
                        r.congressionalDistrict(), r.stateSenateDistrict(), r.stateHouseDistrict())),
                p.votes(), p.tags());
    }

    private static long personWith(Database db, long campaign, String last) {
        return db.people().search(campaign, last, 5).getFirst().id();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void upsertInsertsNewUpdatesChangedAndCountsUnchanged(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            NewPerson ann = voter("Ann", "Smith", null, "+19195550101", "12 Oak St", "92-1");
            NewPerson bob = voter("Bob", "Jones", null, null, "7 Elm Ave", "92-2");
            NewPerson cy = voter("Cy", "Park", null, null, "3 Ash Ct", "92-3");
            assertThat(db.people().upsert(campaign, List.of(ann, bob, cy))).isEqualTo(new UpsertResult(3, 0, 0,
                    new VoteResult(6, 0, 0)));
            long annId = personWith(db, campaign, "smith");
            long bobId = personWith(db, campaign, "jones");

            UpsertResult again = db.people().upsert(campaign, List.of(movedTo(ann, "99 Pine Rd"),
                    withStatus(bob, "R", "RD"), cy, voter("Dee", "Lee", null, null, "1 Bay St", "92-4")));

            // Everyone carries the same two votes: the new person's are stored, the known people's already were.
            assertThat(again).isEqualTo(new UpsertResult(1, 2, 1, new VoteResult(2, 6, 0)));
            assertThat(db.people().count(campaign)).isEqualTo(4);
            PersonProfile annNow = db.people().profile(campaign, annId).orElseThrow();
            assertThat(annNow.addresses()).singleElement().extracting(PostalAddress::line1).isEqualTo("99 Pine Rd");
            assertThat(annNow.phones()).containsExactly("+19195550101");
            assertThat(annNow.votes()).hasSize(2);
            assertThat(annNow.timeline()).extracting(a -> a.type()).containsExactly("moved", "created");
            assertThat(annNow.timeline().getFirst().summary())
                    .isEqualTo("Moved from 12 Oak St, Raleigh, NC 27601 to 99 Pine Rd, Raleigh, NC 27601");
            PersonProfile bobNow = db.people().profile(campaign, bobId).orElseThrow();
            assertThat(bobNow.registrations()).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo("R");
                assertThat(r.reasonCode()).isEqualTo("RD");
            });
            assertThat(bobNow.timeline().getFirst().type()).isEqualTo("status_changed");
            assertThat(bobNow.timeline().getFirst().summary()).isEqualTo("Registration status A/AV → R/RD");
            assertThat(db.dsl().fetchCount(Tables.OutboxEventTable.T,
                    Tables.OutboxEventTable.TYPE.in("person.moved", "registration.status_changed"))).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void addVotesSkipsKnownVotesAndUnknownRegistrationsAndAnnouncesOnlyForOlderPeople(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            db.people().upsert(campaign, List.of(voter("Ann", "Smith", null, null, "12 Oak St", "92-1")));
            long annId = personWith(db, campaign, "smith");
            VoteRecord known = new VoteRecord(LocalDate.of(2024, 11, 5), "11/05/2024 GENERAL", "IN-PERSON", null, "WAKE");
            VoteRecord primary = new VoteRecord(LocalDate.of(2026, 3, 3), "03/03/2026 PRIMARY", "EARLY", "DEM", "WAKE");
            List<RegisteredVote> votes = List.of(new RegisteredVote("NC", "92-1", known),
                    new RegisteredVote("NC", "92-1", primary), new RegisteredVote("NC", "92-1", primary),
                    new RegisteredVote("NC", "92-999", primary));

            VoteResult quiet = db.people().addVotes(campaign, votes, 0);
            assertThat(quiet).isEqualTo(new VoteResult(1, 2, 1));
            assertThat(db.people().profile(campaign, annId).orElseThrow().timeline()).hasSize(1);

            VoteRecord general = new VoteRecord(LocalDate.of(2026, 11, 3), "11/03/2026 GENERAL", "ABSENTEE", null, "WAKE");
            VoteResult announced = db.people().addVotes(campaign, List.of(new RegisteredVote("NC", "92-1", general)),
                    Long.MAX_VALUE);
            assertThat(announced).isEqualTo(new VoteResult(1, 0, 0));
            PersonProfile ann = db.people().profile(campaign, annId).orElseThrow();
            assertThat(ann.votes()).hasSize(4);
            assertThat(ann.timeline().getFirst().summary()).isEqualTo("Voted in 11/03/2026 GENERAL (ABSENTEE)");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedBatchLeavesNeitherPeopleNorErrorsNorCheckpoint(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            ImportJob job = db.imports().create(campaign, "test", new ImportJob.FileRef("v.txt", 10, "ab"), null);
            db.imports().commitVoters(job.id(), campaign, List.of(voter("Ann", "Smith", null, null, "1 A St", "1")),
                    List.of(new ImportError("v.txt", 3, "birth_year", "not a year: 19X5")), 3, 300);

            NewPerson twoRegistrations = voter("Bob", "Jones", null, null, "2 B St", "2");
            List<Registration> regs = new ArrayList<>(twoRegistrations.registrations());
            regs.add(voter("Bob", "Jones", null, null, "2 B St", "3").registrations().getFirst());
            NewPerson broken = new NewPerson("Bob", null, "Jones", null, null, null, null, null, null, null, null,
                    null, List.of(), List.of(), List.of(), regs, List.of(), List.of());
            assertThatThrownBy(() -> db.imports().commitVoters(job.id(), campaign,
                    List.of(voter("Cy", "Park", null, null, "3 C St", "4"), broken),
                    List.of(new ImportError("v.txt", 6, null, "expected 67 columns, found 3")), 6, 600))
                    .isInstanceOf(IllegalArgumentException.class);

            ImportJob after = db.imports().find(campaign, job.id()).orElseThrow();
            assertThat(after.checkpointLine()).isEqualTo(3);
            assertThat(after.checkpointOffset()).isEqualTo(300);
            // Ann and the two votes she carries: the first batch only.
            assertThat(after.counts()).isEqualTo(new ImportJob.Counts(1, 0, 0, 1, 2, 0, 0));
            assertThat(db.people().count(campaign)).isEqualTo(1);
            List<ImportError> errors = new ArrayList<>();
            db.imports().errors(job.id(), errors::add);
            assertThat(errors).containsExactly(new ImportError("v.txt", 3, "birth_year", "not a year: 19X5"));
            assertThat(db.imports().findResumable(campaign, new ImportJob.FileRef("v.txt", 10, "ab"), null))
                    .map(ImportJob::id).contains(job.id());

            db.imports().finish(job.id(), ImportJob.Status.DONE, "done");
            assertThat(db.imports().findResumable(campaign, new ImportJob.FileRef("v.txt", 10, "ab"), null)).isEmpty();
            assertThatThrownBy(() -> db.imports().commitVoters(job.id(), campaign, List.of(), List.of(), 9, 900))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void bulkInsertsKeepAwkwardTextExactly(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            List<NewPerson> people = new ArrayList<>();
            // Enough rows for PostgreSQL's COPY path, whose text format escapes these characters.
            for (int i = 0; i < 100; i++) {
                people.add(voter("Zoë\\" + i, "O'Tab\tNew\nLine\\N", null, null, i + " Elm St", "R-" + i));
            }
            List<Long> ids = db.people().insert(campaign, people);
            PersonProfile p = db.people().profile(campaign, ids.get(42)).orElseThrow();
            assertThat(p.person().firstName()).isEqualTo("Zoë\\42");
            assertThat(p.person().lastName()).isEqualTo("O'Tab\tNew\nLine\\N");
            assertThat(p.person().middleName()).isNull();
            assertThat(p.addresses().getFirst().latitude()).isEqualTo(35.77);
            assertThat(p.registrations().getFirst().registeredOn()).isEqualTo(LocalDate.of(2008, 3, 1));
            assertThat(p.votes()).hasSize(2);
        }
    }
}
