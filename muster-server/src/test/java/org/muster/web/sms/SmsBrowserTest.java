package org.muster.web.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.muster.account.Role;
import org.muster.account.User;
import org.muster.web.BrowserSession;
import org.muster.web.ServerFixture;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Composing a text in headless Chromium: the counts and the GSM-7/UCS-2 length follow the typing (htmx), then send. */
class SmsBrowserTest {

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
    void composeShowsLiveCountsAndLengthThenSends() {
        String tag = SmsPagesTest.crowd(fixture);
        User organiser = fixture.user(Role.ORGANISER);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        session.logInAndOpen(organiser, "/sms", wait);

        browser.findElement(By.name("name")).sendKeys("Browser send");
        browser.findElement(By.name("filter")).sendKeys("tag(" + tag + ")");
        browser.findElement(By.name("body")).sendKeys("Hi {{first_name}}, see you Saturday");
        wait.until(ExpectedConditions.textToBe(By.id("sms-send-count"), "2"));
        assertThat(browser.findElement(By.id("sms-segment-count")).getText()).isEqualTo("5");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sms-length"), "GSM-7, 1 segment"));
        browser.findElement(By.name("body")).sendKeys(" ☺");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sms-length"), "UCS-2"));

        browser.findElement(By.cssSelector("form[action='/sms/jobs'] button[type='submit']")).click();
        wait.until(ExpectedConditions.urlContains("/sms/jobs/"));
        assertThat(browser.findElement(By.id("sms-status")).getText()).isEqualTo("running");
        assertThat(browser.findElement(By.id("sms-covered")).getText()).isEqualTo("1");
    }
}
