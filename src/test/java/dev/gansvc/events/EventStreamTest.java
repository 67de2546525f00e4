package dev.gansvc.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobStatus;
import dev.gansvc.support.Api;
import dev.gansvc.support.Jobs;
import dev.gansvc.support.ServerSentEvents;
import dev.gansvc.support.ServerSentEvents.Event;
import dev.gansvc.support.ServerSentEvents.Received;
import dev.gansvc.support.ServiceTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live events of real (small) training jobs over HTTP: every loss point once and in order, each
 * epoch's grid, the status changes, the end; resuming from an event's id; one stream for several
 * jobs; bad requests refused before a stream opens.
 */
@ServiceTest
class EventStreamTest {

    private static final Duration WAIT = Duration.ofMinutes(5);

    @Autowired
    JobRepository jobs;

    Api api;
    ServerSentEvents sse;

    @BeforeEach
    void connect(@LocalServerPort int port, @Autowired JsonMapper json) {
        api = new Api(port, json);
        sse = new ServerSentEvents(port, json);
    }

    @Test
    void aStreamFollowsAJobToItsEndAndResumesFromAnyEventWithoutGapsOrRepeats() throws Exception {
        long id = submit(11);
        Received live = sse.read("/jobs/" + id + "/events?from=start", null, Integer.MAX_VALUE, WAIT);

        assertThat(live.status()).isEqualTo(200);
        long total = jobs.findById(id).orElseThrow().getTotalIterations();
        assertThat(iterations(live.events())).as("every point once, in order").isEqualTo(range(1, total));
        assertThat(live.named("snapshot"))
                .extracting(e -> e.data().at("/snapshot/epoch").asInt())
                .containsExactly(1, 2);
        assertThat(live.named("snapshot").get(0).data().at("/snapshot/url").asString())
                .isEqualTo("/jobs/" + id + "/snapshots/1.png");
        List<Event> statuses = live.named("status");
        assertThat(statuses.get(statuses.size() - 1).data().get("status").asString())
                .isEqualTo("SUCCEEDED");
        assertThat(statuses.get(statuses.size() - 1).data().get("modelId").isNumber())
                .isTrue();
        assertThat(live.events().get(live.events().size() - 1).name()).isEqualTo("end");
        assertThat(live.named("progress"))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.data().get("id").asLong()).isEqualTo(id));

        // Reconnecting after any event gives exactly what came after it.
        List<Event> losses = live.named("losses");
        Event middle = losses.get(losses.size() / 2);
        long resumedAfter = last(middle);
        Received resumed = sse.read("/jobs/" + id + "/events", middle.id(), Integer.MAX_VALUE, WAIT);
        assertThat(iterations(resumed.events())).isEqualTo(range(resumedAfter + 1, total));
        assertThat(resumed.named("status"))
                .as("the status was not yet final at that event")
                .hasSize(1);
        assertThat(resumed.events().get(resumed.events().size() - 1).name()).isEqualTo("end");

        Event lastEvent = live.events().get(live.events().size() - 1);
        Received afterEnd = sse.read("/jobs/" + id + "/events", lastEvent.id(), Integer.MAX_VALUE, WAIT);
        assertThat(afterEnd.events()).extracting(Event::name).containsExactly("progress", "end");
    }

    @Test
    void fromNowStartsAtTheIterationTheJobHasReached() throws Exception {
        long id = submit(12);
        Jobs.awaitStatus(jobs, id, JobStatus.SUCCEEDED, WAIT);
        Received now = sse.read("/jobs/" + id + "/events", null, Integer.MAX_VALUE, WAIT);
        assertThat(now.named("losses")).isEmpty();
        assertThat(now.named("progress").get(0).data().at("/progress/iteration").asLong())
                .isEqualTo(jobs.findById(id).orElseThrow().getTotalIterations());
        assertThat(now.named("snapshot")).as("the grids there are").hasSize(2);
        assertThat(now.named("status")).hasSize(1);
    }

    @Test
    void oneStreamFollowsSeveralJobs() throws Exception {
        long a = submit(13);
        long b = submit(14);
        Received both = sse.read("/events?from=start&jobs=" + a + "," + b, null, Integer.MAX_VALUE, WAIT);
        for (long id : List.of(a, b)) {
            List<Event> own = both.events().stream()
                    .filter(e ->
                            e.name().equals("losses") && e.data().get("jobId").asLong() == id)
                    .toList();
            assertThat(iterations(own))
                    .isEqualTo(range(1, jobs.findById(id).orElseThrow().getTotalIterations()));
            assertThat(both.named("snapshot"))
                    .filteredOn(e -> e.data().get("job").asLong() == id)
                    .hasSize(2);
        }
        assertThat(both.named("end")).hasSize(1);
        assertThat(both.events().get(both.events().size() - 1).id())
                .as("the last id holds both jobs' positions")
                .startsWith(a + ":")
                .contains("," + b + ":");
    }

    @Test
    void badRequestsAreRefusedBeforeAStreamOpens() throws Exception {
        long id = submit(15);
        assertProblem(api.get("/events?jobs=1,x", "text/event-stream"), 400, "jobs");
        assertProblem(api.get("/events?jobs=", "text/event-stream"), 400, "jobs");
        assertProblem(api.get("/jobs/" + id + "/events?from=later", "text/event-stream"), 400, "from");
        assertProblem(api.get("/jobs/987654321/events", "text/event-stream"), 404, "job 987654321");
        HttpResponse<String> badCursor =
                api.get("/jobs/" + id + "/events", "text/event-stream", "Last-Event-ID", "7:x");
        assertProblem(badCursor, 400, "Last-Event-ID");
    }

    private long submit(long seed) throws Exception {
        // Two epochs of 492 steps (some seconds): two grids, and loss points over several looks.
        HttpResponse<String> submitted = api.postJson("/jobs", """
                {"model": "gan", "dataset": "ring8", "epochs": 2, "seed": %d}""".formatted(seed));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        return api.readJson(submitted.body()).get("id").asLong();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String named) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains(named).doesNotContain("Exception");
    }

    private static List<Long> iterations(List<Event> events) {
        List<Long> all = new ArrayList<>();
        for (Event e : events) {
            if (e.name().equals("losses")) {
                e.data().get("points").forEach(p -> all.add(p.get("iteration").asLong()));
            }
        }
        return all;
    }

    private static long last(Event losses) {
        JsonNode points = losses.data().get("points");
        return points.get(points.size() - 1).get("iteration").asLong();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }
}
