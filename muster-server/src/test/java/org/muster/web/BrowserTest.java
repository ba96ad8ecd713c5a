package org.muster.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.muster.account.Role;
import org.muster.account.User;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The real thing in headless Chromium ({@link Chromium}): login, search as you type (htmx), open the profile, count a segment as you type. */
class BrowserTest {

    @RegisterExtension
    static final BrowserSession session = new BrowserSession(1280, 1300);
    private static ServerFixture fixture;
    private static WebDriver browser;

    @BeforeAll
    static void bind() {
        fixture = session.fixture();
        browser = session.browser();
    }

    @Test
    void logInSearchAsYouTypeAndOpenAProfile() throws IOException {
        long id = fixture.insert(fixture.campaign.id(), ServerFixture.ada("Ada"));
        fixture.insert(fixture.campaign.id(), ServerFixture.named("Charles", "Babbage"));
        fixture.db.people().addActivity(id, "canvass", "Door knock: strong supporter, wants a yard sign",
                "Sam Canvasser");
        fixture.db.people().addActivity(id, "import", "Imported from the Wake County voter file", "system");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        logInAndOpen("/people", wait);

        browser.findElement(By.name("q")).sendKeys("lovelace");
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#results a[href='/people/" + id + "']")));
        assertThat(browser.findElement(By.id("results")).getText()).doesNotContain("Babbage");
        assertThat(browser.getCurrentUrl()).as("htmx kept the URL in step").endsWith("/people?q=lovelace");
        link.click();

        WebElement votes = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("votes")));
        assertThat(votes.getText()).contains("GENERAL 2024", "PRIMARY 2024");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("yard sign");
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve("profile.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void segmentCountUpdatesAsTheFilterIsTyped() {
        for (String first : List.of("Una", "Vic")) {
            fixture.insert(fixture.campaign.id(), new NewPerson(first, null, "Browserson", null, null, 1970, null, "DEM", 1,
                    ContactCategory.PROSPECT, "test", null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of("browser-seg")));
        }
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        logInAndOpen("/segments", wait);

        WebElement filter = browser.findElement(By.id("filter"));
        filter.sendKeys("tag(browser-seg)");
        wait.until(ExpectedConditions.textToBe(By.id("segment-count"), "2"));
        filter.sendKeys(" and");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("segment-error"), "At column 21"));
        filter.sendKeys(" birth_year > 1970");
        wait.until(ExpectedConditions.textToBe(By.id("segment-count"), "0"));
        filter.sendKeys(Keys.chord(Keys.CONTROL, "a"), "tag(browser-seg) and not donated() and not attended(any) and score(turnout) < 0.5 or tag(browser-seg)");
        wait.until(ExpectedConditions.textToBe(By.id("segment-count"), "2"));

        browser.findElement(By.cssSelector(".segment-splits button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("split-groups"), "control"));
        assertThat(browser.findElement(By.id("split-groups")).getText()).contains("split(1, 90%, 100%)");
    }

    @Test
    void mapDrawsThePrecinctShapesWithALegendAndHoverDetails() throws IOException {
        String json = "{\"type\":\"FeatureCollection\",\"features\":[" + square("BR-1", -78.70) + "," + square("BR-2", -78.60)
                + "," + square("BR-3", -78.50) + "]}";
        new org.muster.store.JooqPrecinctShapeStore(fixture.db).upsert(fixture.campaign.id(), org.muster.geo.GeoJsonShapes.read(
                new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null), "test");
        fixture.insert(fixture.campaign.id(), new NewPerson("Mia", null, "Mapper", null, null, 1970, null, "DEM", 1,
                ContactCategory.PROSPECT, "test", "1 MAP ST|27601", List.of(), List.of(),
                List.of(new org.muster.people.PostalAddress("home", "1 MAP ST", null, "RALEIGH", "NC", "27601", "US", 35.75, -78.65)),
                List.of(new org.muster.people.Registration("NC", "BR-mia", null, "WAKE", "A", null, null, "DEM", "BR-1", null, null,
                        null, null, null)), List.of(), List.of("browser-map")));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        logInAndOpen("/maps", wait);

        wait.until(ExpectedConditions.attributeToBe(By.id("map"), "data-shapes", "3"));
        List<WebElement> paths = browser.findElements(By.cssSelector("#map .leaflet-overlay-pane path.leaflet-interactive"));
        assertThat(paths).hasSize(3);
        assertThat(browser.findElement(By.id("map-legend")).getText()).contains("Share of people in the segment", "no one");

        browser.findElement(By.id("map-filter")).sendKeys("tag(browser-map)");
        browser.findElement(By.id("map-points")).click();
        browser.findElement(By.cssSelector("#map-controls button")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("map"), "data-points", "1"));
        assertThat(browser.findElement(By.id("map-status")).getText()).contains("3 precincts", "1 addresses");

        // The second draw replaced the shapes: hover one of the new ones.
        WebElement shape = browser.findElements(By.cssSelector("#map .leaflet-overlay-pane path.leaflet-interactive")).getFirst();
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(shape).perform();
        WebElement tip = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-tooltip")));
        assertThat(tip.getText()).contains("Square BR-");
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve("map.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aCutShowsItsTurfsRoutesOnTheMap() {
        for (int h = 0; h < 9; h++) {
            String line = (100 + 2 * h) + " ROUTE ST";
            fixture.insert(fixture.campaign.id(), new NewPerson("Wendy" + h, null, "Walker", null, null, 1970, null, "DEM", 2,
                    ContactCategory.PROSPECT, "test", line + "|27601", List.of(), List.of(),
                    List.of(new org.muster.people.PostalAddress("home", line, null, "RALEIGH", "NC", "27601", "US", 35.78,
                            -78.64 + h * 0.0003)), List.of(), List.of(), List.of("browser-turf")));
        }
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        logInAndOpen("/turfs", wait);
        browser.findElement(By.id("turf-name")).sendKeys("Route street");
        browser.findElement(By.id("turf-filter")).sendKeys("tag(browser-turf)");
        WebElement target = browser.findElement(By.id("turf-target"));
        target.clear();
        target.sendKeys("3");
        browser.findElement(By.cssSelector("form.turf-form button")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("map"), "data-turfs", "3"));
        assertThat(browser.findElement(By.id("turf-count")).getText()).isEqualTo("3");
        assertThat(browser.findElements(By.cssSelector("#map .leaflet-overlay-pane path.leaflet-interactive")))
                .hasSize(3 + 9);  // a route line per turf and a marker per door
    }

    private static String square(String code, double west) {
        double east = west + 0.1;
        return "{\"type\":\"Feature\",\"properties\":{\"precinct\":\"" + code + "\",\"name\":\"Square " + code
                + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + west + ",35.7],[" + east + ",35.7],["
                + east + ",35.8],[" + west + ",35.8],[" + west + ",35.7]]]}}";
    }

    @Test
    void reviewAPairMergeItAndUndoTheMerge() throws IOException {
        long kept = fixture.insert(fixture.campaign.id(), ServerFixture.named("Ottilie", "Brambleworth"));
        long other = fixture.insert(fixture.campaign.id(), ServerFixture.named("Ottilie", "Bramblewort"));
        long review = new org.muster.store.JooqMatchStore(fixture.db).propose(fixture.campaign.id(), kept, other,
                new org.muster.match.Explanation(Long.toString(kept), Long.toString(other), -13.3, List.of(
                        new org.muster.match.Explanation.FieldEvidence("last", "jaro-winkler >= 0.94 or 1 edit", 4, 9.1, 0)),
                        -4.2, 0.052), "test").orElseThrow();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        logInAndOpen("/duplicates", wait);

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a[href='/duplicates/" + review + "']"))).click();
        WebElement evidence = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("evidence")));
        assertThat(evidence.getText()).contains("jaro-winkler", "+9.1");
        assertThat(browser.findElement(By.id("left")).getText()).containsIgnoringCase("Brambleworth");
        assertThat(browser.findElement(By.id("right")).getText()).containsIgnoringCase("Bramblewort");
        Path screenshots = Path.of("target", "screenshots");
        Files.createDirectories(screenshots);
        Files.copy(((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve("duplicate-pair.png"),
                StandardCopyOption.REPLACE_EXISTING);
        browser.findElement(By.id("merge")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(fixture.db.people().profile(fixture.campaign.id(), other)).isEmpty();

        browser.get(fixture.server.baseUrl() + "/duplicates/merges");
        browser.findElement(By.cssSelector("#merges button.undo")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "Merge undone"));
        assertThat(fixture.db.people().profile(fixture.campaign.id(), other)).isPresent();
    }

    /** Logs in as an organiser on the way to {@code path} (the login page sends the browser back there). */
    private static void logInAndOpen(String path, WebDriverWait wait) {
        session.logInAndOpen(fixture.user(Role.ORGANISER), path, wait);
    }
}
