package dev.gansvc.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gansvc.GanProperties;
import dev.gansvc.support.KeyedRequests;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * gan.security.mode=keys: 401 without a valid key, 403 for a role that may not act, keys stored
 * hashed; sampling and uploads limited per key, and invalid keys per address (429).
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:keys;DB_CLOSE_DELAY=-1",
            "gan.workers.enabled=false",
            "gan.security.mode=keys",
            "gan.security.admin-key=" + ApiKeysTest.ADMIN,
            "gan.jobs.max-unfinished-per-key=2",
            "gan.jobs.max-unfinished=3",
            "gan.rates.sampling-per-minute=3",
            "gan.rates.uploads-per-hour=2"
        })
@AutoConfigureMockMvc
class ApiKeysTest {

    static final String ADMIN = "test-admin-key-0123456789abcdef";
    private static final String JOB = "{\"model\":\"dcgan\",\"dataset\":\"mnist-small\"}";

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
    GanProperties properties;

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
        JsonNode reader = requests.create("reader one", "reader");
        JsonNode trainer = requests.create("trainer one", "trainer");
        JsonNode other = requests.create("trainer two", "trainer");
        String readerKey = reader.get("key").asString();
        String trainerKey = trainer.get("key").asString();
        String otherKey = other.get("key").asString();
        assertThat(reader.get("role").asString()).isEqualTo("reader");
        assertThat(readerKey).isNotBlank();

        // Listed without keys or hashes.
        String listed = requests.as(ADMIN, get("/keys"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(listed)
                .contains("reader one", "trainer two")
                .doesNotContain(readerKey, trainerKey, "\"key\"", "keyHash", "key_hash");

        // A reader reads, but submits nothing and manages no keys.
        requests.as(readerKey, get("/jobs")).andExpect(status().isOk());
        requests.as(readerKey, get("/datasets")).andExpect(status().isOk());
        requests.as(
                        readerKey,
                        post("/jobs").contentType(MediaType.APPLICATION_JSON).content(JOB))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        requests.as(readerKey, get("/keys")).andExpect(status().isForbidden());
        requests.as(trainerKey, get("/keys")).andExpect(status().isForbidden());
        requests.as(readerKey, delete("/datasets/whatever")).andExpect(status().isForbidden());
        requests.as(trainerKey, delete("/datasets/whatever")).andExpect(status().isNotFound());
        // Imports have no owning key: only an admin deletes them; a reader imports nothing.
        requests.as(trainerKey, delete("/models/987654")).andExpect(status().isForbidden());
        requests.as(ADMIN, delete("/models/987654")).andExpect(status().isNotFound());
        requests.as(readerKey, post("/models").contentType("application/zip").content(new byte[] {1}))
                .andExpect(status().isForbidden());

        // A trainer submits and cancels its own job; the job names its key.
        long own = submit(trainerKey, trainer.get("id").asLong());
        requests.as(trainerKey, post("/jobs/" + own + "/cancel"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        requests.as(trainerKey, post("/jobs/" + own + "/retry")).andExpect(status().isAccepted());

        // Not another trainer's.
        requests.as(otherKey, post("/jobs/" + own + "/cancel"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        requests.as(otherKey, post("/jobs/" + own + "/retry")).andExpect(status().isForbidden());
        requests.as(readerKey, post("/jobs/" + own + "/cancel")).andExpect(status().isForbidden());

        // An admin cancels any.
        requests.as(ADMIN, post("/jobs/" + own + "/cancel"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.submittedBy").value(trainer.get("id").asLong()));

        // A reader follows a job's live events (the stream's async part passes as its request did); no key, no stream.
        MvcResult stream = requests.as(readerKey, get("/jobs/" + own + "/events"))
                .andExpect(request().asyncStarted())
                .andReturn();
        stream.getAsyncResult(10_000);
        mvc.perform(asyncDispatch(stream))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("event:status")))
                .andExpect(content().string(containsString("event:end")));
        mvc.perform(get("/jobs/" + own + "/events")).andExpect(status().isUnauthorized());

        // A deleted key is refused.
        requests.as(ADMIN, delete("/keys/" + other.get("id").asLong())).andExpect(status().isNoContent());
        requests.as(otherKey, get("/jobs")).andExpect(status().isUnauthorized());
        requests.as(ADMIN, delete("/keys/" + other.get("id").asLong())).andExpect(status().isNotFound());
    }

    @Test
    void noKeyFillsTheQueueAndTheQueueHasABound() throws Exception {
        JsonNode first = requests.create("first-trainer", "trainer");
        JsonNode second = requests.create("second-trainer", "trainer");
        String firstKey = first.get("key").asString();
        String secondKey = second.get("key").asString();
        long a = submit(firstKey, first.get("id").asLong());
        long b = submit(firstKey, first.get("id").asLong());
        requests.as(
                        firstKey,
                        post("/jobs").contentType(MediaType.APPLICATION_JSON).content(JOB))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(jsonPath("$.detail").value(containsString("gan.jobs.max-unfinished-per-key")));
        long c = submit(secondKey, second.get("id").asLong());
        requests.as(
                        secondKey,
                        post("/jobs").contentType(MediaType.APPLICATION_JSON).content(JOB))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value(containsString("gan.jobs.max-unfinished)")));

        requests.as(firstKey, post("/jobs/" + a + "/cancel")).andExpect(status().isAccepted());
        long d = submit(secondKey, second.get("id").asLong());
        for (long id : new long[] {b, c, d}) {
            requests.as(ADMIN, post("/jobs/" + id + "/cancel")).andExpect(status().isAccepted());
        }
    }

    @Test
    void aKeyNeedsANameAndAKnownRole() throws Exception {
        requests.as(
                        ADMIN,
                        post("/keys")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\":\"x\",\"role\":\"root\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        requests.as(ADMIN, post("/keys").contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"reader\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void keysAreStoredHashed() throws Exception {
        String key = requests.create("hashed", "reader").get("key").asString();
        List<String> stored = jdbc.queryForList("SELECT key_hash FROM api_keys", String.class);
        assertThat(stored).contains(ApiKeys.hash(key), ApiKeys.hash(ADMIN)).doesNotContain(key, ADMIN);
        String everything = jdbc.queryForList("SELECT * FROM api_keys").toString();
        assertThat(everything).doesNotContain(key).doesNotContain(ADMIN);
    }

    @Test
    void samplingAndUploadsAreRateLimitedPerKey() throws Exception {
        String first = requests.create("first-sampler", "trainer").get("key").asString();
        String second = requests.create("second-sampler", "trainer").get("key").asString();

        // gan.rates.uploads-per-hour=2: two uploads, then one back every 30 minutes.
        requests.as(first, upload("rated-1")).andExpect(status().isCreated());
        requests.as(first, upload("rated-2")).andExpect(status().isCreated());
        ResultActions refused = requests.as(first, upload("rated-3"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail")
                        .value(containsString("this API key has used its 2 uploads an hour, the most allowed "
                                + "(gan.rates.uploads-per-hour); try again in ")));
        assertThat(retryAfter(refused)).isBetween(1700, 1800);
        requests.as(second, upload("rated-3")).andExpect(status().isCreated());
        requests.as(first, get("/datasets")).andExpect(status().isOk());

        // gan.rates.sampling-per-minute=3, counted before the model is looked up: one back every 20 s.
        requests.as(first, get("/models/987654321/sample.png")).andExpect(status().isNotFound());
        requests.as(first, get("/models/987654321/samples")).andExpect(status().isNotFound());
        requests.as(first, get("/models/987654321/interpolation.png")).andExpect(status().isNotFound());
        refused = requests.as(
                        first,
                        post("/models/987654321/reconstructions")
                                .contentType("text/csv")
                                .content("1,2\n"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("(gan.rates.sampling-per-minute)")));
        assertThat(retryAfter(refused)).isBetween(1, 20);
        requests.as(first, get("/models/987654321")).andExpect(status().isNotFound());
        requests.as(second, get("/models/987654321/sample.png")).andExpect(status().isNotFound());
    }

    @Test
    void anAddressThatSendsInvalidKeysIsStoppedBeforeTheKeyIsChecked() throws Exception {
        String guesser = "192.0.2.7";
        int allowed = properties.rates().failedLoginsPerMinute();
        for (int i = 0; i < allowed; i++) {
            mvc.perform(from(guesser, get("/jobs").header(HttpHeaders.AUTHORIZATION, "Bearer guess-" + i)))
                    .andExpect(status().isUnauthorized());
        }
        ResultActions refused = mvc.perform(
                        from(guesser, get("/jobs").header(HttpHeaders.AUTHORIZATION, "Bearer guess")))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.title").value("Too many requests"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail")
                        .value(containsString("this address has used its " + allowed
                                + " requests with an invalid API key a minute, the most allowed "
                                + "(gan.rates.failed-logins-per-minute)")));
        assertThat(retryAfter(refused)).isBetween(1, 60 / allowed);
        // Not even a valid key is looked at from there...
        mvc.perform(from(guesser, get("/jobs").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)))
                .andExpect(status().isTooManyRequests());
        // ...while other addresses are not affected.
        requests.as(ADMIN, get("/jobs")).andExpect(status().isOk());
        mvc.perform(from("192.0.2.8", get("/jobs").header(HttpHeaders.AUTHORIZATION, "Bearer guess")))
                .andExpect(status().isUnauthorized());
    }

    private static MockHttpServletRequestBuilder upload(String name) {
        return post("/datasets?name=" + name).contentType("text/csv").content("a,b\n1,2\n3,4\n5,6\n7,8\n");
    }

    private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    private static int retryAfter(ResultActions result) {
        return Integer.parseInt(result.andReturn().getResponse().getHeader(HttpHeaders.RETRY_AFTER));
    }

    private long submit(String key, long keyId) throws Exception {
        String body = requests.as(
                        key,
                        post("/jobs").contentType(MediaType.APPLICATION_JSON).content(JOB))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.submittedBy").value(keyId))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body).get("id").asLong();
    }
}
