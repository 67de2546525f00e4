package dev.gansvc.jobs;

import java.util.Objects;

/**
 * A worker's hold on the job it claimed, handed out by the claim ({@link Job#lease()}) and shown
 * with every write the worker makes to that job: heartbeat, progress, checkpoint, outcome.
 * {@link Job#isHeldBy} alone decides whether it still holds. Today a lease is the worker's name,
 * which is unique per worker thread and instance; a fencing token that changes at every claim
 * would be one more component here, set in {@link Job#claim} and compared in {@link Job#isHeldBy},
 * and no worker code would change.
 */
public record JobLease(long jobId, String worker) {

    public JobLease {
        Objects.requireNonNull(worker, "worker");
    }

    @Override
    public String toString() {
        return "job " + jobId + " held by " + worker;
    }
}
