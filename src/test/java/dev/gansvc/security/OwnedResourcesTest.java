package dev.gansvc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobStatus;
import dev.gansvc.support.Jobs;
import dev.gansvc.support.KeyedRequests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * In keys mode a trainer deletes the datasets and jobs its own key made, not another key's; a
 * job goes with its history, checkpoint and model; and a key's datasets have a storage quota.
 * Its worker trains real (tiny) jobs.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:owners;DB_CLOSE_DELAY=-1",
            "gan.security.mode=keys",
            "gan.security.admin-key=" + OwnedResourcesTest.ADMIN,
            "gan.uploads.max-storage-per-key=" + OwnedResourcesTest.MAX_STORAGE
        })
@AutoConfigureMockMvc
class OwnedResourcesTest {

    static final String ADMIN = "test-admin-key-owned-0123456789";
    static final long MAX_STORAGE = 4000;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    KeyedRequests requests;

    @BeforeEach
    void keyedRequests() {
        requests = new KeyedRequests(mvc, json, ADMIN);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JobRepository jobs;

    @Test
    void aTrainerDeletesTheDatasetsItsKeyUploaded() throws Exception {
        JsonNode owner = requests.create("dataset owner", "trainer");
        String ownerKey = owner.get("key").asString();
        String otherKey = requests.create("dataset other", "trainer").get("key").asString();
        String readerKey =
                requests.create("dataset reader", "reader").get("key").asString();

        JsonNode view = upload(ownerKey, "owned-rows", rows(50, 1))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.uploadedBy").value(owner.get("id").asLong()))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .transform(json::readTree);
        assertThat(view.get("sizeBytes").asLong()).isPositive();
        requests.as(readerKey, get("/datasets/owned-rows"))
                .andExpect(jsonPath("$.uploadedBy").value(owner.get("id").asLong()));
        requests.as(readerKey, get("/datasets/ring8"))
                .andExpect(jsonPath("$.uploadedBy").doesNotExist());

        requests.as(readerKey, delete("/datasets/owned-rows")).andExpect(status().isForbidden());
        requests.as(otherKey, delete("/datasets/owned-rows"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("belongs to another key")));
        requests.as(otherKey, get("/datasets/owned-rows")).andExpect(status().isOk());
        requests.as(ownerKey, delete("/datasets/owned-rows")).andExpect(status().isNoContent());
        requests.as(ownerKey, get("/datasets/owned-rows")).andExpect(status().isNotFound());

        // An admin deletes any.
        upload(otherKey, "others-rows", rows(50, 2)).andExpect(status().isCreated());
        requests.as(ADMIN, delete("/datasets/others-rows")).andExpect(status().isNoContent());
    }

    @Test
    void aFinishedJobIsDeletedWithItsHistoryAndItsModel() throws Exception {
        JsonNode owner = requests.create("job owner", "trainer");
        String ownerKey = owner.get("key").asString();
        String otherKey = requests.create("job other", "trainer").get("key").asString();
        upload(ownerKey, "job-rows", rows(60, 3)).andExpect(status().isCreated());

        long id = submit(ownerKey, "job-rows", 2);
        Jobs.awaitStatus(jobs, id, JobStatus.SUCCEEDED, Duration.ofMinutes(3));
        long modelId = jobs.findById(id).orElseThrow().getModelId();
        long artifactId = jdbc.queryForObject("SELECT artifact_id FROM models WHERE id = ?", Long.class, modelId);
        requests.as(ownerKey, get("/models/" + modelId + "/sample.png?count=4")).andExpect(status().isOk());
        assertThat(count("loss_values", id)).isPositive();
        assertThat(count("snapshots", id)).isPositive();

        requests.as(otherKey, delete("/jobs/" + id))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        requests.as(ownerKey, delete("/jobs/" + id)).andExpect(status().isNoContent());

        requests.as(ownerKey, get("/jobs/" + id)).andExpect(status().isNotFound());
        requests.as(ownerKey, get("/models/" + modelId)).andExpect(status().isNotFound());
        // Not served from the generator cache either.
        requests.as(ownerKey, get("/models/" + modelId + "/sample.png?count=4")).andExpect(status().isNotFound());
        assertThat(count("loss_values", id)).isZero();
        assertThat(count("snapshots", id)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM artifacts WHERE id = ?", Long.class, artifactId))
                .as("the model's artifact")
                .isZero();
        requests.as(ownerKey, delete("/jobs/" + id)).andExpect(status().isNotFound());
        requests.as(ownerKey, delete("/datasets/job-rows")).andExpect(status().isNoContent());
    }

    @Test
    void aQueuedOrRunningJobIsCancelledBeforeItIsDeleted() throws Exception {
        JsonNode owner = requests.create("long job owner", "trainer");
        String ownerKey = owner.get("key").asString();
        upload(ownerKey, "long-rows", rows(60, 4)).andExpect(status().isCreated());

        long running = submit(ownerKey, "long-rows", 1000);
        Jobs.await(
                jobs,
                running,
                j -> j.getStatus() == JobStatus.RUNNING && count("checkpoints", j.getId()) > 0,
                "running with a checkpoint",
                Duration.ofMinutes(2));
        long queued = submit(ownerKey, "long-rows", 1); // behind the running one on the only worker
        for (long id : new long[] {running, queued}) {
            requests.as(ownerKey, delete("/jobs/" + id))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(containsString("cancel it first")));
            requests.as(ownerKey, get("/jobs/" + id)).andExpect(status().isOk());
        }

        requests.as(ownerKey, post("/jobs/" + queued + "/cancel")).andExpect(status().isAccepted());
        requests.as(ownerKey, post("/jobs/" + running + "/cancel")).andExpect(status().isAccepted());
        Jobs.awaitStatus(jobs, running, JobStatus.CANCELLED, Duration.ofMinutes(1));
        assertThat(count("checkpoints", running)).as("kept for a retry").isPositive();

        // Cancelled: gone with its checkpoint and losses (an admin may delete any).
        requests.as(ADMIN, delete("/jobs/" + running)).andExpect(status().isNoContent());
        requests.as(ownerKey, delete("/jobs/" + queued)).andExpect(status().isNoContent());
        assertThat(count("checkpoints", running)).isZero();
        assertThat(count("loss_values", running)).isZero();
        assertThat(jobs.existsById(running)).isFalse();
        assertThat(jobs.existsById(queued)).isFalse();
    }

    @Test
    void aKeysDatasetsHaveAStorageQuota() throws Exception {
        String fullKey = requests.create("storage full", "trainer").get("key").asString();
        String otherKey = requests.create("storage other", "trainer").get("key").asString();
        byte[] table = rows(500, 5);

        long size = upload(fullKey, "quota-first", table)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString()
                .transform(json::readTree)
                .get("sizeBytes")
                .asLong();
        assertThat(size).as("one fits, two do not").isBetween(MAX_STORAGE / 2 + 1, MAX_STORAGE);

        upload(fullKey, "quota-second", table)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, "60"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("gan.uploads.max-storage-per-key")))
                .andExpect(jsonPath("$.detail").value(containsString("stores " + size + " bytes")));
        requests.as(fullKey, get("/datasets/quota-second")).andExpect(status().isNotFound()); // nothing stored

        // Per key: another key has room of its own.
        upload(otherKey, "quota-other", table).andExpect(status().isCreated());

        // Deleting a dataset makes room.
        requests.as(fullKey, delete("/datasets/quota-first")).andExpect(status().isNoContent());
        upload(fullKey, "quota-second", table).andExpect(status().isCreated());
    }

    private long count(String table, long jobId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE job_id = ?", Long.class, jobId);
    }

    /** A CSV table of {@code n} random rows of two columns: random, so that its stored size is about 4 bytes a value. */
    private static byte[] rows(int n, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < n; i++) {
            csv.append(String.format(Locale.ROOT, "%.7f,%.7f%n", random.nextDouble(), random.nextDouble()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private ResultActions upload(String key, String name, byte[] csv) throws Exception {
        return requests.as(
                key,
                post("/datasets").param("name", name).contentType("text/csv").content(csv));
    }

    private long submit(String key, String dataset, int epochs) throws Exception {
        String body = requests.as(
                        key,
                        post("/jobs")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"model\":\"gan\",\"dataset\":\"%s\",\"epochs\":%d,\"batchSize\":16}"
                                        .formatted(dataset, epochs)))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body).get("id").asLong();
    }
}
