package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.store.MessagingTables.RecipientTable;
import static org.muster.store.MessagingTables.VariantTable;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.messaging.AudienceRules;
import org.muster.messaging.Channel;
import org.muster.messaging.MessagingStore;
import org.muster.messaging.Metric;
import org.muster.messaging.SendJob;
import org.muster.messaging.Variant;
import org.muster.messaging.email.SmtpSink;
import org.muster.messaging.sms.TestClock;

/**
 * Variants that differ only in when they go out: a later variant is not sent before its time, the test is not
 * decided before it went out, and each variant's outcomes are counted over the same span after its own messages.
 */
class SendTimeVariantsTest {

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    private static final Instant MORNING = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant EVENING = MORNING.plus(Duration.ofHours(10));

    @ParameterizedTest
    @MethodSource("databases")
    void theEveningVariantWaitsForItsTimeAndIsJudgedOverTheSameSpanAsTheMorningOne(Supplier<Database> open) throws Exception {
        try (Database db = open.get(); SmtpSink sink = SmtpSink.keeping()) {
            long campaign = db.campaigns().create("Mail", "NC").id();
            long eligible = MessagingFixtures.people(db, campaign, 1_200).stream().filter(MessagingFixtures.Planted::eligible).count();
            JooqMessagingStore store = new JooqMessagingStore(db);
            Variant morning = MessagingFixtures.variant("Morning", "Our plan");
            Variant evening = new Variant(0, "Evening", morning.sender(), morning.subject(), morning.html(), null, EVENING);
            long send = store.create(campaign, new MessagingStore.SendDefinition("When", Channel.EMAIL, "not tag(nobody)", AudienceRules.DEFAULT,
                    false, 0.5, Metric.OPEN, 3, Duration.ofHours(24), List.of(morning, evening)), null);
            store.schedule(send, MORNING);
            TestClock clock = new TestClock(MORNING);
            SendJob job = new SendJob(store, MessagingFixtures.audience(db, campaign),
                    Map.of(Channel.EMAIL, MessagingSendTest.outlet(sink, store, () -> { })), SendJob.Settings.of(2, 0), clock);

            SendJob.Step first = job.run(campaign, send);

            assertThat(first.wakeAt()).isEqualTo(EVENING);
            Map<String, List<Long>> sent = sentByVariant(db, send);
            assertThat(sent).containsOnlyKeys("Morning");
            assertThat(sink.count()).isEqualTo(sent.get("Morning").size());

            // The morning group opens a lot, 20 % within the first hour and 55 % more in the afternoon.
            List<Long> morningRows = sent.get("Morning");
            for (int i = 0; i < morningRows.size(); i++) {
                if (i % 100 < 20) store.recordEvent(morningRows.get(i), "open", null, MORNING.plus(Duration.ofMinutes(30)));
                else if (i % 100 < 75) store.recordEvent(morningRows.get(i), "open", null, MORNING.plus(Duration.ofHours(6)));
            }
            clock.set(EVENING.minus(Duration.ofMinutes(1)));

            SendJob.Step beforeEvening = job.run(campaign, send);

            assertThat(beforeEvening.wakeAt()).isEqualTo(EVENING);
            assertThat(sentByVariant(db, send)).containsOnlyKeys("Morning");
            MessagingStore.Send notYet = store.send(campaign, send).orElseThrow();
            assertThat(notYet.testSentAt()).as("the test is not under way before every test group went out").isNull();
            assertThat(notYet.winnerVariantId()).isNull();

            clock.set(EVENING);
            SendJob.Step atEvening = job.run(campaign, send);

            assertThat(atEvening.status()).isEqualTo(MessagingStore.Status.WAITING_FOR_WINNER);
            List<Long> eveningRows = sentByVariant(db, send).get("Evening");
            assertThat(eveningRows).isNotEmpty();
            assertThat(store.send(campaign, send).orElseThrow().testSentAt()).isEqualTo(EVENING);
            // The evening group opens 70 % within its first hour: over the same first hour it beats the morning's
            // 20 %, although over the whole day so far the morning group has opened more (75 %).
            for (int i = 0; i < eveningRows.size(); i++) {
                if (i % 100 < 70) store.recordEvent(eveningRows.get(i), "open", null, EVENING.plus(Duration.ofMinutes(40)));
            }
            Map<String, Long> wholeDay = new HashMap<>();
            for (var r : store.results(send, Metric.OPEN, true)) wholeDay.put(r.label(), r.successes() * 100 / r.sent());
            assertThat(wholeDay.get("Morning")).isGreaterThan(wholeDay.get("Evening"));
            clock.set(EVENING.plus(Duration.ofHours(1)));

            SendJob.Step done = job.run(campaign, send);

            assertThat(done.status()).isEqualTo(MessagingStore.Status.DONE);
            MessagingStore.Send finished = store.send(campaign, send).orElseThrow();
            assertThat(finished.variants().stream().filter(v -> v.id() == finished.winnerVariantId()).findFirst().orElseThrow().label())
                    .isEqualTo("Evening");
            assertThat(sink.count()).isEqualTo(eligible);
            assertThat(sentByVariant(db, send).get("Evening")).hasSize((int) eligible - morningRows.size());
        }
    }

    private static Map<String, List<Long>> sentByVariant(Database db, long send) {
        Map<String, List<Long>> out = new HashMap<>();
        db.dsl().select(RecipientTable.ID, VariantTable.LABEL).from(RecipientTable.T).join(VariantTable.T).on(VariantTable.ID.eq(RecipientTable.VARIANT_ID))
                .where(RecipientTable.SEND_ID.eq(send)).and(RecipientTable.STATUS.eq("SENT")).orderBy(RecipientTable.ID)
                .forEach(r -> out.computeIfAbsent(r.get(VariantTable.LABEL), k -> new java.util.ArrayList<>()).add(r.get(RecipientTable.ID)));
        return out;
    }
}
