package dev.gansvc.training;

import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobStatus;
import dev.gansvc.models.Artifact;
import dev.gansvc.models.ArtifactRepository;
import dev.gansvc.models.TrainedModel;
import dev.gansvc.models.TrainedModelRepository;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saves checkpoints and final models. Each write runs in one transaction that first checks
 * the worker still owns the job, so a worker whose job was taken over writes nothing.
 */
@Component
public class CheckpointStore {

    private final JobRepository jobs;
    private final ArtifactRepository artifacts;
    private final CheckpointRepository checkpoints;
    private final TrainedModelRepository models;
    private final JsonMapper json;
    private final Clock clock;

    public CheckpointStore(JobRepository jobs, ArtifactRepository artifacts, CheckpointRepository checkpoints,
            TrainedModelRepository models, JsonMapper json, Clock clock) {
        this.json = json;
        this.jobs = jobs;
        this.artifacts = artifacts;
        this.checkpoints = checkpoints;
        this.models = models;
        this.clock = clock;
    }

    /** The saved model of the job's latest checkpoint, if any. */
    @Transactional(readOnly = true)
    public Optional<byte[]> latest(long jobId) {
        return checkpoints.findById(jobId)
                .flatMap(c -> artifacts.findById(c.getArtifactId()))
                .map(Artifact::getContent);
    }

    @Transactional
    public void save(long jobId, String worker, long iteration, int epoch, byte[] artifact) {
        assertOwner(jobId, worker);
        Artifact saved = artifacts.save(new Artifact(artifact, clock.instant()));
        // Read the old artifact id before saving: the save merges onto the managed entity.
        Optional<Long> previousArtifact = checkpoints.findById(jobId).map(Checkpoint::getArtifactId);
        checkpoints.save(new Checkpoint(jobId, iteration, epoch, saved.getId(), clock.instant()));
        checkpoints.flush();
        previousArtifact.ifPresent(artifacts::deleteById);
    }

    /**
     * Stores the trained model and its quality figures (JSON, may be null), drops the checkpoint
     * and marks the job SUCCEEDED, atomically.
     */
    @Transactional
    public long complete(long jobId, String worker, String dataset, GenerativeModel model, byte[] artifact, String quality) {
        assertOwner(jobId, worker);
        if (quality != null && jobs.recordQuality(jobId, worker, quality) != 1) {
            throw new LostOwnershipException(jobId);
        }
        Artifact saved = artifacts.save(new Artifact(artifact, clock.instant()));
        TrainedModel trained = models.save(new TrainedModel(jobId, model.family().id(), dataset,
                model.latentDim(), model.exampleShape(), model.shape().classCount(),
                json.writeValueAsString(model.parameterCounts()), model.iteration(), saved.getId(), clock.instant()));
        discard(jobId);
        if (jobs.finish(jobId, worker, JobStatus.SUCCEEDED, null, trained.getId(), clock.instant()) != 1) {
            throw new LostOwnershipException(jobId);
        }
        return trained.getId();
    }

    /** Drops the checkpoint of a job that will not resume. */
    @Transactional
    public void discard(long jobId) {
        checkpoints.findById(jobId).ifPresent(c -> {
            checkpoints.delete(c);
            checkpoints.flush();
            artifacts.deleteById(c.getArtifactId());
        });
    }

    private void assertOwner(long jobId, String worker) {
        if (jobs.touch(jobId, worker, clock.instant()) != 1) {
            throw new LostOwnershipException(jobId);
        }
    }
}
