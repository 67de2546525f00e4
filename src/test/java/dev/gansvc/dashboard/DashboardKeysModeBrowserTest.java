package dev.gansvc.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gansvc.support.HeadlessChromium;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in keys mode: its page and code load without a key, the first API call's 401
 * asks for one, and once entered (kept for the browser session) the pages read with it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:dashboard-keys;DB_CLOSE_DELAY=-1",
            "gan.workers.enabled=false",
            "gan.security.mode=keys",
            "gan.security.admin-key=" + DashboardKeysModeBrowserTest.ADMIN
        })
class DashboardKeysModeBrowserTest {

    static final String ADMIN = "dashboard-admin-key-0123456789abcdef";

    @LocalServerPort
    int port;

    @Test
    void theKeyIsAskedForOnceAndSentWithEveryCall() throws IOException {
        assumeTrue(
                HeadlessChromium.installed(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            ChromeDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(1));
            browser.get("http://localhost:" + port + "/#/datasets");
            wait.until(d -> d.findElement(By.id("key-form")).isDisplayed());
            assertThat(browser.findElements(By.cssSelector("button[aria-label='preview mnist']")))
                    .isEmpty();

            browser.findElement(By.id("key-input")).sendKeys(ADMIN, Keys.ENTER);
            wait.until(d -> !d.findElements(By.cssSelector("button[aria-label='preview mnist']"))
                    .isEmpty());
            assertThat(browser.findElement(By.id("key-form")).isDisplayed()).isFalse();

            // Another page of the same session needs no key again.
            browser.get("http://localhost:" + port + "/#/jobs/new");
            wait.until(d -> !d.findElements(By.id("field-epochs")).isEmpty());
            assertThat(browser.findElement(By.id("key-form")).isDisplayed()).isFalse();
        }
    }
}
