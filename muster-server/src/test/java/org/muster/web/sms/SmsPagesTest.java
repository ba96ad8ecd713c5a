package org.muster.web.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.web.WebClient.form;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.account.Role;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.PostalAddress;
import org.muster.web.BothServersTest;
import org.muster.web.ServerFixture;
import org.muster.web.WebClient;

/** The SMS pages on a server without a gateway: compose, live counts, create (audited), progress, roles. */
class SmsPagesTest extends BothServersTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    static String crowd(ServerFixture f) {
        String tag = "sms" + NEXT.incrementAndGet();
        List<Long> ids = f.db.people().insert(f.campaign.id(), List.of(
                person("Ann", "+19195551001", tag), person("Dan", "+19195551002", tag), person("Eve", "+19195551002", tag),
                person("Ben", "+19195551003", tag), person("Fay", "+18005551004", tag)));
        for (long id : ids.subList(0, 3)) consent(f, id);
        consent(f, ids.get(4));
        return tag;
    }

    static NewPerson person(String first, String phone, String tag) {
        return new NewPerson(first, null, "Texter", null, null, 1980, null, null, null, ContactCategory.MEMBER, "test", null,
                List.of(), List.of(phone), List.of(new PostalAddress("home", "1 Main St", null, "Raleigh", "NC", "27601", "US", null, null)),
                List.of(), List.of(), List.of(tag));
    }

    static void consent(ServerFixture f, long id) {
        f.db.dsl().execute("insert into consent (person_id, channel, status, source, recorded_at) values (?, 'sms', 'GRANTED', 'form', 1)", id);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void organiserComposesWithLiveCountsAndSendsAnAuditedJob(ServerFixture f) {
        String tag = crowd(f);
        WebClient client = f.loggedIn(Role.ORGANISER);
        assertThat(client.get("/sms").body()).contains("no SMS gateway configured", "<a href=\"/sms\">SMS</a>");
        String csrf = client.csrfToken("/sms");

        WebClient.Response preview = client.post("/sms/preview", form("filter", "tag(" + tag + ")", "body", "Hi {{first_name}}! €5 helps", "_csrf", csrf));
        assertThat(preview.body()).contains("<dd id=\"sms-segment-count\">5</dd>", "<dd id=\"sms-send-count\">2</dd>",
                "<dd>1</dd>", "Hi Ann! €5 helps", "17 characters, GSM-7, 1 segment");
        assertThat(client.post("/sms/preview", form("filter", "tag(" + tag + ")", "body", "Hi 🗳 {{nick}}", "_csrf", csrf)).body())
                .contains("unknown placeholder {{nick}}");
        assertThat(client.post("/sms/preview", form("filter", "tag(", "body", "x", "_csrf", csrf)).body()).contains("segment: the filter does not parse");
        assertThat(client.post("/sms/test", form("test_phone", "12", "body", "Hi", "_csrf", csrf)).body())
                .contains("Test text: &quot;12&quot; is not a phone number.");
        assertThat(client.post("/sms/test", form("test_phone", "(919) 555-0123", "body", "Hi", "_csrf", csrf)).body())
                .contains("Test text not sent: no SMS gateway is configured");

        WebClient.Response created = client.post("/sms/jobs", form("name", "Ask " + tag, "filter", "tag(" + tag + ")", "body",
                "Hi {{first_name}}", "hours", "09:00-21:00", "_csrf", csrf));
        assertThat(created.status()).isEqualTo(302);
        String page = client.get(created.location()).body();
        assertThat(page).contains("Ask " + tag, "<dd id=\"sms-queued\">", "<dd id=\"sms-covered\">1</dd>", "Hi {{first_name}}",
                "no gateway is configured");
        assertThat(client.get(created.location() + "/progress").body()).contains("id=\"sms-progress\"", "hx-trigger=\"every 2s\"");
        assertThat(f.db.dsl().fetchCount(f.db.dsl().selectOne().from("audit_log").where("action = 'sms.job.create' and detail like ?",
                "%tag(" + tag + ")%"))).isEqualTo(1);

        assertThat(client.post("/sms/jobs", form("name", "Bad", "filter", "tag(" + tag + ")", "body", "x", "hours", "9-5", "_csrf", csrf)).status())
                .isEqualTo(400);
        assertThat(client.post(created.location() + "/cancel", form("_csrf", csrf)).status()).isEqualTo(302);
        assertThat(client.get(created.location()).body()).contains("<strong id=\"sms-status\">cancelled</strong>");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aSecondTextMakesAnAbTestWhosePageShowsEachVariantAndBadSettingsAreRefused(ServerFixture f) {
        String tag = crowd(f);
        WebClient client = f.loggedIn(Role.ORGANISER);
        String csrf = client.csrfToken("/sms");
        assertThat(client.get("/sms").body()).contains("name=\"body_b\"", "name=\"body_c\"", "name=\"test_percent\"");
        WebClient.Response refused = client.post("/sms/jobs", form("name", "AB " + tag, "filter", "tag(" + tag + ")", "body", "Hi",
                "body_b", "Hey", "test_percent", "150", "_csrf", csrf));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("test share");
        assertThat(f.db.dsl().fetchCount(f.db.dsl().selectOne().from("sms_job").where("name = ?", "AB " + tag))).isZero();

        assertThat(client.get("/sms").body()).contains("name=\"from\"", "name=\"from_b\"", "name=\"send_at_c\"", "name=\"exclude_origins\"");
        assertThat(client.get("/sms").body()).contains("name=\"metric\"", "<option value=\"DONATION\">donations</option>",
                "<option value=\"SIGNUP\">sign-ups</option>", "<option value=\"CLICK\">clicks</option>").doesNotContain("value=\"OPEN\"");
        WebClient.Response onOpens = client.post("/sms/jobs", form("name", "AB " + tag, "filter", "tag(" + tag + ")", "body", "Hi",
                "body_b", "Hey", "metric", "OPEN", "_csrf", csrf));
        assertThat(onOpens.status()).isEqualTo(400);
        assertThat(onOpens.body()).contains("metric: a text&#39;s winner is chosen on reply, click, donation or sign-up, not open");
        assertThat(client.post("/sms/jobs", form("name", "AB " + tag, "filter", "tag(" + tag + ")", "body", "Hi",
                "body_b", "Hey", "metric", "likes", "_csrf", csrf)).body()).contains("metric: &quot;likes&quot; is not one of");
        assertThat(f.db.dsl().fetchCount(f.db.dsl().selectOne().from("sms_job").where("name = ?", "AB " + tag))).isZero();
        WebClient.Response badSender = client.post("/sms/jobs", form("name", "AB " + tag, "filter", "tag(" + tag + ")", "body", "Hi",
                "body_b", "Hey", "from_b", "Ada for City Council", "_csrf", csrf));
        assertThat(badSender.status()).isEqualTo(400);
        assertThat(badSender.body()).contains("text B: sender");
        assertThat(client.post("/sms/jobs", form("name", "AB " + tag, "filter", "tag(" + tag + ")", "body", "Hi",
                "body_b", "Hey", "send_at_b", "tomorrow", "_csrf", csrf)).body()).contains("text B: not before");

        WebClient.Response created = client.post("/sms/jobs", form("name", "AB " + tag, "filter", "tag(" + tag + ")", "body", "Hi {{first_name}}",
                "body_b", "Hey <b>{{first_name}}</b>", "from_b", "+19195550100", "send_at_b", "2026-12-01T18:00",
                "exclude_origins", "bought list | old file", "test_percent", "100", "decide_hours", "6", "metric", "DONATION", "_csrf", csrf));
        assertThat(created.status()).isEqualTo(302);
        String page = client.get(created.location()).body();
        assertThat(page).contains("<h2>A/B test</h2>", "id=\"sms-variants\"", "Hey &lt;b&gt;{{first_name}}&lt;/b&gt;",
                "The texts share the audience", "<dd id=\"sms-held\">0</dd>", "+19195550100", "2026-12-01 18:00 UTC", "gateway&#39;s",
                "never data from bought list, old file", "winner on <span id=\"sms-metric\">donations</span> within 6 h", "<th>Donations</th>");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void volunteersCannotSeeOrSendTextsAndCallbacksAreOffWithoutAToken(ServerFixture f) {
        WebClient volunteer = f.loggedIn(Role.VOLUNTEER);
        assertThat(volunteer.get("/sms").status()).isEqualTo(403);
        String csrf = volunteer.csrfToken("/canvass/app");
        assertThat(volunteer.post("/sms/jobs", form("name", "x", "filter", "tag(x)", "body", "x", "_csrf", csrf)).status()).isEqualTo(403);
        assertThat(f.client().postJson(SmsRoutes.INBOUND_CALLBACK, "{\"from\":\"+19195551001\",\"text\":\"STOP\"}").status()).isEqualTo(404);
    }
}
