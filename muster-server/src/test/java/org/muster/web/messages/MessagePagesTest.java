package org.muster.web.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.web.WebClient.form;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.account.Role;
import org.muster.messaging.email.SmtpSink;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.store.MessagingFixtures;
import org.muster.web.BothServersTest;
import org.muster.web.ServerFixture;
import org.muster.web.WebClient;

class MessagePagesTest extends BothServersTest {

    private static final SmtpSink SINK;
    private static final AtomicInteger NEXT = new AtomicInteger();

    static {
        try {
            SINK = SmtpSink.keeping();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Read by the servers this class starts (MailSettings.fromSystem).
        System.setProperty("MUSTER_SMTP", "smtp://127.0.0.1:" + SINK.port());
        System.setProperty("MUSTER_BOUNCE_TOKEN", "hook-secret");
    }

    private static List<NewPerson> people(String tag) {
        return List.of(tagged(MessagingFixtures.person("Ann", "Lee", ContactCategory.MEMBER, tag + "-ann@example.org", "sign-up form"), tag),
                tagged(MessagingFixtures.person("<b>Bo</b>", "Ray", ContactCategory.REGULAR_CONTACT, tag + "-bo@example.org", "event"), tag),
                tagged(MessagingFixtures.person("Cy", "Prospect", ContactCategory.PROSPECT, tag + "-cy@example.org", "NC voter file"), tag));
    }

    private static NewPerson tagged(NewPerson p, String tag) {
        return new NewPerson(p.firstName(), null, p.lastName(), null, null, null, null, null, null, p.contactCategory(), p.origin(), null,
                p.emails(), List.of(), List.of(), List.of(), List.of(), List.of(tag));
    }

    private static WebClient.Response compose(WebClient client, String tag, String body) {
        return client.post("/messages", form("name", "Newsletter " + tag, "filter", "tag(" + tag + ")", "without_consent", "MEMBER",
                "state_origin", "on", "sender_A", "Friends of Ada <news@ada.example.org>", "subject_A", "Hi {{first_name}}",
                "html_A", body, "_csrf", client.csrfToken("/messages/new")));
    }

    @ParameterizedTest
    @MethodSource("servers")
    void anOrganiserComposesPreviewsAndSendsAndThePeopleTrackAndUnsubscribe(ServerFixture f) throws Exception {
        String tag = "news" + NEXT.incrementAndGet();
        List<Long> ids = f.db.people().insert(f.campaign.id(), people(tag));
        WebClient client = f.loggedIn(Role.ORGANISER);

        WebClient.Response created = compose(client, tag, "<p>Hello {{first_name}}, see <a href=\"https://ada.example.org/plan\">the plan</a>.</p>");
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String page = created.location();

        String preview = client.get(page + "/preview?person=" + ids.get(1)).body();
        assertThat(preview).contains("Hello &lt;b&gt;Bo&lt;/b&gt;").contains("would NOT receive it: no consent");
        assertThat(client.get(page + "/preview?person=" + ids.get(0)).body()).contains("would receive the message")
                .contains("came to us from: sign-up form");

        WebClient.Response test = client.post(page + "/test", form("address", tag + "-me@example.org", "_csrf", client.csrfToken(page)));
        assertThat(test.body()).contains("Test sent to " + tag + "-me@example.org");
        assertThat(SINK.messages()).anyMatch(m -> m.to().contains(tag + "-me@example.org") && m.text().contains("Subject: Hi Test organiser"));

        long before = SINK.count();
        assertThat(client.post(page + "/schedule", form("at", "", "_csrf", client.csrfToken(page))).status()).isEqualTo(302);
        long deadline = System.currentTimeMillis() + 30_000;
        while (!client.get(page + "/progress").body().contains("<span id=\"status\">done</span>") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        String progress = client.get(page + "/progress").body();
        assertThat(progress).contains("<span id=\"status\">done</span>").contains("<span id=\"sent-count\">1</span>")
                .contains("skipped: no consent");
        assertThat(SINK.count() - before).isEqualTo(1);
        SmtpSink.Received mail = SINK.messages().stream().filter(m -> m.to().contains(tag + "-ann@example.org")).findFirst().orElseThrow();

        // The person's mail program opens the pixel and follows the link.
        String html = part(mail.text(), "text/html");
        WebClient anonymous = f.client();
        assertThat(anonymous.get(path(html, "src=\"https?://[^/\"]+(/m/o/[^\"]+)\"")).status()).isEqualTo(200);
        WebClient.Response click = anonymous.get(path(html, "href=\"https?://[^/\"]+(/m/c/[^\"]+)\"").replace("&amp;", "&"));
        assertThat(click.status()).isEqualTo(302);
        assertThat(click.location()).isEqualTo("https://ada.example.org/plan");
        assertThat(anonymous.get("/m/c/1/forged?u=https://evil.example.org").status()).isEqualTo(400);
        assertThat(client.get(page + "/progress").body()).containsPattern("<td>A</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">1</td>");

        // One-click unsubscribe (RFC 8058): a POST with no session and no CSRF token, authorised by the link.
        Matcher u = Pattern.compile("List-Unsubscribe: <https?://[^/]+(/m/u/[^>]+)>").matcher(mail.text());
        assertThat(u.find()).isTrue();
        assertThat(anonymous.get(u.group(1)).body()).contains(tag + "-ann@example.org");
        WebClient.Response unsubscribed = f.client().postRaw(u.group(1), "List-Unsubscribe=One-Click");
        assertThat(unsubscribed.status()).isEqualTo(200);
        assertThat(unsubscribed.body()).contains("You are unsubscribed");
        var profile = f.db.people().profile(f.campaign.id(), ids.get(0)).orElseThrow();
        assertThat(profile.consent()).anyMatch(c -> c.channel().equals("email") && c.status().equals("WITHDRAWN"));
        assertThat(profile.timeline()).extracting(a -> a.type()).contains("email.sent", "email.open", "email.click", "email.unsubscribe");

        // The next send to the same segment reaches nobody: the objection holds everywhere.
        WebClient.Response second = compose(client, tag, "<p>Again</p>");
        client.post(second.location() + "/schedule", form("at", "", "_csrf", client.csrfToken(second.location())));
        deadline = System.currentTimeMillis() + 30_000;
        while (!client.get(second.location() + "/progress").body().contains("<span id=\"status\">done</span>") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(client.get(second.location() + "/progress").body()).contains("skipped: withdrawn").contains("<span id=\"sent-count\">0</span>");

        // A bounce pushed to the webhook marks the address undeliverable.
        assertThat(anonymous.postJson("/m/bounces", "{\"email\":\"" + tag + "-bo@example.org\",\"status\":\"5.1.1\"}").status()).isEqualTo(401);
        WebClient.Response hook = anonymous.postJson("/m/bounces", "{\"email\":\"" + tag + "-bo@example.org\",\"status\":\"5.1.1\"}",
                "Authorization", "Bearer hook-secret");
        assertThat(hook.body()).contains("\"undeliverable\":1");

        assertThat(f.db.audit().recent(50)).extracting(e -> e.action()).contains("message.create", "message.schedule", "message.test");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void badTemplatesAreRefusedNamingTheFieldAndVolunteersAreKeptOut(ServerFixture f) {
        WebClient client = f.loggedIn(Role.ORGANISER);
        WebClient.Response bad = compose(client, "x", "<p>Hi {{frist_name}}</p>");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("{{frist_name}}").contains("body of variant A");
        WebClient volunteer = f.loggedIn(Role.VOLUNTEER);
        assertThat(volunteer.get("/messages").status()).isEqualTo(403);
        assertThat(volunteer.get("/messages/new").status()).isEqualTo(403);
    }

    private static String path(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertThat(m.find()).as(regex + " in " + html).isTrue();
        return m.group(1);
    }

    private static String part(String raw, String type) {
        Matcher m = Pattern.compile("Content-Type: " + Pattern.quote(type)
                + "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+)").matcher(raw);
        assertThat(m.find()).isTrue();
        return new String(Base64.getMimeDecoder().decode(m.group(1)), StandardCharsets.UTF_8);
    }
}
