package org.muster.messaging.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.store.Database;
import org.muster.store.JooqSmsStore;
import org.muster.store.TestDatabases;

/** SMS jobs end to end against a real SMPP peer on 127.0.0.1, on SQLite and PostgreSQL. */
class SmsSendTest {

    /** 10:00 in North Carolina, 07:00 in California. */
    private static final Instant MORNING_EAST = Instant.parse("2026-11-26T15:00:00Z");
    private static final Instant AFTERNOON_EAST = Instant.parse("2026-11-26T18:00:00Z");

    static java.util.stream.Stream<org.junit.jupiter.api.Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void peerReceivesExactlyWhatSegmentConsentSendingHoursAndHouseholdsSay(Supplier<Database> database) throws Exception {
        try (Database db = database.get(); SmppTestPeer peer = new SmppTestPeer()) {
            long campaign = db.campaigns().create("Ada for Council", "NC").id();
            List<Long> ids = db.people().insert(campaign, List.of(
                    SmsFixtures.person("Ann", "+19195550001", "NC", "27601", true),     // texted
                    SmsFixtures.person("Ben", "+19195550002", "NC", "27601", true),     // no consent
                    SmsFixtures.person("Cat", "+19195550003", "NC", "27601", true),     // consent withdrawn
                    SmsFixtures.person("Dan", "+19195550004", "NC", "27601", true),     // household phone: texted
                    SmsFixtures.person("Eve", "+19195550004", "NC", "27601", true),     // same phone: covered by Dan
                    SmsFixtures.person("Fay", "+18005550005", "NC", "27601", true),     // toll-free: not textable
                    SmsFixtures.person("Gus", "+13105550006", "CA", "90012", true),     // California: waits for 09:00 there
                    SmsFixtures.person("Hal", "+19195550008", "NC", "27601", false)));  // not in the segment
            Map<String, Long> id = new HashMap<>();
            for (int i = 0; i < ids.size(); i++) id.put(List.of("Ann", "Ben", "Cat", "Dan", "Eve", "Fay", "Gus", "Hal").get(i), ids.get(i));
            for (String name : List.of("Ann", "Cat", "Dan", "Eve", "Fay", "Gus", "Hal")) SmsFixtures.consent(db, id.get(name), "GRANTED", 1);
            SmsFixtures.consent(db, id.get("Cat"), "WITHDRAWN", 2);

            TestClock clock = new TestClock(MORNING_EAST);
            JooqSmsStore store = new JooqSmsStore(db);
            SmppGateway gateway = new SmppGateway(peer.settings(5));
            try (SmsService sms = new SmsService(store, gateway, campaign, TimeZones.forCampaignState("NC"), "Unsubscribed.", clock)) {
                SmsService.Created created = sms.create("GOTV", "tag(sms-list)", SmsFixtures.audience(db, campaign, MORNING_EAST),
                        "Hi {{first_name}}, polls are open until 7:30pm. Reply STOP to opt out", SendHours.DEFAULT, null);
                assertThat(created.plan().withoutConsent()).isEqualTo(2);
                assertThat(created.plan().withoutMobile()).isEqualTo(1);
                SmsJobRunner runner = new SmsJobRunner(store, gateway, clock);

                SmsJobRunner.Pass morning = runner.runDue(created.job());
                assertThat(morning.finished()).isFalse();
                assertThat(peer.received()).extracting(SmppTestPeer.Received::to, SmppTestPeer.Received::text).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("+19195550001", "Hi Ann, polls are open until 7:30pm. Reply STOP to opt out"),
                        org.assertj.core.groups.Tuple.tuple("+19195550004", "Hi Dan, polls are open until 7:30pm. Reply STOP to opt out"));
                assertThat(peer.received()).allMatch(r -> (r.registeredDelivery() & 0x03) == 0x01, "asks for a receipt");
                assertThat(morning.nextDue()).hasValue(Instant.parse("2026-11-26T17:00:00Z").toEpochMilli());
                SmsProgress progress = store.progress(created.job().id(), clock.millis());
                assertThat(progress.waiting()).isEqualTo(1);
                assertThat(progress.count(RecipientStatus.COVERED)).isEqualTo(1);
                assertThat(progress.count(RecipientStatus.SENT)).isEqualTo(2);
                assertThat(progress.total()).isEqualTo(4);

                clock.set(AFTERNOON_EAST);
                SmsJobRunner.Pass afternoon = runner.runDue(created.job());
                assertThat(afternoon.finished()).isTrue();
                assertThat(peer.recipients()).containsExactlyInAnyOrder("+19195550001", "+19195550004", "+13105550006");
                assertThat(store.job(campaign, created.job().id()).orElseThrow().status()).isEqualTo(SmsJob.Status.DONE);
                assertThat(db.people().profile(campaign, id.get("Ann")).orElseThrow().timeline()).anyMatch(a -> a.type().equals("sms.sent"));
                assertThat(db.people().profile(campaign, id.get("Eve")).orElseThrow().timeline()).noneMatch(a -> a.type().equals("sms.sent"));

                Map<String, String> idOf = peer.received().stream().collect(Collectors.toMap(SmppTestPeer.Received::to, SmppTestPeer.Received::messageId));
                peer.deliverReceipt(idOf.get("+19195550001"), DeliveryReceiptState.DELIVRD);
                peer.deliverReceipt(idOf.get("+19195550004"), DeliveryReceiptState.UNDELIV);
                peer.deliverReceipt(idOf.get("+13105550006"), DeliveryReceiptState.EXPIRED);
                Await.until("three receipts are applied", () -> store.progress(created.job().id(), clock.millis()).count(RecipientStatus.SENT) == 0);
                SmsProgress done = store.progress(created.job().id(), clock.millis());
                assertThat(done.count(RecipientStatus.DELIVERED)).isEqualTo(1);
                assertThat(done.count(RecipientStatus.UNDELIVERED)).isEqualTo(1);
                assertThat(done.count(RecipientStatus.EXPIRED)).isEqualTo(1);
                assertThat(done.sent()).isEqualTo(3);
                assertThat(done.failed()).isEqualTo(2);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void stopOptsOutEveryoneWithTheNumberAtOnceWithOneConfirmationAndRepliesGoOnTheTimeline(Supplier<Database> database) throws Exception {
        try (Database db = database.get(); SmppTestPeer peer = new SmppTestPeer()) {
            long campaign = db.campaigns().create("Ada for Council", "NC").id();
            List<Long> ids = db.people().insert(campaign, List.of(
                    SmsFixtures.person("Dan", "+19195550004", "NC", "27601", true),
                    SmsFixtures.person("Eve", "+19195550004", "NC", "27601", true),
                    SmsFixtures.person("Ann", "+19195550001", "NC", "27601", true),
                    SmsFixtures.person("Ivy", "+19195550009", "NC", "27601", true)));
            for (long id : ids) SmsFixtures.consent(db, id, "GRANTED", 1);
            TestClock clock = new TestClock(MORNING_EAST);
            JooqSmsStore store = new JooqSmsStore(db);
            SmppGateway gateway = new SmppGateway(peer.settings(5));
            try (SmsService sms = new SmsService(store, gateway, campaign, TimeZones.forCampaignState("NC"), "You are unsubscribed.", clock)) {
                SmsService.Created created = sms.create("Ask", "tag(sms-list)", SmsFixtures.audience(db, campaign, MORNING_EAST),
                        "Can you volunteer Saturday?", SendHours.DEFAULT, null);
                Await.until("the gateway is bound", gateway::isBound);

                // a STOP arriving while the job waits is honoured at the household phone's commit point
                peer.deliverMessage("+19195550004", "  Stop please ");
                Await.until("the confirmation is sent", () -> peer.recipients().contains("+19195550004"));
                peer.deliverMessage("+19195550004", "STOP");
                peer.deliverMessage("+19195550001", "Who is this?");
                Await.until("the second STOP and the reply are recorded", () -> db.dsl().fetchCount(db.dsl().selectOne()
                        .from("sms_inbound").where("kind in ('STOP', 'REPLY')")) == 3);
                assertThat(peer.received()).filteredOn(r -> r.to().equals("+19195550004")).extracting(SmppTestPeer.Received::text)
                        .containsExactly("You are unsubscribed.");
                for (long person : ids.subList(0, 2)) {
                    assertThat(db.people().profile(campaign, person).orElseThrow().consent())
                            .filteredOn(c -> c.channel().equals("sms")).extracting(c -> c.status()).containsExactly("WITHDRAWN");
                }
                assertThat(db.people().profile(campaign, ids.get(2)).orElseThrow().timeline())
                        .anyMatch(a -> a.type().equals(SmsInbox.REPLY_ACTIVITY) && a.summary().equals("Who is this?"));
                assertThat(new org.muster.store.SegmentSql(db, campaign).ids(org.muster.segment.SegmentParser.parse("contacted(1d, sms.reply)"),
                        clock.instant())).as("segments select repliers by the activity type").containsExactly(ids.get(2));

                new SmsJobRunner(store, gateway, clock).runDue(created.job());
                assertThat(peer.recipients()).containsExactlyInAnyOrder("+19195550004", "+19195550001", "+19195550009");
                assertThat(peer.received()).filteredOn(r -> r.to().equals("+19195550004")).hasSize(1);
                SmsProgress progress = store.progress(created.job().id(), clock.millis());
                assertThat(progress.count(RecipientStatus.OPTED_OUT)).isEqualTo(1);
                assertThat(progress.count(RecipientStatus.COVERED)).isEqualTo(1);
                assertThat(progress.count(RecipientStatus.SENT)).isEqualTo(2);

                // a later job leaves the opted-out number out from the start
                SmsService.Created next = sms.create("Again", "tag(sms-list)", SmsFixtures.audience(db, campaign, MORNING_EAST), "Thanks!", SendHours.DEFAULT, null);
                assertThat(next.plan().withoutConsent()).isEqualTo(2);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void crashBetweenCommitPointAndRecordResendsOnlyTheInDoubtBatch(Supplier<Database> database) throws Exception {
        try (Database db = database.get(); SmppTestPeer peer = new SmppTestPeer()) {
            long campaign = db.campaigns().create("Ada for Council", "NC").id();
            SmsFixtures.consentingCrowd(db, campaign, 30);
            TestClock clock = new TestClock(MORNING_EAST);
            JooqSmsStore store = new JooqSmsStore(db);
            int window = 5;
            SmsJob job;
            try (SmppGateway gateway = new SmppGateway(peer.settings(window))) {
                job = new SmsService(store, null, campaign, TimeZones.forCampaignState("NC"), "", clock)
                        .create("Crash", "tag(sms-list)", SmsFixtures.audience(db, campaign, MORNING_EAST), "Hi {{first_name}}", SendHours.DEFAULT, null).job();
                // the 13th submit "kills the process": batches 1-2 recorded, batch 3 (submits 11..15) left SENDING, 4 of it at the peer
                SmsGateway crashing = new CrashingGateway(gateway, 13);
                try {
                    new SmsJobRunner(store, crashing, clock).runDue(job);
                    throw new AssertionError("the runner should have crashed");
                } catch (SimulatedCrash expected) {
                    // as after kill -9
                }
            }
            assertThat(store.progress(job.id(), clock.millis()).count(RecipientStatus.SENDING)).isEqualTo(window);
            int beforeRestart = peer.received().size();
            assertThat(beforeRestart).isEqualTo(2 * window + window - 1);

            try (SmppGateway gateway = new SmppGateway(peer.settings(window));
                 SmsService restarted = new SmsService(store, gateway, campaign, TimeZones.forCampaignState("NC"), "", clock)) {
                assertThat(store.recoverInDoubt(job.id(), clock.millis())).isEqualTo(window);
                assertThat(new SmsJobRunner(store, gateway, clock).runDue(job).finished()).isTrue();
            }
            List<String> to = peer.recipients();
            Set<String> distinct = Set.copyOf(to);
            assertThat(distinct).hasSize(30);
            Map<String, Long> times = to.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            long duplicates = to.size() - distinct.size();
            assertThat(duplicates).isEqualTo(window - 1).isLessThanOrEqualTo(window);
            SmsProgress progress = store.progress(job.id(), clock.millis());
            assertThat(progress.inDoubt()).isEqualTo(window);
            assertThat(progress.count(RecipientStatus.SENT)).isEqualTo(30);
            // every number that got two messages is one of the in-doubt rows
            Set<String> inDoubtPhones = store.recipients(job.id(), RecipientStatus.SENT, 100).stream()
                    .filter(SmsStore.RecipientRow::inDoubt).map(SmsStore.RecipientRow::phone).collect(Collectors.toSet());
            assertThat(times.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)).allMatch(inDoubtPhones::contains);
        }
    }

    @Test
    void rebindsAfterTheSmscDropsTheConnection() throws Exception {
        try (Database db = TestDatabases.sqlite(); SmppTestPeer peer = new SmppTestPeer();
             SmppGateway gateway = new SmppGateway(peer.settings(3))) {
            long campaign = db.campaigns().create("Ada for Council", "NC").id();
            SmsFixtures.consentingCrowd(db, campaign, 6);
            TestClock clock = new TestClock(MORNING_EAST);
            JooqSmsStore store = new JooqSmsStore(db);
            SmsJob job = new SmsService(store, null, campaign, TimeZones.forCampaignState("NC"), "", clock)
                    .create("Drop", "tag(sms-list)", SmsFixtures.audience(db, campaign, MORNING_EAST), "Hello", SendHours.DEFAULT, null).job();
            Await.until("bound", gateway::isBound);
            peer.dropConnections();
            Await.until("rebound", () -> peer.bindCount() >= 2 && gateway.isBound());
            SmsJobRunner runner = new SmsJobRunner(store, gateway, clock);
            for (int pass = 0; pass < 10 && !runner.runDue(job).finished(); pass++) clock.advance(Duration.ofMinutes(1));
            assertThat(Set.copyOf(peer.recipients())).hasSize(6);
            assertThat(store.progress(job.id(), clock.millis()).count(RecipientStatus.SENT)).isEqualTo(6);
        }
    }

    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated kill -9");
        }
    }

    /** Passes submits through until call number {@code crashAt}, which dies instead of submitting. */
    private record CrashingGateway(SmsGateway inner, int crashAt, AtomicInteger calls) implements SmsGateway {

        CrashingGateway(SmsGateway inner, int crashAt) {
            this(inner, crashAt, new AtomicInteger());
        }

        @Override
        public String submit(String from, String to, String text) throws SmsGatewayException {
            if (calls.incrementAndGet() == crashAt) throw new SimulatedCrash();
            return inner.submit(from, to, text);
        }

        @Override
        public int window() {
            return inner.window();
        }

        @Override
        public void listen(GatewayEvents events) {
            inner.listen(events);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

}
