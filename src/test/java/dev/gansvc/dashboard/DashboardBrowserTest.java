package dev.gansvc.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gansvc.support.Api;
import dev.gansvc.support.HeadlessChromium;
import dev.gansvc.support.ServiceTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in a real browser ({@link HeadlessChromium}). A job submitted through the form
 * after a validation error shown beside its field, its loss chart growing over the event stream,
 * the epoch slider moved from the keyboard, the compare page for two jobs, a model's samples for
 * another seed, a dataset's preview, the jobs list at phone width. Screenshots go to
 * target/screenshots.
 */
@ServiceTest
class DashboardBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofMinutes(4);

    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(
                HeadlessChromium.installed(), "chromium and chromium-driver are not installed (.ci/run installs them)");
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aJobSubmittedInTheFormIsWatchedLiveAndCompared() throws Exception {
        open("/#/jobs/new");
        WebElement epochs = await(By.id("field-epochs"));
        new Select(browser.findElement(By.id("field-model"))).selectByValue("gan");
        new Select(browser.findElement(By.id("field-dataset"))).selectByValue("ring8");
        waitFor(() -> "80".equals(browser.findElement(By.id("field-epochs")).getDomProperty("value")));

        // A value out of range: the service's problem details beside the field.
        epochs = browser.findElement(By.id("field-epochs"));
        epochs.clear();
        epochs.sendKeys("0", Keys.ENTER);
        WebElement error = await(By.id("error-epochs"));
        waitFor(() -> !error.getText().isBlank());
        assertThat(error.getText()).contains("1");
        assertThat(browser.findElement(By.id("field-epochs")).getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        screenshot("new-job-error");

        // Fixed, and sent from the keyboard: the job page opens and its chart grows over the stream.
        epochs = browser.findElement(By.id("field-epochs"));
        epochs.clear();
        epochs.sendKeys("2");
        WebElement qualityEvery = browser.findElement(By.id("field-qualityEvery"));
        qualityEvery.clear();
        qualityEvery.sendKeys("1");
        WebElement seed = browser.findElement(By.id("field-seed"));
        seed.sendKeys("21", Keys.ENTER);
        waitFor(() -> browser.getCurrentUrl().matches(".*#/jobs/\\d+$"));
        long first = Long.parseLong(browser.getCurrentUrl().replaceAll(".*#/jobs/", ""));
        int early = waitForPoints(1);
        waitFor(() -> points() > early);
        waitFor(() -> browser.findElement(By.cssSelector(".status")).getText().equals("SUCCEEDED"));
        waitFor(() ->
                !browser.findElements(By.cssSelector("#quality-chart canvas")).isEmpty());
        screenshot("job");

        // Two grids; the slider moved back from the keyboard shows the first.
        WebElement slider = browser.findElement(By.id("epoch-slider"));
        waitFor(() -> "1".equals(slider.getDomAttribute("max")));
        String last = browser.findElement(By.id("epoch-grid")).getDomAttribute("src");
        slider.sendKeys(Keys.ARROW_LEFT);
        waitFor(() -> browser.findElement(By.id("epoch-label")).getText().startsWith("epoch 1 of 2"));
        waitFor(() -> !last.equals(browser.findElement(By.id("epoch-grid")).getDomAttribute("src")));

        // Compare it with a second job.
        Api api = new Api(port, json);
        long second = api.readJson(api.postJson("/jobs", """
                                {"model": "gan", "dataset": "ring8", "epochs": 2, "seed": 22, "learningRate": 0.001}""").body()).get("id").asLong();
        open("/#/compare?jobs=" + first + "," + second);
        waitFor(() ->
                browser.findElements(By.cssSelector("#compare-chart canvas")).size() > 0);
        waitFor(() -> browser.findElements(By.cssSelector(".pictures img[src^='blob:']"))
                        .size()
                == 2);
        assertThat(browser.findElements(By.cssSelector("tr.differs")))
                .extracting(WebElement::getText)
                .anySatisfy(row -> assertThat(row).startsWith("learningRate"));
        screenshot("compare");

        // The first job's model: samples, drawn again for another seed.
        long modelId = api.getJson("/jobs/" + first).get("modelId").asLong();
        open("/#/models/" + modelId);
        waitFor(() -> source("sample-picture").startsWith("blob:"));
        String seedOne = source("sample-picture");
        WebElement sampleSeed = browser.findElement(By.id("sample-seed"));
        sampleSeed.clear();
        sampleSeed.sendKeys("2", Keys.ENTER);
        waitFor(() -> !source("sample-picture").equals(seedOne));
        screenshot("model");

        // A dataset's preview.
        open("/#/datasets");
        await(By.cssSelector("button[aria-label='preview mnist']")).click();
        waitFor(() -> browser.findElements(By.cssSelector("#dataset-preview img[src^='blob:']"))
                        .size()
                == 1);
        screenshot("datasets");

        // The jobs list at phone width: nothing wider than the screen but the table, which scrolls.
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/#/jobs");
        waitFor(() ->
                browser.findElements(By.cssSelector("#jobs-table tr[data-job]")).size() >= 2);
        Long overflow = (Long) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0L);
        screenshot("jobs-phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private String source(String imageId) {
        String src = browser.findElement(By.id(imageId)).getDomAttribute("src");
        return src == null ? "" : src;
    }

    private int points() {
        String n = browser.findElement(By.cssSelector(".chart")).getDomAttribute("data-points");
        return n == null ? 0 : Integer.parseInt(n);
    }

    private int waitForPoints(int atLeast) {
        waitFor(() -> points() >= atLeast);
        return points();
    }

    private WebElement await(By by) {
        return new WebDriverWait(browser, WAIT).until(d -> d.findElement(by));
    }

    private void waitFor(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, WAIT).ignoring(RuntimeException.class).until(d -> condition.getAsBoolean());
    }

    private void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
