package dev.gansvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.gansvc.engine.model.Conditioning;
import dev.gansvc.engine.model.LatentNoise;
import dev.gansvc.jobs.JobRepository;
import dev.gansvc.models.TrainedModelRepository;
import dev.gansvc.support.Api;
import dev.gansvc.support.Jobs;
import dev.gansvc.support.ServiceTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trained model downloaded through {@code /models/{id}/export} and run where the service is not,
 * or imported into the service again.
 */
@ServiceTest
class ModelExportEndToEndTest {

    private static final int COUNT = 12;
    private static final long SEED = 9;

    @Autowired
    JobRepository jobs;

    @Autowired
    TrainedModelRepository models;

    Api api;

    @BeforeEach
    void connect(@LocalServerPort int port, @Autowired JsonMapper json) {
        api = new Api(port, json);
    }

    @Test
    void onnxExportOfAClusteredDcganGivesTheServicesSamples() throws Exception {
        long modelId = trained("""
                {"model": "dcgan", "dataset": "mnist-small", "epochs": 1, "seed": 3}""");
        assertThat(onnxSamples(modelId, 0)).isEqualTo(COUNT * 28 * 28);
    }

    @Test
    void onnxExportOfAConditionalGanTakesTheLabel() throws Exception {
        long modelId = trained("""
                {"model": "cgan", "dataset": "ring8", "epochs": 1, "seed": 4}""");
        assertThat(onnxSamples(modelId, 8)).isEqualTo(COUNT * 2);
    }

    @Test
    void dl4jExportOfAConditionalGanGivesTheServicesSamples() throws Exception {
        long modelId = trained("""
                {"model": "cgan", "dataset": "ring8", "epochs": 1, "seed": 6}""");
        HttpResponse<byte[]> export = api.getBytes("/models/" + modelId + "/export?format=dl4j");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("model-" + modelId + "-dl4j.zip");
        ComputationGraph graph =
                ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(export.body()), false);
        int[] labels = new int[COUNT];
        Arrays.setAll(labels, i -> i % 8);
        int latent = api.getJson("/models/" + modelId).get("latentDim").asInt();
        INDArray out = graph.output(false, LatentNoise.sample(SEED, COUNT, latent), Conditioning.oneHot(labels, 8))[0];
        JsonNode samples =
                api.getJson("/models/" + modelId + "/samples?count=" + COUNT + "&seed=" + SEED + "&filtered=false");
        for (int i = 0; i < COUNT; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(out.getFloat(i, j))
                        .as("sample %d value %d", i, j)
                        .isCloseTo(samples.get("samples").get(i).get(j).floatValue(), within(1e-4f));
            }
        }
    }

    @Test
    void nativeExportIsTheArtifactAndUnknownFormatsAreRefused() throws Exception {
        long modelId = trained("""
                {"model": "vae", "dataset": "mnist-small", "epochs": 1, "seed": 5}""");
        HttpResponse<byte[]> zip = api.getBytes("/models/" + modelId + "/export?format=native");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(zip.body())
                .isEqualTo(api.getBytes("/models/" + modelId + "/artifact").body());
        assertThat(zip.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("model-" + modelId + ".zip");

        String sha256 = zip.headers().firstValue("X-Checksum-SHA256").orElseThrow();
        HttpResponse<String> imported =
                api.post("/models?dataset=mnist-small", "application/zip", zip.body(), "X-Checksum-SHA256", sha256);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode copy = api.readJson(imported.body());
        long copyId = copy.get("id").asLong();
        assertThat(imported.headers().firstValue("Location")).hasValue("/models/" + copyId);
        assertThat(copy.get("jobId").isNull()).as("imported, not trained here").isTrue();
        assertThat(copy.get("dataset").asString()).isEqualTo("mnist-small");
        assertThat(copy.get("artifactSha256").asString()).isEqualTo(sha256);
        assertThat(api.getJson("/models/" + copyId + "/samples?count=4&seed=3").get("samples"))
                .as("the same samples as the original")
                .isEqualTo(api.getJson("/models/" + modelId + "/samples?count=4&seed=3")
                        .get("samples"));
        assertThat(api.getBytes("/models/" + copyId + "/export?format=onnx").statusCode())
                .isEqualTo(200);
        HttpResponse<String> trainedHere = api.delete("/models/" + modelId);
        assertThat(trainedHere.statusCode()).isEqualTo(409);
        assertThat(trainedHere.body()).contains("deleting the job (DELETE /jobs/");
        assertThat(api.delete("/models/" + copyId).statusCode()).isEqualTo(204);
        assertThat(api.get("/models/" + copyId, "application/json").statusCode())
                .isEqualTo(404);

        HttpResponse<String> unknown = api.get("/models/" + modelId + "/export?format=pickle", "*/*");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknown.body()).contains("format").contains("must be one of native, onnx, dl4j");
        HttpResponse<String> missing = api.get("/models/999999/export?format=onnx", "*/*");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void refusedImportsAreNamedAndLeaveNothingBehind() throws Exception {
        long before = models.count();
        HttpResponse<String> garbage = api.post("/models", "application/zip", "not a zip".getBytes());
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(garbage.body()).contains("not a zip archive");

        long modelId = trained("""
                {"model": "gan", "dataset": "ring8", "epochs": 1, "seed": 7}""");
        byte[] zip = api.getBytes("/models/" + modelId + "/export").body();
        HttpResponse<String> mismatch =
                api.post("/models", "application/zip", zip, "X-Checksum-SHA256", "0".repeat(64));
        assertThat(mismatch.statusCode()).isEqualTo(400);
        assertThat(mismatch.body()).contains("X-Checksum-SHA256").contains("does not match");
        HttpResponse<String> truncated = api.post("/models", "application/zip", Arrays.copyOf(zip, zip.length / 2));
        assertThat(truncated.statusCode()).isEqualTo(400);
        HttpResponse<String> noSuchDataset = api.post("/models?dataset=nowhere", "application/zip", zip);
        assertThat(noSuchDataset.statusCode()).isEqualTo(400);
        assertThat(noSuchDataset.body()).contains("no dataset is named 'nowhere'");
        assertThat(models.count()).as("only the trained one was added").isEqualTo(before + 1);
    }

    /**
     * Runs the model's ONNX export in ONNX Runtime on the latent points of {@link #SEED} and
     * checks it against the service's unfiltered samples of that seed (a conditional model's
     * classes in turn, as the service takes them without a label); returns the values compared.
     */
    private int onnxSamples(long modelId, int classes) throws Exception {
        HttpResponse<byte[]> export = api.getBytes("/models/" + modelId + "/export?format=onnx");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("model-" + modelId + ".onnx");
        JsonNode samples =
                api.getJson("/models/" + modelId + "/samples?count=" + COUNT + "&seed=" + SEED + "&filtered=false");
        int latent = api.getJson("/models/" + modelId).get("latentDim").asInt();
        float[] z = LatentNoise.sample(SEED, COUNT, latent).data().asFloat();

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try (OrtSession session = env.createSession(export.body(), new OrtSession.SessionOptions())) {
            inputs.put("z", OnnxTensor.createTensor(env, FloatBuffer.wrap(z), new long[] {COUNT, latent}));
            if (classes > 0) {
                long[] labels = new long[COUNT];
                for (int i = 0; i < COUNT; i++) {
                    labels[i] = i % classes;
                }
                inputs.put("label", OnnxTensor.createTensor(env, LongBuffer.wrap(labels), new long[] {COUNT}));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor out = (OnnxTensor) result.get("samples").orElseThrow();
                float[] actual = new float[(int) out.getInfo().getNumElements()];
                out.getFloatBuffer().get(actual);
                int width = actual.length / COUNT;
                for (int i = 0; i < COUNT; i++) {
                    for (int j = 0; j < width; j++) {
                        assertThat(actual[i * width + j])
                                .as("sample %d value %d", i, j)
                                .isCloseTo(samples.get("samples").get(i).get(j).floatValue(), within(1e-4f));
                    }
                }
                return actual.length;
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private long trained(String request) throws Exception {
        return Jobs.finished(api, jobs, request).get("modelId").asLong();
    }
}
