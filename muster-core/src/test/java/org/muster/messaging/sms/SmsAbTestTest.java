package org.muster.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.store.Database;
import org.muster.store.JooqSmsStore;
import org.muster.store.TestDatabases;

/**
 * SMS A/B/n tests at the engine level on simulated outcomes, on SQLite and PostgreSQL: the reproducible split, the
 * winner on replies by the shared sequential test, the rest sent the winner; and the deadline's fallback.
 */
class SmsAbTestTest {

    private static final Instant MORNING_EAST = Instant.parse("2026-11-26T15:00:00Z");
    private static final List<String> VARIANTS = List.of("A: Hi {{first_name}}, knock doors Saturday?",
            "B: {{first_name}}, we need you Saturday. Reply YES", "C: Volunteer Saturday, {{first_name}}?");

    static java.util.stream.Stream<org.junit.jupiter.api.Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    /** Accepts everything and remembers the last text each number got. */
    private static final class RecordingGateway implements SmsGateway {
        final Map<String, String> lastText = new ConcurrentHashMap<>();
        final AtomicLong submits = new AtomicLong();

        @Override
        public String submit(String from, String to, String text) {
            lastText.put(to, text);
            return "m" + submits.incrementAndGet();
        }

        @Override
        public int window() {
            return 50;
        }

        @Override
        public void listen(GatewayEvents events) {
        }

        @Override
        public void close() {
        }

        Map<String, Long> byVariant() {
            return lastText.values().stream().collect(Collectors.groupingBy(t -> t.substring(0, 1), Collectors.counting()));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void repliesPickTheWinnerAndTheRestGetsIt(Supplier<Database> database) {
        try (Database db = database.get()) {
            long campaign = db.campaigns().create("Ada for Council", "NC").id();
            SmsFixtures.consentingCrowd(db, campaign, 600);
            TestClock clock = new TestClock(MORNING_EAST);
            JooqSmsStore store = new JooqSmsStore(db);
            RecordingGateway gateway = new RecordingGateway();
            long[] audience = SmsFixtures.audience(db, campaign, MORNING_EAST);
            SmsJob.Test test = SmsJob.Test.of(VARIANTS, 0.6, 42, Duration.ofHours(24));
            try (SmsService sms = new SmsService(store, gateway, campaign, TimeZones.forCampaignState("NC"), "Unsubscribed.", clock)) {
                SmsService.Created created = sms.create("Saturday", "tag(sms-list)", audience, test, SendHours.DEFAULT, null);
                // 60 % for three variants: five parts of 120, three of them test groups, two held for the winner
                assertThat(created.plan().count(RecipientStatus.HELD)).isEqualTo(240);
                Map<Long, Integer> variantOf = created.plan().recipients().stream().filter(r -> r.variant() != null)
                        .collect(Collectors.toMap(SmsStore.PlannedRecipient::personId, SmsStore.PlannedRecipient::variant));
                Map<Long, Integer> again = SmsAudience.split(sms.preview(audience, VARIANTS.getFirst(), SmsJob.CONSENT_REQUIRED), store.contacts(campaign, audience), test)
                        .recipients().stream().filter(r -> r.variant() != null)
                        .collect(Collectors.toMap(SmsStore.PlannedRecipient::personId, SmsStore.PlannedRecipient::variant));
                assertThat(again).as("the same seed gives the same groups").isEqualTo(variantOf);

                SmsJobRunner runner = new SmsJobRunner(store, gateway, clock);
                SmsJobRunner.Pass test1 = runner.runDue(created.job());
                assertThat(test1.finished()).isFalse();
                assertThat(gateway.byVariant()).isEqualTo(Map.of("A", 120L, "B", 120L, "C", 120L));
                assertThat(test1.nextDue()).as("looks again for a winner").isPresent();

                // simulated outcomes: B's recipients reply far more often than A's and C's
                SplittableRandom random = new SplittableRandom(7);
                gateway.lastText.forEach((phone, text) -> {
                    double rate = text.startsWith("B") ? 0.4 : 0.03;
                    if (random.nextDouble() < rate) store.recordReply(campaign, phone, "yes", clock.millis());
                });
                clock.advance(Duration.ofMinutes(1));
                SmsJobRunner.Pass decided = runner.runDue(created.job());
                assertThat(decided.finished()).isTrue();
                assertThat(gateway.submits.get()).isEqualTo(600);
                assertThat(gateway.byVariant()).isEqualTo(Map.of("A", 120L, "B", 360L, "C", 120L));
                SmsJob job = store.job(campaign, created.job().id()).orElseThrow();
                assertThat(job.status()).isEqualTo(SmsJob.Status.DONE);
                assertThat(job.test().winner()).isEqualTo(1);
                assertThat(job.test().decision()).contains("B beats every other variant");
                assertThat(job.test().testSentAt()).isEqualTo(MORNING_EAST);
                List<SmsStore.VariantResult> results = store.testResults(job.id(), 3);
                assertThat(results).extracting(SmsStore.VariantResult::sent).containsExactly(120L, 120L, 120L);
                assertThat(results.get(1).successes()).isGreaterThan(results.get(0).successes() + 20);
                // the personalised winner text went to a held person
                assertThat(gateway.lastText.values()).anyMatch(t -> t.matches("B: P\\d+, we need you Saturday. Reply YES"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void withoutASignificantDifferenceTheDeadlineSendsTheBestObservedRate(Supplier<Database> database) {
        try (Database db = database.get()) {
            long campaign = db.campaigns().create("Ada for Council", "NC").id();
            SmsFixtures.consentingCrowd(db, campaign, 300);
            TestClock clock = new TestClock(MORNING_EAST);
            JooqSmsStore store = new JooqSmsStore(db);
            RecordingGateway gateway = new RecordingGateway();
            long[] audience = SmsFixtures.audience(db, campaign, MORNING_EAST);
            try (SmsService sms = new SmsService(store, gateway, campaign, TimeZones.forCampaignState("NC"), "Unsubscribed.", clock)) {
                SmsJob.Test test = SmsJob.Test.of(VARIANTS.subList(0, 2), 0.5, 3, Duration.ofHours(2));
                SmsJob job = sms.create("Saturday", "tag(sms-list)", audience, test, SendHours.DEFAULT, null).job();
                SmsJobRunner runner = new SmsJobRunner(store, gateway, clock);
                runner.runDue(job);
                String replier = gateway.lastText.entrySet().stream().filter(e -> e.getValue().startsWith("B")).findFirst().orElseThrow().getKey();
                store.recordReply(campaign, replier, "maybe", clock.millis());
                clock.advance(Duration.ofHours(1));
                assertThat(runner.runDue(job).finished()).as("before the deadline: still waiting").isFalse();
                assertThat(gateway.submits.get()).isEqualTo(150);
                clock.advance(Duration.ofHours(1));
                assertThat(runner.runDue(job).finished()).isTrue();
                assertThat(gateway.byVariant()).isEqualTo(Map.of("A", 75L, "B", 225L));
                assertThat(store.job(campaign, job.id()).orElseThrow().test().decision()).contains("no significant difference within 2 h");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void overSmppRepliesToOneVariantMakeItWinAndTheRemainderReceivesIt(Supplier<Database> database) throws Exception {
        try (Database db = database.get(); SmppTestPeer peer = new SmppTestPeer()) {
            long campaign = db.campaigns().create("Ada for Council", "NC").id();
            SmsFixtures.consentingCrowd(db, campaign, 400);
            TestClock clock = new TestClock(MORNING_EAST);
            JooqSmsStore store = new JooqSmsStore(db);
            SmppGateway gateway = new SmppGateway(peer.settings(10));
            try (SmsService sms = new SmsService(store, gateway, campaign, TimeZones.forCampaignState("NC"), "Unsubscribed.", clock)) {
                SmsJob.Test test = SmsJob.Test.of(VARIANTS.subList(0, 2), 0.5, 11, Duration.ofHours(24));
                SmsJob job = sms.create("Saturday", "tag(sms-list)", SmsFixtures.audience(db, campaign, MORNING_EAST), test, SendHours.DEFAULT, null).job();
                SmsJobRunner runner = new SmsJobRunner(store, gateway, clock);
                assertThat(runner.runDue(job).finished()).isFalse();
                assertThat(peer.received()).hasSize(200);
                List<String> bRecipients = peer.received().stream().filter(r -> r.text().startsWith("B")).map(SmppTestPeer.Received::to).toList();
                assertThat(bRecipients).hasSize(100);

                for (String phone : bRecipients.subList(0, 50)) peer.deliverMessage(phone, "Yes, count me in");
                Await.until("fifty replies are recorded", () -> store.testResults(job.id(), 2).get(1).successes() == 50);
                clock.advance(Duration.ofMinutes(1));
                assertThat(runner.runDue(job).finished()).isTrue();

                Map<String, Long> byVariant = peer.received().stream().collect(Collectors.groupingBy(r -> r.text().substring(0, 1), Collectors.counting()));
                assertThat(byVariant).isEqualTo(Map.of("A", 100L, "B", 300L));
                assertThat(peer.recipients()).doesNotHaveDuplicates().hasSize(400);
                assertThat(store.job(campaign, job.id()).orElseThrow().test().winner()).isEqualTo(1);
            }
        }
    }
}
