package dev.gansvc.training;

import dev.gansvc.GanProperties;
import dev.gansvc.datasets.ClassClassifiers;
import dev.gansvc.datasets.DatasetCatalog;
import dev.gansvc.datasets.DigitClassifiers;
import dev.gansvc.engine.data.Dataset;
import dev.gansvc.engine.family.ModelFamilies;
import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.engine.model.ModelArtifact;
import dev.gansvc.engine.model.ModelFamily;
import dev.gansvc.engine.model.Trainer;
import dev.gansvc.engine.quality.QualityReport;
import dev.gansvc.jobs.Job;
import dev.gansvc.jobs.JobLease;
import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobService;
import dev.gansvc.jobs.JobSpec;
import dev.gansvc.jobs.JobTransitions;
import dev.gansvc.models.ModelService;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Runs one claimed job on the calling worker thread, from scratch or from its checkpoint. */
@Component
public class JobExecutor {

    private static final Logger log = LoggerFactory.getLogger(JobExecutor.class);

    private final JobService jobService;
    private final JobTransitions transitions;
    private final DatasetCatalog datasets;
    private final DigitClassifiers digitClassifiers;
    private final ClassClassifiers classClassifiers;
    private final CheckpointStore checkpoints;
    private final TrainingRecorder.Repositories repositories;
    private final GanProperties.Jobs settings;
    private final JsonMapper json;
    private final ModelFamilies families;
    private final TrainingMeters meters;
    private final Clock clock;
    private final ModelService models;
    private final TrainingThreads threads;

    public JobExecutor(
            JobService jobService,
            JobRepository jobs,
            JobTransitions transitions,
            DatasetCatalog datasets,
            DigitClassifiers digitClassifiers,
            ClassClassifiers classClassifiers,
            CheckpointStore checkpoints,
            GanProperties properties,
            JsonMapper json,
            ModelFamilies families,
            TrainingMeters meters,
            Clock clock,
            ModelService models) {
        this.models = models;
        this.threads = TrainingThreads.of(properties.workers());
        this.jobService = jobService;
        this.transitions = transitions;
        this.datasets = datasets;
        this.digitClassifiers = digitClassifiers;
        this.classClassifiers = classClassifiers;
        this.checkpoints = checkpoints;
        this.repositories = new TrainingRecorder.Repositories(transitions, jobs, checkpoints);
        this.settings = properties.jobs();
        this.json = json;
        this.families = families;
        this.meters = meters;
        this.clock = clock;
    }

    void execute(JobLease lease, JobControl control) {
        long jobId = lease.jobId();
        try (Heartbeat alive = Heartbeat.start(transitions, lease, settings.heartbeatInterval(), clock, control)) {
            run(jobService.find(jobId), lease, control);
        } catch (LostOwnershipException e) {
            log.warn("{}: stopping", e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("job {} failed", jobId, e);
            fail(lease, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void run(Job job, JobLease lease, JobControl control) {
        long jobId = job.getId();
        JobSpec spec = jobService.spec(job);
        Dataset data = datasets.find(spec.dataset())
                .orElseThrow(
                        () -> new IllegalStateException("dataset '" + spec.dataset() + "' is no longer configured"));
        Optional<GenerativeModel> resumed;
        try {
            resumed =
                    checkpoints.latest(jobId).map(bytes -> ModelArtifact.readModel(bytes, spec.optimizer(), families));
        } catch (RuntimeException e) {
            // A retry would fail on it again: it starts from scratch instead.
            if (checkpoints.fail(lease, "cannot resume from checkpoint: " + e.getMessage())) {
                checkpoints.discard(jobId);
            }
            return;
        }
        if (resumed.isEmpty() && spec.from() != null) {
            // A job that continues a model starts from its weights and optimiser state.
            Optional<byte[]> parent = models.archiveOf(spec.from().model());
            if (parent.isEmpty()) {
                checkpoints.fail(lease, "model " + spec.from().model() + ", which this job continues, was deleted");
                return;
            }
            resumed = parent.map(bytes -> ModelArtifact.readModel(bytes, spec.optimizer(), families));
        }
        ModelFamily family = jobService.family(job);
        GenerativeModel model = resumed.orElseGet(() -> GenerativeModel.create(
                family,
                family.shape(spec.latentDim(), data.exampleShape(), data.classCount(), spec.variant(), spec.options()),
                spec.optimizer(),
                spec.seed()));
        // Whatever was recorded after the checkpoint is recorded again by the resumed run.
        if (!transitions.resumeAt(lease, model.iteration(), clock.instant())) {
            log.warn("job {} was taken over elsewhere before it could start; this worker stops", jobId);
            return;
        }
        int threadCount = threads.applyFor(model);
        log.info(
                "job {}: {} on {} at iteration {} of {} ({}, threads: {})",
                jobId,
                spec.model(),
                spec.dataset(),
                model.iteration(),
                job.getTotalIterations(),
                lease.worker(),
                threadCount);

        Trainer trainer = new Trainer(model, data, spec.trainingSettings());
        TrainingRecorder recorder = new TrainingRecorder(
                lease,
                spec,
                trainer.plan(),
                control,
                model,
                repositories,
                settings,
                () -> quality(trainer, spec),
                meters.forRun(spec.model(), lease.worker()),
                clock);
        Trainer.Outcome outcome = trainer.train(recorder, recorder::shouldStop);
        recorder.flush();
        if (recorder.lostOwnership()) {
            log.warn("job {} was taken over elsewhere; this worker stops", jobId);
        } else if (outcome == Trainer.Outcome.COMPLETED) {
            // A run resumed from the checkpoint after the last step trained nothing: it measures
            // and stores the model it resumed with.
            recorder.checkpointAtEnd();
            if (recorder.lostOwnership()) {
                log.warn("job {} was taken over elsewhere; this worker stops", jobId);
                return;
            }
            long modelId = checkpoints.complete(
                    lease, spec.dataset(), model, ModelArtifact.write(model), quality(trainer, spec));
            log.info("job {} succeeded: model {}", jobId, modelId);
        } else if (control.cancelled()) {
            checkpoints.cancel(lease);
            log.info("job {} cancelled at iteration {}", jobId, model.iteration());
        } else {
            recorder.checkpoint();
            if (transitions.release(lease)) {
                log.info(
                        "job {} paused at iteration {} for shutdown; it resumes on the next start",
                        jobId,
                        model.iteration());
            } else {
                log.warn("job {} was taken over elsewhere before it could be paused", jobId);
            }
        }
    }

    /** The quality of the trainer's model now, as JSON; null where nothing applies. */
    private String quality(Trainer trainer, JobSpec spec) {
        return QualityReport.measure(
                        trainer,
                        spec.dataset(),
                        spec.seed(),
                        digitClassifiers.forDataset(spec.dataset()),
                        classClassifiers)
                .map(json::writeValueAsString)
                .orElse(null);
    }

    private void fail(JobLease lease, String error) {
        try {
            checkpoints.fail(lease, error);
        } catch (RuntimeException e) {
            log.error("could not mark job {} failed", lease.jobId(), e);
        }
    }
}
