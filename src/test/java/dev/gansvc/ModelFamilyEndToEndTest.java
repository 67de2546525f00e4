package dev.gansvc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobStatus;
import dev.gansvc.support.Api;
import dev.gansvc.support.Jobs;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Models beyond the GAN through the HTTP API: their own loss series, their quality figures and
 * networks, and class-conditional sampling.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:family;DB_CLOSE_DELAY=-1")
class ModelFamilyEndToEndTest {

    @Autowired
    JobRepository jobs;

    Api api;

    @BeforeEach
    void connect(@LocalServerPort int port, @Autowired JsonMapper json) {
        api = new Api(port, json);
    }

    @Test
    void vaeRecordsItsOwnLossesAndHeldOutScore() throws Exception {
        JsonNode job = finished("""
                {"model": "vae", "dataset": "mnist-small", "epochs": 2, "batchSize": 64, "seed": 4}""");
        assertThat(job.at("/spec/variant").isNull()).isTrue();
        assertThat(job.at("/quality/heldOut/examples").asInt()).isEqualTo(64);
        assertThat(job.at("/quality/heldOut/negativeElbo").asDouble()).isPositive();
        assertThat(job.at("/quality/mmd/samples").asInt()).isEqualTo(64);
        assertThat(job.at("/quality/modeCoverage").isMissingNode()).isTrue();

        JsonNode losses = api.getJson("/jobs/" + job.get("id").asLong() + "/losses");
        assertThat(losses.get("series")).extracting(JsonNode::asString)
                .containsExactly("loss", "reconstruction", "kl", "validationLoss");
        JsonNode points = losses.get("points");
        assertThat(points).hasSize(2 * (576 / 64));
        assertThat(points.get(0).get("validationLoss").isNull()).as("measured at epoch ends only").isTrue();
        assertThat(points.get(8).get("validationLoss").asDouble()).as("end of epoch 1").isPositive();
        assertThat(points.get(17).get("validationLoss").asDouble())
                .isEqualTo(job.at("/quality/heldOut/negativeElbo").asDouble());
        HttpResponse<String> csv = api.get("/jobs/" + job.get("id").asLong() + "/losses", "text/csv");
        assertThat(csv.body().lines().findFirst()).hasValue("iteration,epoch,loss,reconstruction,kl,validationLoss");
        assertThat(csv.body().lines().skip(1).findFirst().orElseThrow()).endsWith(",");

        JsonNode model = api.getJson("/models/" + job.get("modelId").asLong());
        assertThat(model.get("parameters").propertyNames()).containsExactly("encoder", "generator");
        BufferedImage chart = Api.decodePng(api.getPng("/jobs/" + job.get("id").asLong() + "/losses.png"));
        assertThat(chart.getWidth()).isEqualTo(800);
        BufferedImage samples = Api.decodePng(api.getPng("/models/" + job.get("modelId").asLong() + "/sample.png?count=4&seed=1"));
        assertThat(samples.getWidth()).isEqualTo(2 * 30 + 2);
    }

    @Test
    void conditionalGanGeneratesTheClassAskedFor() throws Exception {
        JsonNode job = finished("""
                {"model": "cgan", "dataset": "ring8", "epochs": 1, "seed": 5, "generatorAverage": 0}""");
        long modelId = job.get("modelId").asLong();
        assertThat(api.getJson("/models/" + modelId).get("classCount").asInt()).isEqualTo(8);

        JsonNode samples = api.getJson("/models/" + modelId + "/samples?count=100&seed=2&label=2");
        int nearMode2 = 0;
        for (JsonNode row : samples.get("samples")) {
            // Mode 2 of the ring is at (0, 1).
            nearMode2 += Math.hypot(row.get(0).asDouble(), row.get(1).asDouble() - 1) < 0.5 ? 1 : 0;
        }
        assertThat(nearMode2).isGreaterThan(60);
        assertThat(api.getPng("/models/" + modelId + "/sample.png?label=7")).isNotEmpty();

        HttpResponse<String> outOfRange = api.get("/models/" + modelId + "/samples?label=8", "application/json");
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("must be between 0 and 7");
    }

    private JsonNode finished(String request) throws Exception {
        HttpResponse<String> submitted = api.postJson("/jobs", request);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long id = api.readJson(submitted.body()).get("id").asLong();
        Jobs.awaitStatus(jobs, id, JobStatus.SUCCEEDED, Duration.ofMinutes(5));
        return api.getJson("/jobs/" + id);
    }
}
