package org.muster.messaging.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailTemplateTest {

    @Test
    void valuesAreEscapedInHtmlAndFallbacksFillMissingValues() {
        EmailTemplate t = EmailTemplate.parse("<p>Hi {{first_name|friend}} {{ last_name }}</p>", "body");
        Map<String, String> values = new HashMap<>();
        values.put("first_name", "<script>alert(1)</script>");
        values.put("last_name", "O'Brien & Co");
        assertThat(t.html(values)).isEqualTo("<p>Hi &lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien &amp; Co</p>");
        assertThat(t.html(Map.of())).isEqualTo("<p>Hi friend </p>");
        assertThat(EmailTemplate.parse("Hi {{first_name}}", "subject").text(Map.of("first_name", "<Ann>"))).isEqualTo("Hi <Ann>");
    }

    @Test
    void unknownPlaceholdersAndUnclosedBracesAreErrorsNamingThePlace() {
        assertThatThrownBy(() -> EmailTemplate.parse("Hi {{frist_name}}", "subject of variant A"))
                .hasMessageContaining("{{frist_name}}").hasMessageContaining("subject of variant A");
        assertThatThrownBy(() -> EmailTemplate.parse("Hi {{first_name", "body of variant B")).hasMessageContaining("body of variant B");
    }

    @Test
    void plainTextKeepsLinksAndParagraphs() {
        String text = EmailTemplate.plainText("<h1>News</h1><p>Read <a href=\"https://x.org/a\">this</a> &amp; more.</p><p>Bye<br>Team</p>");
        assertThat(text).isEqualTo("News\nRead this (https://x.org/a) & more.\nBye\nTeam");
    }

    @Test
    void signedLinksVerifyAndForgedOnesDoNot() {
        LinkSigner signer = new LinkSigner(new byte[32], "https://m.example.org/");
        String sig = signer.sign("c", 42, "https://x.org");
        assertThat(signer.verify("c", 42, "https://x.org", sig)).isTrue();
        assertThat(signer.verify("c", 43, "https://x.org", sig)).isFalse();
        assertThat(signer.verify("c", 42, "https://evil.org", sig)).isFalse();
        assertThat(signer.unsubscribeUrl(7)).startsWith("https://m.example.org/m/u/7/");
        assertThat(signer.recipientOfBounceAddress(signer.bounceAddress(99, "mail.example.org"))).isEqualTo(99);
        assertThat(signer.recipientOfBounceAddress("bounce+99.AAAAAAAAAAAAAAAA@mail.example.org")).isEqualTo(-1);
    }

    @Test
    void smtpServerUrlsCarryTlsAuthAndWeight() {
        SmtpServer s = SmtpServer.parse("smtp://user%40x:p%3Ass@mail.example.org?weight=3");
        assertThat(s).isEqualTo(new SmtpServer("mail.example.org", 587, SmtpServer.Tls.STARTTLS, "user@x", "p:ss", 3));
        assertThat(SmtpServer.parse("smtps://h").port()).isEqualTo(465);
        assertThat(SmtpServer.parse("smtp://h:2525?tls=none").tls()).isEqualTo(SmtpServer.Tls.NONE);
        assertThatThrownBy(() -> SmtpServer.parse("http://h")).hasMessageContaining("smtp://");
        assertThatThrownBy(() -> SmtpServer.parse("smtp://h?weight=x")).hasMessageContaining("weight=x");
    }

    @Test
    void connectionsAreSpreadOverServersByWeight() {
        SmtpMessenger m = new SmtpMessenger(java.util.List.of(new SmtpServer("a", 25, SmtpServer.Tls.NONE, null, null, 3),
                new SmtpServer("b", 25, SmtpServer.Tls.NONE, null, null, 1)), 1, "x");
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 400; i++) counts.merge(m.nextServer().host(), 1, Integer::sum);
        assertThat(counts).containsEntry("a", 300).containsEntry("b", 100);
    }

    @Test
    void authenticatesWithPlainAgainstTheSink() throws Exception {
        try (SmtpSink sink = new SmtpSink(0, null, true, "secret")) {
            SmtpConnection c = new SmtpConnection(new SmtpServer("127.0.0.1", sink.port(), SmtpServer.Tls.NONE, "u", "secret", 1), "t");
            assertThat(c.send("a@x.org", "b@y.org", "Subject: x\r\n\r\nhi\r\n".getBytes()).code()).isEqualTo(250);
            c.quit();
            assertThatThrownBy(() -> new SmtpConnection(new SmtpServer("127.0.0.1", sink.port(), SmtpServer.Tls.NONE, "u", "wrong", 1), "t"))
                    .hasMessageContaining("535");
            assertThat(sink.count()).isEqualTo(1);
        }
    }
}
