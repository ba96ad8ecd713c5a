package org.muster.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.event.AttendanceStatus;
import org.muster.messaging.Metric;
import org.muster.messaging.email.LinkSigner;
import org.muster.store.Database;
import org.muster.store.JooqDonationStore;
import org.muster.store.JooqEventStore;
import org.muster.store.JooqSmsStore;
import org.muster.store.TestDatabases;

/**
 * SMS A/B/n tests at the engine level on simulated outcomes, on SQLite and PostgreSQL: the reproducible split, the
 * winner on replies, clicks, donations or sign-ups by the shared sequential test, the rest sent the winner; and the
 * deadline's fallback.
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
                Map<Long, Integer> again = SmsAudience.split(sms.preview(audience, VARIANTS.getFirst(), SmsJob.CONSENT_REQUIRED, SmsJob.Options.NONE),
                                store.contacts(campaign, audience), test, SmsJob.Options.NONE)
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

    @Test
    void opensAreRefusedForTextsNamingTheField() {
        assertThatThrownBy(() -> SmsJob.Test.ofTexts(List.of(SmsJob.Text.of("A"), SmsJob.Text.of("B")), 0.5, 1, Duration.ofHours(24), Metric.OPEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("metric: ").hasMessageContaining("not open");
    }

    /**
     * Over SMPP with tracked links, a test on clicks: 50 of B's 100 test recipients follow their link within the
     * window, 5 of A's. Decoys that must not count: a second click of the same B recipients, and the other A
     * recipients' clicks a day after the window closed.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void overSmppClicksOnTrackedLinksPickTheWinner(Supplier<Database> database) throws Exception {
        try (Database db = database.get(); SmppTestPeer peer = new SmppTestPeer(); MetricRun run = MetricRun.sendTest(db, peer, Metric.CLICK)) {
            run.clock.advance(Duration.ofHours(1));
            for (String phone : run.b.subList(0, 50)) assertThat(run.follow(phone)).contains("https://b.example/sat");
            for (String phone : run.b.subList(0, 50)) run.follow(phone);
            for (String phone : run.a.subList(0, 5)) assertThat(run.follow(phone)).contains("https://a.example/sat");
            run.clock.advance(Duration.ofHours(24));
            for (String phone : run.a.subList(5, 100)) run.follow(phone);

            assertThat(run.store.testResults(run.job.id(), 2)).extracting(SmsStore.VariantResult::successes).containsExactly(5L, 50L);
            run.decideAndAssertBWins();
            assertThat(run.peer.received().subList(200, 400)).as("the winner's tracked links went to the rest")
                    .allMatch(r -> r.text().contains("https://muster.example/s/") && !r.text().contains("b.example"));
        }
    }

    /**
     * Over SMPP, a test on donations: 50 of B's 100 test recipients give within the window, 5 of A's. Decoys that
     * must not count: every A recipient gave three days before the text, half of them again a day after the window,
     * and the 200 people held for the winner (outside the test) all gave within it.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void overSmppDonationsAfterTheTextPickTheWinner(Supplier<Database> database) throws Exception {
        try (Database db = database.get(); SmppTestPeer peer = new SmppTestPeer(); MetricRun run = MetricRun.sendTest(db, peer, Metric.DONATION)) {
            JooqDonationStore donations = new JooqDonationStore(db);
            Instant sent = MORNING_EAST;
            for (int i = 0; i < 50; i++) donations.record(run.person(run.b.get(i)), 2_500, "USD", sent.plus(Duration.ofHours(1)), "web", null);
            for (int i = 0; i < 5; i++) donations.record(run.person(run.a.get(i)), 2_500, "USD", sent.plus(Duration.ofHours(2)), "web", null);
            for (String phone : run.a) donations.record(run.person(phone), 9_000, "USD", sent.minus(Duration.ofDays(3)), "web", null);
            for (String phone : run.a.subList(50, 100)) donations.record(run.person(phone), 9_000, "USD", sent.plus(Duration.ofHours(25)), "web", null);
            for (long held : run.store.heldPeople(run.job.id())) donations.record(held, 1_000, "USD", sent.plus(Duration.ofHours(1)), "web", null);

            assertThat(run.store.testResults(run.job.id(), 2)).extracting(SmsStore.VariantResult::successes).containsExactly(5L, 50L);
            run.decideAndAssertBWins();
        }
    }

    /** Over SMPP, a test on sign-ups: B's registrations after the text win over A's made a week before it. */
    @ParameterizedTest
    @MethodSource("databases")
    void overSmppSignUpsAfterTheTextPickTheWinner(Supplier<Database> database) throws Exception {
        try (Database db = database.get(); SmppTestPeer peer = new SmppTestPeer(); MetricRun run = MetricRun.sendTest(db, peer, Metric.SIGNUP)) {
            JooqEventStore events = new JooqEventStore(db);
            long townHall = events.create(run.campaign, "Town hall", MORNING_EAST.plus(Duration.ofDays(3)), "Library").id();
            long rally = events.create(run.campaign, "Rally", MORNING_EAST.plus(Duration.ofDays(1)), "Square").id();
            for (String phone : run.a) events.setAttendance(rally, run.person(phone), AttendanceStatus.REGISTERED);
            for (String phone : run.b.subList(0, 50)) events.setAttendance(townHall, run.person(phone), AttendanceStatus.REGISTERED);
            // the store stamps the real time: put the rally's registrations a week before the text, the town hall's an hour after
            db.dsl().execute("update event_attendance set registered_at = ? where event_id = ?", MORNING_EAST.minus(Duration.ofDays(7)).toEpochMilli(), rally);
            db.dsl().execute("update event_attendance set registered_at = ? where event_id = ?", MORNING_EAST.plus(Duration.ofHours(1)).toEpochMilli(), townHall);

            assertThat(run.store.testResults(run.job.id(), 2)).extracting(SmsStore.VariantResult::successes).containsExactly(0L, 50L);
            run.decideAndAssertBWins();
        }
    }

    /**
     * A two-text test on {@code metric} whose test groups (100 each of 400) went out over SMPP at {@link #MORNING_EAST},
     * each text ending in a tracked link.
     */
    private record MetricRun(long campaign, JooqSmsStore store, SmppTestPeer peer, SmsService sms, SmsJobRunner runner, TestClock clock,
                             SmsJob job, Map<String, Long> personOfPhone, List<String> a, List<String> b) implements AutoCloseable {

        static MetricRun sendTest(Database db, SmppTestPeer peer, Metric metric) {
            long campaign = db.campaigns().create("Ada for Council", "NC").id();
            List<Long> ids = SmsFixtures.consentingCrowd(db, campaign, 400);
            Map<String, Long> personOfPhone = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) personOfPhone.put(SmsFixtures.phone(i), ids.get(i));
            TestClock clock = new TestClock(MORNING_EAST);
            JooqSmsStore store = new JooqSmsStore(db);
            SmppGateway gateway = new SmppGateway(peer.settings(10));
            SmsLinks links = new SmsLinks(new LinkSigner("key".getBytes(java.nio.charset.StandardCharsets.UTF_8), "https://muster.example"));
            SmsService sms = new SmsService(store, gateway, links, campaign, TimeZones.forCampaignState("NC"), "Unsubscribed.", clock);
            SmsJob.Test test = SmsJob.Test.ofTexts(List.of(SmsJob.Text.of(VARIANTS.get(0) + " https://a.example/sat"),
                    SmsJob.Text.of(VARIANTS.get(1) + " https://b.example/sat")), 0.5, 11, Duration.ofHours(24), metric);
            SmsJob job = sms.create("Saturday", "tag(sms-list)", SmsFixtures.audience(db, campaign, MORNING_EAST), test, SendHours.DEFAULT,
                    SmsJob.CONSENT_REQUIRED, new SmsJob.Options(false, true), null).job();
            assertThat(store.job(campaign, job.id()).orElseThrow().test().metric()).isEqualTo(metric);
            SmsJobRunner runner = new SmsJobRunner(store, gateway, links, clock);
            assertThat(runner.runDue(job).finished()).isFalse();
            assertThat(peer.received()).hasSize(200);
            List<String> a = peer.received().stream().filter(r -> r.text().startsWith("A")).map(SmppTestPeer.Received::to).sorted().toList();
            List<String> b = peer.received().stream().filter(r -> r.text().startsWith("B")).map(SmppTestPeer.Received::to).sorted().toList();
            assertThat(a).hasSize(100);
            assertThat(b).hasSize(100);
            return new MetricRun(campaign, store, peer, sms, runner, clock, job, personOfPhone, a, b);
        }

        long person(String phone) {
            return personOfPhone.get(phone);
        }

        /** Follows the tracked link in the text {@code phone} received, as its recipient would. */
        java.util.Optional<String> follow(String phone) {
            String text = peer.received().stream().filter(r -> r.to().equals(phone)).findFirst().orElseThrow().text();
            return sms.click(text.substring(text.indexOf("/s/") + 3));
        }

        /** The next pass decides: B wins and the 200 held people get it. */
        void decideAndAssertBWins() {
            clock.advance(Duration.ofMinutes(1));
            assertThat(runner.runDue(job).finished()).isTrue();
            Map<String, Long> byVariant = peer.received().stream().collect(Collectors.groupingBy(r -> r.text().substring(0, 1), Collectors.counting()));
            assertThat(byVariant).isEqualTo(Map.of("A", 100L, "B", 300L));
            assertThat(peer.recipients()).doesNotHaveDuplicates().hasSize(400);
            SmsJob done = store.job(campaign, job.id()).orElseThrow();
            assertThat(done.test().winner()).isEqualTo(1);
            assertThat(done.test().decision()).contains("B beats every other variant");
        }

        @Override
        public void close() {
            sms.close();
        }
    }
}
