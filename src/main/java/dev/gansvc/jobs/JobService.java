package dev.gansvc.jobs;

import dev.gansvc.datasets.DatasetCatalog;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.TrainingSettings;
import dev.gansvc.engine.quality.QualityReport;
import dev.gansvc.web.ConflictException;
import dev.gansvc.web.Echo;
import dev.gansvc.web.InvalidFieldException;
import dev.gansvc.web.NotFoundException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Submitting, reading, cancelling, retrying and deleting jobs. */
@Service
public class JobService {

    private final JobRepository jobs;
    private final JobTransitions transitions;
    private final JobSpecResolver resolver;
    private final JobQuota quota;
    private final JobOutputs outputs;
    private final DatasetCatalog datasets;
    private final ModelFamilies families;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public JobService(
            JobRepository jobs,
            JobTransitions transitions,
            JobSpecResolver resolver,
            DatasetCatalog datasets,
            ModelFamilies families,
            JsonMapper json,
            ApplicationEventPublisher events,
            Clock clock,
            JobQuota quota,
            JobOutputs outputs) {
        this.quota = quota;
        this.outputs = outputs;
        this.jobs = jobs;
        this.transitions = transitions;
        this.resolver = resolver;
        this.datasets = datasets;
        this.families = families;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** Validates the request against the catalogues, fills in defaults and queues the job. */
    public JobView submit(JobRequest request) {
        return submit(request, null);
    }

    /** As {@link #submit(JobRequest)}, recording the API key that submitted it (null: none). */
    public JobView submit(JobRequest request, Long submittedBy) {
        JobSpecResolver.Resolved resolved = resolver.resolve(request);
        quota.check(submittedBy);
        JobSpec spec = resolved.spec();
        Job fresh = new Job(
                spec.model(),
                spec.dataset(),
                json.writeValueAsString(spec),
                resolved.plan().totalIterations(),
                clock.instant());
        fresh.submittedBy(submittedBy);
        Job job = jobs.save(fresh);
        events.publishEvent(new JobEvents.Submitted(job.getId()));
        return view(job);
    }

    public JobView get(long id) {
        return view(find(id));
    }

    public Job find(long id) {
        return jobs.findById(id).orElseThrow(() -> new NotFoundException("job " + id + " does not exist"));
    }

    /** Jobs of this status, family and dataset, each where given; an unknown family is a 400. */
    public Page<JobView> list(JobStatus status, String model, String dataset, Pageable page) {
        if (model != null && families.find(model).isEmpty()) {
            throw new InvalidFieldException(
                    "model",
                    "'" + Echo.value(model) + "' is not a model family; these are: "
                            + String.join(", ", families.ids()));
        }
        return jobs.findFiltered(status, model, dataset, page).map(this::view);
    }

    /** Cancels a queued job at once, or asks the worker of a running one to stop at its next step. */
    public JobView cancel(long id) {
        Job.Cancellation cancellation = transitions
                .cancel(id, clock.instant())
                .orElseThrow(() -> new NotFoundException("job " + id + " does not exist"));
        switch (cancellation) {
            case REQUESTED -> events.publishEvent(new JobEvents.CancelRequested(id));
            case TOO_LATE ->
                throw new ConflictException(
                        "job " + id + " is already " + find(id).getStatus() + " and cannot be cancelled");
            case CANCELLED -> {}
        }
        return get(id);
    }

    /**
     * Puts a FAILED or CANCELLED job back in the queue, to resume from its last checkpoint (from
     * scratch if it has none) with its history up to there; a conflict for a job in any other state.
     */
    public JobView retry(long id) {
        Job job = find(id);
        if ((job.getStatus() == JobStatus.FAILED || job.getStatus() == JobStatus.CANCELLED)
                && !datasets.names().contains(job.getDataset())) {
            throw new ConflictException(
                    "job " + id + " cannot be retried: its dataset '" + job.getDataset() + "' no longer exists");
        }
        boolean retried =
                transitions.retry(id).orElseThrow(() -> new NotFoundException("job " + id + " does not exist"));
        if (!retried) {
            throw new ConflictException(
                    "job " + id + " is " + find(id).getStatus() + ": only a FAILED or CANCELLED job can be retried");
        }
        events.publishEvent(new JobEvents.Submitted(id));
        return get(id);
    }

    /**
     * Deletes a finished job with its history, checkpoint and model ({@link JobTransitions#delete});
     * a conflict for a queued or running one.
     */
    public void delete(long id) {
        boolean deleted = transitions
                .delete(id, outputs)
                .orElseThrow(() -> new NotFoundException("job " + id + " does not exist"));
        if (!deleted) {
            throw new ConflictException(
                    "job " + id + " is " + find(id).getStatus() + ": cancel it first, or wait for it to finish");
        }
    }

    public JobSpec spec(Job job) {
        Map<String, Object> values =
                json.readValue(job.getSpec(), new TypeReference<LinkedHashMap<String, Object>>() {});
        return JobSpec.of(
                family(job),
                job.getDataset(),
                (String) values.get("variant"),
                ((Number) values.get("seed")).longValue(),
                values);
    }

    /** The family the job trains. */
    public ModelFamily family(Job job) {
        return families.require(job.getModel());
    }

    public JobView view(Job job) {
        JobSpec spec = spec(job);
        long remaining = job.getTotalIterations() - job.getIteration();
        Long eta = null;
        Double stepsPerSecond = null;
        if (job.getStatus() == JobStatus.RUNNING && job.getImagesPerSecond() != null && job.getImagesPerSecond() > 0) {
            TrainingSettings settings = spec.trainingSettings();
            int examplesPerStep =
                    settings.batchSize() * family(job).objective(settings).batchesPerStep();
            stepsPerSecond = Math.round(10.0 * job.getImagesPerSecond() / examplesPerStep) / 10.0;
            eta = Math.round(remaining * examplesPerStep / job.getImagesPerSecond());
        }
        // A job that continues a model counts its own steps.
        long start = spec.startIteration();
        double percent = job.getTotalIterations() <= start
                ? 0
                : Math.round(1000.0 * Math.max(0, job.getIteration() - start) / (job.getTotalIterations() - start))
                        / 10.0;
        var progress = new JobView.Progress(
                job.getIteration(),
                job.getTotalIterations(),
                job.getEpoch(),
                spec.epochs(),
                percent,
                job.getImagesPerSecond(),
                stepsPerSecond,
                eta);
        return new JobView(
                job.getId(),
                job.getStatus(),
                job.getModel(),
                job.getDataset(),
                spec,
                progress,
                job.getAttempts(),
                job.getCreatedAt(),
                job.getStartedAt(),
                job.getFinishedAt(),
                job.getError(),
                job.getModelId(),
                job.getQuality() == null ? null : json.readValue(job.getQuality(), QualityReport.class),
                job.getSubmittedBy());
    }
}
