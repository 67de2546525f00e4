package dev.gansvc.support;

import static org.assertj.core.api.Assertions.fail;

import dev.gansvc.jobs.Job;
import dev.gansvc.jobs.JobRepository;
import dev.gansvc.jobs.JobStatus;
import java.time.Duration;
import java.util.function.Predicate;

/** Waiting on job state in tests that run real training. */
public final class Jobs {

    private Jobs() {}

    public static Job awaitStatus(JobRepository jobs, long id, JobStatus status, Duration timeout) {
        return await(jobs, id, j -> j.getStatus() == status, "status " + status, timeout);
    }

    public static Job await(JobRepository jobs, long id, Predicate<Job> condition, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Job job = null;
        while (System.nanoTime() < deadline) {
            job = jobs.findById(id).orElseThrow();
            if (condition.test(job)) {
                return job;
            }
            if (job.getStatus() == JobStatus.FAILED) {
                fail("job " + id + " failed: " + job.getError());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fail("job " + id + " did not reach " + what + " within " + timeout + "; last: "
                + (job == null ? "none" : job.getStatus() + " at iteration " + job.getIteration()));
    }
}
