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
import java.util.Objects;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A training job, and the one place that changes its state: each method below is one move of
 * its life cycle, with the guard that decides whether it may be made now (the state it expects,
 * the worker that must hold it, the stale cutoff, the attempts left). A method whose guard does
 * not hold changes nothing and returns false (or says why in what it returns).
 *
 * <p>{@link JobTransitions} applies one move at a time to the row it has locked, so that workers
 * and API calls on any number of instances sharing the table see each other's moves in order;
 * nothing else writes a job after it was queued.
 */
@Entity
@Table(name = "jobs")
@DynamicUpdate // a heartbeat writes heartbeat_at, not the whole row
public class Job {

    /** The longest error message the jobs table holds. */
    static final int MAX_ERROR_LENGTH = 4000;

    /** What {@link #cancel} did. */
    public enum Cancellation {
        /** The job was queued and is now cancelled. */
        CANCELLED,
        /** The job is running: its worker is asked to stop at its next step and record the cancellation. */
        REQUESTED,
        /** The job had already finished; nothing changed. */
        TOO_LATE
    }

    /** What {@link #reclaimIfStale} did. */
    public enum Reclaim {
        /** Back in the queue, to resume from its checkpoint. */
        REQUEUED,
        /** Failed: it was interrupted on every attempt it had. */
        GAVE_UP,
        /** Not a running job whose worker stopped reporting; nothing changed. */
        NONE
    }

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

    /** Claims so far, never undone: the fencing token of the current lease. */
    private int claims;

    @Column(name = "cancel_requested")
    private boolean cancelRequested;

    private String error;

    /** {@link dev.gansvc.engine.quality.QualityReport} as JSON, once the job has succeeded. */
    private String quality;

    @Column(name = "model_id")
    private Long modelId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The API key that submitted the job; null when it came without one (open mode). */
    @Column(name = "submitted_by")
    private Long submittedBy;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Job() {}

    public Job(String model, String dataset, String spec, long totalIterations, Instant createdAt) {
        this.status = JobStatus.QUEUED;
        this.model = model;
        this.dataset = dataset;
        this.spec = spec;
        this.totalIterations = totalIterations;
        this.createdAt = createdAt;
    }

    // ---- the life cycle ------------------------------------------------------------------

    /**
     * QUEUED to RUNNING for {@code worker}: it holds the job from now on ({@link #lease()}), and
     * this is one more attempt. The first claim sets the start time.
     */
    public boolean claim(String worker, Instant now) {
        Objects.requireNonNull(worker, "worker");
        if (status != JobStatus.QUEUED) {
            return false;
        }
        moveTo(JobStatus.RUNNING);
        this.worker = worker;
        heartbeatAt = now;
        if (startedAt == null) {
            startedAt = now;
        }
        attempts++;
        claims++;
        return true;
    }

    /** The hold of the worker that claimed this running job, fenced by the claim's number. */
    public JobLease lease() {
        if (status != JobStatus.RUNNING) {
            throw new IllegalStateException("job " + id + " is " + status + ": no worker holds it");
        }
        return new JobLease(id, worker, claims);
    }

    /**
     * Whether {@code lease} is the current hold on this job: it is running, for that claim (the
     * fencing token: a worker of the same name holding an earlier claim does not). Every write
     * of a worker is guarded by this, and by nothing else.
     */
    public boolean isHeldBy(JobLease lease) {
        return status == JobStatus.RUNNING
                && id != null
                && id == lease.jobId()
                && claims == lease.claim()
                && Objects.equals(worker, lease.worker());
    }

    /** The holder renews its hold (a heartbeat), so that the job does not go stale. */
    public boolean holdBy(JobLease lease, Instant now) {
        if (!isHeldBy(lease)) {
            return false;
        }
        heartbeatAt = now;
        return true;
    }

    /** The holder reports how far training got; this renews its hold too. */
    public boolean reportProgress(JobLease lease, long iteration, int epoch, Double imagesPerSecond, Instant now) {
        if (!holdBy(lease, now)) {
            return false;
        }
        this.iteration = iteration;
        this.epoch = epoch;
        this.imagesPerSecond = imagesPerSecond;
        return true;
    }

    /** RUNNING to SUCCEEDED by the holder, with the stored model and its quality figures (JSON, may be null). */
    public boolean succeed(JobLease lease, long modelId, String quality, Instant now) {
        if (!isHeldBy(lease)) {
            return false;
        }
        this.modelId = modelId;
        this.quality = quality;
        end(JobStatus.SUCCEEDED, now);
        return true;
    }

    /** RUNNING to FAILED by the holder, with why (cut to what the table holds). */
    public boolean fail(JobLease lease, String error, Instant now) {
        if (!isHeldBy(lease)) {
            return false;
        }
        this.error = truncate(error);
        end(JobStatus.FAILED, now);
        return true;
    }

    /** RUNNING to CANCELLED by the holder, which stopped because a cancellation was requested ({@link #cancel}). */
    public boolean stopCancelled(JobLease lease, Instant now) {
        if (!isHeldBy(lease) || !cancelRequested) {
            return false;
        }
        end(JobStatus.CANCELLED, now);
        return true;
    }

    /**
     * RUNNING back to QUEUED by the holder, which stops for a shutdown after saving a checkpoint
     * to resume from. A shutdown is not a failed attempt, so this claim is not counted.
     */
    public boolean release(JobLease lease) {
        if (!isHeldBy(lease)) {
            return false;
        }
        moveTo(JobStatus.QUEUED);
        worker = null;
        attempts--;
        return true;
    }

    /**
     * A user cancels: a queued job is cancelled at once; a running one is flagged, for its worker
     * to stop at its next step and record it ({@link #stopCancelled}).
     */
    public Cancellation cancel(Instant now) {
        switch (status) {
            case QUEUED -> {
                moveTo(JobStatus.CANCELLED);
                finishedAt = now;
                return Cancellation.CANCELLED;
            }
            case RUNNING -> {
                cancelRequested = true;
                return Cancellation.REQUESTED;
            }
            default -> {
                return Cancellation.TOO_LATE;
            }
        }
    }

    /**
     * A user retries a FAILED or CANCELLED job: back to the queue, to resume from its checkpoint
     * (kept when it failed or was cancelled; from scratch if there is none), keeping the history
     * recorded up to it. The error, the end time and the cancel flag go, and the attempts start
     * again at zero, so that {@code gan.jobs.max-attempts} applies afresh. False, and nothing
     * changed, for a job in any other state.
     */
    public boolean retry() {
        if (status != JobStatus.FAILED && status != JobStatus.CANCELLED) {
            return false;
        }
        moveTo(JobStatus.QUEUED);
        worker = null;
        error = null;
        finishedAt = null;
        cancelRequested = false;
        attempts = 0;
        return true;
    }

    /**
     * Whether a user may delete the job with everything it recorded and its model: only once it
     * has finished, when no worker holds it and none will claim it (a queued or running job is
     * cancelled first). A retry could make it queued again, hence the check under the row lock.
     */
    public boolean mayBeDeleted() {
        return status.isFinal();
    }

    /** Whether a running job's worker has not shown it holds the job since {@code cutoff}. */
    public boolean isStale(Instant cutoff) {
        return status == JobStatus.RUNNING && (heartbeatAt == null || heartbeatAt.isBefore(cutoff));
    }

    /**
     * Takes the job back from a worker that stopped reporting (its instance crashed or was
     * killed): back to the queue while attempts are left (fewer than {@code maxAttempts} so far),
     * to resume from its checkpoint, else FAILED.
     */
    public Reclaim reclaimIfStale(Instant cutoff, int maxAttempts, Instant now) {
        if (!isStale(cutoff)) {
            return Reclaim.NONE;
        }
        return takeBack(maxAttempts, now, "its worker stopped reporting");
    }

    /**
     * Takes the job back from a worker of this instance's previous run ({@code instancePrefix}
     * begins the names of this instance's workers, which are the same across its restarts), at
     * start-up and before this run's workers claim anything: that run is gone, so its jobs
     * cannot be running anywhere, whatever their heartbeat says. As {@link #reclaimIfStale}
     * otherwise: the interrupted run counts as an attempt (a graceful stop would have released
     * the job), so a job that brings its instance down every time ends FAILED.
     */
    public Reclaim reclaimFromPreviousRun(String instancePrefix, int maxAttempts, Instant now) {
        Objects.requireNonNull(instancePrefix, "instancePrefix");
        if (status != JobStatus.RUNNING
                || instancePrefix.isEmpty()
                || worker == null
                || !worker.startsWith(instancePrefix)) {
            return Reclaim.NONE;
        }
        return takeBack(maxAttempts, now, "its instance stopped while running it");
    }

    private Reclaim takeBack(int maxAttempts, Instant now, String why) {
        worker = null;
        if (attempts < maxAttempts) {
            moveTo(JobStatus.QUEUED);
            return Reclaim.REQUEUED;
        }
        moveTo(JobStatus.FAILED);
        error = "training was interrupted " + maxAttempts + " times (" + why + "); giving up";
        finishedAt = now;
        return Reclaim.GAVE_UP;
    }

    private void end(JobStatus outcome, Instant now) {
        moveTo(outcome);
        worker = null;
        finishedAt = now;
        heartbeatAt = now;
    }

    private void moveTo(JobStatus next) {
        if (!status.canBecome(next)) {
            throw new IllegalStateException("job " + id + " cannot go from " + status + " to " + next);
        }
        status = next;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ERROR_LENGTH ? s : s.substring(0, MAX_ERROR_LENGTH - 3) + "...";
    }

    // ---- reading -------------------------------------------------------------------------

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

    public Long getSubmittedBy() {
        return submittedBy;
    }

    /** Records the API key that submitted the job (null: none). */
    public void submittedBy(Long keyId) {
        this.submittedBy = keyId;
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
