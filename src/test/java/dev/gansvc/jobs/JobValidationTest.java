package dev.gansvc.jobs;

import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gansvc.GanProperties;
import dev.gansvc.datasets.DatasetCatalog;
import dev.gansvc.datasets.UploadedDatasetRepository;
import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.families.FamilyConfiguration;
import dev.gansvc.models.ArtifactRepository;
import dev.gansvc.models.ModelController;
import dev.gansvc.models.ModelImports;
import dev.gansvc.models.ModelService;
import dev.gansvc.models.TrainedModelRepository;
import dev.gansvc.security.SecurityConfiguration;
import dev.gansvc.security.SecurityProperties;
import dev.gansvc.web.UploadSlots;
import dev.gansvc.web.WebProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Bad input gets a 4xx problem+json naming the field, and nothing is stored. A web slice: the
 * controllers, validation, the family registry and the dataset catalogue are real; the
 * repositories are stand-ins, so that no database or worker starts.
 */
@WebMvcTest(
        value = {JobController.class, ModelController.class},
        properties = "gan.jobs.max-parameters=10000000")
@Import({
    UploadSlots.class,
    SimpleMeterRegistry.class,
    JobService.class,
    JobSpecResolver.class,
    JobBudget.class,
    JobQuota.class,
    FamilyConfiguration.class,
    DatasetCatalog.class,
    ModelService.class,
    ModelImports.class,
    SecurityConfiguration.class
})
@EnableConfigurationProperties({GanProperties.class, WebProperties.class, SecurityProperties.class})
class JobValidationTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    JobRepository jobs;

    @MockitoBean
    JobTransitions transitions;

    @MockitoBean
    JobOutputs outputs;

    @MockitoBean
    LossPointRepository lossPoints;

    @MockitoBean
    SnapshotRepository snapshots;

    @MockitoBean
    UploadedDatasetRepository uploads;

    @MockitoBean
    TrainedModelRepository models;

    @MockitoBean
    ArtifactRepository artifacts;

    @AfterEach
    void nothingStored() {
        verify(jobs, never()).save(any());
    }

    @Test
    void retryingAJobThatIsNotFailedOrCancelledIsAConflict() throws Exception {
        Job running = new Job("dcgan", "mnist", "{}", 10, Instant.EPOCH);
        running.claim("w1", Instant.EPOCH);
        when(transitions.retry(5)).thenReturn(Optional.of(false));
        when(jobs.findById(5L)).thenReturn(Optional.of(running));
        mvc.perform(post("/jobs/5/retry"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(
                        jsonPath("$.detail").value("job 5 is RUNNING: only a FAILED or CANCELLED job can be retried"));

        when(transitions.retry(6)).thenReturn(Optional.of(false));
        when(jobs.findById(6L)).thenReturn(Optional.of(new Job("dcgan", "mnist", "{}", 10, Instant.EPOCH)));
        mvc.perform(post("/jobs/6/retry"))
                .andExpect(status().isConflict())
                .andExpect(
                        jsonPath("$.detail").value("job 6 is QUEUED: only a FAILED or CANCELLED job can be retried"));
    }

    @Test
    void retryingAJobWhoseDatasetWasDeletedIsAConflict() throws Exception {
        Job cancelled = new Job("dcgan", "gone", "{}", 10, Instant.EPOCH);
        cancelled.cancel(Instant.EPOCH);
        when(jobs.findById(7L)).thenReturn(Optional.of(cancelled));
        mvc.perform(post("/jobs/7/retry"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("job 7 cannot be retried: its dataset 'gone' no longer exists"));
        verify(transitions, never()).retry(7);
    }

    @Test
    void retryingAnUnknownJobIsNotFound() throws Exception {
        when(transitions.retry(99)).thenReturn(Optional.empty());
        mvc.perform(post("/jobs/99/retry"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void malformedJson() throws Exception {
        submit("{\"model\": \"dcgan\", ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void aModelOverTheParameterBudgetIsRefusedWithTheEstimate() throws Exception {
        submit("{\"model\": \"gan\", \"dataset\": \"shapes64\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.maxParameters").value(10_000_000))
                .andExpect(jsonPath("$.parameters").value(greaterThan(10_000_000)))
                .andExpect(jsonPath("$.detail").value(startsWith("model 'gan' on dataset 'shapes64' would have ")));
    }

    @Test
    void unknownModelNamesTheAvailableOnes() throws Exception {
        submit("{\"model\": \"stylegan\", \"dataset\": \"mnist\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("model"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(startsWith("unknown model 'stylegan'; available: [gan, dcgan, ")));
    }

    @Test
    void unknownDataset() throws Exception {
        submit("{\"model\": \"dcgan\", \"dataset\": \"cifar\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dataset"));
    }

    @Test
    void modelThatCannotTakeTheDatasetsShape() throws Exception {
        submit("{\"model\": \"dcgan\", \"dataset\": \"ring8\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dataset"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("model 'dcgan' needs examples of shape [1, 28, 28] "
                                + "(channels, height, width); dataset 'ring8' has examples of shape [2] in 8 classes"));
        submit("{\"model\": \"dcgan\", \"dataset\": \"shapes64\"}")
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors[0].message")
                                .value(
                                        "model 'dcgan' needs examples of shape [1, 28, 28] "
                                                + "(channels, height, width); dataset 'shapes64' has examples of shape [3, 64, 64] in 4 classes"));
    }

    @Test
    void fieldThatTheModelDoesNotRead() throws Exception {
        submit("{\"model\": \"vae\", \"dataset\": \"mnist\", \"discriminatorSteps\": 3}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("discriminatorSteps"))
                .andExpect(
                        jsonPath("$.errors[0].message")
                                .value(
                                        "does not apply to model 'vae'; it applies to [gan, dcgan, dcgan64, cgan, wgan-gp, ebgan]"));
        submit("{\"model\": \"gan\", \"dataset\": \"mnist\", \"variant\": \"deep\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("variant"));
    }

    @Test
    void r1OnlyForDiscriminatorsThatJudgeEachExampleOnItsOwn() throws Exception {
        submit("{\"model\": \"dcgan\", \"dataset\": \"mnist\", \"r1Gamma\": 10}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("r1Gamma"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("does not apply to model 'dcgan'; it applies to [gan, dcgan64, cgan]"));
        submit("{\"model\": \"cgan\", \"dataset\": \"mnist\", \"r1Gamma\": 10}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("r1Gamma"))
                .andExpect(
                        jsonPath("$.errors[0].message")
                                .value(
                                        "model 'cgan' on examples of shape [1, 28, 28] has a "
                                                + "discriminator with batch norm, and R1 needs one that judges each example on its own"));
        submit("{\"model\": \"gan\", \"dataset\": \"ring8\", \"r1Gamma\": -1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("r1Gamma"));
        submit("{\"model\": \"gan\", \"dataset\": \"ring8\", \"r1Until\": 0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("r1Until"))
                .andExpect(jsonPath("$.errors[0].message").value("must be in (0, 1] (was 0.0)"));
        submit("{\"model\": \"wgan-gp\", \"dataset\": \"ring8\", \"r1Until\": 0.5}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("r1Until"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("does not apply to model 'wgan-gp'; it applies to [gan, dcgan64, cgan]"));
    }

    @Test
    void packingThatTheModelCannotUseOrThatSplitsABatch() throws Exception {
        submit("{\"model\": \"wgan-gp\", \"dataset\": \"ring8\", \"packing\": 2}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("packing"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("does not apply to model 'wgan-gp'; it applies to [gan, dcgan, dcgan64, cgan]"));
        submit("{\"model\": \"gan\", \"dataset\": \"ring8\", \"packing\": 3, \"batchSize\": 64}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("packing"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("batchSize 64 is not a multiple of packing 3: the discriminator judges whole packs"));
        submit("{\"model\": \"gan\", \"dataset\": \"ring8\", \"packing\": 9}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("packing"));
    }

    @Test
    void autoencoderVariantThatCannotTakeTheData() throws Exception {
        submit("{\"model\": \"autoencoder\", \"dataset\": \"ring8\", \"variant\": \"conv\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("variant"))
                .andExpect(
                        jsonPath("$.errors[0].message")
                                .value(
                                        startsWith(
                                                "model 'autoencoder' variant conv needs images whose height and width are multiples of 4")));
        submit("{\"model\": \"autoencoder\", \"dataset\": \"mnist\", \"variant\": \"sparse\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("variant"));
    }

    @Test
    void missingRequiredFields() throws Exception {
        submit("{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dataset"))
                .andExpect(jsonPath("$.errors[1].field").value("model"));
    }

    @Test
    void outOfRangeNumbersNameFieldAndRange() throws Exception {
        submit("""
                {"model": "dcgan", "dataset": "mnist", "epochs": 0, "batchSize": 5000, "latentDim": 0,
                 "learningRate": 0, "beta1": 1.0, "discriminatorSteps": 11, "loss": "wasserstein"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(7))
                .andExpect(jsonPath("$.errors[?(@.field == 'epochs')].message")
                        .value("must be between 1 and 1000 (was 0)"))
                .andExpect(jsonPath("$.errors[?(@.field == 'batchSize')].message")
                        .value("must be between 2 and 1024 (was 5000)"))
                .andExpect(jsonPath("$.errors[?(@.field == 'learningRate')].message")
                        .value("must be in (0, 1] (was 0.0)"))
                .andExpect(jsonPath("$.errors[?(@.field == 'loss')].message")
                        .value("must be one of [non-saturating, minimax] (was wasserstein)"));
    }

    @Test
    void wrongTypeAndUnknownField() throws Exception {
        submit("{\"model\": \"dcgan\", \"dataset\": \"mnist\", \"epochs\": \"many\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("epochs"));
        submit("{\"model\": \"dcgan\", \"dataset\": \"mnist\", \"epoch\": 3}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("epoch"));
    }

    @Test
    void batchLargerThanDataset() throws Exception {
        submit("{\"model\": \"dcgan\", \"dataset\": \"mnist\", \"batchSize\": 1024, \"discriminatorSteps\": 10}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("batchSize"));
    }

    @Test
    void wrongMediaType() throws Exception {
        mvc.perform(post("/jobs").contentType(MediaType.TEXT_PLAIN).content("dcgan please"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void lossCurvesAreBoundedUnlessEveryPointIsAskedFor() throws Exception {
        when(jobs.findById(8L)).thenReturn(Optional.of(new Job("gan", "ring8", "{}", 5000, Instant.EPOCH)));
        List<LossPoint> points = LongStream.rangeClosed(1, 5000)
                .mapToObj(i -> new LossPoint(i, 1, new double[] {Math.sin(i), Math.cos(i), 0.5, 0.5}))
                .toList();
        when(lossPoints.find(eq(8L), eq(0L), eq(Long.MAX_VALUE), anyInt())).thenReturn(points);
        mvc.perform(get("/jobs/8/losses"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(5000))
                .andExpect(jsonPath("$.points.length()").value(2000));
        mvc.perform(get("/jobs/8/losses").param("maxPoints", "all"))
                .andExpect(jsonPath("$.points.length()").value(5000));
        for (String bad : List.of("2", "100001", "many")) {
            mvc.perform(get("/jobs/8/losses").param("maxPoints", bad))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("maxPoints"));
        }
    }

    @Test
    void unknownIdsAndBadIds() throws Exception {
        mvc.perform(get("/jobs/424242"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("job 424242 does not exist"));
        mvc.perform(get("/jobs/424242/losses")).andExpect(status().isNotFound());
        mvc.perform(post("/jobs/424242/cancel")).andExpect(status().isNotFound());
        mvc.perform(get("/models/424242")).andExpect(status().isNotFound());
        mvc.perform(get("/models/424242/sample.png"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/jobs/latest"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(get("/jobs").param("status", "DONE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/jobs").param("model", "stylegan"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("model"));
    }

    @Test
    void sampleCountOutOfRange() throws Exception {
        mvc.perform(get("/models/1/sample.png").param("count", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("count"))
                .andExpect(jsonPath("$.errors[0].message").value("must be between 1 and 256 (was 0)"));
        mvc.perform(get("/models/1/sample.png").param("count", "100000")).andExpect(status().isBadRequest());
    }

    private ResultActions submit(String json) throws Exception {
        return mvc.perform(post("/jobs").contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
