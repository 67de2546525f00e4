package dev.gansvc.events;

import dev.gansvc.jobs.JobService;
import dev.gansvc.web.Echo;
import dev.gansvc.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Tag(name = "Events", description = "Live training events as Server-Sent Events")
@RestController
public class EventController {

    private static final String PROBLEM = "application/problem+json";
    private static final String EVENTS_DESCRIPTION = "Events: losses (new loss points, batched per second), snapshot "
            + "(an epoch's sample grid is ready), progress and status (the job, as GET /jobs/{id} shows it), "
            + "deleted, and end (every job finished; the stream closes). Each event's id is a cursor: reconnecting "
            + "with Last-Event-ID resumes after it, without gaps or repeats. Comment lines keep idle streams open. "
            + "from=now (default) sends loss points after the iteration the job has reached (the first progress "
            + "event says which; GET /jobs/{id}/losses?to=it gives the rest), from=start every point.";

    /** Jobs one stream may follow: the compare page shows at most six. */
    static final int MAX_JOBS = 20;

    private final EventStreams streams;
    private final JobService jobs;

    public EventController(EventStreams streams, JobService jobs) {
        this.streams = streams;
        this.jobs = jobs;
    }

    @Operation(summary = "Live events of one job", description = EVENTS_DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "The event stream")
    @ApiResponse(
            responseCode = "400",
            description = "A malformed Last-Event-ID or from",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "429",
            description = "gan.events.max-streams streams are open",
            content = @Content(mediaType = PROBLEM))
    @GetMapping(path = "/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter jobEvents(
            @PathVariable long id,
            @Parameter(description = "now (default) or start: where the loss points begin")
                    @RequestParam(defaultValue = "now")
                    String from,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return open(List.of(id), from, lastEventId);
    }

    @Operation(summary = "Live events of several jobs in one stream", description = EVENTS_DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "The event stream; every event names its job")
    @ApiResponse(
            responseCode = "400",
            description = "jobs missing, malformed or more than 20; a malformed Last-Event-ID or from",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "429",
            description = "gan.events.max-streams streams are open",
            content = @Content(mediaType = PROBLEM))
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(
            @Parameter(description = "Job ids, comma-separated (at most 20)", example = "1,2,3") @RequestParam
                    String jobs,
            @Parameter(description = "now (default) or start: where the loss points begin")
                    @RequestParam(defaultValue = "now")
                    String from,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return open(jobIds(jobs), from, lastEventId);
    }

    private SseEmitter open(List<Long> ids, String from, String lastEventId) {
        if (!from.equals("now") && !from.equals("start")) {
            throw new InvalidFieldException("from", "must be now or start (was '" + Echo.value(from) + "')");
        }
        EventCursor resumed;
        try {
            resumed = EventCursor.parse(lastEventId == null ? "" : lastEventId);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("Last-Event-ID", e.getMessage());
        }
        ids.forEach(jobs::find); // 404 for a job that does not exist
        Map<Long, EventCursor.Position> positions = new LinkedHashMap<>();
        Set<Long> fromPresent = new LinkedHashSet<>();
        for (long id : ids) {
            positions.put(id, resumed.of(id));
            if (!resumed.jobs().containsKey(id) && from.equals("now")) {
                fromPresent.add(id);
            }
        }
        return streams.open(ids, new EventCursor(positions), fromPresent);
    }

    private static List<Long> jobIds(String jobs) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : jobs.split(",", -1)) {
            try {
                long id = Long.parseLong(part.strip());
                if (id > 0) {
                    ids.add(id);
                    continue;
                }
            } catch (NumberFormatException e) {
                // named below
            }
            throw new InvalidFieldException(
                    "jobs", "must be job ids separated by commas (was '" + Echo.value(jobs) + "')");
        }
        if (ids.size() > MAX_JOBS) {
            throw new InvalidFieldException(
                    "jobs", "names " + ids.size() + " jobs; one stream follows at most " + MAX_JOBS);
        }
        return new ArrayList<>(ids);
    }
}
