package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.store.MessagingTables.RecipientTable;
import static org.muster.store.MessagingTables.VariantTable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.event.AttendanceStatus;
import org.muster.messaging.AudienceRules;
import org.muster.messaging.Channel;
import org.muster.messaging.MessagingStore;
import org.muster.messaging.Metric;
import org.muster.messaging.SendJob;
import org.muster.messaging.Variant;
import org.muster.messaging.email.LinkSigner;
import org.muster.messaging.email.Mailbox;
import org.muster.messaging.email.ReplyProcessor;
import org.muster.messaging.email.SmtpSink;
import org.muster.messaging.sms.TestClock;

/**
 * A/B/n tests of three email variants decided on replies, donations and sign-ups, with the outcomes arriving the
 * way the product records them: replies as mail in the reply mailbox, donations in the donation ledger, sign-ups as
 * event registrations. Decoys that must not count are planted next to them: automatic replies, gifts made before
 * the message, and a check-in at an event the person had registered for before it.
 */
class EmailAbMetricsTest {

    /** Three variants, 60 % of the eligible people in the test: 5 groups, 3 tested and 2 held for the winner. */
    private static final double TEST_FRACTION = 0.6;
    private static final int PEOPLE = 1_800;

    static Stream<Arguments> cases() {
        return TestDatabases.both().flatMap(db -> Stream.of(Metric.REPLY, Metric.DONATION, Metric.SIGNUP).map(m -> Arguments.of(db, m)));
    }

    /** A recipient of the test phase. */
    record Row(long recipientId, long personId, String address, String label) {
    }

    /** A send of variants A, B and C, run until its test groups went out, at a clock the test moves. */
    private record Running(Database db, JooqMessagingStore store, long campaign, long send, SmtpSink sink, SendJob job, TestClock clock,
                           Instant sentAt, long eligible) {

        List<Row> testRows() {
            return db.dsl().select(RecipientTable.ID, RecipientTable.PERSON_ID, RecipientTable.ADDRESS, VariantTable.LABEL)
                    .from(RecipientTable.T).join(VariantTable.T).on(VariantTable.ID.eq(RecipientTable.VARIANT_ID))
                    .where(RecipientTable.SEND_ID.eq(send)).and(RecipientTable.PHASE.eq("TEST")).and(RecipientTable.STATUS.eq("SENT"))
                    .orderBy(RecipientTable.ID)
                    .fetch(r -> new Row(r.get(RecipientTable.ID), r.get(RecipientTable.PERSON_ID), r.get(RecipientTable.ADDRESS), r.get(VariantTable.LABEL)));
        }

        String winner() {
            MessagingStore.Send s = store.send(campaign, send).orElseThrow();
            return s.winnerVariantId() == null ? null
                    : s.variants().stream().filter(v -> v.id() == s.winnerVariantId()).findFirst().orElseThrow().label();
        }
    }

    private static Running start(Database db, SmtpSink sink, Metric metric) {
        long campaign = db.campaigns().create("Mail", "NC").id();
        long eligible = MessagingFixtures.people(db, campaign, PEOPLE).stream().filter(MessagingFixtures.Planted::eligible).count();
        JooqMessagingStore store = new JooqMessagingStore(db);
        List<Variant> variants = List.of(MessagingFixtures.variant("A", "Subject A"), MessagingFixtures.variant("B", "Subject B"),
                MessagingFixtures.variant("C", "Subject C"));
        long send = store.create(campaign, new MessagingStore.SendDefinition("Ask", Channel.EMAIL, "not tag(nobody)", AudienceRules.DEFAULT,
                false, TEST_FRACTION, metric, 7, Duration.ofHours(24), variants), null);
        store.schedule(send, Instant.EPOCH);
        // Event registrations are stamped with the real time: the send went out two hours before it.
        Instant sentAt = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        TestClock clock = new TestClock(sentAt);
        SendJob job = new SendJob(store, MessagingFixtures.audience(db, campaign),
                Map.of(Channel.EMAIL, MessagingSendTest.outlet(sink, store, () -> { })), SendJob.Settings.of(2, 0), clock);
        SendJob.Step step = job.run(campaign, send);
        assertThat(step.status()).isEqualTo(MessagingStore.Status.WAITING_FOR_WINNER);
        return new Running(db, store, campaign, send, sink, job, clock, sentAt, eligible);
    }

    /** Records the metric's outcome for {@code doers} the way the product does, and the decoys for {@code decoys}. */
    private static void outcomes(Running r, Metric metric, List<Row> doers, List<Row> decoys) throws Exception {
        switch (metric) {
            case REPLY -> {
                Path maildir = Files.createTempDirectory("replies");
                Files.createDirectories(maildir.resolve("new"));
                Map<String, String> received = new HashMap<>();
                for (SmtpSink.Received m : r.sink().messages()) received.put(m.to().getFirst(), m.text());
                int n = 0;
                for (Row d : doers) {
                    // Most mail programs keep our Message-ID in In-Reply-To; some replies only have the sender to go by.
                    String inReplyTo = n % 5 == 4 ? "" : "In-Reply-To: <" + header(received.get(d.address()), "Message-ID") + ">\r\n";
                    write(maildir, n++, "From: Someone <" + d.address() + ">\r\nTo: news@example.org\r\nSubject: Re: Subject " + d.label()
                            + "\r\n" + inReplyTo + "\r\nCount me in.\r\n");
                }
                for (Row d : decoys) {
                    write(maildir, n++, "From: <" + d.address() + ">\r\nTo: news@example.org\r\nSubject: Out of office\r\nAuto-Submitted: auto-replied\r\n"
                            + "In-Reply-To: <" + header(received.get(d.address()), "Message-ID") + ">\r\n\r\nI am away.\r\n");
                }
                r.clock().set(r.sentAt().plus(Duration.ofHours(1)));
                ReplyProcessor replies = new ReplyProcessor(r.store(), new LinkSigner(r.store().signingKey(), "https://muster.example.org"),
                        r.campaign(), r.clock());
                assertThat(Mailbox.poll(maildir.toString(), replies::process)).isEqualTo(doers.size() + decoys.size());
            }
            case DONATION -> {
                JooqDonationStore donations = new JooqDonationStore(r.db());
                for (Row d : doers) donations.record(d.personId(), 2_500, "USD", r.sentAt().plus(Duration.ofHours(1)), "web", null);
                for (Row d : decoys) donations.record(d.personId(), 5_000, "USD", r.sentAt().minus(Duration.ofDays(3)), "web", null);
            }
            case SIGNUP -> {
                JooqEventStore events = new JooqEventStore(r.db());
                long event = events.create(r.campaign(), "Town hall", r.sentAt().plus(Duration.ofDays(3)), "Library").id();
                long rally = events.create(r.campaign(), "Rally", r.sentAt().plus(Duration.ofDays(1)), "Square").id();
                for (Row d : decoys) events.setAttendance(rally, d.personId(), AttendanceStatus.REGISTERED);
                // ...a week before the message (the store stamps the real time), and checked in after it.
                long weekBefore = r.sentAt().minus(Duration.ofDays(7)).toEpochMilli();
                r.db().dsl().update(DonationEventTables.EventAttendanceTable.T)
                        .set(DonationEventTables.EventAttendanceTable.REGISTERED_AT, weekBefore)
                        .set(DonationEventTables.EventAttendanceTable.RECORDED_AT, weekBefore)
                        .where(DonationEventTables.EventAttendanceTable.EVENT_ID.eq(rally)).execute();
                for (Row d : decoys) events.setAttendance(rally, d.personId(), AttendanceStatus.ATTENDED);
                for (Row d : doers) events.setAttendance(event, d.personId(), AttendanceStatus.REGISTERED);
            }
            default -> throw new IllegalArgumentException(metric.name());
        }
    }

    /** The rows of each variant that do it: {@code perHundred[v]} of every 100, in id order. */
    private static List<Row> doers(List<Row> rows, Map<String, Integer> perHundred) {
        Map<String, Integer> seen = new HashMap<>();
        List<Row> out = new ArrayList<>();
        for (Row row : rows) {
            int i = seen.merge(row.label(), 1, Integer::sum) - 1;
            if (i % 100 < perHundred.get(row.label())) out.add(row);
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void theVariantThatGetsTheMostOutcomesWinsAndTheRestAreSentIt(Supplier<Database> open, Metric metric) throws Exception {
        try (Database db = open.get(); SmtpSink sink = SmtpSink.keeping()) {
            Running r = start(db, sink, metric);
            List<Row> rows = r.testRows();
            assertThat(sink.count()).isEqualTo(rows.size());
            List<Row> doers = doers(rows, Map.of("A", 8, "B", 10, "C", 50));
            // Every A recipient also leaves a decoy; counted, it would make A the winner by far.
            List<Row> decoys = rows.stream().filter(row -> row.label().equals("A") && !doers.contains(row)).toList();
            outcomes(r, metric, doers, decoys);

            r.clock().set(r.sentAt().plus(Duration.ofHours(3)));
            Map<String, Long> expected = new HashMap<>();
            for (Row d : doers) expected.merge(d.label(), 1L, Long::sum);
            Map<String, Long> counted = new HashMap<>();
            for (var v : r.store().results(r.send(), metric, true)) counted.put(v.label(), v.successes());
            assertThat(counted).isEqualTo(expected);

            SendJob.Step done = r.job().run(r.campaign(), r.send());

            assertThat(done.status()).isEqualTo(MessagingStore.Status.DONE);
            assertThat(r.winner()).isEqualTo("C");
            assertThat(r.store().send(r.campaign(), r.send()).orElseThrow().decision()).contains("C beats every other variant");
            assertThat(sink.count()).isEqualTo(r.eligible());
            assertThat(sink.messages().stream().map(m -> m.to().getFirst()).distinct().count()).isEqualTo(r.eligible());
            long rest = r.eligible() - rows.size();
            assertThat(sink.messages().stream().skip(rows.size()).filter(m -> m.text().contains("Subject: Subject C")).count()).isEqualTo(rest);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void variantsThatDoNotDifferGetNoEarlyWinnerAndTheDeadlineSaysSo(Supplier<Database> open, Metric metric) throws Exception {
        try (Database db = open.get(); SmtpSink sink = SmtpSink.keeping()) {
            Running r = start(db, sink, metric);
            List<Row> rows = r.testRows();
            outcomes(r, metric, doers(rows, Map.of("A", 12, "B", 14, "C", 13)), List.of());

            r.clock().set(r.sentAt().plus(Duration.ofHours(3)));
            SendJob.Step waiting = r.job().run(r.campaign(), r.send());

            assertThat(waiting.status()).isEqualTo(MessagingStore.Status.WAITING_FOR_WINNER);
            assertThat(r.winner()).isNull();
            assertThat(sink.count()).isEqualTo(rows.size());
            assertThat(r.store().counts(r.send())).containsEntry("HELD", r.eligible() - rows.size());

            r.clock().set(r.sentAt().plus(Duration.ofHours(25)));
            SendJob.Step done = r.job().run(r.campaign(), r.send());

            assertThat(done.status()).isEqualTo(MessagingStore.Status.DONE);
            assertThat(r.winner()).isEqualTo("B");
            assertThat(r.store().send(r.campaign(), r.send()).orElseThrow().decision()).startsWith("no significant difference within 24 h");
            assertThat(sink.count()).isEqualTo(r.eligible());
        }
    }

    private static void write(Path maildir, int n, String message) throws Exception {
        Files.writeString(maildir.resolve("new").resolve(n + ".eml"), message, StandardCharsets.ISO_8859_1);
    }

    private static String header(String raw, String name) {
        for (String line : raw.split("\r\n")) {
            if (line.isEmpty()) break;
            if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) return line.substring(name.length() + 1).strip().replaceAll("[<>]", "");
        }
        throw new AssertionError("no " + name + " in " + raw);
    }
}
