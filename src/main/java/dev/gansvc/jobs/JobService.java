package dev.gansvc.jobs;

import dev.gansvc.datasets.DatasetCatalog;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.model.Architecture;
import dev.gansvc.engine.model.ObjectiveOptions;
import dev.gansvc.engine.model.Recipe;
import dev.gansvc.engine.model.TrainingPlan;
import dev.gansvc.engine.model.TrainingSettings;
import dev.gansvc.engine.quality.QualityReport;
import dev.gansvc.web.ConflictException;
import dev.gansvc.web.InvalidFieldException;
import dev.gansvc.web.NotFoundException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Submitting, reading and cancelling jobs. */
@Service
public class JobService {

    private final JobRepository jobs;
    private final JobTransitions transitions;
    private final DatasetCatalog datasets;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public JobService(JobRepository jobs, JobTransitions transitions, DatasetCatalog datasets, JsonMapper json,
            ApplicationEventPublisher events, Clock clock) {
        this.jobs = jobs;
        this.transitions = transitions;
        this.datasets = datasets;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    /** Validates the request against the catalogues, fills in defaults and queues the job. */
    public JobView submit(JobRequest request) {
        Architecture architecture = ModelCatalog.find(request.model()).orElseThrow(() -> new InvalidFieldException(
                "model", "unknown model '" + request.model() + "'; available: " + ModelCatalog.names()));
        Dataset dataset = datasets.find(request.dataset()).orElseThrow(() -> new InvalidFieldException(
                "dataset", "unknown dataset '" + request.dataset() + "'; available: " + datasets.names()));
        ModelOptions.rejectInapplicable(architecture, request);
        String variant = architecture.variants().isEmpty() ? null
                : Objects.requireNonNullElse(request.variant(), architecture.variants().get(0));
        architecture.unsupported(dataset.exampleShape(), dataset.classCount(), variant).ifPresent(reason -> {
            throw new InvalidFieldException(variant == null ? "dataset" : "variant",
                    "model '%s' %s; dataset '%s' has examples of shape %s%s".formatted(architecture.id(), reason,
                            request.dataset(), Arrays.toString(dataset.exampleShape()),
                            dataset.classCount() > 1 ? " in " + dataset.classCount() + " classes" : ""));
        });
        Recipe defaults = Recipe.defaults(architecture, dataset, variant == null ? "" : variant);
        ObjectiveOptions options = defaults.options();
        JobSpec spec = new JobSpec(architecture.id(), request.dataset(),
                Objects.requireNonNullElse(request.epochs(), defaults.epochs()),
                Objects.requireNonNullElse(request.batchSize(), defaults.batchSize()),
                Objects.requireNonNullElse(request.latentDim(), defaults.latentDim()),
                request.seed() != null ? request.seed() : ThreadLocalRandom.current().nextLong(1L << 48),
                Objects.requireNonNullElse(request.discriminatorSteps(), defaults.discriminatorSteps()),
                Objects.requireNonNullElse(request.learningRate(), defaults.learningRate()),
                Objects.requireNonNullElse(request.beta1(), defaults.beta1()),
                Objects.requireNonNullElse(request.loss(), defaults.loss().id()),
                Objects.requireNonNullElse(request.learningRateSchedule(), defaults.schedule().id()),
                Objects.requireNonNullElse(request.generatorAverage(), defaults.generatorAverage()),
                Objects.requireNonNullElse(request.beta2(), defaults.beta2()), variant,
                Objects.requireNonNullElse(request.noiseLevel(), options.noiseLevel()),
                Objects.requireNonNullElse(request.margin(), options.margin()),
                Objects.requireNonNullElse(request.pullAwayWeight(), options.pullAwayWeight()),
                Objects.requireNonNullElse(request.gradientPenalty(), options.gradientPenalty()),
                architecture.packs() ? Objects.requireNonNullElse(request.packing(), 1) : null,
                Objects.requireNonNullElse(request.r1Gamma(), options.r1Gamma()),
                Objects.requireNonNullElse(request.r1Until(), options.r1Until()));
        if (spec.r1Gamma() > 0 && architecture.discriminatorNormalisesBatches(dataset.exampleShape())) {
            throw new InvalidFieldException("r1Gamma", "model '%s' on examples of shape %s has a discriminator with batch norm, and R1 needs one that judges each example on its own"
                    .formatted(architecture.id(), Arrays.toString(dataset.exampleShape())));
        }
        if (spec.batchSize() % spec.examplesPerJudgement() != 0) {
            throw new InvalidFieldException(request.packing() != null ? "packing" : "batchSize",
                    "batchSize %d is not a multiple of packing %d: the discriminator judges whole packs"
                            .formatted(spec.batchSize(), spec.examplesPerJudgement()));
        }
        TrainingSettings settings = spec.trainingSettings();
        TrainingPlan plan = TrainingPlan.of(architecture.objective(settings), settings, dataset.size());
        if (plan.iterationsPerEpoch() < 1) {
            throw new InvalidFieldException("batchSize", "one step needs %d examples, but dataset '%s' has %d for training"
                    .formatted(plan.examplesPerStep(settings), spec.dataset(), plan.trainingExamples()));
        }
        Job job = jobs.save(new Job(spec.model(), spec.dataset(), json.writeValueAsString(spec),
                plan.totalIterations(), clock.instant()));
        events.publishEvent(new JobEvents.Submitted(job.getId()));
        return view(job);
    }

    public JobView get(long id) {
        return view(find(id));
    }

    public Job find(long id) {
        return jobs.findById(id).orElseThrow(() -> new NotFoundException("job " + id + " does not exist"));
    }

    public Page<JobView> list(JobStatus status, Pageable page) {
        Page<Job> result = status == null ? jobs.findAll(page) : jobs.findByStatus(status, page);
        return result.map(this::view);
    }

    /** Cancels a queued job at once, or asks the worker of a running one to stop at its next step. */
    public JobView cancel(long id) {
        Job.Cancellation cancellation = transitions.cancel(id, clock.instant())
                .orElseThrow(() -> new NotFoundException("job " + id + " does not exist"));
        switch (cancellation) {
            case REQUESTED -> events.publishEvent(new JobEvents.CancelRequested(id));
            case TOO_LATE -> throw new ConflictException(
                    "job " + id + " is already " + find(id).getStatus() + " and cannot be cancelled");
            case CANCELLED -> {
            }
        }
        return get(id);
    }

    public JobSpec spec(Job job) {
        return json.readValue(job.getSpec(), JobSpec.class);
    }

    JobView view(Job job) {
        JobSpec spec = spec(job);
        long remaining = job.getTotalIterations() - job.getIteration();
        Long eta = null;
        if (job.getStatus() == JobStatus.RUNNING && job.getImagesPerSecond() != null && job.getImagesPerSecond() > 0) {
            TrainingSettings settings = spec.trainingSettings();
            int examplesPerStep = settings.batchSize() * Architecture.byId(spec.model()).orElseThrow()
                    .objective(settings).batchesPerStep();
            eta = Math.round(remaining * examplesPerStep / job.getImagesPerSecond());
        }
        double percent = job.getTotalIterations() == 0 ? 0
                : Math.round(1000.0 * job.getIteration() / job.getTotalIterations()) / 10.0;
        var progress = new JobView.Progress(job.getIteration(), job.getTotalIterations(), job.getEpoch(),
                spec.epochs(), percent, job.getImagesPerSecond(), eta);
        return new JobView(job.getId(), job.getStatus(), job.getModel(), job.getDataset(), spec, progress,
                job.getAttempts(), job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt(), job.getError(),
                job.getModelId(), job.getQuality() == null ? null : json.readValue(job.getQuality(), QualityReport.class));
    }
}
