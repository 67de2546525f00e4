package dev.gansvc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.jobs.JobRepository;
import dev.gansvc.support.Api;
import dev.gansvc.support.Jobs;
import dev.gansvc.support.ServiceTest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Models beyond the GAN through the HTTP API: their own loss series, their quality figures and
 * networks, and class-conditional sampling.
 */
@ServiceTest
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
        assertThat(losses.get("series"))
                .extracting(JsonNode::asString)
                .containsExactly("loss", "reconstruction", "kl", "validationLoss");
        JsonNode points = losses.get("points");
        assertThat(points).hasSize(2 * (576 / 64));
        assertThat(points.get(0).get("validationLoss").isNull())
                .as("measured at epoch ends only")
                .isTrue();
        assertThat(points.get(8).get("validationLoss").asDouble())
                .as("end of epoch 1")
                .isPositive();
        assertThat(points.get(17).get("validationLoss").asDouble())
                .isEqualTo(job.at("/quality/heldOut/negativeElbo").asDouble());
        HttpResponse<String> csv = api.get("/jobs/" + job.get("id").asLong() + "/losses", "text/csv");
        assertThat(csv.body().lines().findFirst()).hasValue("iteration,epoch,loss,reconstruction,kl,validationLoss");
        assertThat(csv.body().lines().skip(1).findFirst().orElseThrow()).endsWith(",");

        JsonNode model = api.getJson("/models/" + job.get("modelId").asLong());
        assertThat(model.get("parameters").propertyNames()).containsExactly("encoder", "generator");
        BufferedImage chart = Api.decodePng(api.getPng("/jobs/" + job.get("id").asLong() + "/losses.png"));
        assertThat(chart.getWidth()).isEqualTo(800);
        long modelId = job.get("modelId").asLong();
        BufferedImage samples = Api.decodePng(api.getPng("/models/" + modelId + "/sample.png?count=4&seed=1"));
        assertThat(samples.getWidth()).isEqualTo(2 * 30 + 2);

        BufferedImage walk =
                Api.decodePng(api.getPng("/models/" + modelId + "/interpolation.png?rows=3&steps=5&seed=2"));
        assertThat(walk.getWidth()).isEqualTo(5 * 30 + 2);
        assertThat(walk.getHeight()).isEqualTo(3 * 30 + 2);
        assertThat(api.get("/models/" + modelId + "/interpolation.png?steps=1", "image/png")
                        .statusCode())
                .isEqualTo(400);

        HttpResponse<byte[]> reconstructed =
                api.postForBytes("/models/" + modelId + "/reconstructions", "application/zip", digitsZip(3));
        assertThat(reconstructed.statusCode()).isEqualTo(200);
        BufferedImage pairs = Api.decodePng(reconstructed.body());
        assertThat(pairs.getWidth()).as("three originals to a row").isEqualTo(3 * 30 + 2);
        assertThat(pairs.getHeight())
                .as("a row of originals, a row of reconstructions")
                .isEqualTo(2 * 30 + 2);
        HttpResponse<String> wrongKind =
                api.post("/models/" + modelId + "/reconstructions", "text/csv", "1,2\n".getBytes());
        assertThat(wrongKind.statusCode()).isEqualTo(400);
        assertThat(wrongKind.body()).contains("reconstructs images");
    }

    @Test
    void autoencoderOfRowsReconstructsUploadedRowsInTheirOwnUnits() throws Exception {
        JsonNode job = finished("""
                {"model": "autoencoder", "dataset": "grid25", "epochs": 1, "batchSize": 256, "latentDim": 2, "seed": 6}""");
        long modelId = job.get("modelId").asLong();
        HttpResponse<String> response =
                api.post("/models/" + modelId + "/reconstructions", "text/csv", "x,y\n4,4\n-4,2\n0,0\n".getBytes());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = api.readJson(response.body());
        assertThat(body.get("reconstructions")).hasSize(3);
        assertThat(body.at("/reconstructions/0/0").asDouble())
                .as("near 4, not standardised")
                .isBetween(3.0, 5.0);
        assertThat(body.at("/reconstructions/1/1").asDouble()).as("near 2").isBetween(1.0, 3.0);
        assertThat(body.get("squaredErrors")).hasSize(3);
        assertThat(api.post("/models/" + modelId + "/reconstructions", "text/csv", "1,2,3\n".getBytes())
                        .body())
                .contains("rows have 3 columns; model " + modelId + " takes 2");
        assertThat(api.get("/models/" + modelId + "/interpolation.png", "image/png")
                        .statusCode())
                .isEqualTo(400);
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
        assertThat(api.post("/models/" + modelId + "/reconstructions", "text/csv", "1,2\n".getBytes())
                        .body())
                .contains("does not reconstruct; models of [vae, vaegan, autoencoder] do");
        JsonNode agreement = api.getJson("/jobs/" + job.get("id").asLong()).at("/quality/classAgreement");
        assertThat(agreement.get("perClass")).hasSize(8);

        HttpResponse<String> outOfRange = api.get("/models/" + modelId + "/samples?label=8", "application/json");
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("must be between 0 and 7");
    }

    /** A zip of {@code n} 28x28 grey images of a bar, digit-like enough to reconstruct. */
    private static byte[] digitsZip(int n) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < n; i++) {
                BufferedImage img = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
                Graphics2D g = img.createGraphics();
                g.setColor(Color.WHITE);
                g.fillRect(12 + i, 4, 4, 20);
                g.dispose();
                zip.putNextEntry(new ZipEntry(i + ".png"));
                ImageIO.write(img, "png", zip);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private JsonNode finished(String request) throws Exception {
        return Jobs.finished(api, jobs, request);
    }
}
