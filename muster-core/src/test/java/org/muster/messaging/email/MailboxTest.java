package org.muster.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POP3 and IMAP reading against GreenMail's servers, and DSN parsing of real-world shapes. */
class MailboxTest {

    private static final String DSN = """
            From: MAILER-DAEMON@mx.example.net
            To: bounce+12.abc@mail.example.org
            Content-Type: multipart/report; report-type=delivery-status;
            \tboundary="B1"

            --B1
            Content-Type: text/plain

            .leading dot line
            --B1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.net

            Final-Recipient: rfc822; gone@example.org
            Action: failed
            Status: 5.1.1 (user unknown)
            Diagnostic-Code: smtp; 550 5.1.1
             user unknown

            Final-Recipient: rfc822;<full@example.org>
            Action: delayed
            Status: 4.2.2

            --B1--
            """;

    @Test
    void dsnGivesEachRecipientsActionAndStatus() {
        Dsn dsn = Dsn.parse(DSN.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(dsn.headers().get("to")).isEqualTo("bounce+12.abc@mail.example.org");
        assertThat(dsn.recipients()).containsExactly(
                new Dsn.RecipientStatus("gone@example.org", "failed", "5.1.1", "smtp; 550 5.1.1 user unknown"),
                new Dsn.RecipientStatus("full@example.org", "delayed", "4.2.2", null));
        assertThat(dsn.recipients().get(0).hard()).isTrue();
        assertThat(dsn.recipients().get(1).hard()).isFalse();
        assertThat(Dsn.parse("Subject: hello\r\n\r\nnot a report\r\n".getBytes(StandardCharsets.ISO_8859_1)).recipients()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pop3", "imap"})
    void messagesOfAPop3OrImapMailboxAreReadWholeOnceAndDeleted(String protocol) throws Exception {
        GreenMail server = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", protocol)});
        server.start();
        try {
            GreenMailUser user = server.setUser("bounces@example.org", "bounces@x", "p@ss");
            user.deliver(mime(DSN));
            user.deliver(mime(DSN.replace("gone@example.org", "other@example.org")));
            int port = (protocol.equals("pop3") ? server.getPop3() : server.getImap()).getPort();
            String url = protocol + "://bounces%40x:p%40ss@127.0.0.1:" + port;
            List<byte[]> read = new ArrayList<>();

            assertThat(Mailbox.poll(url, read::add)).isEqualTo(2);

            String message = new String(read.getFirst(), StandardCharsets.ISO_8859_1);
            assertThat(message).contains("\r\n.leading dot line\r\n").contains("To: bounce+12.abc@mail.example.org");
            assertThat(read.stream().map(r -> Dsn.parse(r).recipients().getFirst().address()))
                    .containsExactlyInAnyOrder("gone@example.org", "other@example.org");
            assertThat(Mailbox.poll(url, read::add)).as("handled messages are gone").isZero();
            assertThat(read).hasSize(2);
        } finally {
            server.stop();
        }
    }

    @Test
    void aMessageWhoseHandlingFailsStaysForTheNextRunAndTheOthersAreGone() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", "imap")});
        server.start();
        try {
            GreenMailUser user = server.setUser("bounces@example.org", "bounces", "secret");
            user.deliver(mime(DSN));
            user.deliver(mime(DSN.replace("gone@example.org", "broken@example.org")));
            String url = "imap://bounces:secret@127.0.0.1:" + server.getImap().getPort() + "/INBOX";
            List<String> handled = new ArrayList<>();
            Consumer<byte[]> failsOnBroken = raw -> {
                String address = Dsn.parse(raw).recipients().getFirst().address();
                if (address.startsWith("broken")) throw new IllegalStateException("database down");
                handled.add(address);
            };

            assertThatThrownBy(() -> Mailbox.poll(url, failsOnBroken)).isInstanceOf(IllegalStateException.class);
            assertThat(handled).containsExactly("gone@example.org");

            List<String> again = new ArrayList<>();
            assertThat(Mailbox.poll(url, raw -> again.add(Dsn.parse(raw).recipients().getFirst().address()))).isEqualTo(1);
            assertThat(again).containsExactly("broken@example.org");
        } finally {
            server.stop();
        }
    }

    @Test
    void aWrongPasswordOrFolderIsAClearError() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", "imap")});
        server.start();
        try {
            server.setUser("bounces@example.org", "bounces", "secret");
            int port = server.getImap().getPort();
            assertThatThrownBy(() -> Mailbox.poll("imap://bounces:wrong@127.0.0.1:" + port, raw -> { }))
                    .isInstanceOf(java.io.IOException.class).hasMessageStartingWith("imap://127.0.0.1:" + port + ": ")
                    .hasMessageNotContaining("wrong");
            assertThatThrownBy(() -> Mailbox.poll("imap://bounces:secret@127.0.0.1:" + port + "/Nowhere", raw -> { }))
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("there is no folder Nowhere");
            assertThatThrownBy(() -> Mailbox.poll("ftp://127.0.0.1/x", raw -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("imap://");
        } finally {
            server.stop();
        }
    }

    private static MimeMessage mime(String text) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
    }
}
