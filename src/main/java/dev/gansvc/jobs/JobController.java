package dev.gansvc.jobs;

import dev.gansvc.engine.model.LossPoint;
import dev.gansvc.engine.model.LossSeries;
import dev.gansvc.security.Caller;
import dev.gansvc.web.Echo;
import dev.gansvc.web.InvalidFieldException;
import dev.gansvc.web.NotFoundException;
import dev.gansvc.web.PagedListing;
import dev.gansvc.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@Tag(name = "Jobs", description = "Submit, watch, cancel, retry and delete training jobs")
@RestController
@RequestMapping("/jobs")
public class JobController {

    private static final String PROBLEM = "application/problem+json";
    private static final String CSV = "text/csv";
    /** Enough for a chart; a client that wants every point asks for all. */
    private static final String DEFAULT_MAX_POINTS = "2000";

    private final JobService jobs;
    private final LossPointRepository lossPoints;
    private final SnapshotRepository snapshots;
    private final JsonMapper json;

    public JobController(
            JobService jobs, LossPointRepository lossPoints, SnapshotRepository snapshots, JsonMapper json) {
        this.json = json;
        this.jobs = jobs;
        this.lossPoints = lossPoints;
        this.snapshots = snapshots;
    }

    @Operation(
            summary = "Submit a training job",
            description = "Queued jobs run in submission order on the next free worker.")
    @ApiResponse(responseCode = "202", description = "Queued; Location names the job")
    @ApiResponse(
            responseCode = "400",
            description = "Malformed JSON, unknown model or dataset, or a value out of range",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "415",
            description = "Body is not application/json",
            content = @Content(mediaType = PROBLEM))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JobView> submit(@RequestBody JobRequest request) {
        JobView job = jobs.submit(request, Caller.currentKeyId());
        return ResponseEntity.accepted()
                .location(URI.create("/jobs/" + job.id()))
                .body(job);
    }

    /** Sorted newest first unless sort names one of these. */
    private static final Paging PAGING =
            new Paging(Sort.by(Sort.Direction.DESC, "id"), Set.of("id", "createdAt", "status", "model", "dataset"));

    @Operation(summary = "List jobs, newest first, optionally by status, model family and dataset")
    @PagedListing
    @ApiResponse(
            responseCode = "400",
            description = "Unknown status or model family, or page, size or sort out of range",
            content = @Content(mediaType = PROBLEM))
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Page<JobView> list(
            @RequestParam(required = false) JobStatus status,
            @Parameter(description = "Only this model family's jobs") @RequestParam(required = false) String model,
            @Parameter(description = "Only the jobs on this dataset") @RequestParam(required = false) String dataset,
            HttpServletRequest request) {
        return jobs.list(status, model, dataset, PAGING.of(request));
    }

    @Operation(summary = "A job: status, progress (iteration, epoch, images/s, ETA), timestamps, error, model id")
    @ApiResponse(responseCode = "200", description = "The job")
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = PROBLEM))
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public JobView get(@PathVariable long id) {
        return jobs.get(id);
    }

    @Operation(
            summary = "Cancel a queued or running job",
            description = "A running job stops at its next step; its losses stay.")
    @ApiResponse(responseCode = "202", description = "Cancelled, or cancellation requested")
    @ApiResponse(
            responseCode = "403",
            description = "A trainer's key, and another key submitted the job",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "409",
            description = "The job has already finished",
            content = @Content(mediaType = PROBLEM))
    @PostMapping(path = "/{id}/cancel", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JobView> cancel(@PathVariable long id) {
        requireOwner(id);
        return ResponseEntity.accepted().body(jobs.cancel(id));
    }

    @Operation(
            summary = "Retry a failed or cancelled job",
            description = "Back in the queue, to resume from its last checkpoint (from scratch if it has none); "
                    + "its losses and sample grids up to the checkpoint stay. Its attempts start again at zero.")
    @ApiResponse(responseCode = "202", description = "Queued again")
    @ApiResponse(
            responseCode = "403",
            description = "A trainer's key, and another key submitted the job",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "409",
            description = "The job is queued, running or has succeeded",
            content = @Content(mediaType = PROBLEM))
    @PostMapping(path = "/{id}/retry", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JobView> retry(@PathVariable long id) {
        requireOwner(id);
        return ResponseEntity.accepted().body(jobs.retry(id));
    }

    @Operation(
            summary = "Delete a finished job and its model",
            description = "A SUCCEEDED, FAILED or CANCELLED job goes with everything it recorded: its losses, sample "
                    + "grids and checkpoint, and the model it trained with that model's artifact (GET /models/{id} is "
                    + "then 404 too). A queued or running job must be cancelled first.")
    @ApiResponse(responseCode = "204", description = "Deleted, with its model")
    @ApiResponse(
            responseCode = "403",
            description = "A trainer's key, and another key submitted the job",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = PROBLEM))
    @ApiResponse(
            responseCode = "409",
            description = "The job is queued or running: cancel it first",
            content = @Content(mediaType = PROBLEM))
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        requireOwner(id);
        jobs.delete(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Loss curve: the model's losses per training step",
            description = "Readable while the job runs. GANs record dLoss, gLoss and the mean D(x), D(G(z)); "
                    + "other models their own values, named in 'series'. maxPoints (2000 unless given; all for every point) "
                    + "downsamples with largest-triangle-three-buckets, which keeps real points and the curve's shape. "
                    + "CSV with Accept: text/csv.")
    @ApiResponse(
            responseCode = "200",
            description = "The recorded points",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = LossCurve.class)),
                @Content(mediaType = CSV, schema = @Schema(type = "string"))
            })
    @ApiResponse(
            responseCode = "400",
            description = "from/to/maxPoints out of range",
            content = @Content(mediaType = PROBLEM))
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = PROBLEM))
    @GetMapping(path = "/{id}/losses", produces = MediaType.APPLICATION_JSON_VALUE)
    public LossCurve losses(
            @PathVariable long id,
            @Parameter(description = "First iteration (inclusive)") @RequestParam(defaultValue = "0") long from,
            @Parameter(description = "Last iteration (inclusive)") @RequestParam(required = false) Long to,
            @Parameter(description = "At most this many points (3 to 100000), or all")
                    @RequestParam(defaultValue = DEFAULT_MAX_POINTS)
                    String maxPoints) {
        if (from < 0) {
            throw new InvalidFieldException("from", "must be at least 0 (was " + from + ")");
        }
        long last = to == null ? Long.MAX_VALUE : to;
        if (last < from) {
            throw new InvalidFieldException("to", "must not be less than from (" + from + "), was " + last);
        }
        int most = maxPoints(maxPoints);
        List<LossSeries> series = series(jobs.find(id));
        List<LossPoint> all = lossPoints.find(id, from, last, series.size());
        return LossCurve.of(id, all.size(), series, LossCurves.downsample(all, most));
    }

    @Operation(hidden = true)
    @GetMapping(path = "/{id}/losses", produces = CSV)
    public String lossesCsv(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") long from,
            @RequestParam(required = false) Long to,
            @RequestParam(defaultValue = DEFAULT_MAX_POINTS) String maxPoints) {
        LossCurve curve = losses(id, from, to, maxPoints);
        StringBuilder out = new StringBuilder("iteration,epoch");
        curve.series().forEach(name -> out.append(',').append(name));
        out.append('\n');
        for (Map<String, Object> p : curve.points()) {
            out.append(p.get("iteration")).append(',').append(p.get("epoch"));
            for (String name : curve.series()) {
                Object v = p.get(name);
                out.append(',').append(v == null ? "" : v);
            }
            out.append('\n');
        }
        return out.toString();
    }

    @Operation(
            summary = "Quality curve: the samples' quality over the run",
            description = "Measured every qualityEvery epochs while the job trained (none when it is 0, the default), "
                    + "and when it ended (the point marked final, the job's own quality). Readable while the job runs. "
                    + "CSV with Accept: text/csv, one column per figure.")
    @ApiResponse(
            responseCode = "200",
            description = "The measured points",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(implementation = QualityCurve.class)),
                @Content(mediaType = CSV, schema = @Schema(type = "string"))
            })
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = PROBLEM))
    @GetMapping(path = "/{id}/quality", produces = MediaType.APPLICATION_JSON_VALUE)
    public QualityCurve quality(@PathVariable long id) {
        Job job = jobs.find(id);
        return QualityCurve.of(job, jobs.spec(job).epochs(), snapshots.qualities(id), json);
    }

    @Operation(hidden = true)
    @GetMapping(path = "/{id}/quality", produces = CSV)
    public String qualityCsv(@PathVariable long id) {
        return quality(id).csv();
    }

    @Operation(summary = "Loss curve as a chart", description = "Downsampled to at most 800 points.")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.IMAGE_PNG_VALUE,
                            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = PROBLEM))
    @GetMapping(path = "/{id}/losses.png", produces = MediaType.IMAGE_PNG_VALUE)
    public ResponseEntity<byte[]> lossesPng(@PathVariable long id) {
        Job job = jobs.find(id);
        List<LossSeries> series = series(job);
        List<LossPoint> points = LossCurves.downsample(lossPoints.find(id, 0, Long.MAX_VALUE, series.size()), 800);
        String title = "job %d: %s on %s, %s, %d of %d iterations"
                .formatted(
                        id,
                        job.getModel(),
                        job.getDataset(),
                        job.getStatus(),
                        job.getIteration(),
                        job.getTotalIterations());
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(LossChart.png(title, series, points));
    }

    @Operation(summary = "Sample grids taken at the end of each epoch")
    @ApiResponse(responseCode = "200", description = "Epochs with a grid, and where to get each")
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = PROBLEM))
    @GetMapping(path = "/{id}/snapshots", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, List<SnapshotView>> snapshots(@PathVariable long id) {
        jobs.find(id);
        return Map.of(
                "snapshots",
                snapshots.list(id, 0).stream().map(s -> SnapshotView.of(id, s)).toList());
    }

    @Operation(summary = "The sample grid taken at the end of an epoch")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.IMAGE_PNG_VALUE,
                            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(
            responseCode = "404",
            description = "No such job or no snapshot for that epoch",
            content = @Content(mediaType = PROBLEM))
    @GetMapping(path = "/{id}/snapshots/{epoch}.png", produces = MediaType.IMAGE_PNG_VALUE)
    public ResponseEntity<byte[]> snapshot(@PathVariable long id, @PathVariable int epoch) {
        jobs.find(id);
        byte[] png = snapshots
                .png(id, epoch)
                .orElseThrow(() -> new NotFoundException("job " + id + " has no snapshot for epoch " + epoch));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png);
    }

    private static int maxPoints(String value) {
        if (value.equals("all")) {
            return Integer.MAX_VALUE;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 3 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new InvalidFieldException(
                "maxPoints", "must be between 3 and 100000, or all (was " + Echo.value(value) + ")");
    }

    /** A trainer may cancel, retry and delete only the jobs its own key submitted (403); admins and open mode any. */
    private void requireOwner(long id) {
        if (Caller.restrictedToOwn()) {
            Caller.requireOwner(jobs.find(id).getSubmittedBy(), "job " + id);
        }
    }

    private List<LossSeries> series(Job job) {
        return jobs.family(job).lossSeries();
    }
}
