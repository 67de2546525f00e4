package dev.gansvc.jobs;

import java.util.Objects;

/**
 * A worker's hold on the job it claimed, handed out by the claim ({@link Job#lease()}) and shown
 * with every write the worker makes to that job: heartbeat, progress with its loss points, sample
 * grids, checkpoints, outcome. {@link Job#isHeldBy} alone decides whether it still holds.
 *
 * @param claim the job's claim count when this lease was handed out: the fencing token, which
 *     changes at every claim, so a worker paused past its lease cannot write under a later claim
 *     even when the new holder has the same name (a restarted instance)
 */
public record JobLease(long jobId, String worker, int claim) {

    public JobLease {
        Objects.requireNonNull(worker, "worker");
    }

    @Override
    public String toString() {
        return "job " + jobId + " claim " + claim + " held by " + worker;
    }
}
