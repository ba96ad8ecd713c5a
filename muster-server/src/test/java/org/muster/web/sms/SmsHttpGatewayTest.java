package org.muster.web.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.web.WebClient.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.muster.account.Role;
import org.muster.campaign.Campaign;
import org.muster.messaging.sms.Await;
import org.muster.messaging.sms.RecipientStatus;
import org.muster.messaging.sms.SendHours;
import org.muster.messaging.sms.SmsSettings;
import org.muster.store.Database;
import org.muster.store.JooqSmsStore;
import org.muster.store.TestDatabases;
import org.muster.web.MusterServer;
import org.muster.web.ServerOptions;
import org.muster.web.WebClient;

/** A send through an HTTP gateway (a real HTTP server on 127.0.0.1) with receipts and STOP posted back to the callbacks. */
class SmsHttpGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sendsThroughTheGatewayAndTakesReceiptsAndStopFromItsCallbacks() throws Exception {
        List<JsonNode> posted = new CopyOnWriteArrayList<>();
        List<String> auth = new CopyOnWriteArrayList<>();
        AtomicInteger ids = new AtomicInteger();
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/send", exchange -> {
            posted.add(JSON.readTree(exchange.getRequestBody()));
            auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] answer = ("{\"id\":\"g" + ids.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        gateway.start();
        SmsSettings settings = new SmsSettings(null, URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/send"), "gw-token",
                "cb-token", "+19195550000", SendHours.DEFAULT, "Bye.");
        try (Database db = TestDatabases.sqlite()) {
            Campaign campaign = db.campaigns().create("Friends of Ada", "NC");
            MusterServer server = MusterServer.start(db, new ServerOptions("127.0.0.1", 0, campaign.id(), Files.createTempDirectory("imports")), settings);
            try {
                List<Long> people = db.people().insert(campaign.id(), List.of(SmsPagesTest.person("Ann", "+19195552001", "gw"),
                        SmsPagesTest.person("Bo", "+19195552002", "gw")));
                for (long id : people) db.dsl().execute("insert into consent (person_id, channel, status, source, recorded_at) values (?, 'sms', 'GRANTED', 'form', 1)", id);
                db.users().create(campaign.id(), "org@example.org", "Org", Role.ORGANISER, "correct horse battery staple".toCharArray());
                WebClient client = new WebClient(server.baseUrl());
                assertThat(client.logIn("org@example.org", "correct horse battery staple").status()).isEqualTo(302);
                // any time of day, so the test does not depend on when it runs
                assertThat(client.post("/sms/jobs", form("name", "Hello", "filter", "tag(gw)", "body", "Hi {{first_name}}", "hours", "00:00-00:00",
                        "_csrf", client.csrfToken("/sms"))).status()).isEqualTo(302);
                Await.until("both texts reach the gateway", () -> posted.size() == 2);
                assertThat(posted).extracting(p -> p.get("to").asText() + " " + p.get("text").asText())
                        .containsExactlyInAnyOrder("+19195552001 Hi Ann", "+19195552002 Hi Bo");
                assertThat(auth).containsOnly("Bearer gw-token");
                assertThat(posted.getFirst().get("from").asText()).isEqualTo("+19195550000");

                String g1 = "{\"id\":\"g1\",\"status\":\"DELIVRD\"}";
                assertThat(client.postJson(SmsRoutes.RECEIPT_CALLBACK, g1, "Authorization", "Bearer wrong").status()).isEqualTo(401);
                assertThat(new WebClient(server.baseUrl()).postJson(SmsRoutes.RECEIPT_CALLBACK, g1, "Authorization", "Bearer cb-token").status()).isEqualTo(204);
                assertThat(new WebClient(server.baseUrl()).postJson(SmsRoutes.RECEIPT_CALLBACK, "{\"status\":\"DELIVRD\"}", "Authorization", "Bearer cb-token").status())
                        .isEqualTo(400);
                JooqSmsStore store = new JooqSmsStore(db);
                long job = store.jobs(campaign.id()).getFirst().id();
                Await.until("the job is done", () -> store.progress(job, System.currentTimeMillis()).count(RecipientStatus.SENDING) == 0);
                assertThat(store.progress(job, System.currentTimeMillis()).count(RecipientStatus.DELIVERED)).isEqualTo(1);

                assertThat(new WebClient(server.baseUrl()).postJson(SmsRoutes.INBOUND_CALLBACK, "{\"from\":\"+19195552001\",\"text\":\"Stop it\"}",
                        "Authorization", "Bearer cb-token").status()).isEqualTo(204);
                Await.until("the confirmation goes out", () -> posted.size() == 3);
                assertThat(posted.get(2).get("text").asText()).isEqualTo("Bye.");
                assertThat(db.people().profile(campaign.id(), people.getFirst()).orElseThrow().consent())
                        .filteredOn(c -> c.channel().equals("sms")).extracting(c -> c.status()).containsExactly("WITHDRAWN");

                // a job as the compose form posts it by default: the data origin stated, links tracked; Ann has opted out
                WebClient.Response tracked = client.post("/sms/jobs", form("name", "Polls", "filter", "tag(gw)",
                        "body", "Find your polling place: https://vote.example/nc?src=sms", "hours", "00:00-00:00", "options_shown", "1",
                        "state_origin", "on", "track_links", "on", "_csrf", client.csrfToken("/sms")));
                assertThat(tracked.status()).isEqualTo(302);
                Await.until("Bo's text reaches the gateway", () -> posted.size() == 4);
                String text = posted.get(3).get("text").asText();
                assertThat(posted.get(3).get("to").asText()).isEqualTo("+19195552002");
                assertThat(text).matches("Find your polling place: \\S+/s/[A-Za-z0-9_-]+\nYour details came to us from: test\\.");
                String token = text.substring(text.indexOf("/s/") + 3, text.indexOf('\n'));
                WebClient anyone = new WebClient(server.baseUrl());
                WebClient.Response followed = anyone.get("/s/" + token);
                assertThat(followed.status()).as("no login: the signature is the authority").isEqualTo(302);
                assertThat(followed.location()).isEqualTo("https://vote.example/nc?src=sms");
                assertThat(anyone.get("/s/" + token.substring(0, token.length() - 1) + (token.endsWith("x") ? "y" : "x")).status()).isEqualTo(404);
                assertThat(client.get(tracked.location()).body()).contains("<dd id=\"sms-clicked\">1</dd>", "Links are shortened and tracked.",
                        "Each text says where the person&#39;s data came from.");
                assertThat(db.people().profile(campaign.id(), people.get(1)).orElseThrow().timeline()).anyMatch(a -> a.type().equals("sms.click"));
            } finally {
                server.stop();
            }
        } finally {
            gateway.stop(0);
        }
    }
}
