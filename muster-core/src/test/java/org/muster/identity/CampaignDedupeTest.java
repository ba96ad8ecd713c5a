package org.muster.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.identity.PersonLinkerTest.entry;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.match.MatchConfig;
import org.muster.people.NewPerson;
import org.muster.store.Database;
import org.muster.store.JooqMatchStore;
import org.muster.store.TestDatabases;

class CampaignDedupeTest {

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void mergesTheSureQueuesTheUnsureAndARerunAddsNothing(Supplier<Database> open) throws IOException {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            List<NewPerson> people = new ArrayList<>(List.of(
                    entry("Ann", "Zaleski", LocalDate.of(1981, 4, 12), "ann.z@example.org", "+19195550101", "12 Oak St", "27601"),
                    entry("Ann", "Zaleksi", LocalDate.of(1981, 4, 12), "ann.z@example.org", null, "12 Oak St", "27601"),
                    entry("Ann", "Zaleski", LocalDate.of(1981, 7, 22), null, null, null, null),
                    entry("Maria", "Lopez", LocalDate.of(1960, 3, 3), "maria@example.net", null, "3 Pine St", "27601"),
                    entry("James", "Brown", LocalDate.of(1970, 5, 5), "jb@example.net", null, "9 Elm St", "27605")));
            List<Long> ids = db.people().insert(campaign, people);
            JooqMatchStore store = new JooqMatchStore(db);
            List<String> phases = new ArrayList<>();
            // wide bands so the test does not hang on the exact weights EM learns from five people: the sure pair
            // agrees on everything (~60 bits), the unsure one on name and birth year only (~0 bits)
            MatchConfig config = MatchConfig.read(new StringReader("threshold.match = 0.999\nthreshold.review = 0.05\n"));

            CampaignDedupe.Result result = CampaignDedupe.run(store, campaign, config, true, 1L,
                    (phase, done, total) -> phases.add(phase));
            assertThat(result.people()).isEqualTo(5);
            assertThat(result.merged()).isEqualTo(1);
            assertThat(db.people().profile(campaign, ids.get(1))).isEmpty();
            assertThat(db.people().profile(campaign, ids.get(0)).orElseThrow().phones()).containsExactly("+19195550101");
            assertThat(result.queued()).isEqualTo(1);
            ReviewItem item = store.openReviews(campaign, 10).get(0);
            assertThat(List.of(item.leftPersonId(), item.rightPersonId())).containsExactly(ids.get(0), ids.get(2));
            assertThat(phases).contains("reading", "matching", "merging", "queueing");

            CampaignDedupe.Result rerun = CampaignDedupe.run(store, campaign, config, true, 1L, (phase, done, total) -> { });
            assertThat(rerun.merged()).isZero();
            assertThat(rerun.queued()).isZero();
            assertThat(store.countOpen(campaign)).isEqualTo(1);
        }
    }
}
