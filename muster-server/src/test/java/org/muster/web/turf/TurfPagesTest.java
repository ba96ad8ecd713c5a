package org.muster.web.turf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.muster.web.WebClient.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.muster.account.Role;
import org.muster.account.User;
import org.muster.canvass.CanvassFixtures;
import org.muster.canvass.CanvassList;
import org.muster.canvass.Door;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.PostalAddress;
import org.muster.people.Registration;
import org.muster.store.JooqTurfStore;
import org.muster.turf.TurfStore;
import org.muster.web.BothServersTest;
import org.muster.web.ServerFixture;
import org.muster.web.WebClient;

class TurfPagesTest extends BothServersTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    /** {@code houses} houses 30 m apart along one street, one tagged person each. */
    private static List<NewPerson> street(String tag, int houses) {
        List<NewPerson> people = new ArrayList<>();
        for (int h = 0; h < houses; h++) {
            String line = (100 + 2 * h) + " " + tag.toUpperCase() + " ST";
            double lon = -78.64 + h * 30 / (111_320 * Math.cos(Math.toRadians(35.78)));
            people.add(new NewPerson("Door" + h, null, "Turfson", null, null, 1970, null, "DEM", 2, ContactCategory.PROSPECT,
                    "test", line + "|27601", List.of(), List.of(),
                    List.of(new PostalAddress("home", line, null, "RALEIGH", "NC", "27601", "US", 35.78, lon)),
                    List.of(new Registration("NC", tag + h, null, "WAKE", "A", null, null, "DEM", tag + "-P", null, null, null,
                            null, null)), List.of(), List.of(tag)));
        }
        return people;
    }

    @ParameterizedTest
    @MethodSource("servers")
    void anOrganiserCutsASegmentIntoTurfsAndSeesThemListedAndMapped(ServerFixture f) throws IOException {
        String tag = "turf" + NEXT.incrementAndGet();
        f.db.people().insert(f.campaign.id(), street(tag, 12));
        WebClient client = f.loggedIn(Role.ORGANISER);
        WebClient.Response posted = client.post("/turfs", form("name", "Cut " + tag, "filter", "tag(" + tag + ")",
                "target", "4", "within", "on", "_csrf", client.csrfToken("/turfs")));
        assertThat(posted.status()).as(posted.body()).isEqualTo(302);
        String cutPath = posted.location();
        assertThat(cutPath).matches("/turfs/\\d+");

        String page = client.get(cutPath).body();
        assertThat(page).contains("<strong id=\"turf-count\">3</strong>").contains("Cut " + tag + " 1 (precinct " + tag + "-P)")
                .contains("<td class=\"num\">0.09</td>");
        assertThat(client.get("/turfs").body()).contains("href=\"" + cutPath + "\"").contains("tag(" + tag + ")");

        JsonNode routes = new ObjectMapper().readTree(client.get(cutPath + "/routes.json").body());
        assertThat(routes.get("turfs")).hasSize(3).allSatisfy(t -> assertThat(t.get("route")).hasSize(4));
        assertThat(f.db.audit().recent(10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("turf.cut");
            assertThat(e.detail()).contains("3 turfs, 12 doors, 12 people");
        });
    }

    @ParameterizedTest
    @MethodSource("servers")
    void theTurfsOfACutBecomeWalkListsInRouteOrderHandedOutInTurnWithAnAudit(ServerFixture f) {
        String tag = "tl" + NEXT.incrementAndGet();
        f.db.people().insert(f.campaign.id(), street(tag, 12));
        WebClient client = f.loggedIn(Role.ORGANISER);
        String csrf = client.csrfToken("/turfs");
        String cutPath = client.post("/turfs", form("name", "Lists " + tag, "filter", "tag(" + tag + ")", "target", "4", "within", "on",
                "_csrf", csrf)).location();
        long cutId = Long.parseLong(cutPath.substring("/turfs/".length()));
        assertThat(client.get(cutPath).body()).as("no script yet").contains("Write a <a href=\"/canvass/scripts\">canvassing script</a>");
        long script = f.db.canvass().createScript(f.campaign.id(), "Script " + tag, CanvassFixtures.SCRIPT).id();
        User sam = f.user(Role.VOLUNTEER);
        User kim = f.user(Role.VOLUNTEER);
        assertThat(client.get(cutPath).body()).contains("id=\"make-lists\"", "value=\"" + sam.id() + "\"", "3 without one");

        WebClient.Response bad = client.postRaw(cutPath + "/lists", "_csrf=" + csrf + "&script=" + script + "&user=" + sam.id() + "&due=soon");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("The due date &#39;soon&#39; is not a date");
        assertThat(client.postRaw(cutPath + "/lists", "_csrf=" + csrf + "&script=999999").body()).contains("no script 999999");
        assertThat(listsOf(f, cutId)).as("nothing made from bad input").isEmpty();
        WebClient volunteer = f.loggedIn(Role.VOLUNTEER);
        assertThat(volunteer.postRaw(cutPath + "/lists", "_csrf=" + volunteer.csrfToken("/canvass/app") + "&script=" + script).status())
                .isEqualTo(403);

        WebClient.Response made = client.postRaw(cutPath + "/lists", "_csrf=" + csrf + "&script=" + script + "&user=" + sam.id()
                + "&user=" + kim.id() + "&due=2026-12-24");
        assertThat(made.status()).as(made.body()).isEqualTo(302);
        assertThat(made.location()).startsWith(cutPath + "?made=3");
        List<CanvassList> lists = listsOf(f, cutId);
        assertThat(lists).hasSize(3);
        List<TurfStore.Turf> turfs = new JooqTurfStore(f.db).turfs(f.campaign.id(), cutId);
        for (int i = 0; i < 3; i++) {
            CanvassList list = lists.get(i);
            assertThat(list.turfId()).isEqualTo(turfs.get(i).id());
            assertThat(f.db.canvass().doors(list.id())).extracting(Door::personId).containsExactlyElementsOf(new JooqTurfStore(f.db)
                    .doors(turfs.get(i).id()).stream().flatMap(d -> d.personIds().stream()).toList());
            assertThat(f.db.canvass().assignments(list.id())).singleElement()
                    .satisfies(a -> assertThat(a.userId()).isEqualTo(List.of(sam.id(), kim.id()).get(lists.indexOf(list) % 2)))
                    .satisfies(a -> assertThat(a.dueOn()).hasToString("2026-12-24"));
        }
        String page = client.get(made.location()).body();
        assertThat(page).contains("Made 3 walk list(s).", "href=\"/canvass/lists/" + lists.getFirst().id() + "\"", "0 of 4 done",
                "id=\"all-listed\"");
        assertThat(f.db.audit().recent(20)).filteredOn(e -> e.action().equals("canvass.list.create"))
                .extracting(e -> e.target()).contains("list:" + lists.get(0).id(), "list:" + lists.get(2).id());
        assertThat(f.db.audit().recent(20)).filteredOn(e -> e.action().equals("canvass.list.assign")).hasSizeGreaterThanOrEqualTo(3);

        // Sam reads the people of his turfs only, and only while they are his.
        WebClient samClient = f.client();
        assertThat(samClient.logIn(sam.email(), ServerFixture.PASSWORD).status()).isEqualTo(302);
        String samsTurf = "/canvass/api/lists/" + lists.get(0).id();
        assertThat(samClient.get(samsTurf).status()).isEqualTo(200);
        assertThat(samClient.get("/canvass/api/lists/" + lists.get(1).id()).status()).as("Kim's turf").isEqualTo(403);
        assertThat(samClient.get("/canvass/lists/" + lists.get(1).id() + "/sheet.pdf").status()).isEqualTo(403);
        assertThat(samClient.get(cutPath).status()).as("the turf pages are for organisers").isEqualTo(403);
        assertThat(client.post("/canvass/lists/" + lists.get(0).id() + "/unassign", form("user", String.valueOf(sam.id()), "_csrf", csrf))
                .status()).isEqualTo(302);
        assertThat(samClient.get(samsTurf).status()).as("taken back").isEqualTo(403);
        assertThat(samClient.get("/canvass/lists/" + lists.get(0).id() + "/sheet.pdf").status()).isEqualTo(403);
        assertThat(samClient.get("/canvass/api/lists/" + lists.get(2).id()).status()).as("his other turf").isEqualTo(200);

        WebClient.Response again = client.postRaw(cutPath + "/lists", "_csrf=" + csrf + "&script=" + script);
        assertThat(again.location()).contains("made=0");
        assertThat(listsOf(f, cutId)).hasSize(3);
    }

    /** The walk lists made from a cut's turfs, in turf order. */
    private static List<CanvassList> listsOf(ServerFixture f, long cutId) {
        List<Long> turfIds = new JooqTurfStore(f.db).turfs(f.campaign.id(), cutId).stream().map(TurfStore.Turf::id).toList();
        return f.db.canvass().lists(f.campaign.id()).stream().filter(l -> turfIds.contains(l.turfId()))
                .sorted(java.util.Comparator.comparing(l -> turfIds.indexOf(l.turfId()))).toList();
    }

    @ParameterizedTest
    @MethodSource("servers")
    void badCutsAreRefusedWithTheReasonAndVolunteersAreKeptOut(ServerFixture f) {
        WebClient client = f.loggedIn(Role.ADMIN);
        String csrf = client.csrfToken("/turfs");
        for (String[] bad : new String[][] {
                {"", "tag(x)", "60", "needs a name"},
                {"A", "tag(", "60", "does not parse"},
                {"A", "tag(x)", "many", "whole number"},
                {"A", "tag(x)", "0", "between 1 and 10000"}}) {
            WebClient.Response r = client.post("/turfs", form("name", bad[0], "filter", bad[1], "target", bad[2], "_csrf", csrf));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains(bad[3]);
        }
        assertThat(client.get("/turfs/999999").status()).isEqualTo(404);
        WebClient volunteer = f.loggedIn(Role.VOLUNTEER);
        assertThat(volunteer.get("/turfs").status()).isEqualTo(403);
        assertThat(volunteer.get("/turfs/1").status()).isEqualTo(403);
        assertThat(volunteer.get("/turfs/1/routes.json").status()).isEqualTo(403);
    }
}
