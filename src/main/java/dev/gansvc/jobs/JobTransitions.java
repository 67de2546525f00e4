package dev.gansvc.jobs;

import dev.gansvc.engine.model.LossPoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one move of a job's life cycle ({@link Job}) atomically: locks the job's row, lets the
 * job decide whether the move may be made and make it, and commits. Row locks, not optimistic
 * versions, order the moves, so that two workers (on any instances sharing the database) never
 * both claim a job, and the two threads of one worker (its heartbeat timer, its training loop)
 * wait for each other instead of failing on a version conflict that would read as a lost hold.
 *
 * <p>Each method joins a transaction already open, so a caller can check its hold and write
 * its own rows in one transaction (see {@code CheckpointStore}); the row stays locked until
 * that transaction ends.
 */
@Service
public class JobTransitions {

    private final JobRepository jobs;
    private final LossPointRepository lossPoints;
    private final SnapshotRepository snapshots;

    public JobTransitions(JobRepository jobs, LossPointRepository lossPoints, SnapshotRepository snapshots) {
        this.jobs = jobs;
        this.lossPoints = lossPoints;
        this.snapshots = snapshots;
    }

    /**
     * Claims a queued job for {@code worker}; empty if it is not queued any more, or if another
     * transaction holds its row right now (most likely another worker claiming it): a worker
     * never waits on another's claim.
     */
    @Transactional
    public Optional<JobLease> claim(long id, String worker, Instant now) {
        Optional<Job> job = jobs.lockByIdUnlessLocked(id);
        return job.isPresent() && job.get().claim(worker, now)
                ? Optional.of(job.get().lease())
                : Optional.empty();
    }

    /** Renews the hold (heartbeat); false if the job is no longer the lease holder's. */
    @Transactional
    public boolean holdBy(JobLease lease, Instant now) {
        return apply(lease.jobId(), job -> job.holdBy(lease, now), false);
    }

    /**
     * The holder's progress and the loss points recorded since its last report, written together
     * or not at all; false (and nothing written) if the job is no longer the lease holder's.
     */
    @Transactional
    public boolean reportProgress(
            JobLease lease, List<LossPoint> points, long iteration, int epoch, Double imagesPerSecond, Instant now) {
        boolean held =
                apply(lease.jobId(), job -> job.reportProgress(lease, iteration, epoch, imagesPerSecond, now), false);
        if (held && !points.isEmpty()) {
            lossPoints.insertAll(lease.jobId(), points);
        }
        return held;
    }

    /**
     * The holder's sample grid of an epoch, with the quality measured then (JSON; null when not
     * measured); false (and nothing written) if it no longer holds the job.
     */
    @Transactional
    public boolean recordSnapshot(JobLease lease, int epoch, long iteration, byte[] png, String quality, Instant now) {
        boolean held = holdBy(lease, now);
        if (held) {
            snapshots.insert(lease.jobId(), epoch, iteration, png, quality, now);
        }
        return held;
    }

    /**
     * The holder resumes at {@code iteration}: whatever an earlier claim recorded after it goes,
     * since this run records it again. False (and nothing deleted) if it no longer holds the job.
     */
    @Transactional
    public boolean resumeAt(JobLease lease, long iteration, Instant now) {
        boolean held = holdBy(lease, now);
        if (held) {
            lossPoints.deleteAfter(lease.jobId(), iteration);
            snapshots.deleteAfter(lease.jobId(), iteration);
        }
        return held;
    }

    @Transactional
    public boolean succeed(JobLease lease, long modelId, String quality, Instant now) {
        return apply(lease.jobId(), job -> job.succeed(lease, modelId, quality, now), false);
    }

    @Transactional
    public boolean fail(JobLease lease, String error, Instant now) {
        return apply(lease.jobId(), job -> job.fail(lease, error, now), false);
    }

    @Transactional
    public boolean stopCancelled(JobLease lease, Instant now) {
        return apply(lease.jobId(), job -> job.stopCancelled(lease, now), false);
    }

    @Transactional
    public boolean release(JobLease lease) {
        return apply(lease.jobId(), job -> job.release(lease), false);
    }

    /** Cancels a job, or asks its worker to; empty if there is no such job. */
    @Transactional
    public Optional<Job.Cancellation> cancel(long id, Instant now) {
        return jobs.lockById(id).map(job -> job.cancel(now));
    }

    /** Puts a failed or cancelled job back in the queue; empty if there is no such job, false if it is in another state. */
    @Transactional
    public Optional<Boolean> retry(long id) {
        return jobs.lockById(id).map(Job::retry);
    }

    /**
     * Deletes a finished job with its loss points, sample grids and {@code outputs} (its
     * checkpoint and model: passed in, as training's checkpoint store depends on this class), all
     * or nothing, under its row lock: no worker claims or writes it meanwhile, and one that still
     * tries later finds no job. Empty if there is no such job, false (nothing deleted) if it has
     * not finished.
     */
    @Transactional
    public Optional<Boolean> delete(long id, JobOutputs outputs) {
        return jobs.lockById(id).map(job -> {
            if (!job.mayBeDeleted()) {
                return false;
            }
            // What points at the job goes first: the foreign keys are checked at each statement.
            outputs.deleteOf(id);
            lossPoints.deleteAll(id);
            snapshots.deleteAll(id);
            jobs.delete(job);
            return true;
        });
    }

    @Transactional
    public Job.Reclaim reclaimIfStale(long id, Instant cutoff, int maxAttempts, Instant now) {
        return apply(id, job -> job.reclaimIfStale(cutoff, maxAttempts, now), Job.Reclaim.NONE);
    }

    @Transactional
    public Job.Reclaim reclaimFromPreviousRun(long id, String instancePrefix, int maxAttempts, Instant now) {
        return apply(id, job -> job.reclaimFromPreviousRun(instancePrefix, maxAttempts, now), Job.Reclaim.NONE);
    }

    private <T> T apply(long id, Function<Job, T> move, T ifMissing) {
        return jobs.lockById(id).map(move).orElse(ifMissing);
    }
}
