package org.muster.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium under selenium, with a throw-away profile. Fails, never skips, when Chromium is
 * missing: CI installs it, and a silent skip would hide a broken UI.
 */
public final class Chromium implements AutoCloseable {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    public final ChromeDriver browser;
    private final Path profileDir;

    public Chromium(int width, int height) {
        assertThat(CHROMIUM.canExecute()).as("Chromium is needed at %s for this test: "
                + "apt-get install chromium chromium-driver", CHROMIUM).isTrue();
        assertThat(CHROMEDRIVER.canExecute()).as("chromedriver is needed at %s for this test: "
                + "apt-get install chromium-driver", CHROMEDRIVER).isTrue();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.getPath());
        try {
            profileDir = Files.createTempDirectory("muster-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profileDir);
        // An explicit driver executable keeps Selenium Manager from trying to download one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(width, height));
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        try (var files = Files.walk(profileDir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
