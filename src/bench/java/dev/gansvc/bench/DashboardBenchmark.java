package dev.gansvc.bench;

import dev.gansvc.GanServiceApplication;
import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.jobs.JobService;
import dev.gansvc.jobs.LossPointRepository;
import dev.gansvc.support.HeadlessChromium;
import dev.gansvc.support.Requests;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long the job page of a long job takes to draw its chart: a job with {@code --points}
 * (100,000) recorded loss points, the page opened afresh in headless chromium {@code --loads}
 * times; prints the time from navigation to the first drawn chart (the page's
 * {@code chart-drawn} mark) and the points the chart holds.
 *
 * <pre>bench/dashboard [--points 100000] [--loads 5]</pre>
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {}

    public static void main(String[] args) throws Exception {
        int points = 100_000;
        int loads = 5;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--points" -> points = Integer.parseInt(args[i + 1]);
                case "--loads" -> loads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ConfigurableApplicationContext service = SpringApplication.run(
                GanServiceApplication.class,
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:dashboard;DB_CLOSE_DELAY=-1",
                "--gan.workers.enabled=false",
                "--logging.level.root=WARN");
        try (HeadlessChromium chromium = HeadlessChromium.start()) {
            ChromeDriver browser = chromium.driver();
            long id = longJob(service, points);
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            List<Double> millis = new ArrayList<>();
            String held = "";
            for (int load = 0; load < loads + 1; load++) { // the first load warms the server up
                browser.get("about:blank");
                browser.get("http://localhost:" + port + "/#/jobs/" + id);
                new WebDriverWait(browser, Duration.ofMinutes(1))
                        .until(d -> !((JavascriptExecutor) d)
                                .executeScript("return performance.getEntriesByName('chart-drawn')")
                                .toString()
                                .equals("[]"));
                double ms = ((Number) browser.executeScript(
                                "return performance.getEntriesByName('chart-drawn')[0].startTime"))
                        .doubleValue();
                held = browser.findElement(By.cssSelector(".chart")).getDomAttribute("data-points");
                if (load > 0) {
                    millis.add(ms);
                }
            }
            double[] sorted =
                    millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            HttpClient http = HttpClient.newHttpClient();
            List<Double> request = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/jobs/" + id + "/losses?to=" + points))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                request.add((System.nanoTime() - t0) / 1e6);
            }
            request.sort(null);
            System.out.printf(
                    Locale.ROOT,
                    "job with %d loss points: chart drawn %.0f ms after navigation (median of %d loads; %s), "
                            + "%s points in the chart; GET /jobs/{id}/losses (2,000 of them) alone %.0f ms (median of 5)%n",
                    points,
                    sorted[sorted.length / 2],
                    sorted.length,
                    Arrays.toString(Arrays.stream(sorted).mapToLong(Math::round).toArray()),
                    held,
                    request.get(2));
        } finally {
            service.close();
        }
    }

    /** A finished job with {@code count} loss points, as a long run leaves it. */
    private static long longJob(ConfigurableApplicationContext service, int count) {
        long id = service.getBean(JobService.class)
                .submit(Requests.of("gan", "ring8", 1, 128, 16, 1L))
                .id();
        List<LossPoint> points = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            double t = i / 1000.0;
            points.add(new LossPoint(i, 1 + i / 500, new double[] {
                1.3 + 0.2 * Math.sin(t), 0.7 + 0.3 * Math.cos(t / 3), 0.5 + 0.1 * Math.sin(t / 7), 0.45
            }));
        }
        service.getBean(LossPointRepository.class).insertAll(id, points);
        service.getBean(JdbcTemplate.class)
                .update(
                        "UPDATE jobs SET status = 'CANCELLED', iteration = ?, total_iterations = ?, epoch = ? WHERE id = ?",
                        count,
                        count,
                        count / 500,
                        id);
        return id;
    }
}
