package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.voterfile.ImportJob;

class DeferredIndexesTest {

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    /** Every index and (PostgreSQL) foreign key of the schema, by name. */
    static List<String> indexesAndForeignKeys(Database db) {
        if (db.dsl().dialect() == SQLDialect.POSTGRES) {
            return db.dsl().fetch("select indexname from pg_indexes where schemaname = current_schema() union all "
                            + "select conname from pg_constraint c join pg_namespace n on n.oid = c.connamespace "
                            + "where n.nspname = current_schema() and c.contype = 'f' order by 1")
                    .getValues(0, String.class);
        }
        return db.dsl().fetch("select name from sqlite_master where type = 'index' order by name").getValues(0, String.class);
    }

    private static ImportJob job(Database db, long campaign) {
        return db.imports().create(campaign, "test", new ImportJob.FileRef("v.txt", 10, "ab"), null);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFirstLoadDefersTheSecondaryIndexesAndTheRebuildRestoresEveryOne(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            List<String> before = indexesAndForeignKeys(db);
            ImportJob job = job(db, campaign);

            int deferred = db.imports().deferIndexesForFirstLoad(job.id());

            assertThat(deferred).isPositive();
            List<String> during = indexesAndForeignKeys(db);
            assertThat(before).hasSize(during.size() + deferred)
                    .contains("person_search_last", "person_address_search", "vote_history_person");
            assertThat(during).doesNotContain("person_search_last", "person_address_search", "vote_history_person",
                    DeferredIndexes.HOUSEHOLD_KEY);
            // The registration lookups of every batch keep their unique index.
            assertThat(during).contains(db.dsl().dialect() == SQLDialect.POSTGRES
                    ? "voter_registration_campaign_id_state_registration_id_key" : "sqlite_autoindex_voter_registration_1");
            assertThat(db.imports().find(campaign, job.id()).orElseThrow().phase()).isEqualTo(ImportJob.Phase.VOTERS);

            int[] calls = {0};
            db.imports().rebuildIndexes(job.id(), (built, total) -> {
                assertThat(total).isEqualTo(deferred);
                calls[0]++;
            });
            assertThat(calls[0]).isEqualTo(deferred + 1);
            assertThat(indexesAndForeignKeys(db)).isEqualTo(before);
            assertThat(db.imports().find(campaign, job.id()).orElseThrow().phase()).isEqualTo(ImportJob.Phase.INDEXES);
            db.imports().rebuildIndexes(job.id(), (built, total) -> calls[0]++);
            assertThat(calls[0]).as("nothing left to build").isEqualTo(deferred + 1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDatabaseWithPeopleInAnyCampaignKeepsItsIndexes(Supplier<Database> open) {
        try (Database db = open.get()) {
            long other = db.campaigns().create("Other", "NC").id();
            db.people().insert(other, List.of(new NewPerson("Ann", null, "Smith", null, null, null, null, null, null,
                    ContactCategory.PROSPECT, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of())));
            long campaign = db.campaigns().create("Test", "NC").id();
            List<String> before = indexesAndForeignKeys(db);

            assertThat(db.imports().deferIndexesForFirstLoad(job(db, campaign).id())).isZero();
            assertThat(indexesAndForeignKeys(db)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void indexesLeftBehindByAStoppedJobAreBuiltBeforeTheNextLoad(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            List<String> before = indexesAndForeignKeys(db);
            ImportJob stopped = job(db, campaign);
            db.imports().deferIndexesForFirstLoad(stopped.id());
            db.imports().finish(stopped.id(), ImportJob.Status.FAILED, "stopped");

            db.imports().rebuildIndexesLeftBehind();

            assertThat(indexesAndForeignKeys(db)).isEqualTo(before);
        }
    }
}
