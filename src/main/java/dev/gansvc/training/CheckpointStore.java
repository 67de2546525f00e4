package dev.gansvc.training;

import dev.gansvc.engine.model.GenerativeModel;
import dev.gansvc.jobs.JobLease;
import dev.gansvc.jobs.JobTransitions;
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
 * the worker still holds the job, locking its row until the write commits, so a worker whose
 * job was taken over writes nothing.
 */
@Component
public class CheckpointStore {

    private final JobTransitions transitions;
    private final ArtifactRepository artifacts;
    private final CheckpointRepository checkpoints;
    private final TrainedModelRepository models;
    private final JsonMapper json;
    private final Clock clock;

    public CheckpointStore(
            JobTransitions transitions,
            ArtifactRepository artifacts,
            CheckpointRepository checkpoints,
            TrainedModelRepository models,
            JsonMapper json,
            Clock clock) {
        this.json = json;
        this.transitions = transitions;
        this.artifacts = artifacts;
        this.checkpoints = checkpoints;
        this.models = models;
        this.clock = clock;
    }

    /** The saved model of the job's latest checkpoint, if any. */
    @Transactional(readOnly = true)
    public Optional<byte[]> latest(long jobId) {
        return checkpoints
                .findById(jobId)
                .flatMap(c -> artifacts.findById(c.getArtifactId()))
                .map(Artifact::getContent);
    }

    @Transactional
    public void save(JobLease lease, long iteration, int epoch, byte[] artifact) {
        assertHeld(lease);
        long jobId = lease.jobId();
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
    public long complete(JobLease lease, String dataset, GenerativeModel model, byte[] artifact, String quality) {
        assertHeld(lease);
        long jobId = lease.jobId();
        Artifact saved = artifacts.save(new Artifact(artifact, clock.instant()));
        TrainedModel trained = models.save(TrainedModel.of(
                model,
                jobId,
                dataset,
                json.writeValueAsString(model.parameterCounts()),
                saved.getId(),
                clock.instant()));
        discard(jobId);
        if (!transitions.succeed(lease, trained.getId(), quality, clock.instant())) {
            throw new LostOwnershipException(jobId);
        }
        return trained.getId();
    }

    /**
     * Marks the job FAILED; false, and nothing written, if the lease no longer holds the job. Its
     * checkpoint stays, for a retry ({@code POST /jobs/{id}/retry}) to resume from.
     */
    @Transactional
    public boolean fail(JobLease lease, String error) {
        return transitions.fail(lease, error, clock.instant());
    }

    /** As {@link #fail}, for a job its holder stopped because it was cancelled; its checkpoint stays too. */
    @Transactional
    public boolean cancel(JobLease lease) {
        return transitions.stopCancelled(lease, clock.instant());
    }

    /** Drops the checkpoint of a job that will not resume from it. */
    @Transactional
    public void discard(long jobId) {
        checkpoints.findById(jobId).ifPresent(c -> {
            checkpoints.delete(c);
            checkpoints.flush();
            artifacts.deleteById(c.getArtifactId());
        });
    }

    /** Locks the job's row for the rest of the transaction if the lease still holds it (a heartbeat too). */
    private void assertHeld(JobLease lease) {
        if (!transitions.holdBy(lease, clock.instant())) {
            throw new LostOwnershipException(lease.jobId());
        }
    }
}
