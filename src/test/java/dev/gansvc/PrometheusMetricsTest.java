package dev.gansvc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobStatus;
import dev.gansvc.support.Api;
import dev.gansvc.support.Jobs;
import dev.gansvc.support.ServiceTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** /actuator/prometheus after real work: a job trained, samples drawn, a dataset uploaded. */
@ServiceTest
class PrometheusMetricsTest {

    @Autowired
    JobRepository jobs;

    Api api;

    @BeforeEach
    void connect(@LocalServerPort int port, @Autowired JsonMapper json) {
        api = new Api(port, json);
    }

    @Test
    void theServiceReportsItsJobsTrainingSamplingUploadsAndNativeMemory() throws Exception {
        double uploadedBefore = value(scrape(), "gan_uploads_received_bytes_total", "");
        // Other test classes may have trained a gan on this service before; its series appears with a first run.
        double stepsBefore = sum(scrape(), "gan_training_steps_total", "model=\"gan\"", false);

        HttpResponse<String> submitted = api.postJson("/jobs", """
                {"model": "gan", "dataset": "ring8", "epochs": 1, "batchSize": 512, "seed": 5}""");
        long id = api.readJson(submitted.body()).get("id").asLong();
        long steps = Jobs.awaitStatus(jobs, id, JobStatus.SUCCEEDED, Duration.ofMinutes(5))
                .getTotalIterations();
        long modelId = api.getJson("/jobs/" + id).get("modelId").asLong();
        api.getPng("/models/" + modelId + "/sample.png?count=16&seed=1");
        byte[] csv = "x,y\n1,2\n3,4\n5,6\n7,8\n".getBytes(StandardCharsets.UTF_8);
        assertThat(api.post("/datasets?name=metrics-rows", "text/csv", csv).statusCode())
                .isEqualTo(201);

        String metrics = scrape();
        assertThat(value(metrics, "gan_jobs", "status=\"succeeded\"")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("gan_jobs{status=\"queued\"}").contains("gan_jobs_queue_oldest_seconds");
        assertThat(value(metrics, "gan_training_steps_total", "model=\"gan\"") - stepsBefore)
                .as("every step of the job, counted once")
                .isEqualTo(steps);
        assertThat(value(metrics, "gan_training_examples_total", "model=\"gan\""))
                .isGreaterThanOrEqualTo(steps * 512);
        assertThat(value(metrics, "gan_training_step_seconds_count", "model=\"gan\""))
                .as("each step timed but the run's first")
                .isGreaterThanOrEqualTo(steps - 1);
        assertThat(metrics).containsPattern("gan_worker_jobs\\{device=\"cpu\",worker=\"[^\"]+/worker-0\"\\} [01]");
        assertThat(value(metrics, "gan_nd4j_memory_bytes", "")).isPositive();
        assertThat(value(metrics, "gan_uploads_received_bytes_total", "") - uploadedBefore)
                .isGreaterThanOrEqualTo(csv.length);
        assertThat(metrics)
                .as("latency buckets for the sample picture")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/models/\\{id\\}/sample.png\"");
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = api.get("/actuator/prometheus", "text/plain");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The sum of a metric's series whose labels contain {@code labels}; there must be one. */
    private static double value(String metrics, String name, String labels) {
        return sum(metrics, name, labels, true);
    }

    private static double sum(String metrics, String name, String labels, boolean required) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(metrics);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            if (m.group(1) == null ? labels.isEmpty() : m.group(1).contains(labels)) {
                sum += Double.parseDouble(m.group(2));
                found = true;
            }
        }
        assertThat(found || !required)
                .as(name + " with " + labels + " in\n" + metrics)
                .isTrue();
        return sum;
    }
}
