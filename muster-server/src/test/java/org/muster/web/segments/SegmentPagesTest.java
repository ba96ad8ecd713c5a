package org.muster.web.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.web.WebClient.form;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.account.AuditLog;
import org.muster.account.Role;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.Registration;
import org.muster.web.BothServersTest;
import org.muster.web.ServerFixture;
import org.muster.web.WebClient;
import org.muster.web.WebClient.Response;

class SegmentPagesTest extends BothServersTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    /** Each test tags its own people, so tests sharing a server do not see each other's. */
    private static String uniqueTag() {
        return "seg-test-" + NEXT.incrementAndGet();
    }

    private static NewPerson tagged(String tag, String first, String precinct) {
        return new NewPerson(first, null, "Segmentson", null, null, 1980, null, "DEM", 2, ContactCategory.PROSPECT, "test", null,
                List.of(), List.of(), List.of(), List.of(new Registration("NC", tag + first, null, "WAKE", "A", null, null, "DEM",
                        precinct, null, null, null, null, null)), List.of(), List.of(tag));
    }

    private static String preview(WebClient client, String filter) {
        Response r = client.get("/segments/preview?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8), "HX-Request", "true");
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    @ParameterizedTest
    @MethodSource("servers")
    void previewCountsBreaksDownAndFollowsChangesLive(ServerFixture f) {
        String tag = uniqueTag();
        long first = f.insert(f.campaign.id(), tagged(tag, "Alba", "P-7"));
        f.insert(f.campaign.id(), tagged(tag, "Bea", "P-7"));
        f.insert(f.otherCampaign.id(), tagged(tag, "Other", "P-7"));
        WebClient client = f.loggedIn(Role.ORGANISER);

        String body = preview(client, "tag(" + tag + ") and support <= 2");
        assertThat(body).contains("<strong id=\"segment-count\">2</strong>").contains("<td>P-7</td><td class=\"num\">2</td>")
                .contains("href=\"/people/" + first + "\"").doesNotContain("Other");

        f.insert(f.campaign.id(), tagged(tag, "Cleo", "P-8"));
        assertThat(preview(client, "tag(" + tag + ")")).contains("<strong id=\"segment-count\">3</strong>").contains("<td>P-8</td>");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void parseErrorsPointAtTheColumn(ServerFixture f) {
        String body = preview(f.loggedIn(Role.ADMIN), "tag(x) and");
        assertThat(body).contains("At column 11: expected a clause").contains("role=\"alert\"");
        assertThat(preview(f.loggedIn(Role.ADMIN), "segment(nothing-saved)")).contains("no saved segment named");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void savedSegmentsAreListedAndUsableAsClauses(ServerFixture f) {
        String tag = uniqueTag();
        f.insert(f.campaign.id(), tagged(tag, "Dora", "P-9"));
        WebClient client = f.loggedIn(Role.ORGANISER);
        String name = "saved " + tag;
        Response saved = client.post("/segments", form("name", name, "filter", "tag(" + tag + ")", "_csrf", client.csrfToken("/segments")));
        assertThat(saved.status()).isEqualTo(302);

        assertThat(client.get("/segments").body()).contains(name);
        assertThat(preview(client, "segment(\"" + name + "\")")).contains("<strong id=\"segment-count\">1</strong>");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void exportIsCsvAndAudited(ServerFixture f) {
        String tag = uniqueTag();
        long id = f.insert(f.campaign.id(), tagged(tag, "Edna", "P-1"));
        WebClient client = f.loggedIn(Role.ADMIN);

        Response csv = client.get("/segments/export.csv?filter=" + URLEncoder.encode("tag(" + tag + ")", StandardCharsets.UTF_8));

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).containsExactly("id,name,birth_year,address,email,phone",
                id + ",Edna Segmentson,1980,,,");
        assertThat(f.db.audit().recent(20)).extracting(AuditLog.Entry::action, AuditLog.Entry::detail)
                .contains(org.assertj.core.groups.Tuple.tuple("segment.export", "1 people: tag(" + tag + ")"));
    }

    @ParameterizedTest
    @MethodSource("servers")
    void splitsShowEachGroupsFilterAndCountAndRefuseBadShares(ServerFixture f) {
        String tag = uniqueTag();
        for (int i = 0; i < 40; i++) f.insert(f.campaign.id(), tagged(tag, "Split" + i, "P-2"));
        WebClient client = f.loggedIn(Role.ORGANISER);
        String filter = URLEncoder.encode("tag(" + tag + ")", StandardCharsets.UTF_8);

        String body = client.get("/segments/splits?filter=" + filter + "&seed=5&groups=" + URLEncoder.encode("A 45, B 45, control 10",
                StandardCharsets.UTF_8), "HX-Request", "true").body();
        assertThat(body).contains("id=\"split-groups\"").contains("tag(" + tag + ") and split(5, 90%, 100%)");
        var counts = java.util.regex.Pattern.compile("<td class=\"num\">(\\d+)</td>").matcher(body).results()
                .map(m -> Integer.parseInt(m.group(1))).toList();
        assertThat(counts).hasSize(3).allMatch(n -> n > 0);
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(40);
        // The same seed gives the same groups on the next call.
        assertThat(client.get("/segments/splits?filter=" + filter + "&seed=5&groups=" + URLEncoder.encode("A 45, B 45, control 10",
                StandardCharsets.UTF_8)).body()).isEqualTo(body);

        assertThat(client.get("/segments/splits?filter=" + filter + "&seed=5&groups=" + URLEncoder.encode("A 70, B 40",
                StandardCharsets.UTF_8)).body()).contains("The groups add up to more than 100% at group B");
        assertThat(client.get("/segments/splits?filter=" + filter + "&seed=x&groups=A+50").body()).contains("The seed must be a whole number");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void volunteersAndPollWatchersGetNoCountsNorExports(ServerFixture f) {
        for (Role role : List.of(Role.VOLUNTEER, Role.POLL_WATCHER)) {
            WebClient client = f.loggedIn(role);
            for (String path : List.of("/segments", "/segments/preview?filter=tag(x)", "/segments/export.csv?filter=tag(x)",
                    "/segments/splits?filter=tag(x)&seed=1&groups=A+50")) {
                Response r = client.get(path);
                assertThat(r.status()).as(role + " " + path).isEqualTo(403);
                assertThat(r.body()).doesNotContain("segment-count").doesNotContain("id,name");
            }
            assertThat(client.get("/segments").body()).doesNotContain("href=\"/segments\"");
        }
    }
}
