package dev.gansvc.training;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The latest saved state of an unfinished job; its weights are an artifact. */
@Entity
@Table(name = "checkpoints")
public class Checkpoint {

    @Id
    @Column(name = "job_id")
    private Long jobId;

    private long iteration;
    private int epoch;

    @Column(name = "artifact_id", nullable = false)
    private long artifactId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Checkpoint() {}

    public Checkpoint(long jobId, long iteration, int epoch, long artifactId, Instant createdAt) {
        this.jobId = jobId;
        this.iteration = iteration;
        this.epoch = epoch;
        this.artifactId = artifactId;
        this.createdAt = createdAt;
    }

    public Long getJobId() {
        return jobId;
    }

    public long getIteration() {
        return iteration;
    }

    public int getEpoch() {
        return epoch;
    }

    public long getArtifactId() {
        return artifactId;
    }
}
