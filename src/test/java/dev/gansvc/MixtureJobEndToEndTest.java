package dev.gansvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gansvc.engine.data.GaussianMixture;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.ModelArtifact;
import dev.gansvc.engine.nn.Workspaces;
import dev.gansvc.engine.quality.ModeCoverage;
import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobStatus;
import dev.gansvc.support.Api;
import dev.gansvc.support.Jobs;
import dev.gansvc.support.ServiceTest;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fully connected GAN on the ring of 8 Gaussians over HTTP: the job's stored mode coverage,
 * the raw samples it was measured on, and the scatter plot.
 */
@ServiceTest
class MixtureJobEndToEndTest {

    @Autowired
    JobRepository jobs;

    Api api;

    @BeforeEach
    void connect(@LocalServerPort int port, @Autowired JsonMapper json) {
        api = new Api(port, json);
    }

    @Test
    void trainsOnTheRingAndReportsModeCoverageOfItsOwnSamples() throws Exception {
        HttpResponse<String> submitted = api.postJson("/jobs", """
                {"model": "gan", "dataset": "ring8", "epochs": 1, "seed": 11, "generatorAverage": 0}""");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long id = api.readJson(submitted.body()).get("id").asLong();

        Jobs.awaitStatus(jobs, id, JobStatus.SUCCEEDED, Duration.ofMinutes(5));
        JsonNode job = api.getJson("/jobs/" + id);
        assertThat(job.at("/spec/r1Gamma").asDouble()).as("rows' default R1").isEqualTo(0.1);
        assertThat(job.at("/spec/r1Until").asDouble())
                .as("over the first quarter")
                .isEqualTo(0.25);
        JsonNode coverage = job.at("/quality/modeCoverage");
        assertThat(coverage.get("modes").asInt()).isEqualTo(8);
        assertThat(coverage.get("samples").asInt()).isEqualTo(ModeCoverage.STANDARD_SAMPLES);
        long modelId = job.get("modelId").asLong();

        // The stored figures are those of the model's own samples for the job's seed.
        JsonNode samples = api.getJson("/models/" + modelId + "/samples?count=2500&seed=11");
        assertThat(samples.get("exampleShape")).hasSize(1);
        assertThat(samples.get("samples")).hasSize(2500);
        float[] xy = new float[5000];
        for (int i = 0; i < 2500; i++) {
            JsonNode row = samples.get("samples").get(i);
            assertThat(row).hasSize(2);
            xy[2 * i] = (float) row.get(0).asDouble();
            xy[2 * i + 1] = (float) row.get(1).asDouble();
        }
        ModeCoverage recomputed = ModeCoverage.of(xy, GaussianMixture.ring8());
        assertThat(coverage.get("modesCovered").asInt()).isEqualTo(recomputed.modesCovered());
        assertThat(coverage.get("highQualityPercent").asDouble()).isEqualTo(recomputed.highQualityPercent());
        // One epoch (492 steps of the default 128 rows) finds the ring, if not yet every mode on it. (Weight
        // averaging, the default for 2D data, is off here: it pays off over longer runs.)
        long nearTheRing = IntStream.range(0, 2500)
                .mapToDouble(i -> Math.hypot(xy[2 * i], xy[2 * i + 1]))
                .filter(r -> r > 0.5 && r < 1.5)
                .count();
        assertThat(nearTheRing).as("samples at radius 0.5 to 1.5").isGreaterThan(1250);

        // filtered=false: the generator's own rows for the same latent points, as its artifact gives them.
        JsonNode raw = api.getJson("/models/" + modelId + "/samples?count=2500&seed=11&filtered=false");
        byte[] artifact = api.getBytes("/models/" + modelId + "/artifact").body();
        float[] expected = Workspaces.run(
                "test",
                () -> ModelArtifact.readGenerator(artifact, ModelFamilies.all())
                        .unfiltered()
                        .generate(2500, 11)
                        .data()
                        .asFloat());
        for (int i = 0; i < 2500; i++) {
            assertThat(raw.at("/samples/" + i + "/0").asDouble()).isCloseTo(expected[2 * i], within(1e-6));
            assertThat(raw.at("/samples/" + i + "/1").asDouble()).isCloseTo(expected[2 * i + 1], within(1e-6));
        }
        assertThat(raw.get("samples")).as("the filter changes the rows").isNotEqualTo(samples.get("samples"));
        HttpResponse<String> notBoolean = api.get("/models/" + modelId + "/samples?filtered=maybe", "application/json");
        assertThat(notBoolean.statusCode()).isEqualTo(400);
        assertThat(notBoolean.body()).contains("filtered").contains("'maybe' is not a valid boolean");

        HttpResponse<String> csv = api.get("/models/" + modelId + "/samples?count=5&seed=11", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines()).hasSize(6).first().isEqualTo("x0,x1");
        String[] firstRow = csv.body().lines().skip(1).findFirst().orElseThrow().split(",");
        assertThat(Double.parseDouble(firstRow[0]))
                .isCloseTo(samples.at("/samples/0/0").asDouble(), within(1e-6));
        assertThat(Double.parseDouble(firstRow[1]))
                .isCloseTo(samples.at("/samples/0/1").asDouble(), within(1e-6));

        HttpResponse<String> tooMany = api.get("/models/" + modelId + "/samples?count=600000", "application/json");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("count").contains("500000");

        BufferedImage plot = Api.decodePng(api.getPng("/models/" + modelId + "/sample.png?count=200&seed=1"));
        assertThat(plot.getWidth()).isEqualTo(480);

        JsonNode curve = api.getJson("/jobs/" + id + "/quality");
        assertThat(curve.get("points")).as("qualityEvery 0: the end only").hasSize(1);
        assertThat(curve.at("/points/0/quality")).isEqualTo(job.get("quality"));
    }

    @Test
    void measuresTheQualityEveryFewEpochsForAQualityCurve() throws Exception {
        HttpResponse<String> submitted = api.postJson("/jobs", """
                {"model": "gan", "dataset": "ring8", "epochs": 3, "batchSize": 512, "seed": 5, "qualityEvery": 1}""");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long id = api.readJson(submitted.body()).get("id").asLong();
        Jobs.awaitStatus(jobs, id, JobStatus.SUCCEEDED, Duration.ofMinutes(5));
        JsonNode job = api.getJson("/jobs/" + id);
        assertThat(job.at("/spec/qualityEvery").asInt()).isEqualTo(1);

        JsonNode points = api.getJson("/jobs/" + id + "/quality").get("points");
        assertThat(points).extracting(p -> p.get("epoch").asInt()).containsExactly(1, 2, 3);
        assertThat(points).extracting(p -> p.get("final").asBoolean()).containsExactly(false, false, true);
        assertThat(points).extracting(p -> p.get("iteration").asLong()).containsExactly(123L, 246L, 369L);
        for (JsonNode p : points) {
            assertThat(p.at("/quality/modeCoverage/modes").asInt()).isEqualTo(8);
            assertThat(p.at("/quality/mmd/mmd2").isNumber()).isTrue();
            assertThat(p.at("/quality/distances/features").asString()).isEqualTo("raw values (2)");
            assertThat(p.at("/quality/distances/generated/precision").isNumber())
                    .isTrue();
        }
        assertThat(points.get(2).get("quality")).isEqualTo(job.get("quality"));
        assertThat(points.get(0).get("quality"))
                .as("measured on the model of the time")
                .isNotEqualTo(job.get("quality"));

        HttpResponse<String> csv = api.get("/jobs/" + id + "/quality", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(4);
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header)
                .startsWith("epoch", "iteration", "final")
                .contains(
                        "modeCoverage.modesCovered",
                        "mmd.mmd2",
                        "distances.generated.frechetDistance",
                        "distances.realFloor.recall");
        assertThat(header).as("lists are left out").doesNotContain("mmd.bandwidths");
        String[] last = lines.get(3).split(",");
        assertThat(last[0]).isEqualTo("3");
        assertThat(last[2]).isEqualTo("true");
        assertThat(Double.parseDouble(last[header.indexOf("mmd.mmd2")]))
                .isEqualTo(job.at("/quality/mmd/mmd2").asDouble());

        HttpResponse<String> fractional = api.postJson("/jobs", """
                {"model": "gan", "dataset": "ring8", "qualityEvery": 1.5}""");
        assertThat(fractional.statusCode()).isEqualTo(400);
        assertThat(fractional.body()).contains("qualityEvery");
    }
}
