package dev.gansvc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobStatus;
import dev.gansvc.support.Api;
import dev.gansvc.support.HostileUploads;
import dev.gansvc.support.Jobs;
import dev.gansvc.support.ServiceTest;
import dev.gansvc.support.SquareImages;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Uploading datasets over HTTP, training on them, and the limits that keep uploads safe. */
@ServiceTest
class DatasetEndToEndTest {

    @Autowired
    JobRepository jobs;

    Api api;

    @BeforeEach
    void connect(@LocalServerPort int port, @Autowired JsonMapper json) {
        api = new Api(port, json);
    }

    @Test
    void uploadedImagesTrainAConditionalModelAndCanBeDeleted() throws Exception {
        HttpResponse<String> created =
                api.post("/datasets?name=squares&imageSize=28&channels=1", "application/zip", SquareImages.zip(160));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/datasets/squares");
        JsonNode view = api.readJson(created.body());
        assertThat(view.get("source").asString()).isEqualTo("uploaded");
        assertThat(view.get("examples").asInt()).isEqualTo(160);
        assertThat(view.get("exampleShape")).extracting(JsonNode::asInt).containsExactly(1, 28, 28);
        assertThat(view.get("classes")).extracting(JsonNode::asString).containsExactly("bottom", "top");

        JsonNode all = api.getJson("/datasets").get("datasets");
        assertThat(all.findValuesAsString("name")).contains("mnist", "ring8", "grid25", "iris", "shapes64", "squares");
        assertThat(api.getJson("/datasets/iris").get("classes"))
                .extracting(JsonNode::asString)
                .containsExactly("setosa", "versicolor", "virginica");
        JsonNode shapes = api.getJson("/datasets/shapes64");
        assertThat(shapes.get("source").asString()).isEqualTo("built-in");
        assertThat(shapes.get("exampleShape")).extracting(JsonNode::asInt).containsExactly(3, 64, 64);
        assertThat(shapes.get("classes"))
                .extracting(JsonNode::asString)
                .containsExactly("circle", "square", "triangle", "star");
        assertThat(api.post("/datasets?name=squares", "application/zip", SquareImages.zip(4))
                        .statusCode())
                .isEqualTo(409);
        assertThat(api.post("/datasets?name=mnist", "application/zip", SquareImages.zip(4))
                        .statusCode())
                .isEqualTo(409);
        assertThat(api.post("/datasets?name=Bad%20Name", "application/zip", SquareImages.zip(4))
                        .statusCode())
                .isEqualTo(400);

        HttpResponse<String> submitted = api.postJson("/jobs", """
                {"model": "cgan", "dataset": "squares", "epochs": 1, "batchSize": 16, "seed": 3}""");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        long id = api.readJson(submitted.body()).get("id").asLong();
        HttpResponse<String> inUse = api.delete("/datasets/squares");
        assertThat(inUse.statusCode()).as("a queued or running job needs it").isEqualTo(409);
        assertThat(inUse.body()).contains("in use by unfinished jobs [" + id + "]");
        Jobs.awaitStatus(jobs, id, JobStatus.SUCCEEDED, Duration.ofMinutes(3));
        JsonNode job = api.getJson("/jobs/" + id);
        assertThat(job.at("/quality/classAgreement/classifier").asString())
                .isEqualTo("a convolutional classifier trained on the training images");
        assertThat(job.at("/quality/classAgreement/perClass")).hasSize(2);
        long modelId = job.get("modelId").asLong();
        assertThat(api.getJson("/models/" + modelId).get("classCount").asInt()).isEqualTo(2);

        assertThat(api.delete("/datasets/squares").statusCode()).isEqualTo(204);
        assertThat(api.get("/datasets/squares", "application/json").statusCode())
                .isEqualTo(404);
        assertThat(api.getPng("/models/" + modelId + "/sample.png?count=4&label=1"))
                .as("the model outlives its data")
                .isNotEmpty();
        assertThat(api.delete("/datasets/mnist").statusCode()).isEqualTo(409);
    }

    @Test
    void csvTablesWithLabelsAndTheirErrors() throws Exception {
        String csv = "x,y,kind\n" + "0.1,0.2,a\n".repeat(30) + "5,5.5,b\n".repeat(30);
        HttpResponse<String> created =
                api.post("/datasets?name=two-blobs&labelColumn=kind", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode view = api.readJson(created.body());
        assertThat(view.get("kind").asString()).isEqualTo("table");
        assertThat(view.get("exampleShape")).extracting(JsonNode::asInt).containsExactly(2);
        assertThat(view.get("classes")).extracting(JsonNode::asString).containsExactly("a", "b");

        HttpResponse<String> bad = api.post("/datasets?name=bad", "text/csv", "a,b\n1,2\n3,oops\n".getBytes());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(bad.body()).contains("line 3, column b: 'oops' is not a finite number");
        assertThat(api.post("/datasets?name=bad&imageSize=28", "text/csv", "1,2\n".getBytes())
                        .body())
                .contains("does not apply to CSV tables");
        assertThat(api.post("/datasets?name=bad", "application/json", "{}".getBytes())
                        .statusCode())
                .isEqualTo(415);
        assertThat(api.get("/datasets/bad", "application/json").statusCode())
                .as("nothing stored")
                .isEqualTo(404);

        HttpResponse<String> tooLarge = api.post(
                "/datasets?name=huge", "text/csv", "1,2\n".repeat(9_000_000).getBytes());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("larger than 33554432 bytes");
    }

    @Test
    void anImageOverThePixelLimitIsRefusedBeforeItIsDecoded() throws Exception {
        // A PNG that declares 20,000 x 20,000 pixels in 45 bytes: an image bomb.
        HttpResponse<String> refused =
                api.post("/datasets?name=bomb", "application/zip", HostileUploads.pixelBomb(20_000, 20_000));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = api.readJson(refused.body());
        assertThat(problem.get("limit").asString()).isEqualTo("maxImagePixels");
        assertThat(problem.get("allowed").asLong()).isEqualTo(16_777_216L);
        assertThat(problem.get("detail").asString()).contains("20000 x 20000 pixels");
        assertThat(api.get("/datasets/bomb", "application/json").statusCode()).isEqualTo(404);
    }

    @Test
    void bombsAndVeryWideTablesAreRefusedNamingTheLimitAndLeaveNothingBehind() throws Exception {
        // 64 MiB of zeros packs into about 64 KB: refused after its first mebibyte, by the ratio.
        HttpResponse<String> bomb =
                api.post("/datasets?name=zip-bomb", "application/zip", HostileUploads.deflateBomb(64 << 20));
        assertThat(bomb.statusCode()).as(bomb.body()).isEqualTo(413);
        assertThat(api.readJson(bomb.body()).get("limit").asString()).isEqualTo("maxExpansionRatio");

        HttpResponse<String> table = api.post("/datasets?name=wide", "text/csv", HostileUploads.wideCsv(20_000));
        assertThat(table.statusCode()).as(table.body()).isEqualTo(413);
        JsonNode problem = api.readJson(table.body());
        assertThat(problem.get("limit").asString()).isEqualTo("maxColumns");
        assertThat(problem.get("allowed").asInt()).isEqualTo(16384);

        assertThat(api.get("/datasets/zip-bomb", "application/json").statusCode())
                .isEqualTo(404);
        assertThat(api.get("/datasets/wide", "application/json").statusCode()).isEqualTo(404);
        String spooled = "gan-upload-" + ProcessHandle.current().pid() + "-";
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(spooled)))
                    .as("temporary upload files left behind")
                    .isEmpty();
        }
    }
}
