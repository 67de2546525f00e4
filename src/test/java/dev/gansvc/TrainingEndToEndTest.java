package dev.gansvc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobStatus;
import dev.gansvc.support.Api;
import dev.gansvc.support.Jobs;
import dev.gansvc.support.ServiceTest;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real DCGAN job over HTTP, from POST /jobs to a decoded sample.png. */
@ServiceTest
class TrainingEndToEndTest {

    @Autowired
    JobRepository jobs;

    Api api;

    @BeforeEach
    void connect(@LocalServerPort int port, @Autowired JsonMapper json) {
        api = new Api(port, json);
    }

    @Test
    void trainsADcganAndServesSamples() throws Exception {
        HttpResponse<String> submitted = api.postJson("/jobs", """
                {"model": "dcgan", "dataset": "mnist", "epochs": 1, "batchSize": 128, "seed": 7}""");
        assertThat(submitted.statusCode()).isEqualTo(202);
        JsonNode job = api.readJson(submitted.body());
        long id = job.get("id").asLong();
        assertThat(submitted.headers().firstValue("Location")).hasValue("/jobs/" + id);
        assertThat(job.get("status").asString()).isIn("QUEUED", "RUNNING");
        assertThat(job.at("/spec/latentDim").asInt()).isEqualTo(100);
        // A tenth of the digits (1,000) is held out for the quality figures.
        assertThat(job.at("/progress/totalIterations").asLong()).isEqualTo(9_000 / 128);

        Jobs.awaitStatus(jobs, id, JobStatus.SUCCEEDED, Duration.ofMinutes(5));
        job = api.getJson("/jobs/" + id);
        assertThat(job.at("/progress/iteration").asLong()).isEqualTo(70);
        assertThat(job.at("/quality/mmd/samples").asInt()).isEqualTo(1000);
        assertThat(job.at("/quality/mmd/mmd2").asDouble()).isPositive();
        assertThat(job.at("/quality/digits/classifierAccuracy").asDouble()).isGreaterThan(0.95);
        assertThat(job.at("/quality/digits/samples").asInt()).isEqualTo(1000);
        assertThat(job.at("/quality/digits/samplesPerDigit")).hasSize(10);
        assertThat(job.at("/quality/digits/classesCovered").asInt())
                .as("one epoch already makes several digits")
                .isGreaterThanOrEqualTo(3);
        assertThat(job.at("/progress/percent").asDouble()).isEqualTo(100.0);
        assertThat(job.get("finishedAt").isNull()).isFalse();
        long modelId = job.get("modelId").asLong();

        JsonNode losses = api.getJson("/jobs/" + id + "/losses");
        assertThat(losses.get("points")).hasSize(70);
        assertThat(losses.get("series"))
                .extracting(JsonNode::asString)
                .containsExactly("dLoss", "gLoss", "dReal", "dFake");
        JsonNode first = losses.get("points").get(0);
        assertThat(first.get("iteration").asLong()).isEqualTo(1);
        for (String field : new String[] {"dLoss", "gLoss", "dReal", "dFake"}) {
            assertThat(Double.isFinite(first.get(field).asDouble())).as(field).isTrue();
        }
        JsonNode fewer = api.getJson("/jobs/" + id + "/losses?maxPoints=10&from=5&to=60");
        assertThat(fewer.get("recorded").asLong()).isEqualTo(56);
        assertThat(fewer.get("points")).hasSize(10);
        assertThat(fewer.get("points").get(0).get("iteration").asLong()).isEqualTo(5);
        assertThat(fewer.get("points").get(9).get("iteration").asLong()).isEqualTo(60);
        HttpResponse<String> csv = api.get("/jobs/" + id + "/losses", "text/csv");
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body().lines()).hasSize(71).first().isEqualTo("iteration,epoch,dLoss,gLoss,dReal,dFake");

        JsonNode snapshots = api.getJson("/jobs/" + id + "/snapshots");
        assertThat(snapshots.get("snapshots")).hasSize(1);
        BufferedImage grid =
                Api.decodePng(api.getPng(snapshots.at("/snapshots/0/url").asString()));
        assertThat(grid.getWidth()).isEqualTo(8 * 30 + 2);

        JsonNode model = api.getJson("/models/" + modelId);
        // The dcgan28 benchmark's 778,305 and 138,817, wider by the 50 clusters at G's input and D's output.
        assertThat(model.at("/parameters/generator").asLong()).isEqualTo(778_305 + 50 * 6272);
        assertThat(model.at("/parameters/discriminator").asLong()).isEqualTo(138_817 + 49 * (6272 + 1));
        assertThat(model.get("jobId").asLong()).isEqualTo(id);

        byte[] sample = api.getPng("/models/" + modelId + "/sample.png?count=16&seed=3");
        BufferedImage image = Api.decodePng(sample);
        assertThat(image.getWidth()).isEqualTo(4 * 30 + 2);
        assertThat(image.getHeight()).isEqualTo(4 * 30 + 2);
        assertThat(api.getPng("/models/" + modelId + "/sample.png?count=16&seed=3"))
                .isEqualTo(sample);
        assertThat(api.getPng("/models/" + modelId + "/sample.png?count=16&seed=4"))
                .isNotEqualTo(sample);

        HttpResponse<byte[]> artifact = api.getBytes("/models/" + modelId + "/artifact");
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(artifact.body()));
        assertThat(sha).isEqualTo(model.get("artifactSha256").asString());
        assertThat((long) artifact.body().length)
                .isEqualTo(model.get("artifactSizeBytes").asLong());
    }
}
