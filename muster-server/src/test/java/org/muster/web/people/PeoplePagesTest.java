package org.muster.web.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.web.WebClient.form;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.account.Role;
import org.muster.web.BothServersTest;
import org.muster.web.ServerFixture;
import org.muster.web.WebClient;
import org.muster.web.WebClient.Response;

class PeoplePagesTest extends BothServersTest {

    @ParameterizedTest
    @MethodSource("servers")
    void volunteersAndPollWatchersCannotReadThePeopleDatabase(ServerFixture f) {
        long id = f.insert(f.campaign.id(), ServerFixture.ada("Vera"));
        for (Role role : List.of(Role.VOLUNTEER, Role.POLL_WATCHER)) {
            WebClient client = f.loggedIn(role);
            for (String path : List.of("/people", "/people?q=lovelace", "/people/" + id)) {
                Response r = client.get(path);
                assertThat(r.status()).as(role + " " + path).isEqualTo(403);
                assertThat(r.body()).contains("assigned to them").doesNotContain("Lovelace");
            }
            assertThat(client.get("/people").body()).doesNotContain("href=\"/people\"");
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void searchFindsByNameEmailPhoneAndAddress(ServerFixture f) {
        long id = f.insert(f.campaign.id(), ServerFixture.ada("Searchable"));
        WebClient client = f.loggedIn(Role.ORGANISER);

        for (String query : List.of("lovelace, searchable", "Searchable Lovelace", "ada@example.org",
                "(919) 555-0142", "12 Elm")) {
            Response r = client.get("/people?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).as(query).contains("href=\"/people/" + id + "\"")
                    .contains("<!doctype html>").contains("12 ELM ST");
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void htmxGetsTheResultsTableOnly(ServerFixture f) {
        long id = f.insert(f.campaign.id(), ServerFixture.ada("Fragment"));
        WebClient client = f.loggedIn(Role.ADMIN);

        Response r = client.get("/people?q=fragment", "HX-Request", "true");

        assertThat(r.body()).doesNotContain("<html").startsWith("<table class=\"people\">")
                .contains("href=\"/people/" + id + "\"");
        assertThat(client.get("/people?q=zzzznobody", "HX-Request", "true").body()).contains("No one matches");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void profileShowsEverySectionAndIsAudited(ServerFixture f) {
        long id = f.insert(f.campaign.id(), ServerFixture.ada("Profiled"));
        f.db.people().addActivity(id, "canvass", "Door knock: strong supporter", "Sam Canvasser");
        WebClient client = f.loggedIn(Role.ORGANISER);

        Response r = client.get("/people/" + id);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("<h1>Profiled King Lovelace</h1>", "Born 10 Dec 1985",
                "ada@example.org", "+19195550142", "12 ELM ST, RALEIGH, NC 27601",
                "AA123456", "01-07", "status-a", "AV", "CD 02",
                "GENERAL 2024", "PRIMARY 2024", "EARLY",
                "phonebank-2024", "house-party-host",
                "Door knock: strong supporter", "by Sam Canvasser",
                "Party DEM", "Support 2 · leaning support");
        assertThat(f.db.audit().recent(20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("person.read");
            assertThat(e.target()).isEqualTo("person:" + id);
        });
    }

    @ParameterizedTest
    @MethodSource("servers")
    void anotherCampaignsPersonAndUnknownIdsAreNotFound(ServerFixture f) {
        long rival = f.insert(f.otherCampaign.id(), ServerFixture.ada("Rival"));
        WebClient client = f.loggedIn(Role.ADMIN);

        for (String path : List.of("/people/" + rival, "/people/999999999", "/people/abc", "/nowhere")) {
            Response r = client.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).contains("Not found").doesNotContain("Rival").doesNotContain("Exception");
        }
        assertThat(client.get("/people?q=rival").body()).doesNotContain("/people/" + rival + "\"");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void everyValueIsEscaped(ServerFixture f) {
        long id = f.insert(f.campaign.id(), ServerFixture.named("<script>alert(1)</script>", "Mallory"));
        WebClient client = f.loggedIn(Role.ADMIN);

        for (String path : List.of("/people?q=mallory", "/people/" + id)) {
            String body = client.get(path).body();
            assertThat(body).as(path).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>alert(1)</script>");
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void notesNeedTheCsrfToken(ServerFixture f) {
        long id = f.insert(f.campaign.id(), ServerFixture.named("Noted", "Person"));
        WebClient client = f.loggedIn(Role.ORGANISER);

        Response forged = client.post("/people/" + id + "/notes", form("note", "forged note"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(f.db.people().profile(f.campaign.id(), id).orElseThrow().timeline())
                .noneMatch(a -> a.summary().equals("forged note"));

        String token = client.csrfToken("/people/" + id);
        Response posted = client.post("/people/" + id + "/notes", form("note", "Wants a yard sign", "_csrf", token));
        assertThat(posted.status()).isEqualTo(302);
        Response htmx = client.post("/people/" + id + "/notes", form("note", "Called back"),
                "HX-Request", "true", "X-CSRF-Token", token);
        assertThat(htmx.body()).startsWith("<section class=\"card\" id=\"timeline\">")
                .contains("Wants a yard sign", "Called back");
    }
}
