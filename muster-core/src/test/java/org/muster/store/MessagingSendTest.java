package org.muster.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.messaging.Channel;
import org.muster.messaging.MessagingStore;
import org.muster.messaging.Outlet;
import org.muster.messaging.SendJob;
import org.muster.messaging.email.EmailComposer;
import org.muster.messaging.email.LinkSigner;
import org.muster.messaging.email.SmtpMessenger;
import org.muster.messaging.email.SmtpServer;
import org.muster.messaging.email.SmtpSink;
import org.muster.store.MessagingFixtures.Planted;

/** Whole sends against a real SMTP server (in process here; the kill test runs it as its own process). */
class MessagingSendTest {

    static Stream<Named<Supplier<Database>>> databases() {
        return TestDatabases.both();
    }

    static Outlet outlet(SmtpSink sink, MessagingStore store, Runnable onCompose) {
        LinkSigner signer = new LinkSigner(store.signingKey(), "https://muster.example.org");
        SmtpMessenger messenger = new SmtpMessenger(List.of(SmtpServer.plain("127.0.0.1", sink.port())), 3, "test.example.org");
        return new Outlet(messenger, send -> {
            EmailComposer composer = new EmailComposer(signer, "mail.example.org", send.definition().stateOrigin());
            return (r, v) -> {
                onCompose.run();
                return composer.compose(r, v);
            };
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theServerReceivesExactlyWhatTheSegmentAndTheRulesSay(Supplier<Database> open) throws Exception {
        try (Database db = open.get(); SmtpSink sink = SmtpSink.keeping()) {
            long campaign = db.campaigns().create("Mail", "NC").id();
            List<Planted> people = MessagingFixtures.people(db, campaign, 60);
            long bounced = people.get(6).id();  // kind 0: eligible, but its address bounced before
            db.dsl().update(org.jooq.impl.DSL.table("person_email")).set(MessagingTables.PERSON_EMAIL_STATUS, "UNDELIVERABLE")
                    .where(org.jooq.impl.DSL.field("person_id", Long.class).eq(bounced)).execute();
            JooqMessagingStore store = new JooqMessagingStore(db);
            long send = store.create(campaign, MessagingFixtures.definition("not tag(nobody)",
                    List.of(MessagingFixtures.variant("A", "News for {{first_name}}")), 1), null);
            store.schedule(send, Instant.EPOCH);
            // An objection arrives while the send runs: the person is due later in the send, and must not get it.
            Planted objector = people.get(54);
            AtomicInteger composed = new AtomicInteger();
            Outlet outlet = outlet(sink, store, () -> {
                if (composed.incrementAndGet() == 3) MessagingFixtures.consent(db, objector.id(), "WITHDRAWN");
            });
            SendJob job = new SendJob(store, MessagingFixtures.audience(db, campaign), Map.of(Channel.EMAIL, outlet),
                    new SendJob.Settings(1, 10, 0, 3, org.muster.messaging.SequentialTest.standard()), Clock.systemUTC());

            SendJob.Step step = job.run(campaign, send);

            assertThat(step.status()).isEqualTo(MessagingStore.Status.DONE);
            Set<String> expected = people.stream().filter(Planted::eligible).filter(p -> p.id() != bounced && p.id() != objector.id())
                    .map(Planted::email).collect(Collectors.toSet());
            List<String> received = sink.messages().stream().flatMap(m -> m.to().stream()).toList();
            assertThat(received).hasSize(expected.size()).doesNotHaveDuplicates();
            assertThat(Set.copyOf(received)).isEqualTo(expected);
            Map<String, Long> counts = store.counts(send);
            assertThat(counts).containsEntry("SENT", (long) expected.size()).containsEntry("SKIPPED:WITHDRAWN", 11L)
                    .containsEntry("SKIPPED:NO_CONSENT", 10L).containsEntry("SKIPPED:NO_ADDRESS", 10L)
                    .containsEntry("SKIPPED:UNDELIVERABLE", 1L);

            // Connections deliver in parallel, so pick a known person's message rather than the first to arrive.
            SmtpSink.Received first = sink.messages().stream().filter(m -> m.to().contains(people.get(0).email())).findFirst().orElseThrow();
            String raw = first.text();
            assertThat(raw).contains("List-Unsubscribe: <https://muster.example.org/m/u/").contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click")
                    .contains("Subject: News for First0").contains("multipart/alternative");
            assertThat(first.from()).startsWith("bounce+").endsWith("@mail.example.org");
            String html = part(raw, "text/html");
            String text = part(raw, "text/plain");
            assertThat(html).contains("https://muster.example.org/m/c/").contains("/m/o/").doesNotContain("href=\"https://example.org/plan");
            assertThat(text).contains("Hello First0,").contains("our plan (https://example.org/plan?a=1&b=2)")
                    .contains("came to us from: sign-up form");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anAbTestSendsTheTestGroupsThenTheWinnerToTheRest(Supplier<Database> open) throws Exception {
        try (Database db = open.get(); SmtpSink sink = SmtpSink.keeping()) {
            long campaign = db.campaigns().create("Mail", "NC").id();
            List<Planted> people = MessagingFixtures.people(db, campaign, 1_800);
            JooqMessagingStore store = new JooqMessagingStore(db);
            long send = store.create(campaign, MessagingFixtures.definition("not tag(nobody)",
                    List.of(MessagingFixtures.variant("A", "Plain subject"), MessagingFixtures.variant("B", "Better subject")), 0.5), null);
            store.schedule(send, Instant.EPOCH);
            SendJob job = new SendJob(store, MessagingFixtures.audience(db, campaign), Map.of(Channel.EMAIL, outlet(sink, store, () -> { })),
                    SendJob.Settings.of(2, 0), Clock.systemUTC());

            SendJob.Step waiting = job.run(campaign, send);

            assertThat(waiting.status()).isEqualTo(MessagingStore.Status.WAITING_FOR_WINNER);
            long eligible = people.stream().filter(Planted::eligible).count();
            assertThat(sink.count()).isEqualTo(eligible / 2);
            // B's recipients open far more often.
            var rows = db.dsl().select(MessagingTables.RecipientTable.ID, MessagingTables.VariantTable.LABEL).from(MessagingTables.RecipientTable.T)
                    .join(MessagingTables.VariantTable.T).on(MessagingTables.VariantTable.ID.eq(MessagingTables.RecipientTable.VARIANT_ID))
                    .where(MessagingTables.RecipientTable.SEND_ID.eq(send)).and(MessagingTables.RecipientTable.STATUS.eq("SENT")).fetch();
            int i = 0;
            for (var r : rows) {
                boolean opens = r.get(MessagingTables.VariantTable.LABEL).equals("B") ? i % 2 == 0 : i % 10 == 0;
                if (opens) store.recordEvent(r.get(MessagingTables.RecipientTable.ID), "open", null, Instant.now());
                i++;
            }

            SendJob.Step done = job.run(campaign, send);

            assertThat(done.status()).isEqualTo(MessagingStore.Status.DONE);
            MessagingStore.Send finished = store.send(campaign, send).orElseThrow();
            assertThat(finished.variants().stream().filter(v -> v.id() == finished.winnerVariantId()).findFirst().orElseThrow().label()).isEqualTo("B");
            assertThat(sink.count()).isEqualTo(eligible);
            assertThat(sink.messages().stream().flatMap(m -> m.to().stream()).distinct().count()).isEqualTo(eligible);
            long restWithB = sink.messages().stream().skip(eligible / 2).filter(m -> m.text().contains("Subject: Better subject")).count();
            assertThat(restWithB).isEqualTo(eligible - eligible / 2);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void hardBouncesFromAMaildirMarkTheAddressUndeliverableAndSoftOnesDoNot(Supplier<Database> open) throws Exception {
        try (Database db = open.get(); SmtpSink sink = SmtpSink.keeping()) {
            long campaign = db.campaigns().create("Mail", "NC").id();
            List<Planted> people = MessagingFixtures.people(db, campaign, 6);
            JooqMessagingStore store = new JooqMessagingStore(db);
            long send = sendToEveryone(db, sink, store, campaign, "Hi");
            SmtpSink.Received hard = sink.messages().stream().filter(m -> m.to().contains(people.get(0).email())).findFirst().orElseThrow();
            SmtpSink.Received soft = sink.messages().stream().filter(m -> m.to().contains(people.get(1).email())).findFirst().orElseThrow();
            java.nio.file.Path maildir = java.nio.file.Files.createTempDirectory("bounces");
            java.nio.file.Files.createDirectories(maildir.resolve("new"));
            java.nio.file.Files.writeString(maildir.resolve("new").resolve("1.eml"), dsn(hard.from(), people.get(0).email(), "failed", "5.1.1"));
            java.nio.file.Files.writeString(maildir.resolve("new").resolve("2.eml"), dsn(soft.from(), people.get(1).email(), "delayed", "4.2.2"));
            var processor = new org.muster.messaging.email.BounceProcessor(store,
                    new LinkSigner(store.signingKey(), "https://muster.example.org"), campaign, Clock.systemUTC());

            assertThat(org.muster.messaging.email.Mailbox.pollFolder(maildir, processor::process)).isEqualTo(2);

            assertThat(emailStatus(db, people.get(0).id())).isEqualTo("UNDELIVERABLE");
            assertThat(emailStatus(db, people.get(1).id())).isEqualTo("OK");
            assertThat(java.nio.file.Files.list(maildir.resolve("new")).count()).isZero();
            assertThat(db.people().profile(campaign, people.get(0).id()).orElseThrow().timeline())
                    .anyMatch(a -> a.type().equals("email.bounce"));
            var counts = store.results(send, org.muster.messaging.Metric.OPEN, false);
            assertThat(counts.getFirst().sent()).isEqualTo(3);
            // The next send skips the address.
            long next = sendToEveryone(db, sink, store, campaign, "Again");
            assertThat(store.counts(next)).containsEntry("SENT", 2L).containsEntry("SKIPPED:UNDELIVERABLE", 1L);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void bouncesReadOverImapMarkAddressesOnceAndAreGoneFromTheMailbox(Supplier<Database> open) throws Exception {
        GreenMail imap = new GreenMail(new ServerSetup(0, "127.0.0.1", "imap"));
        imap.start();
        try (Database db = open.get(); SmtpSink sink = SmtpSink.keeping()) {
            long campaign = db.campaigns().create("Mail", "NC").id();
            List<Planted> people = MessagingFixtures.people(db, campaign, 6);
            JooqMessagingStore store = new JooqMessagingStore(db);
            long send = sendToEveryone(db, sink, store, campaign, "Hi");
            SmtpSink.Received hard = sink.messages().stream().filter(m -> m.to().contains(people.get(0).email())).findFirst().orElseThrow();
            SmtpSink.Received soft = sink.messages().stream().filter(m -> m.to().contains(people.get(1).email())).findFirst().orElseThrow();
            GreenMailUser bounces = imap.setUser("bounces@mail.example.org", "bounces", "pw");
            bounces.deliver(mime(dsn(hard.from(), people.get(0).email(), "failed", "5.1.1")));
            bounces.deliver(mime(dsn(soft.from(), people.get(1).email(), "delayed", "4.2.2")));
            var processor = new org.muster.messaging.email.BounceProcessor(store,
                    new LinkSigner(store.signingKey(), "https://muster.example.org"), campaign, Clock.systemUTC());
            String url = "imap://bounces:pw@127.0.0.1:" + imap.getImap().getPort() + "/INBOX";

            assertThat(org.muster.messaging.email.Mailbox.poll(url, processor::process)).isEqualTo(2);
            assertThat(org.muster.messaging.email.Mailbox.poll(url, processor::process)).as("a second run finds nothing").isZero();

            assertThat(emailStatus(db, people.get(0).id())).isEqualTo("UNDELIVERABLE");
            assertThat(emailStatus(db, people.get(1).id())).isEqualTo("OK");
            assertThat(db.dsl().fetchCount(MessagingTables.EventTable.T, MessagingTables.EventTable.KIND.eq("bounce"))).isEqualTo(1);
            // One entry for the message that bounced, one for the address now marked undeliverable.
            assertThat(db.people().profile(campaign, people.get(0).id()).orElseThrow().timeline())
                    .extracting(a -> a.type()).containsOnlyOnce("email.bounce", "email.undeliverable");
            assertThat(imap.getManagers().getImapHostManager().getInbox(bounces).getMessageCount()).isZero();
        } finally {
            imap.stop();
        }
    }

    /** Creates a send of one variant with body {@code body} to everyone in the campaign and runs it to the end. */
    private static long sendToEveryone(Database db, SmtpSink sink, JooqMessagingStore store, long campaign, String body) {
        long send = store.create(campaign, MessagingFixtures.definition("not tag(nobody)", List.of(MessagingFixtures.variant("A", body)), 1), null);
        store.schedule(send, Instant.EPOCH);
        new SendJob(store, MessagingFixtures.audience(db, campaign), Map.of(Channel.EMAIL, outlet(sink, store, () -> { })),
                SendJob.Settings.of(1, 0), Clock.systemUTC()).run(campaign, send);
        return send;
    }

    private static MimeMessage mime(String raw) throws Exception {
        return new MimeMessage(Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String emailStatus(Database db, long person) {
        return db.dsl().select(MessagingTables.PERSON_EMAIL_STATUS).from(org.jooq.impl.DSL.table("person_email"))
                .where(org.jooq.impl.DSL.field("person_id", Long.class).eq(person)).fetchOne(MessagingTables.PERSON_EMAIL_STATUS);
    }

    static String dsn(String verp, String address, String action, String status) {
        return "From: MAILER-DAEMON@mx.example.net\r\nTo: " + verp + "\r\nSubject: Undelivered Mail\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"XYZ\"\r\n\r\n"
                + "--XYZ\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered.\r\n"
                + "--XYZ\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.net\r\n\r\n"
                + "Final-Recipient: rfc822; " + address + "\r\nAction: " + action + "\r\nStatus: " + status + "\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n\r\n--XYZ--\r\n";
    }

    private static final Pattern PART = Pattern.compile("Content-Type: (text/\\w+); charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+)");

    static String part(String raw, String type) {
        Matcher m = PART.matcher(raw);
        while (m.find()) {
            if (m.group(1).equals(type)) return new String(Base64.getMimeDecoder().decode(m.group(2)), StandardCharsets.UTF_8);
        }
        throw new AssertionError("no " + type + " part in " + raw);
    }
}
