package org.muster.web.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.web.WebClient.form;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.account.Role;
import org.muster.identity.ReviewItem;
import org.muster.match.Explanation;
import org.muster.store.JooqMatchStore;
import org.muster.web.BothServersTest;
import org.muster.web.ServerFixture;
import org.muster.web.WebClient;
import org.muster.web.WebClient.Response;

class MatchPagesTest extends BothServersTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    /** A surname no other test uses, so tests sharing a server do not match each other's people. */
    private static String uniqueSurname() {
        return "Quillfeather" + (char) ('a' + NEXT.get() % 26) + "x" + NEXT.incrementAndGet();
    }

    static long queuedPair(ServerFixture f, long a, long b) {
        Explanation why = new Explanation(Long.toString(a), Long.toString(b), -13.3, List.of(
                new Explanation.FieldEvidence("first", "exact", 5, 6.0, 0.4),
                new Explanation.FieldEvidence("dob", "same year", 3, 2.6, 0)), 1.7, 0.766);
        return new JooqMatchStore(f.db).propose(f.campaign.id(), a, b, why, "test").orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("servers")
    void volunteersAndPollWatchersGetNoDuplicatePages(ServerFixture f) {
        for (Role role : List.of(Role.VOLUNTEER, Role.POLL_WATCHER)) {
            WebClient client = f.loggedIn(role);
            for (String path : List.of("/duplicates", "/duplicates/merges", "/people/add")) {
                assertThat(client.get(path).status()).as(role + " " + path).isEqualTo(403);
            }
            String token = f.loggedIn(Role.ORGANISER).csrfToken("/people/add");
            assertThat(client.post("/people/add", form("first", "Eve", "last", "Sneak", "_csrf", token)).status()).isEqualTo(403);
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void reviewPageShowsBothRecordsAndTheEvidenceThenMergeAndUndo(ServerFixture f) {
        String surname = uniqueSurname();
        long a = f.insert(f.campaign.id(), ServerFixture.named("Wilhelmina", surname));
        long b = f.insert(f.campaign.id(), ServerFixture.named("Wilhelmina", surname + "e"));
        long review = queuedPair(f, a, b);
        WebClient client = f.loggedIn(Role.ORGANISER);

        assertThat(client.get("/duplicates").body()).contains("href=\"/duplicates/" + review + "\"").contains(surname + "e");
        String page = client.get("/duplicates/" + review).body();
        assertThat(page).contains("id=\"left\"").contains("id=\"right\"").contains("href=\"/people/" + a + "\"")
                .contains("href=\"/people/" + b + "\"").contains("<td>dob</td><td>same year</td>").contains("76.6%")
                .contains("id=\"merge\"").contains("id=\"reject\"");

        // no CSRF token, no merge
        assertThat(client.post("/duplicates/" + review + "/merge", form("keep", Long.toString(a))).status()).isEqualTo(403);
        // a person outside the pair cannot be kept
        String token = client.csrfToken("/duplicates/" + review);
        assertThat(client.post("/duplicates/" + review + "/merge", form("keep", "999999", "_csrf", token)).status()).isEqualTo(400);
        assertThat(f.db.people().profile(f.campaign.id(), b)).isPresent();

        Response merged = client.post("/duplicates/" + review + "/merge", form("keep", Long.toString(a), "_csrf", token));
        assertThat(merged.status()).isEqualTo(302);
        assertThat(f.db.people().profile(f.campaign.id(), b)).isEmpty();
        assertThat(client.get(merged.location()).body()).contains("id=\"notice\"").doesNotContain("href=\"/duplicates/" + review + "\"");
        assertThat(client.post("/duplicates/" + review + "/merge", form("keep", Long.toString(a), "_csrf", token)).status())
                .isEqualTo(409);

        String merges = client.get("/duplicates/merges").body();
        assertThat(merges).contains("Wilhelmina " + surname + "e (#" + b + ")").contains("class=\"undo\"");
        long mergeId = new JooqMatchStore(f.db).merges(f.campaign.id(), 1).get(0).id();
        Response undone = client.post("/duplicates/merges/" + mergeId + "/undo", form("_csrf", client.csrfToken("/duplicates/merges")));
        assertThat(undone.status()).isEqualTo(302);
        assertThat(f.db.people().profile(f.campaign.id(), b).orElseThrow().person().lastName()).isEqualTo(surname + "e");
        assertThat(client.get("/duplicates").body()).contains("href=\"/duplicates/" + review + "\"");
        assertThat(f.db.audit().recent(20)).extracting(e -> e.action()).contains("match.merge", "match.undo");
    }

    @ParameterizedTest
    @MethodSource("servers")
    void notTheSamePersonIsRemembered(ServerFixture f) {
        String surname = uniqueSurname();
        long a = f.insert(f.campaign.id(), ServerFixture.named("Cornelius", surname));
        long b = f.insert(f.campaign.id(), ServerFixture.named("Cornelia", surname));
        long review = queuedPair(f, a, b);
        WebClient client = f.loggedIn(Role.ADMIN);
        Response rejected = client.post("/duplicates/" + review + "/reject", form("_csrf", client.csrfToken("/duplicates/" + review)));
        assertThat(rejected.status()).isEqualTo(302);
        JooqMatchStore store = new JooqMatchStore(f.db);
        assertThat(store.review(f.campaign.id(), review).orElseThrow().status()).isEqualTo(ReviewItem.Status.REJECTED);
        assertThat(store.rejected(f.campaign.id(), a, b)).isTrue();
        assertThat(client.get("/duplicates/" + review).body()).contains("id=\"decided\"").doesNotContain("id=\"merge\"");
        assertThat(client.get("/duplicates/424242").status()).isEqualTo(404);
        assertThat(client.get("/duplicates/abc").status()).isEqualTo(400);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void addPersonGoesThroughTheLinker(ServerFixture f) {
        String surname = uniqueSurname();
        WebClient client = f.loggedIn(Role.ORGANISER);
        String token = client.csrfToken("/people/add");
        assertThat(client.get("/people").body()).contains("href=\"/people/add\"");
        String email = surname.toLowerCase() + "@example.org";

        String created = client.post("/people/add", form("first", "Philippa", "last", surname, "birth", "1979-03-14",
                "email", email, "phone", "(919) 555-7713", "street", "14 Dogwood Ln", "city", "Raleigh", "state", "NC",
                "zip", "27601", "_csrf", token)).body();
        assertThat(created).contains("id=\"outcome\">Created <a href=\"/people/");

        String again = client.post("/people/add", form("first", "Philippa", "last", surname, "birth", "1979-03-14",
                "email", email, "_csrf", token)).body();
        assertThat(again).contains("Matched existing person").contains("Philippa " + surname);
        assertThat(f.db.people().search(f.campaign.id(), surname, 10)).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("servers")
    void badAddPersonInputIsRefusedNamingTheFieldAndStoresNothing(ServerFixture f) {
        WebClient client = f.loggedIn(Role.ADMIN);
        String token = client.csrfToken("/people/add");
        long before = f.db.people().count(f.campaign.id());
        Response huge = client.post("/people/add", form("first", "A".repeat(10_000), "last", "Long", "_csrf", token));
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.body()).contains("First name is longer than 200 characters");
        Response date = client.post("/people/add", form("first", "Bad", "last", "Date", "birth", "31/02/1980", "_csrf", token));
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.body()).contains("Birth date: write it as YYYY-MM-DD").contains("value=\"Date\"");
        Response nameless = client.post("/people/add", form("email", "x@example.org", "_csrf", token));
        assertThat(nameless.body()).contains("at least a first or a last name");
        Response script = client.post("/people/add", form("first", "<script>alert(1)</script>", "last", "X", "phone", "not a phone", "_csrf", token));
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.body()).contains("Phone:").doesNotContain("<script>alert(1)</script>");
        assertThat(f.db.people().count(f.campaign.id())).isEqualTo(before);
    }
}
