package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.people.PeopleFixtures.voter;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.people.NewPerson;
import org.muster.people.PersonProfile;
import org.muster.voterfile.ImportJob;

/** A first load inserts the keys its filters have never seen without lookups, and still never doubles a row. */
class FirstLoadTest {

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    private static PersonProfile profile(Database db, long campaign, String last) {
        return db.people().profile(campaign, db.people().search(campaign, last, 5).getFirst().id()).orElseThrow();
    }

    private static ImportJob job(Database db, long campaign) {
        return db.imports().create(campaign, "test", new ImportJob.FileRef("v.txt", 1_000, "ab"), null);
    }

    private static ImportJob.Counts commit(Database db, ImportJob job, List<NewPerson> people, long line) {
        return db.imports().commitVoters(job.id(), job.campaignId(), people, List.of(), line, line * 100);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void registrationsAndHouseholdsOfEarlierBatchesAreFoundNotDoubled(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            ImportJob job = job(db, campaign);
            commit(db, job, List.of(voter("Ann", "Smith", null, null, "1 A St", "1"),
                    voter("Bob", "Jones", null, null, "1 A St", "2")), 2);

            // Ann again (a later row of the same registration) and Cy at Bob's address, in a later batch.
            ImportJob.Counts second = commit(db, job, List.of(voter("Ann", "Smith", null, "+19195550101", "1 A St", "1"),
                    voter("Cy", "Park", null, null, "1 A St", "3")), 4);

            assertThat(second.created()).isEqualTo(1);
            assertThat(second.updated()).isEqualTo(1);
            assertThat(db.people().count(campaign)).isEqualTo(3);
            assertThat(profile(db, campaign, "smith").phones()).containsExactly("+19195550101");
            long household = profile(db, campaign, "jones").person().householdId();
            assertThat(profile(db, campaign, "park").person().householdId()).isEqualTo(household);
            assertThat(profile(db, campaign, "smith").person().householdId()).isEqualTo(household);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void keysAnotherWriterAddsDuringTheLoadAreFoundOnARetry(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            ImportJob job = job(db, campaign);
            commit(db, job, List.of(voter("Ann", "Smith", null, null, "1 A St", "1")), 1);
            // Between two batches, someone else adds a person with a household and a registration the file has too.
            db.people().upsert(campaign, List.of(voter("Dee", "Lee", null, null, "5 B St", "9")));

            ImportJob.Counts next = commit(db, job, List.of(voter("Eve", "Moss", null, null, "5 B St", "10"),
                    voter("Dee", "Lee", null, "+19195550102", "5 B St", "9")), 3);

            assertThat(next.created()).isEqualTo(1);
            assertThat(next.updated()).isEqualTo(1);
            assertThat(db.people().count(campaign)).isEqualTo(3);
            assertThat(profile(db, campaign, "moss").person().householdId())
                    .isEqualTo(profile(db, campaign, "lee").person().householdId());
            assertThat(profile(db, campaign, "lee").phones()).containsExactly("+19195550102");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void householdsDoubledWhileTheirKeyIsDeferredAreMergedBeforeItIsBuilt(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            ImportJob job = job(db, campaign);
            assertThat(db.imports().deferIndexesForFirstLoad(job.id())).isPositive();
            commit(db, job, List.of(voter("Ann", "Smith", null, null, "1 A St", "1")), 1);
            // Someone else adds a household during the load: the load, which cannot look households up, doubles it.
            db.people().upsert(campaign, List.of(voter("Dee", "Lee", null, null, "5 B St", "9")));
            commit(db, job, List.of(voter("Eve", "Moss", null, null, "5 B St", "10"),
                    voter("Bob", "Jones", null, null, "1 A St", "2")), 3);
            assertThat(householdsAt(db, "5 B St")).as("doubled during the load").isEqualTo(2);
            long dee = profile(db, campaign, "lee").person().householdId();

            db.imports().rebuildIndexes(job.id(), (built, total) -> { });

            assertThat(householdsAt(db, "5 B St")).isEqualTo(1);
            assertThat(householdsAt(db, "1 A St")).isEqualTo(1);
            assertThat(profile(db, campaign, "moss").person().householdId()).isEqualTo(dee);
            assertThat(profile(db, campaign, "lee").person().householdId()).isEqualTo(dee);
            assertThat(profile(db, campaign, "jones").person().householdId())
                    .isEqualTo(profile(db, campaign, "smith").person().householdId());
            assertThat(DeferredIndexesTest.indexesAndForeignKeys(db)).contains(DeferredIndexes.HOUSEHOLD_KEY);
        }
    }

    private static int householdsAt(Database db, String street) {
        return db.dsl().fetchCount(Tables.HouseholdTable.T, Tables.HouseholdTable.ADDRESS_KEY.eq(street + "|27601"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aReImportOverOlderPeopleIsNoFirstLoad(Supplier<Database> open) throws InterruptedException {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            db.people().upsert(campaign, List.of(voter("Ann", "Smith", null, null, "1 A St", "1")));
            Thread.sleep(2); // the job must be created after Ann, in another millisecond
            ImportJob job = job(db, campaign);

            ImportJob.Counts counts = commit(db, job, List.of(voter("Ann", "Smith", null, null, "1 A St", "1"),
                    voter("Bob", "Jones", null, null, "1 A St", "2")), 2);

            assertThat(counts.created()).isEqualTo(1);
            assertThat(counts.unchanged()).isEqualTo(1);
            assertThat(db.people().count(campaign)).isEqualTo(2);
        }
    }

    @Test
    void theFilterNeverForgetsAKeyAndRarelyClaimsAnUnseenOne() {
        KeyFilter filter = new KeyFilter(22); // 4 Mi bits: 21 bits per key for 200k keys
        for (int i = 0; i < 200_000; i++) filter.add("NC\u0000" + i);
        int forgotten = 0;
        int claimed = 0;
        for (int i = 0; i < 200_000; i++) {
            if (!filter.mightContain("NC\u0000" + i)) forgotten++;
            if (filter.mightContain("NC\u0000x" + i)) claimed++;
        }
        assertThat(forgotten).isZero();
        assertThat(claimed).isLessThan(200); // 0.1%; the theory for 5 hashes at 21 bits per key is 0.01%
        assertThat(filter.bytes()).isEqualTo(512 * 1024);
    }

    @Test
    void theFiltersGrowWithTheFileUpToTheirBound() {
        assertThat(FirstLoad.log2Bits(0)).isEqualTo(16);
        assertThat(FirstLoad.log2Bits(378_000_000L)).isEqualTo(27);
        assertThat(FirstLoad.log2Bits(4_000_000_000L)).isEqualTo(27);
        assertThat(FirstLoad.log2Bits(4L << 20)).isEqualTo(20);
    }
}
