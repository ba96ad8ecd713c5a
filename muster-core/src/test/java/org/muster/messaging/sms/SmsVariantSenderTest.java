package org.muster.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import org.muster.messaging.Metric;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.store.Database;
import org.muster.store.JooqSmsStore;
import org.muster.store.TestDatabases;

/**
 * A/B variants of an SMS job that differ in sender and send time, against a real SMPP peer, on SQLite and
 * PostgreSQL: each variant's recipients get that variant's source address, and a later variant waits for its time
 * and then for its recipients' sending hours.
 */
class SmsVariantSenderTest {

    /** 10:00 in North Carolina. */
    private static final Instant MORNING_EAST = Instant.parse("2026-11-26T15:00:00Z");
    /** Variant C's send time: 22:00 in North Carolina, after the sending hours close. */
    private static final Instant C_AT = Instant.parse("2026-11-27T03:00:00Z");
    /** The next morning's 09:00 in North Carolina. */
    private static final Instant NEXT_OPENING = Instant.parse("2026-11-27T14:00:00Z");

    static java.util.stream.Stream<org.junit.jupiter.api.Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachVariantGoesFromItsOwnSenderAndNotBeforeItsTime(Supplier<Database> database) throws Exception {
        try (Database db = database.get(); SmppTestPeer peer = new SmppTestPeer()) {
            long campaign = db.campaigns().create("Ada for Council", "NC").id();
            SmsFixtures.consentingCrowd(db, campaign, 30);
            TestClock clock = new TestClock(MORNING_EAST);
            JooqSmsStore store = new JooqSmsStore(db);
            SmppGateway gateway = new SmppGateway(peer.settings(5));
            try (SmsService sms = new SmsService(store, gateway, campaign, TimeZones.forCampaignState("NC"), "", clock)) {
                SmsJob.Test test = SmsJob.Test.ofTexts(List.of(
                        SmsJob.Text.of("A: Hi {{first_name}}"),
                        new SmsJob.Text("B: Hi {{first_name}}", "+19195550100", null),
                        new SmsJob.Text("C: Hi {{first_name}}", "AdaCouncil", C_AT)), 1, 7, Duration.ofHours(24), Metric.REPLY);
                SmsJob job = sms.create("Senders", "tag(sms-list)", SmsFixtures.audience(db, campaign, MORNING_EAST), test, SendHours.DEFAULT,
                        SmsJob.CONSENT_REQUIRED, SmsJob.Options.NONE, null).job();
                assertThat(store.job(campaign, job.id()).orElseThrow().test().variants()).isEqualTo(test.variants());
                long inC = store.recipients(job.id(), null, 100).stream().filter(r -> r.status() == RecipientStatus.PENDING
                        && r.notBefore() == C_AT.toEpochMilli()).count();
                assertThat(inC).as("C's rows wait for its send time").isPositive();
                SmsJobRunner runner = new SmsJobRunner(store, gateway, clock);

                SmsJobRunner.Pass morning = runner.runDue(job);
                assertThat(morning.finished()).isFalse();
                assertThat(morning.nextDue()).hasValue(C_AT.toEpochMilli());
                assertThat(peer.received()).hasSize(30 - (int) inC).noneMatch(r -> r.text().startsWith("C:"));

                clock.set(C_AT.plus(Duration.ofMinutes(30)));
                SmsJobRunner.Pass night = runner.runDue(job);
                assertThat(peer.received()).as("C's time has come, but it is night in North Carolina").hasSize(30 - (int) inC);
                assertThat(night.nextDue()).hasValue(NEXT_OPENING.toEpochMilli());

                clock.set(NEXT_OPENING);
                assertThat(runner.runDue(job).finished()).isTrue();
                List<SmppTestPeer.Received> received = peer.received();
                assertThat(received).hasSize(30);
                assertThat(Set.copyOf(peer.recipients())).hasSize(30);
                Map<String, Set<String>> sendersOfVariant = received.stream().collect(Collectors.groupingBy(r -> r.text().substring(0, 1),
                        Collectors.mapping(SmppTestPeer.Received::from, Collectors.toSet())));
                assertThat(sendersOfVariant).containsOnly(
                        Map.entry("A", Set.of("19195550000")),
                        Map.entry("B", Set.of("19195550100")),
                        Map.entry("C", Set.of("AdaCouncil")));
            }
        }
    }
}
