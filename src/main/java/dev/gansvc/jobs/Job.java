package dev.gansvc.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A training job. Workers change its state only through the conditional updates of
 * {@link JobRepository}, so that several service instances can share the table.
 */
@Entity
@Table(name = "jobs")
public class Job {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobStatus status;

    @Column(nullable = false)
    private String model;

    @Column(nullable = false)
    private String dataset;

    /** The resolved {@link JobSpec} as JSON. */
    @Column(nullable = false)
    private String spec;

    @Column(name = "total_iterations", nullable = false)
    private long totalIterations;

    private long iteration;
    private int epoch;

    @Column(name = "images_per_second")
    private Double imagesPerSecond;

    private String worker;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    private int attempts;

    @Column(name = "cancel_requested")
    private boolean cancelRequested;

    private String error;

    /** {@link dev.gansvc.engine.quality.QualityReport} as JSON, once the job has succeeded. */
    private String quality;

    @Column(name = "model_id")
    private Long modelId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Job() {
    }

    public Job(String model, String dataset, String spec, long totalIterations, Instant createdAt) {
        this.status = JobStatus.QUEUED;
        this.model = model;
        this.dataset = dataset;
        this.spec = spec;
        this.totalIterations = totalIterations;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public JobStatus getStatus() {
        return status;
    }

    public String getModel() {
        return model;
    }

    public String getDataset() {
        return dataset;
    }

    public String getSpec() {
        return spec;
    }

    public long getTotalIterations() {
        return totalIterations;
    }

    public long getIteration() {
        return iteration;
    }

    public int getEpoch() {
        return epoch;
    }

    public Double getImagesPerSecond() {
        return imagesPerSecond;
    }

    public String getWorker() {
        return worker;
    }

    public Instant getHeartbeatAt() {
        return heartbeatAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    public String getError() {
        return error;
    }

    public String getQuality() {
        return quality;
    }

    public Long getModelId() {
        return modelId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
