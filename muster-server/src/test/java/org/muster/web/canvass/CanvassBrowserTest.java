package org.muster.web.canvass;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.muster.account.Role;
import org.muster.account.User;
import org.muster.canvass.CanvassFixtures;
import org.muster.canvass.CanvassList;
import org.muster.canvass.ListKind;
import org.muster.canvass.ResultCode;
import org.muster.canvass.Submission;
import org.muster.geo.GeoJsonShapes;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.people.PostalAddress;
import org.muster.people.Registration;
import org.muster.store.JooqPrecinctShapeStore;
import org.muster.store.JooqTurfStore;
import org.muster.turf.TurfStore;
import org.muster.web.BrowserSession;
import org.muster.web.ServerFixture;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The canvassing app in headless Chromium on a phone-sized window: downloads the list, goes offline (DevTools
 * network emulation), records results, reloads while offline, comes back online, and every result arrives in the
 * database exactly once; a door someone else took meanwhile is shown as a conflict.
 */
class CanvassBrowserTest {

    @RegisterExtension
    static final BrowserSession session = new BrowserSession(412, 915);
    private static ServerFixture fixture;
    private static ChromeDriver browser;

    @BeforeAll
    static void bind() {
        fixture = session.fixture();
        browser = session.browser();
    }

    @Test
    void resultsRecordedOfflineArriveExactlyOnceAfterAReload() throws IOException {
        long campaign = fixture.campaign.id();
        List<Long> people = CanvassFixtures.street(fixture.db, campaign, "W", 4);
        long script = fixture.db.canvass().createScript(campaign, "Doors", CanvassFixtures.SCRIPT).id();
        CanvassList list = fixture.db.canvass().createList(campaign, "Elm St", ListKind.WALK, script, "chosen", null,
                people.stream().mapToLong(Long::longValue).toArray(), null);
        User volunteer = fixture.user(Role.VOLUNTEER);
        User other = fixture.user(Role.VOLUNTEER);
        fixture.db.canvass().assign(list.id(), volunteer.id(), null, other.id());
        fixture.db.canvass().assign(list.id(), other.id(), null, other.id());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        logInAndOpen(volunteer, "/canvass/app", wait);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.list-link"))).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("a.door"), 4));
        assertThat(browser.findElements(By.cssSelector("a.door")).getFirst().getText()).startsWith("1 ELM ST");
        Object ready = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.serviceWorker.ready.then(() => done(true), () => done(false));");
        assertThat(ready).as("the service worker is installed with the app's shell").isEqualTo(true);

        network(false);
        recordAt(wait, list, people.get(3), "CONTACTED", Map.of("q1", "1", "q2", "1"));  // 1 ELM ST: the street was inserted 4..1
        recordAt(wait, list, people.get(2), "NOT_HOME", Map.of());
        recordAt(wait, list, people.get(1), "MOVED", Map.of());
        browser.findElement(By.id("new-person")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("firstName"))).sendKeys("Grace");
        browser.findElement(By.name("lastName")).sendKeys("Hopper");
        browser.findElement(By.cssSelector("input[name=code][value=CONTACTED]")).click();
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("doors")));
        wait.until(ExpectedConditions.textToBe(By.id("pending-count"), "4"));
        assertThat(browser.findElement(By.id("network")).getText()).isEqualTo("Offline");
        assertThat(results(volunteer)).as("nothing reached the server while offline").isEmpty();

        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.id("pending-count"), "4"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#doors li.waiting"), 3));  // the new person has no door
        // Meanwhile another canvasser records the last door, so this phone's result for it will be a conflict.
        fixture.db.canvass().submit(campaign, other, new Submission("other-1", list.id(), people.get(0), ResultCode.REFUSED, Map.of(), null,
                Instant.now(), null));
        recordAt(wait, list, people.get(0), "CONTACTED", Map.of("q1", "3"));
        wait.until(ExpectedConditions.textToBe(By.id("pending-count"), "5"));

        network(true);
        wait.until(ExpectedConditions.textToBe(By.id("pending-count"), "0"));
        wait.until(ExpectedConditions.textToBe(By.id("network"), "Online"));
        List<Record> rows = results(volunteer);
        assertThat(rows).hasSize(5);
        assertThat(rows).extracting(r -> r.get("idempotency_key", String.class)).doesNotHaveDuplicates();
        assertThat(rows).extracting(r -> r.get("person_id", Long.class)).filteredOn(java.util.Objects::nonNull)
                .containsExactlyInAnyOrderElementsOf(people);
        assertThat(rows).extracting(r -> r.get("outcome", String.class)).containsExactlyInAnyOrder("APPLIED", "APPLIED", "APPLIED",
                "APPLIED", "ALREADY_CANVASSED");
        assertThat(fixture.db.people().profile(campaign, CanvassPagesTest.awaitLinked(fixture, "Hopper")).orElseThrow().person().firstName())
                .as("the new person went through the matcher").isEqualTo("Grace");
        assertThat(fixture.db.people().profile(campaign, people.get(3)).orElseThrow().person().supportLevel()).isEqualTo(1);
        assertThat(fixture.db.people().profile(campaign, people.get(1)).orElseThrow().tags()).contains("moved");

        browser.findElement(By.linkText("← Your lists")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("conflicts"), "already has a result on this list"));
        assertThat(browser.findElement(By.id("conflicts")).getText()).startsWith("W4 Walker, 4 ELM ST");
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve("canvass-app.png"), StandardCopyOption.REPLACE_EXISTING);

        // Taken back: the list leaves the phone at the next sync.
        fixture.db.canvass().unassign(list.id(), volunteer.id());
        browser.findElement(By.id("sync-now")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-lists")));
        assertThat(browser.findElement(By.id("view")).getText()).contains("\"Elm St\" is no longer assigned to you.");

        // Logging out of the phone removes its canvassing data (nothing is waiting to be sent).
        browser.findElement(By.id("log-out")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        Object databases = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "indexedDB.databases().then(list => done(list.map(d => d.name).join(',')));");
        assertThat((String) databases).doesNotContain("muster-canvass-" + volunteer.id());
        browser.get(fixture.server.baseUrl() + "/canvass/api/lists");
        assertThat(browser.getCurrentUrl()).as("the session is over").contains("/login");
    }

    @Test
    void callersWorkThroughTheQueueAndTheDashboardFollowsLive() {
        long campaign = fixture.campaign.id();
        List<Long> people = CanvassFixtures.street(fixture.db, campaign, "C", 3);
        long script = fixture.db.canvass().createScript(campaign, "Calls", CanvassFixtures.SCRIPT).id();
        CanvassList list = fixture.db.canvass().createList(campaign, "Phone bank", ListKind.PHONE, script, "chosen", null,
                people.stream().mapToLong(Long::longValue).toArray(), null);
        User caller = fixture.user(Role.VOLUNTEER);
        fixture.db.canvass().assign(list.id(), caller.id(), null, caller.id());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        openDashboard(wait);
        String dashboard = browser.getWindowHandle();
        browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        logInAndOpen(caller, "/canvass/app", wait);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.list-link[href='#call/" + list.id() + "']"))).click();
        // A call list keeps the order it was made in: the street was inserted from house 3 down to 1.
        wait.until(ExpectedConditions.textToBe(By.id("door-name"), "C3 Walker"));
        browser.findElement(By.id("skip")).click();
        wait.until(ExpectedConditions.textToBe(By.id("door-name"), "C2 Walker"));
        browser.findElement(By.cssSelector("input[name=code][value=CONTACTED]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=q1][value='2']"))).click();
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBe(By.id("door-name"), "C1 Walker"));
        wait.until(ExpectedConditions.textToBe(By.id("pending-count"), "0"));

        browser.close();
        browser.switchTo().window(dashboard);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dashboard"), "Phone bank"));
        assertThat(browser.findElement(By.id("dashboard")).getText()).contains("Phone bank " + caller.displayName() + " 1 1 1");
    }

    /**
     * Issue 6 end to end: a campaign with geocoded households in a precinct with a shape is cut into turfs on the turf
     * page, the turfs become walk lists assigned to a volunteer, who walks one in the app (its doors on a map, which
     * still draws offline), records results online and offline, and the results show on the live dashboard by turf and
     * canvasser and on the map's contact measure.
     */
    @Test
    void turfsCutInTheBrowserAreWalkedInTheAppAndTheResultsReachTheDashboardAndTheMap() throws IOException {
        long campaign = fixture.campaign.id();
        String json = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"precinct\":\"E2E-A\","
                + "\"name\":\"Maple\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-78.95,35.85],[-78.85,35.85],"
                + "[-78.85,35.95],[-78.95,35.95],[-78.95,35.85]]]}}]}";
        new JooqPrecinctShapeStore(fixture.db).upsert(campaign, GeoJsonShapes.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                null), "test");
        List<NewPerson> people = new ArrayList<>();
        for (int h = 0; h < 18; h++) {
            String line = (100 + 2 * (h % 9)) + (h < 9 ? " MAPLE AVE" : " ELM AVE");
            double lat = 35.90 + (h < 9 ? 0 : 0.0006);
            double lon = -78.90 + (h % 9) * 0.0004;
            for (int k = 0; k < (h % 3 == 0 ? 2 : 1); k++) {
                people.add(new NewPerson("Pat" + h + (char) ('a' + k), null, "Field", null, null, 1960 + h, null, "UNA", null,
                        ContactCategory.PROSPECT, "test", line + "|27601", List.of(), List.of(),
                        List.of(new PostalAddress("home", line, null, "RALEIGH", "NC", "27601", "US", lat, lon)),
                        List.of(new Registration("NC", "E2E-" + h + k, null, "WAKE", "A", null, null, "UNA", "E2E-A", null, null, null,
                                null, null)), List.of(), List.of("e2e")));
            }
        }
        fixture.db.people().insert(campaign, people);
        fixture.db.canvass().createScript(campaign, "E2E doors", CanvassFixtures.SCRIPT);
        User volunteer = fixture.user(Role.VOLUNTEER);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);  // the app redraws its list (and map) after every sync

        // The organiser cuts the segment into turfs and makes their walk lists, all for the volunteer.
        logInAndOpen(fixture.user(Role.ORGANISER), "/turfs", wait);
        browser.findElement(By.id("turf-name")).sendKeys("E2E");
        browser.findElement(By.id("turf-filter")).sendKeys("tag(e2e)");
        browser.findElement(By.id("turf-target")).clear();
        browser.findElement(By.id("turf-target")).sendKeys("5");
        browser.findElement(By.cssSelector("form.turf-form button")).click();
        // the map is looked up inside the wait, on the cut's page: right after the click the form's page may still show
        wait.until(ExpectedConditions.urlMatches(".*/turfs/\\d+.*"));
        wait.until(d -> {
            String turfsJson = d.findElement(By.id("map")).getDomAttribute("data-turfs");
            return turfsJson != null && !turfsJson.isEmpty();
        });
        long cutId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/turfs/(\\d+).*", "$1"));
        List<TurfStore.Turf> turfs = new JooqTurfStore(fixture.db).turfs(campaign, cutId);
        assertThat(turfs).hasSizeGreaterThanOrEqualTo(3);
        browser.findElement(By.cssSelector("input[name=user][value='" + volunteer.id() + "']")).click();
        browser.findElement(By.id("make-lists-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Made " + turfs.size() + " walk list(s)"));
        CanvassList list = fixture.db.canvass().lists(campaign).stream().filter(l -> turfs.getFirst().id() == l.turfId()).findFirst().orElseThrow();
        List<Long> route = fixture.db.canvass().doors(list.id()).stream().map(org.muster.canvass.Door::personId).toList();
        int stops = new JooqTurfStore(fixture.db).doors(turfs.getFirst().id()).size();

        // The volunteer sees the list's doors in route order, and on a map.
        logInAndOpen(volunteer, "/canvass/app", wait);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("a.list-link"), turfs.size()));
        browser.findElement(By.cssSelector("a.list-link[href='#list/" + list.id() + "']")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("door-map"), "data-doors", String.valueOf(stops)));
        assertThat(browser.findElements(By.cssSelector("#door-map .door-marker"))).hasSize(stops);
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve("canvass-app-map.png"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(browser.findElements(By.cssSelector("a.door"))).extracting(e -> Long.parseLong(e.getAttribute("data-person")))
                .containsExactlyElementsOf(route);
        Object ready = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.serviceWorker.ready.then(() => done(true), () => done(false));");
        assertThat(ready).isEqualTo(true);

        recordAt(wait, list, route.get(0), "CONTACTED", Map.of("q1", "1", "q2", "1"));
        wait.until(ExpectedConditions.textToBe(By.id("pending-count"), "0"));
        network(false);
        recordAt(wait, list, route.get(1), "NOT_HOME", Map.of());
        recordAt(wait, list, route.get(2), "CONTACTED", Map.of("q1", "3"));
        wait.until(ExpectedConditions.textToBe(By.id("pending-count"), "2"));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.attributeToBe(By.id("door-map"), "data-doors", String.valueOf(stops)));
        assertThat(browser.findElements(By.cssSelector("#door-map .door-marker.door-waiting"))).as("offline: the map from the phone's cache").isNotEmpty();
        network(true);
        wait.until(ExpectedConditions.textToBe(By.id("pending-count"), "0"));
        List<Record> rows = results(volunteer);
        assertThat(rows).hasSize(3).extracting(r -> r.get("outcome", String.class)).containsOnly("APPLIED");
        browser.findElement(By.linkText("← Your lists")).click();
        browser.findElement(By.id("log-out")).click();
        wait.until(ExpectedConditions.urlContains("/login"));

        // The dashboard by turf and by canvasser, live.
        openDashboard(wait);
        String turf = turfs.getFirst().name();
        assertThat(browser.findElement(By.id("by-turf")).getText()).contains(turf + " 3 2 2");
        assertThat(browser.findElement(By.id("by-canvasser")).getText()).contains(volunteer.displayName() + " 3 2 2");
        fixture.db.canvass().submit(campaign, volunteer, new Submission("e2e-live", list.id(), route.get(3), ResultCode.NOT_HOME, Map.of(),
                null, Instant.now(), null));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("by-turf"), turf + " 4 2 2"));

        // The map's contact measure counts them: four people of the precinct's 24 reached.
        browser.get(fixture.server.baseUrl() + "/maps");
        wait.until(ExpectedConditions.attributeToBe(By.id("map"), "data-shapes", "1"));
        new Select(browser.findElement(By.id("map-measure"))).selectByValue("contact");
        browser.findElement(By.cssSelector("#map-controls button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("map-legend"), "Reached by the field"));
        new Actions(browser).moveToElement(browser.findElement(By.cssSelector("#map .leaflet-overlay-pane path.leaflet-interactive"))).perform();
        WebElement tip = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-tooltip")));
        assertThat(tip.getText()).contains("= 4 of 24");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve("field-contact-map.png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Logs an organiser in to the live dashboard and waits until its event stream is connected. Only then may the
     * test log someone else in: both tabs share one cookie jar, and a stream that connected later would go without
     * the deleted session, land on the login page and set a new session cookie under the other tab's login form,
     * whose CSRF token would then no longer match (the login failed now and then before this wait).
     */
    private static void openDashboard(WebDriverWait wait) {
        logInAndOpen(fixture.user(Role.ORGANISER), "/canvass/dashboard", wait);
        wait.until(ExpectedConditions.attributeToBe(By.id("dashboard"), "data-live", "true"));
    }

    private static void logInAndOpen(User user, String path, WebDriverWait wait) {
        network(true);  // a test that failed offline must not take the next one down with it
        session.logInAndOpen(user, path, wait);
    }

    private static void recordAt(WebDriverWait wait, CanvassList list, long personId, String code, Map<String, String> answers) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.door[data-person='" + personId + "']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=code][value=" + code + "]"))).click();
        // Questions appear as the branching reaches them: answer in order.
        answers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(a ->
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=" + a.getKey() + "][value='" + a.getValue() + "']"))).click());
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.urlContains("#list/" + list.id()));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("doors")));
    }

    private static void network(boolean online) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private static List<Record> results(User user) {
        return fixture.db.dsl().select(DSL.field("idempotency_key"), DSL.field("person_id"), DSL.field("outcome"))
                .from(DSL.table("canvass_result")).where(DSL.field("user_id").eq(user.id())).fetch().stream().map(r -> (Record) r).toList();
    }
}
