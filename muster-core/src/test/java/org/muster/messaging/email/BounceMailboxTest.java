package org.muster.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** POP3 reading against a scripted server, and DSN parsing of real-world shapes. */
class BounceMailboxTest {

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

    @Test
    void pop3MessagesAreReadUnstuffedAndDeleted() throws Exception {
        List<String> commands = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                    OutputStream out = s.getOutputStream();
                    out.write("+OK ready\r\n".getBytes());
                    String line;
                    while ((line = in.readLine()) != null) {
                        commands.add(line);
                        String reply = switch (line.split(" ")[0]) {
                            case "STAT" -> "+OK 1 500\r\n";
                            case "RETR" -> "+OK\r\n" + DSN.replace("\n.leading", "\n..leading").replace("\n", "\r\n") + ".\r\n";
                            default -> "+OK\r\n";
                        };
                        out.write(reply.getBytes(StandardCharsets.ISO_8859_1));
                        if (line.equals("QUIT")) return;
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            List<byte[]> read = new ArrayList<>();
            int n = BounceMailbox.pollPop3("pop3://bounces%40x:p%40ss@127.0.0.1:" + server.getLocalPort(), raw -> read.add(raw));
            t.join();
            assertThat(n).isEqualTo(1);
            assertThat(commands).containsExactly("USER bounces@x", "PASS p@ss", "STAT", "RETR 1", "DELE 1", "QUIT");
            String message = new String(read.getFirst(), StandardCharsets.ISO_8859_1);
            assertThat(message).contains("\r\n.leading dot line\r\n").doesNotContain("..leading");
            assertThat(Dsn.parse(read.getFirst()).recipients()).hasSize(2);
        }
    }
}
