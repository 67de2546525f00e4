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

import java.util.List;
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

/** gan.security.mode=keys: 401 without a valid key, 403 for a role that may not act, keys stored hashed. */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:keys;DB_CLOSE_DELAY=-1",
            "gan.workers.enabled=false",
            "gan.security.mode=keys",
            "gan.security.admin-key=" + ApiKeysTest.ADMIN,
            "gan.jobs.max-unfinished-per-key=2",
            "gan.jobs.max-unfinished=3"
        })
@AutoConfigureMockMvc
class ApiKeysTest {

    static final String ADMIN = "test-admin-key-0123456789abcdef";
    private static final String JOB = "{\"model\":\"dcgan\",\"dataset\":\"mnist-small\"}";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void withoutAValidKeyEverythingButHealthAndDocsIs401() throws Exception {
        for (String header : new String[] {null, "Bearer nope", "Basic YTpi", "Bearer "}) {
            var request = get("/jobs");
            if (header != null) {
                request.header(HttpHeaders.AUTHORIZATION, header);
            }
            mvc.perform(request)
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(401));
        }
        mvc.perform(post("/jobs").contentType(MediaType.APPLICATION_JSON).content(JOB))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/keys")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
    }

    @Test
    void rolesDecideWhatAKeyMayDo() throws Exception {
        JsonNode reader = create("reader one", "reader");
        JsonNode trainer = create("trainer one", "trainer");
        JsonNode other = create("trainer two", "trainer");
        String readerKey = reader.get("key").asString();
        String trainerKey = trainer.get("key").asString();
        String otherKey = other.get("key").asString();
        assertThat(reader.get("role").asString()).isEqualTo("reader");
        assertThat(readerKey).isNotBlank();

        // Listed without keys or hashes.
        String listed = as(ADMIN, get("/keys"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(listed)
                .contains("reader one", "trainer two")
                .doesNotContain(readerKey, trainerKey, "\"key\"", "keyHash", "key_hash");

        // A reader reads, but submits nothing and manages no keys.
        as(readerKey, get("/jobs")).andExpect(status().isOk());
        as(readerKey, get("/datasets")).andExpect(status().isOk());
        as(readerKey, post("/jobs").contentType(MediaType.APPLICATION_JSON).content(JOB))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        as(readerKey, get("/keys")).andExpect(status().isForbidden());
        as(trainerKey, get("/keys")).andExpect(status().isForbidden());
        as(readerKey, delete("/datasets/whatever")).andExpect(status().isForbidden());
        as(trainerKey, delete("/datasets/whatever")).andExpect(status().isNotFound());

        // A trainer submits and cancels its own job; the job names its key.
        long own = submit(trainerKey, trainer.get("id").asLong());
        as(trainerKey, post("/jobs/" + own + "/cancel"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        as(trainerKey, post("/jobs/" + own + "/retry")).andExpect(status().isAccepted());

        // Not another trainer's.
        as(otherKey, post("/jobs/" + own + "/cancel"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        as(otherKey, post("/jobs/" + own + "/retry")).andExpect(status().isForbidden());
        as(readerKey, post("/jobs/" + own + "/cancel")).andExpect(status().isForbidden());

        // An admin cancels any.
        as(ADMIN, post("/jobs/" + own + "/cancel"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.submittedBy").value(trainer.get("id").asLong()));

        // A deleted key is refused.
        as(ADMIN, delete("/keys/" + other.get("id").asLong())).andExpect(status().isNoContent());
        as(otherKey, get("/jobs")).andExpect(status().isUnauthorized());
        as(ADMIN, delete("/keys/" + other.get("id").asLong())).andExpect(status().isNotFound());
    }

    @Test
    void noKeyFillsTheQueueAndTheQueueHasABound() throws Exception {
        JsonNode first = create("first-trainer", "trainer");
        JsonNode second = create("second-trainer", "trainer");
        String firstKey = first.get("key").asString();
        String secondKey = second.get("key").asString();
        long a = submit(firstKey, first.get("id").asLong());
        long b = submit(firstKey, first.get("id").asLong());
        as(firstKey, post("/jobs").contentType(MediaType.APPLICATION_JSON).content(JOB))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(jsonPath("$.detail").value(containsString("gan.jobs.max-unfinished-per-key")));
        long c = submit(secondKey, second.get("id").asLong());
        as(secondKey, post("/jobs").contentType(MediaType.APPLICATION_JSON).content(JOB))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(containsString("gan.jobs.max-unfinished)")));

        as(firstKey, post("/jobs/" + a + "/cancel")).andExpect(status().isAccepted());
        long d = submit(secondKey, second.get("id").asLong());
        for (long id : new long[] {b, c, d}) {
            as(ADMIN, post("/jobs/" + id + "/cancel")).andExpect(status().isAccepted());
        }
    }

    @Test
    void aKeyNeedsANameAndAKnownRole() throws Exception {
        as(ADMIN, post("/keys").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"role\":\"root\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        as(ADMIN, post("/keys").contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"reader\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void keysAreStoredHashed() throws Exception {
        String key = create("hashed", "reader").get("key").asString();
        List<String> stored = jdbc.queryForList("SELECT key_hash FROM api_keys", String.class);
        assertThat(stored).contains(ApiKeys.hash(key), ApiKeys.hash(ADMIN)).doesNotContain(key, ADMIN);
        String everything = jdbc.queryForList("SELECT * FROM api_keys").toString();
        assertThat(everything).doesNotContain(key).doesNotContain(ADMIN);
    }

    private long submit(String key, long keyId) throws Exception {
        String body = as(
                        key,
                        post("/jobs").contentType(MediaType.APPLICATION_JSON).content(JOB))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.submittedBy").value(keyId))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    private JsonNode create(String name, String role) throws Exception {
        String body = as(
                        ADMIN,
                        post("/keys")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"" + name + "\",\"role\":\"" + role + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body);
    }

    private ResultActions as(
            String key, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key));
    }
}
