package org.muster.web;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.muster.account.User;
import org.muster.store.TestDatabases;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A server on a fresh SQLite database and one headless {@link Chromium} window, shared by the tests of a class:
 * register it as a {@code static} field with {@code @RegisterExtension}.
 */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback {

    private final int width;
    private final int height;
    private ServerFixture fixture;
    private Chromium chromium;

    public BrowserSession(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        fixture = new ServerFixture(TestDatabases.sqlite());
        chromium = new Chromium(width, height);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (chromium != null) chromium.close();
        if (fixture != null) fixture.stop();
    }

    public ServerFixture fixture() {
        return fixture;
    }

    public ChromeDriver browser() {
        return chromium.browser;
    }

    /**
     * Logs {@code user} in (the login page sends the browser back to {@code path}) after clearing the previous
     * user's session. Cookies are deleted for the current page's site only, hence the visit to /health first.
     */
    public void logInAndOpen(User user, String path, WebDriverWait wait) {
        ChromeDriver browser = chromium.browser;
        browser.get(fixture.server.baseUrl() + "/health");
        browser.manage().deleteAllCookies();
        browser.get(fixture.server.baseUrl() + path);
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.name("email")).sendKeys(user.email());
        browser.findElement(By.name("password")).sendKeys(ServerFixture.PASSWORD);
        browser.findElement(By.cssSelector("form[action='/login'] button")).click();
        try {
            wait.until(ExpectedConditions.urlContains(path));
        } catch (TimeoutException e) {
            // Say what the login page said (wrong credentials, throttled, expired form) instead of only "timeout".
            throw new AssertionError("login as " + user.email() + " did not reach " + path + "; the page at "
                    + browser.getCurrentUrl() + " says: " + browser.findElement(By.tagName("main")).getText(), e);
        }
    }
}
