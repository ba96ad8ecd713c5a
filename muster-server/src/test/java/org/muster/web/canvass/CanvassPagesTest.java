package org.muster.web.canvass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.web.WebClient.form;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.account.AuditLog;
import org.muster.account.Role;
import org.muster.account.User;
import org.muster.canvass.CanvassFixtures;
import org.muster.canvass.CanvassList;
import org.muster.canvass.ListKind;
import org.muster.canvass.ResultCode;
import org.muster.canvass.Submission;
import org.muster.web.BothServersTest;
import org.muster.web.ServerFixture;
import org.muster.web.WebClient;
import org.muster.web.WebClient.Response;

class CanvassPagesTest extends BothServersTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private record Setup(CanvassList list, List<Long> people, long scriptId) {
    }

    /** A walk list of a fresh street of three (each test has its own people and list). */
    private static Setup walkList(ServerFixture f, ListKind kind) {
        String prefix = "S" + NEXT.incrementAndGet();
        List<Long> people = CanvassFixtures.street(f.db, f.campaign.id(), prefix, 3);
        long script = f.db.canvass().createScript(f.campaign.id(), "Script " + prefix, CanvassFixtures.SCRIPT).id();
        CanvassList list = f.db.canvass().createList(f.campaign.id(), "List " + prefix, kind, script, "chosen", null,
                people.stream().mapToLong(Long::longValue).toArray(), null);
        return new Setup(list, people, script);
    }

    private static WebClient logIn(ServerFixture f, User user) {
        WebClient client = f.client();
        assertThat(client.logIn(user.email(), ServerFixture.PASSWORD).status()).isEqualTo(302);
        return client;
    }

    private static Response postJson(WebClient client, String path, String json) {
        return client.postJson(path, json, "X-CSRF-Token", client.csrfToken("/canvass/app"));
    }

    @ParameterizedTest
    @MethodSource("servers")
    void aVolunteerReadsOnlyListsAssignedToThemAndOnlyWhileAssigned(ServerFixture f) {
        Setup s = walkList(f, ListKind.WALK);
        User sam = f.user(Role.VOLUNTEER);
        User kim = f.user(Role.VOLUNTEER);
        User organiser = f.user(Role.ORGANISER);
        WebClient samClient = logIn(f, sam);
        WebClient kimClient = logIn(f, kim);
        String path = "/canvass/api/lists/" + s.list().id();

        assertThat(samClient.get(path).status()).as("not assigned yet").isEqualTo(403);
        f.db.canvass().assign(s.list().id(), sam.id(), null, organiser.id());
        Response download = samClient.get(path);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).contains("\"personId\":" + s.people().getFirst(), "1 ELM ST", "Will you vote for Ada?")
                .doesNotContain("support").doesNotContain("party");
        assertThat(samClient.get("/canvass/api/lists").body()).contains("\"id\":" + s.list().id());
        assertThat(kimClient.get(path).status()).as("another volunteer").isEqualTo(403);
        assertThat(kimClient.get("/canvass/api/lists").body()).doesNotContain("\"id\":" + s.list().id());
        assertThat(kimClient.get("/canvass/lists/" + s.list().id() + "/sheet").status()).isEqualTo(403);
        assertThat(samClient.get("/canvass/lists/" + s.list().id() + "/sheet").status()).isEqualTo(200);
        assertThat(samClient.get("/canvass").status()).as("volunteers do not manage lists").isEqualTo(403);
        assertThat(samClient.get("/canvass/lists/" + s.list().id() + "/export.csv").status()).isEqualTo(403);
        assertThat(samClient.get("/people/" + s.people().getFirst()).status()).isEqualTo(403);

        String pdf = "/canvass/lists/" + s.list().id() + "/sheet.pdf";
        assertThat(kimClient.get(pdf).status()).isEqualTo(403);
        String samSheet = pdfText(f, samClient, pdf);
        assertThat(samSheet).as("the street in walking order").containsSubsequence("1 ELM ST", "2 ELM ST", "3 ELM ST")
                .contains("Will you vote for Ada?").doesNotContain("Party");
        assertThat(pdfText(f, logIn(f, organiser), pdf)).as("organisers see party").contains("Party");

        f.db.canvass().unassign(s.list().id(), sam.id());
        assertThat(samClient.get(path).status()).as("after unassignment").isEqualTo(403);
        assertThat(samClient.get("/canvass/lists/" + s.list().id() + "/sheet").status()).isEqualTo(403);
        assertThat(samClient.get(pdf).status()).isEqualTo(403);
        assertThat(samClient.get("/canvass/lists/" + s.list().id()).status()).as("the organiser's list page").isEqualTo(403);
        assertThat(f.db.audit().recent(50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("canvass.list.export");
            assertThat(e.userId()).isEqualTo(sam.id());
            assertThat(e.detail()).isEqualTo("3 people, PDF walk sheet");
        });
        assertThat(f.db.audit().recent(50)).as("the HTML sheet too").anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("canvass.list.export");
            assertThat(e.userId()).isEqualTo(sam.id());
            assertThat(e.detail()).isEqualTo("3 people, walk sheet");
        });
        assertThat(samClient.get("/canvass/api/lists").body()).doesNotContain("\"id\":" + s.list().id());
        assertThat(f.db.audit().recent(50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("canvass.list.download");
            assertThat(e.userId()).isEqualTo(sam.id());
            assertThat(e.target()).isEqualTo("list:" + s.list().id());
        });
    }

    @ParameterizedTest
    @MethodSource("servers")
    void organisersCreateListsFromASegmentAssignAndExportWithAnAudit(ServerFixture f) {
        String prefix = "G" + NEXT.incrementAndGet();
        List<Long> people = CanvassFixtures.street(f.db, f.campaign.id(), prefix, 4);
        User volunteer = f.user(Role.VOLUNTEER);
        User organiser = f.user(Role.ORGANISER);
        WebClient client = logIn(f, organiser);
        String csrf = client.csrfToken("/canvass/scripts");

        Response bad = client.post("/canvass/scripts", form("name", "Broken " + prefix, "body", "Q: A?\n- yes [support=9]\n- no", "_csrf", csrf));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Line 2 has support=9");
        assertThat(client.post("/canvass/scripts", form("name", "Door " + prefix, "body", CanvassFixtures.SCRIPT, "_csrf", csrf)).status())
                .isEqualTo(302);
        long script = f.db.canvass().scripts(f.campaign.id()).stream().filter(x -> x.name().equals("Door " + prefix)).findFirst().orElseThrow().id();

        Response created = client.post("/canvass/lists", form("name", "Elm " + prefix, "kind", "WALK", "script", String.valueOf(script),
                "filter", "tag(volunteer-prospect) and field(none) = x or precinct = 01-07 and tag(" + prefix + ")", "_csrf", csrf));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(client.post("/canvass/lists", form("name", "x", "kind", "WALK", "script", String.valueOf(script), "filter", "tag(",
                "_csrf", csrf)).status()).isEqualTo(400);
        // The street has no tag named after the prefix: build a list that does select it, through the segment language.
        created = client.post("/canvass/lists", form("name", "Elm " + prefix, "kind", "WALK", "script", String.valueOf(script),
                "filter", "precinct = 01-07 and contacted(3650d) or precinct = 01-07 and not contacted(3650d)", "_csrf", csrf));
        String listPath = created.location();
        assertThat(listPath).startsWith("/canvass/lists/");
        long listId = Long.parseLong(listPath.substring(listPath.lastIndexOf('/') + 1));
        assertThat(f.db.canvass().doors(listId)).extracting(d -> d.personId()).containsAll(people);

        assertThat(client.post(listPath + "/assign", form("user", String.valueOf(volunteer.id()), "due", "2026-13-40", "_csrf", csrf)).status())
                .isEqualTo(400);
        assertThat(client.post(listPath + "/assign", form("user", String.valueOf(volunteer.id()), "due", "2026-11-01", "_csrf", csrf)).status())
                .isEqualTo(302);
        assertThat(f.db.canvass().isAssigned(listId, volunteer.id())).isTrue();
        String page = client.get(listPath).body();
        assertThat(page).contains(volunteer.displayName() + " (due 2026-11-01)", "1 ELM ST");

        Response csv = client.get(listPath + "/export.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("position,person_id,name,address,phone,status,result\r\n1,");
        assertThat(f.db.audit().recent(20)).extracting(AuditLog.Entry::action).contains("canvass.list.export", "canvass.list.assign",
                "canvass.list.create");

        assertThat(client.post(listPath + "/unassign", form("user", String.valueOf(volunteer.id()), "_csrf", csrf)).status()).isEqualTo(302);
        assertThat(f.db.canvass().isAssigned(listId, volunteer.id())).isFalse();
    }

    @ParameterizedTest
    @MethodSource("servers")
    void resultsAreStoredOncePerIdWithAnOutcomeEach(ServerFixture f) {
        Setup s = walkList(f, ListKind.WALK);
        User sam = f.user(Role.VOLUNTEER);
        User kim = f.user(Role.VOLUNTEER);
        f.db.canvass().assign(s.list().id(), sam.id(), null, sam.id());
        f.db.canvass().assign(s.list().id(), kim.id(), null, sam.id());
        WebClient samClient = logIn(f, sam);
        WebClient kimClient = logIn(f, kim);
        long ada = s.people().getFirst();
        String batch = """
                {"results":[
                 {"id":"%1$s-a","listId":%2$d,"personId":%3$d,"code":"CONTACTED","answers":{"1":1,"2":1},"note":"dog","recordedAt":1700000000000},
                 {"id":"%1$s-b","listId":%2$d,"personId":%3$d,"code":"LUNCH"},
                 {"id":"%1$s-c","listId":%2$d,"personId":null,"code":"CONTACTED","newPerson":{"firstName":"Grace","lastName":"Hopper"}}
                ]}""".formatted("sam" + s.list().id(), s.list().id(), ada);

        Response first = postJson(samClient, "/canvass/api/results", batch);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("\"outcome\":\"APPLIED\"", "\"outcome\":\"INVALID\"", "unknown result code 'LUNCH'");
        Response again = postJson(samClient, "/canvass/api/results", batch);
        assertThat(again.body()).contains("\"repeat\":true");
        assertThat(resultCount(f, "sam" + s.list().id() + "-a")).isEqualTo(1);

        Response late = postJson(kimClient, "/canvass/api/results", """
                {"results":[{"id":"kim%1$d","listId":%1$d,"personId":%2$d,"code":"REFUSED"}]}""".formatted(s.list().id(), ada));
        assertThat(late.body()).contains("\"outcome\":\"ALREADY_CANVASSED\"", "already has a result on this list");
        String listPage = logIn(f, f.user(Role.ORGANISER)).get("/canvass/lists/" + s.list().id()).body();
        assertThat(listPage.substring(listPage.indexOf("id=\"unapplied\""))).contains(kim.displayName(), "S", "Walker", "Refused",
                "already has a result on this list");

        assertThat(samClient.postJson("/canvass/api/results", "{\"results\":[]}").status()).as("no CSRF token").isEqualTo(403);
        assertThat(postJson(samClient, "/canvass/api/results", "{not json").status()).isEqualTo(400);
        String hostile = """
                {"results":[{"id":"%s","listId":%d,"personId":%d,"code":"CONTACTED","note":"%s"},
                 {"id":"h2","listId":"x","personId":1,"code":"CONTACTED"},
                 {"id":"h3","listId":%d,"personId":%d,"code":"NOT_HOME","answers":{"1":1}}]}""".formatted(
                "k".repeat(101), s.list().id(), s.people().get(1), "n".repeat(2001), s.list().id(), s.people().get(1));
        Response refused = postJson(samClient, "/canvass/api/results", hostile);
        assertThat(refused.body()).contains("an id of 1 to 100 characters", "listId must be a number",
                "answers need a result code of a conversation").doesNotContain("APPLIED");
        assertThat(f.db.canvass().doors(s.list().id()).get(1).open()).as("nothing was written").isTrue();
        assertThat(postJson(samClient, "/canvass/api/results", "{\"results\":[" + "{},".repeat(200) + "{}]}").status()).isEqualTo(400);
        assertThat(f.db.people().profile(f.campaign.id(), ada).orElseThrow().person().supportLevel()).isEqualTo(1);
        // Grace, met at the door, goes through the matcher in the background: a new person, with her answer's write-back.
        long grace = awaitLinked(f, "Hopper");
        assertThat(f.db.people().profile(f.campaign.id(), grace).orElseThrow().timeline()).extracting(a -> a.type()).contains("canvass");
        assertThat(f.db.canvass().pendingContacts(f.campaign.id(), 100)).noneSatisfy(p -> assertThat(p.contact().lastName()).isEqualTo("Hopper"));
        assertThat(logIn(f, f.user(Role.ORGANISER)).get("/canvass").body()).doesNotContain("Grace Hopper");
    }

    /**
     * The person a new contact of that last name was linked to, once the server's background linking has done it
     * (waits up to two minutes: the matcher trains at first use).
     */
    static long awaitLinked(ServerFixture f, String lastName) {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Long person = f.db.dsl().select(org.jooq.impl.DSL.field("person_id", Long.class)).from(org.jooq.impl.DSL.table("canvass_new_person"))
                    .where(org.jooq.impl.DSL.field("last_name").eq(lastName)).and(org.jooq.impl.DSL.field("status").eq("LINKED"))
                    .fetchAny(org.jooq.impl.DSL.field("person_id", Long.class));
            if (person != null) return person;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The new person " + lastName + " was not linked");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void callersGetTheNextPersonAndCanSkip(ServerFixture f) {
        Setup s = walkList(f, ListKind.PHONE);
        User caller = f.user(Role.VOLUNTEER);
        User outsider = f.user(Role.VOLUNTEER);
        f.db.canvass().assign(s.list().id(), caller.id(), null, caller.id());
        WebClient client = logIn(f, caller);
        String next = "/canvass/api/lists/" + s.list().id() + "/next";

        assertThat(client.get("/canvass/api/lists/" + s.list().id()).body()).as("call lists are not downloaded whole").contains("\"doors\":[]");
        Response first = postJson(client, next, "");
        assertThat(first.body()).contains("\"personId\":" + s.people().getFirst());
        assertThat(postJson(client, "/canvass/api/lists/" + s.list().id() + "/skip", "{\"personId\":" + s.people().getFirst() + "}").body())
                .contains("\"skipped\":true");
        assertThat(postJson(client, next, "").body()).contains("\"personId\":" + s.people().get(1));
        assertThat(postJson(logIn(f, outsider), next, "").status()).isEqualTo(403);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void theDashboardStreamsProgressWhenResultsArrive(ServerFixture f) throws Exception {
        Setup s = walkList(f, ListKind.WALK);
        User sam = f.user(Role.VOLUNTEER);
        f.db.canvass().assign(s.list().id(), sam.id(), null, sam.id());
        User organiser = f.user(Role.ORGANISER);
        WebClient organiserClient = logIn(f, organiser);
        assertThat(organiserClient.get("/canvass/dashboard").body()).contains("data-feed=\"/canvass/dashboard/events\"");
        assertThat(logIn(f, sam).get("/canvass/dashboard/events").status()).isEqualTo(403);

        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(f.server.baseUrl() + "/canvass/dashboard/events"))
                .header("Cookie", "muster_session=" + organiserClient.sessionCookie()).build();
        HttpResponse<java.io.InputStream> stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String firstEvent = readEvent(lines);
            assertThat(firstEvent).startsWith("event: progress");
            f.db.canvass().submit(f.campaign.id(), sam, new Submission("dash-" + s.list().id(), s.list().id(), s.people().getFirst(),
                    ResultCode.CONTACTED, Map.of(1, 1), null, Instant.now(), null));
            String update = readEvent(lines);
            while (!update.contains(s.list().name())) update = readEvent(lines);
            Matcher m = Pattern.compile("<td>" + Pattern.quote(s.list().name()) + "</td><td>([^<]*)</td><td>1</td><td>1</td><td>1</td>").matcher(update);
            assertThat(m.find()).as(update).isTrue();
            assertThat(m.group(1)).isEqualTo(sam.displayName());
            assertThat(update).as("by turf (a list not cut from a turf stands alone) and by canvasser")
                    .contains("<table class=\"people\" id=\"by-turf\">", "<td>List: " + s.list().name() + "</td><td>1</td><td>1</td><td>1</td>",
                            "<table class=\"people\" id=\"by-canvasser\">");
        }
    }

    /** The text of a PDF download (the WebClient reads bodies as text, which would spoil a PDF's bytes). */
    private static String pdfText(ServerFixture f, WebClient client, String path) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(f.server.baseUrl() + path))
                    .header("Cookie", "muster_session=" + client.sessionCookie()).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
            try (PDDocument doc = Loader.loadPDF(r.body())) {
                return new PDFTextStripper().getText(doc);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String readEvent(BufferedReader lines) throws java.io.IOException {
        StringBuilder event = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty() && !event.isEmpty()) return event.toString();
            if (!line.startsWith(":")) event.append(line).append('\n');
        }
        throw new AssertionError("The stream ended");
    }

    private static int resultCount(ServerFixture f, String key) {
        return f.db.dsl().fetchCount(org.jooq.impl.DSL.table("canvass_result"), org.jooq.impl.DSL.field("idempotency_key").eq(key));
    }
}
