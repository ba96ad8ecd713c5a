package org.muster.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.muster.account.Role;
import org.muster.account.User;
import org.muster.people.ContactCategory;
import org.muster.people.NewPerson;
import org.muster.store.TestDatabases;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real thing in headless Chromium: login, search as you type (htmx), open the profile, count a segment as you type. Fails, never skips,
 * when Chromium is missing: CI installs it, and a silent skip would hide a broken UI.
 */
class BrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private static ServerFixture fixture;
    private static WebDriver browser;
    private static Path profileDir;

    @BeforeAll
    static void start() throws IOException {
        assertThat(CHROMIUM.canExecute()).as("Chromium is needed at %s for this test: "
                + "apt-get install chromium chromium-driver", CHROMIUM).isTrue();
        assertThat(CHROMEDRIVER.canExecute()).as("chromedriver is needed at %s for this test: "
                + "apt-get install chromium-driver", CHROMEDRIVER).isTrue();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.getPath());
        profileDir = Files.createTempDirectory("muster-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profileDir);
        // An explicit driver executable keeps Selenium Manager from trying to download one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        fixture = new ServerFixture(TestDatabases.sqlite());
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1300));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) browser.quit();
        if (fixture != null) fixture.stop();
        if (profileDir != null) {
            try (var files = Files.walk(profileDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
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
        User organiser = fixture.user(Role.ORGANISER);
        browser.manage().deleteAllCookies();
        browser.get(fixture.server.baseUrl() + path);
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.name("email")).sendKeys(organiser.email());
        browser.findElement(By.name("password")).sendKeys(ServerFixture.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button")).click();
        wait.until(ExpectedConditions.urlContains(path));
    }
}
