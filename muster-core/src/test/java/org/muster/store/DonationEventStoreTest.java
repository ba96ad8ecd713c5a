package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.donation.DonationStore;
import org.muster.event.AttendanceStatus;

class DonationEventStoreTest {

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void badGiftsAreRefusedByNameAndLeaveNothingBehind(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Gifts", "NC").id();
            long person = SegmentFixtures.populate(db, campaign, 2, 3, Instant.now()).get(0);
            JooqDonationStore store = new JooqDonationStore(db);
            int before = store.forPerson(person).size();
            long outbox = new JooqSegmentSource(db).lastEventId();

            assertThatThrownBy(() -> store.record(person, 0, "USD", Instant.now(), "form", null)).hasMessage("amount must be more than 0 cents, not 0");
            assertThatThrownBy(() -> store.record(person, 100, "usd", Instant.now(), "form", null)).hasMessageContaining("currency must be three capital letters");
            assertThatThrownBy(() -> store.record(person + 10_000, 100, "USD", Instant.now(), "form", null)).hasMessageContaining("does not exist");
            assertThatThrownBy(() -> store.recordAll(List.of(new DonationStore.NewDonation(person, 100, "USD", Instant.now(), null, null),
                    new DonationStore.NewDonation(person, -5, "USD", Instant.now(), null, null)))).hasMessageStartingWith("row 2: amount");
            assertThat(store.forPerson(person)).hasSize(before);
            assertThat(new JooqSegmentSource(db).lastEventId()).isEqualTo(outbox);

            store.recordAll(List.of(new DonationStore.NewDonation(person, 100, "USD", Instant.ofEpochMilli(5), "import", "x-1")));
            assertThat(store.forPerson(person)).hasSize(before + 1);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void attendanceIsOneRowPerPersonAndEvent(Supplier<Database> open) {
        try (Database db = open.get()) {
            long campaign = db.campaigns().create("Events", "NC").id();
            List<Long> people = SegmentFixtures.populate(db, campaign, 3, 4, Instant.now());
            JooqEventStore store = new JooqEventStore(db);
            assertThatThrownBy(() -> store.create(campaign, " ", Instant.now(), null)).hasMessage("an event needs a name");
            long event = store.create(campaign, "Canvass launch", Instant.now(), "HQ").id();
            store.addAttendance(event, Map.of(people.get(0), AttendanceStatus.REGISTERED, people.get(1), AttendanceStatus.REGISTERED));
            store.setAttendance(event, people.get(0), AttendanceStatus.ATTENDED);
            store.setAttendance(event, people.get(2), AttendanceStatus.NO_SHOW);
            assertThat(store.attendance(event)).containsExactly(Map.entry(people.get(0), AttendanceStatus.ATTENDED),
                    Map.entry(people.get(1), AttendanceStatus.REGISTERED), Map.entry(people.get(2), AttendanceStatus.NO_SHOW));
            assertThat(store.list(campaign)).extracting(e -> e.name()).contains("Canvass launch");
        }
    }
}
