package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;

class OutboxTest {

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    private static NewPerson person(String last) {
        return new NewPerson("Ann", null, last, null, null, null, null, null, null, ContactCategory.PROSPECT, null,
                null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void peopleInsertedTogetherAreOneEventNamingEachOfThem(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Test", "NC").id();
            long before = Outbox.lastEventId(db.dsl());
            List<Long> batch = db.people().insert(campaign, List.of(person("A"), person("B"), person("C")));
            long single = db.people().insert(campaign, List.of(person("D"))).getFirst();
            assertThat(db.dsl().fetchCount(Tables.OutboxEventTable.T, Tables.OutboxEventTable.ID.gt(before))).isEqualTo(2);
            db.people().addActivity(batch.get(1), "note", "Called", "test");

            Outbox.PersonChanges all = Outbox.personChanges(db.dsl(), before, 100);
            assertThat(all.personIds()).containsExactly(batch.get(0), batch.get(1), batch.get(2), single, batch.get(1));
            assertThat(all.lastEventId()).isEqualTo(Outbox.lastEventId(db.dsl()));

            // A range counts toward the limit: reading stops after the event that reached it, and goes on from there.
            Outbox.PersonChanges first = Outbox.personChanges(db.dsl(), before, 2);
            assertThat(first.personIds()).containsExactlyElementsOf(batch);
            assertThat(Outbox.personChanges(db.dsl(), first.lastEventId(), 2).personIds())
                    .containsExactly(single, batch.get(1));
        }
    }
}
