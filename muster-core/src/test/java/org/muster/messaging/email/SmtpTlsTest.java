package org.muster.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our SMTP client over TLS: implicit TLS (SMTPS) against GreenMail, STARTTLS against {@link SmtpSink} (GreenMail
 * has no STARTTLS), AUTH inside the encrypted connection, and certificates that are not trusted or not for the host
 * refused with an error that says so.
 */
class SmtpTlsTest {

    private static final byte[] MESSAGE = ("From: <news@example.org>\r\nTo: <ann@example.org>\r\nSubject: Over TLS\r\n"
            + "Message-ID: <tls-1@example.org>\r\n\r\nHello through TLS.\r\n").getBytes(StandardCharsets.US_ASCII);

    private static TestCertificate localhost;
    private static TestCertificate otherHost;
    private static GreenMail greenMail;

    @BeforeAll
    static void servers() throws Exception {
        localhost = TestCertificate.create("dns:localhost,ip:127.0.0.1");
        otherHost = TestCertificate.create("dns:mail.example.net");
        // GreenMail reads its server certificate from these once per JVM; only this test uses its TLS.
        System.setProperty("greenmail.tls.keystore.file", localhost.keystore().toString());
        System.setProperty("greenmail.tls.keystore.password", new String(localhost.password()));
        System.setProperty("greenmail.tls.key.password", new String(localhost.password()));
        ServerSetup smtps = new ServerSetup(0, "127.0.0.1", "smtps");
        smtps.setServerStartupTimeout(30_000);  // a busy machine; the first TLS server socket takes a while
        greenMail = new GreenMail(smtps);
        greenMail.start();
        greenMail.setUser("sender@example.org", "sender", "s3cret");
    }

    @AfterAll
    static void stop() {
        greenMail.stop();
    }

    private static SmtpServer smtps(String password) {
        return new SmtpServer("127.0.0.1", greenMail.getSmtps().getPort(), SmtpServer.Tls.SMTPS, "sender", password, 1);
    }

    @Test
    void implicitTlsWithAuthDeliversToGreenMail() throws Exception {
        try (SmtpConnection c = new SmtpConnection(smtps("s3cret"), "muster.test", localhost.trustingClient())) {
            SmtpConnection.Reply reply = c.send("news@example.org", "ann@example.org", MESSAGE);
            assertThat(reply.code()).isEqualTo(250);
        }
        assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage received = greenMail.getReceivedMessagesForDomain("example.org")[0];
        assertThat(received.getSubject()).isEqualTo("Over TLS");
        assertThat(received.getMessageID()).isEqualTo("<tls-1@example.org>");
    }

    @Test
    void aWrongPasswordOverTlsIsRefusedByTheServer() {
        assertThatThrownBy(() -> new SmtpConnection(smtps("wrong"), "muster.test", localhost.trustingClient()))
                .isInstanceOf(IOException.class).hasMessageStartingWith("SMTP AUTH PLAIN failed: 535");
    }

    @Test
    void anUntrustedCertificateIsRefusedWithAClearError() {
        // The JVM's own trust store does not know the test certificate.
        assertThatThrownBy(() -> new SmtpConnection(smtps("s3cret"), "muster.test"))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("TLS with 127.0.0.1:" + greenMail.getSmtps().getPort() + " failed: its certificate is not trusted")
                .hasMessageContaining("javax.net.ssl.trustStore");
    }

    @Test
    void starttlsThenAuthThenMail() throws Exception {
        try (SmtpSink sink = new SmtpSink(0, null, true, "s3cret", SmtpServer.Tls.STARTTLS, localhost.serverContext())) {
            SmtpServer server = new SmtpServer("127.0.0.1", sink.port(), SmtpServer.Tls.STARTTLS, "sender", "s3cret", 1);
            try (SmtpConnection c = new SmtpConnection(server, "muster.test", localhost.trustingClient())) {
                assertThat(c.send("news@example.org", "ann@example.org", MESSAGE).code()).isEqualTo(250);
            }
            assertThat(sink.messages()).singleElement().satisfies(m -> {
                assertThat(m.to()).containsExactly("ann@example.org");
                assertThat(m.text()).contains("Hello through TLS.");
            });

            SmtpServer wrong = new SmtpServer("127.0.0.1", sink.port(), SmtpServer.Tls.STARTTLS, "sender", "wrong", 1);
            assertThatThrownBy(() -> new SmtpConnection(wrong, "muster.test", localhost.trustingClient()))
                    .isInstanceOf(IOException.class).hasMessageStartingWith("SMTP AUTH PLAIN failed: 535");
            // Without STARTTLS the server offers no AUTH at all: the password never goes out in clear.
            SmtpServer clear = new SmtpServer("127.0.0.1", sink.port(), SmtpServer.Tls.NONE, "sender", "s3cret", 1);
            assertThatThrownBy(() -> new SmtpConnection(clear, "muster.test"))
                    .isInstanceOf(IOException.class).hasMessageContaining("offers neither AUTH PLAIN nor AUTH LOGIN");
            assertThat(sink.count()).isEqualTo(1);
        }
    }

    @Test
    void starttlsToAServerWhoseCertificateNamesAnotherHostIsRefused() throws Exception {
        try (SmtpSink sink = new SmtpSink(0, null, true, null, SmtpServer.Tls.STARTTLS, otherHost.serverContext())) {
            SmtpServer server = new SmtpServer("127.0.0.1", sink.port(), SmtpServer.Tls.STARTTLS, null, null, 1);
            // Trusted, but issued for mail.example.net: a man in the middle with some valid certificate looks like this.
            assertThatThrownBy(() -> new SmtpConnection(server, "muster.test", otherHost.trustingClient()))
                    .isInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("TLS with 127.0.0.1:" + sink.port() + " failed: its certificate is not for this host");
            assertThat(sink.count()).isZero();
        }
    }

    @Test
    void implicitTlsToTheSink() throws Exception {
        try (SmtpSink sink = new SmtpSink(0, null, true, null, SmtpServer.Tls.SMTPS, localhost.serverContext())) {
            SmtpServer server = new SmtpServer("127.0.0.1", sink.port(), SmtpServer.Tls.SMTPS, null, null, 1);
            try (SmtpConnection c = new SmtpConnection(server, "muster.test", localhost.trustingClient())) {
                assertThat(c.send("news@example.org", "ann@example.org", MESSAGE).code()).isEqualTo(250);
            }
            assertThat(sink.count()).isEqualTo(1);
        }
    }
}
