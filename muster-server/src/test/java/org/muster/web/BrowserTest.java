package org.muster.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The real thing in headless Chromium ({@link Chromium}): login, search as you type (htmx), open the profile, count a segment as you type. */
class BrowserTest {

    private static ServerFixture fixture;
    private static Chromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void start() {
        fixture = new ServerFixture(TestDatabases.sqlite());
        chromium = new Chromium(1280, 1300);
        browser = chromium.browser;
    }

    @AfterAll
    static void stop() throws IOException {
        if (chromium != null) chromium.close();
        if (fixture != null) fixture.stop();
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
