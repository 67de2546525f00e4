package dev.gansvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gansvc.jobs.JobRepository;
import dev.gansvc.support.Api;
import dev.gansvc.support.Jobs;
import dev.gansvc.support.ServiceTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /jobs} with {@code from}: a job that starts where a trained model stopped. */
@ServiceTest
class ContinuedTrainingEndToEndTest {

    @Autowired
    JobRepository jobs;

    Api api;

    @BeforeEach
    void connect(@LocalServerPort int port, @Autowired JsonMapper json) {
        api = new Api(port, json);
    }

    @Test
    void continuesFromTheParentsWeightsAndStepsAndRecordsIt() throws Exception {
        JsonNode parentJob = finished("""
                {"model": "gan", "dataset": "ring8", "epochs": 1, "seed": 3, "generatorAverage": 0}""");
        long parent = parentJob.get("modelId").asLong();
        long parentSteps = parentJob.at("/progress/totalIterations").asLong();

        // A learning rate too small to move the weights, and no average to move towards them: the
        // samples stay the parent's, where a fresh generator's would be anywhere.
        JsonNode child = finished("""
                {"from": {"model": %d}, "epochs": 1, "learningRate": 1e-9, "generatorAverage": 0}""".formatted(parent));
        assertThat(child.at("/spec/model").asString()).isEqualTo("gan");
        assertThat(child.at("/spec/dataset").asString()).isEqualTo("ring8");
        assertThat(child.at("/spec/from/model").asLong()).isEqualTo(parent);
        assertThat(child.at("/spec/from/iteration").asLong()).isEqualTo(parentSteps);
        assertThat(child.at("/progress/totalIterations").asLong()).isEqualTo(2 * parentSteps);
        assertThat(child.at("/progress/percent").asDouble()).isEqualTo(100.0);
        JsonNode points = api.getJson("/jobs/" + child.get("id").asLong() + "/losses?maxPoints=all")
                .get("points");
        assertThat(points.get(0).get("iteration").asLong())
                .as("the losses continue from the parent's last step")
                .isEqualTo(parentSteps + 1);
        assertThat(points.get(points.size() - 1).get("iteration").asLong()).isEqualTo(2 * parentSteps);
        long childModel = child.get("modelId").asLong();
        assertThat(api.getJson("/models/" + childModel).get("iterations").asLong())
                .isEqualTo(2 * parentSteps);

        JsonNode before = api.getJson("/models/" + parent + "/samples?count=20&seed=5&filtered=false")
                .get("samples");
        JsonNode after = api.getJson("/models/" + childModel + "/samples?count=20&seed=5&filtered=false")
                .get("samples");
        for (int i = 0; i < 20; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(after.get(i).get(j).asDouble())
                        .as("sample %d, coordinate %d", i, j)
                        .isCloseTo(before.get(i).get(j).asDouble(), within(0.05));
            }
        }

        JsonNode otherMixture = finished("""
                {"from": {"model": %d}, "dataset": "grid25", "epochs": 1}""".formatted(parent));
        assertThat(otherMixture.at("/spec/dataset").asString())
                .as("another dataset of the same shape")
                .isEqualTo("grid25");
        assertThat(otherMixture.at("/spec/from/model").asLong()).isEqualTo(parent);

        HttpResponse<String> otherShape = api.postJson("/jobs", """
                {"from": {"model": %d}, "latentDim": 8}""".formatted(parent));
        assertThat(otherShape.statusCode()).isEqualTo(422);
        assertThat(otherShape.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(otherShape.body())
                .contains("model " + parent + " has networks for examples of shape [2], 0 classes, latentDim 16")
                .contains("this job's would be for examples of shape [2], 0 classes, latentDim 8");
        HttpResponse<String> otherData = api.postJson("/jobs", """
                {"from": {"model": %d}, "dataset": "mnist-small"}""".formatted(parent));
        assertThat(otherData.statusCode()).isEqualTo(422);
        assertThat(otherData.body()).contains("examples of shape [1, 28, 28]");
        HttpResponse<String> otherFamily = api.postJson("/jobs", """
                {"from": {"model": %d}, "model": "wgan-gp"}""".formatted(parent));
        assertThat(otherFamily.statusCode()).isEqualTo(422);
        assertThat(otherFamily.body()).contains("is a gan; a job that continues it trains gan");
    }

    @Test
    void anUnknownOrMalformedParentIsNamed() throws Exception {
        HttpResponse<String> unknown = api.postJson("/jobs", """
                {"from": {"model": 987654}, "model": "gan", "dataset": "ring8"}""");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("model 987654 does not exist");
        HttpResponse<String> malformed = api.postJson("/jobs", """
                {"from": 5, "model": "gan", "dataset": "ring8"}""");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("the trained model to continue (was 5)");
    }

    private JsonNode finished(String request) throws Exception {
        return Jobs.finished(api, jobs, request);
    }
}
